#!/bin/sh
# First start of the database container: the two roles samrehab needs (README "Two database roles").
# The owner owns the database and its tables and runs migrations; the app role owns nothing and is
# subject to row-level security. Passwords come from the compose file's environment.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$SAMREHAB_OWNER_PASSWORD" -v app_password="$SAMREHAB_APP_PASSWORD" <<'SQL'
CREATE ROLE samrehab_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE samrehab_app LOGIN PASSWORD :'app_password' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE DATABASE samrehab OWNER samrehab_owner;
SQL
