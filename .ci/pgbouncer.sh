#!/usr/bin/env bash
# The integration suite once more, through pgbouncer in transaction mode in front of the CI's
# PostgreSQL (issue 19 item 3): the server then runs with DATABASE_POOLER=transaction, under which
# no statement is named and no session state is kept (README "Several instances and a connection pooler").
#   .ci/pgbouncer.sh <PostgreSQL port> <results dir> [database [test paths…]]
# Writes <results dir>/pgbouncer.json (jest --json). Run as root (CI) or as a user that may run pgbouncer.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== the integration suite through pgbouncer (transaction mode)"
pg_port=$1
results=$2
database=${3:-samrehab}
shift $(($# < 3 ? $# : 3))
# The integration suite, or the suites named (while working on one).
suites=("${@:-test/integration}")

if ! command -v pgbouncer >/dev/null && [ ! -x /usr/sbin/pgbouncer ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq pgbouncer >/dev/null
fi
pgbouncer_bin=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)

dir=$(mktemp -d /tmp/samrehab-ci-pgbouncer.XXXXXX)
port=${PGBOUNCER_PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
# Trust, as the CI cluster does; pgbouncer still wants every user named in its auth_file. The
# wildcard database makes the test run's scratch databases reachable as soon as they exist.
cat >"$dir/users.txt" <<'USERS'
"postgres" ""
"samrehab_owner" ""
"samrehab_app" ""
USERS
cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$pg_port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 20
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
# pgbouncer refuses to run as root.
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres:postgres "$dir"
  runuser -u postgres -- "$pgbouncer_bin" -d "$dir/pgbouncer.ini"
else
  "$pgbouncer_bin" -d "$dir/pgbouncer.ini"
fi
stop_bouncer() {
  if [ -f "$dir/pgbouncer.pid" ]; then kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true; fi
  sleep 0.5
  rm -rf "$dir"
}
trap stop_bouncer EXIT
for _ in $(seq 1 50); do
  if node -e "require('net').connect($port,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"; then break; fi
  sleep 0.1
done
echo "pgbouncer $("$pgbouncer_bin" --version | head -n 1 | awk '{print $2}') (transaction mode) on 127.0.0.1:$port in front of 127.0.0.1:$pg_port"

status=0
DATABASE_URL="postgres://postgres@127.0.0.1:$port/$database" DATABASE_POOLER=transaction \
  timeout 1200 npm test -- "${suites[@]}" --json --outputFile="$results/pgbouncer.json" || status=1
if [ "$status" -ne 0 ]; then echo "== pgbouncer's log (last lines)"; tail -n 40 "$dir/pgbouncer.log" || true; fi
exit $status
