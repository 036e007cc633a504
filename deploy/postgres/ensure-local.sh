#!/usr/bin/env bash
# Makes sure a PostgreSQL server runs on this machine (Debian/Ubuntu) with a `census` role that may
# create databases, and a database of the given name (default: census). Installs the server when it
# is missing. Idempotent: safe to run again. Prints nothing on success but its own progress lines.
#
#   deploy/postgres/ensure-local.sh [database] [--fresh]
#
# --fresh drops and recreates the database. Role password: $CENSUS_PG_PASSWORD (default "census").
set -euo pipefail

db="${1:-census}"
fresh="${2:-}"
password="${CENSUS_PG_PASSWORD:-census}"
sql_password="${password//\'/\'\'}"   # quoted for SQL: ' becomes ''

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres bash -c "$1"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  echo "ensure-local: installing PostgreSQL (apt-get)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version="$(ls /etc/postgresql | sort -V | tail -n 1)"
if [ -z "$(pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1 == v && $2 == "main"')" ]; then
  as_root pg_createcluster "$version" main >/dev/null
fi
if ! as_root pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  echo "ensure-local: starting PostgreSQL $version"
  as_root pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
  as_postgres "psql -qAtc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done

as_postgres "psql -v ON_ERROR_STOP=1 -qAt" <<SQL >/dev/null
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'census') THEN
    CREATE ROLE census LOGIN CREATEDB PASSWORD '${sql_password}';
  ELSE
    ALTER ROLE census LOGIN CREATEDB PASSWORD '${sql_password}';
  END IF;
END
\$\$;
SQL

if [ "$fresh" = "--fresh" ]; then
  as_postgres "dropdb --if-exists --force '$db'"
fi
if [ -z "$(as_postgres "psql -qAtc \"SELECT 1 FROM pg_database WHERE datname = '$db'\"")" ]; then
  as_postgres "createdb -O census '$db'"
fi
echo "ensure-local: PostgreSQL $version is running; database '$db' owned by role census"
