#!/usr/bin/env bash
# The production image's runtime stage, without a Docker engine: the compiled dist/ with production
# dependencies only (npm ci --omit=dev, as the Dockerfile's stage does), run as an unprivileged user
# with NODE_ENV=production against the CI PostgreSQL, until the Dockerfile's own HEALTHCHECK command
# passes. Catches a runtime import of a development dependency and a start-up that needs to write
# outside DATA_DIR. Usage: .ci/container.sh <app role URL> <owner URL>
set -euo pipefail
cd "$(dirname "$0")/.."
app_url=$1
owner_url=$2
image=$(mktemp -d /tmp/samrehab-ci-image.XXXXXX)
cp package.json package-lock.json "$image/"
(cd "$image" && npm ci --omit=dev --no-audit --no-fund --silent)
cp -r dist "$image/dist"
mkdir "$image/data"
chown -R root:root "$image" && chmod -R a+rX,go-w "$image"
chown nobody "$image/data"
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
healthcheck=$(sed -n 's/^  CMD \["node", "-e", "\(.*\)"\]$/\1/p' Dockerfile)
if [ -z "$healthcheck" ]; then echo "no HEALTHCHECK command found in the Dockerfile"; exit 1; fi
key=$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")
(cd "$image" && exec runuser -u nobody -- env -i PATH="$PATH" NODE_ENV=production PORT="$port" DATA_DIR="$image/data" \
  DATABASE_URL="$app_url" DATABASE_MIGRATION_URL="$owner_url" PATIENT_DATA_KEY="$key" LOG_LEVEL=warn \
  AUTH_ISSUER=https://idp.invalid AUTH_AUDIENCE=samrehab AUTH_JWKS_URL=https://idp.invalid/jwks \
  node dist/server/main.js) &
server_pid=$!
ready=1
for _ in $(seq 1 150); do
  if PORT="$port" node -e "$healthcheck"; then ready=0; break; fi
  sleep 0.2
done
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
rm -rf "$image"
if [ "$ready" -ne 0 ]; then echo "the production layout (dist/ and production dependencies, as nobody) did not pass the Dockerfile's HEALTHCHECK"; exit 1; fi
echo "the production layout passed the Dockerfile's HEALTHCHECK as an unprivileged user"
