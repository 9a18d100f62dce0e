#!/bin/sh
# First start of the primary's container: the roles samrehab needs (README "Two database roles") and
# the replica's. The owner owns the database and its tables and runs migrations; the app role owns
# nothing and is subject to row-level security; `replicator` may only stream the WAL to the hot
# standby. Passwords come from the compose file's environment.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$SAMREHAB_OWNER_PASSWORD" -v app_password="$SAMREHAB_APP_PASSWORD" \
  -v replicator_password="$SAMREHAB_REPLICATOR_PASSWORD" <<'SQL'
CREATE ROLE samrehab_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE samrehab_app LOGIN PASSWORD :'app_password' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE ROLE replicator LOGIN REPLICATION PASSWORD :'replicator_password';
CREATE DATABASE samrehab OWNER samrehab_owner;
SQL
# Streaming replication connections match no "all" database line: name them.
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
