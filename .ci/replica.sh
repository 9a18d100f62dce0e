#!/usr/bin/env bash
# The read replica on real PostgreSQL (README "Read replica"): a primary and a hot standby streaming
# from it, built from Debian's PostgreSQL binaries, then test/integration/read-replica.test.ts
# against the two. Usage: .ci/replica.sh <pg_bin> <results dir>. REPLICA_BASE, REPLICA_PRIMARY_PORT
# and REPLICA_STANDBY_PORT choose the directory and ports (default: a fresh temporary directory and
# free ports); REPLICA_SETUP_ONLY=1 leaves both servers running and prints the test's environment.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== read replica: a primary and a hot standby (PostgreSQL streaming replication)"
pg_bin=$1
results=$2
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
base=${REPLICA_BASE:-$(mktemp -d /tmp/samrehab-ci-replica.XXXXXX)}
primary_port=${REPLICA_PRIMARY_PORT:-$(free_port)}
standby_port=${REPLICA_STANDBY_PORT:-$(free_port)}
mkdir -p "$base"
# PostgreSQL refuses to run as root: as root, the servers run as the postgres user.
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$base"; as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi

# Both servers: loopback only, sockets in $base, no fsync (a throwaway cluster).
server_options() { echo "-c listen_addresses=127.0.0.1 -p $1 -k $base -c fsync=off"; }
as_pg "$pg_bin/initdb" -D "$base/primary" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$base/primary/postgresql.conf" <<CONF
wal_level = replica
max_wal_senders = 4
CONF
echo "host replication postgres 127.0.0.1/32 trust" >>"$base/primary/pg_hba.conf"
as_pg "$pg_bin/pg_ctl" -D "$base/primary" -l "$base/primary.log" -w -o "$(server_options "$primary_port")" start >/dev/null

# The standby's stop and start, for the test (it stops the standby to see reads fall back).
cat >"$base/standby-ctl" <<CTL
#!/usr/bin/env bash
# stop | start the hot standby
set -euo pipefail
if [ "\$(id -u)" -eq 0 ]; then run=(runuser -u postgres --); else run=(); fi
case "\$1" in
  stop) "\${run[@]}" "$pg_bin/pg_ctl" -D "$base/standby" -m fast -w stop >/dev/null ;;
  start) "\${run[@]}" "$pg_bin/pg_ctl" -D "$base/standby" -l "$base/standby.log" -w -o "$(server_options "$standby_port") -c hot_standby=on" start >/dev/null ;;
  *) echo "usage: \$0 stop|start" >&2; exit 2 ;;
esac
CTL
chmod +x "$base/standby-ctl"

teardown() {
  "$base/standby-ctl" stop 2>/dev/null || true
  as_pg "$pg_bin/pg_ctl" -D "$base/primary" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$base"
}
if [ "${REPLICA_SETUP_ONLY:-0}" != 1 ]; then trap teardown EXIT; fi

# The two roles, as .ci/run makes them (README "Two database roles"); they reach the standby with the rest.
"$pg_bin/psql" -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres <<'SQL'
CREATE ROLE samrehab_owner LOGIN;
CREATE ROLE samrehab_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE DATABASE samrehab OWNER samrehab_owner;
SQL
# A copy of the primary that streams from it (-R writes primary_conninfo and standby.signal).
as_pg "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$base/standby" -R -X stream --checkpoint=fast
"$base/standby-ctl" start
in_recovery=$("$pg_bin/psql" -Atq -h 127.0.0.1 -p "$standby_port" -U postgres -d postgres -c 'SELECT pg_is_in_recovery()')
streaming=$("$pg_bin/psql" -Atq -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -c 'SELECT count(*) FROM pg_stat_replication')
echo "primary on 127.0.0.1:$primary_port, hot standby on 127.0.0.1:$standby_port (in recovery: $in_recovery, streaming connections: $streaming)"
if [ "$in_recovery" != t ]; then echo "the standby is not in recovery"; exit 1; fi

export SAMREHAB_REPLICA_TEST_PRIMARY_URL="postgres://postgres@127.0.0.1:$primary_port/samrehab"
export SAMREHAB_REPLICA_TEST_STANDBY_URL="postgres://postgres@127.0.0.1:$standby_port/samrehab"
export SAMREHAB_REPLICA_TEST_STANDBY_CTL="$base/standby-ctl"
if [ "${REPLICA_SETUP_ONLY:-0}" = 1 ]; then
  env | grep '^SAMREHAB_REPLICA_TEST_' | sed 's/^/export /'
  exit 0
fi
status=0
timeout 600 npx jest test/integration/read-replica.test.ts --json --outputFile="$results/replica.json" || status=1
echo "== the compose topology: two instances on the primary and the standby, behind HAProxy"
timeout 300 node .ci/topology.mjs "$primary_port" "$standby_port" || status=1
exit $status
