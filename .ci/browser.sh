#!/usr/bin/env bash
# The planners' dashboard in a real browser (issue 16 item 7): Debian's chromium driven by
# playwright-core against the built server on demo data, on the embedded PGlite and on the CI's
# PostgreSQL. Prints each view's load time (reported, not asserted).
#   .ci/browser.sh <PostgreSQL port> <results dir: browser-pglite.json, browser-postgresql.json for the summary>
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== the dashboard in a browser (chromium, playwright-core)"
if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
echo "$(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
npm run build >/dev/null

status=0
echo "-- on PGlite"
timeout 900 npx jest -c test/browser/jest.config.js --json --outputFile="$2/browser-pglite.json" || status=1
if [ -n "${1:-}" ]; then
  echo "-- on PostgreSQL (127.0.0.1:$1)"
  SAMREHAB_BROWSER_PG="postgres://postgres@127.0.0.1:$1/postgres" timeout 900 npx jest -c test/browser/jest.config.js --json --outputFile="$2/browser-postgresql.json" || status=1
fi
exit $status
