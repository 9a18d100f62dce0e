#!/bin/sh
# The hot standby: on its first start a base backup of the primary (pg_basebackup -R writes the
# standby's connection and standby.signal), then PostgreSQL in recovery, streaming from the primary
# through a replication slot so the primary keeps the WAL the standby has not yet replayed.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_basebackup --host=db --username=replicator --pgdata="$PGDATA" --wal-method=stream \
        --write-recovery-conf --create-slot --slot=samrehab_replica; do
    echo "waiting for the primary"; sleep 2
  done
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on
