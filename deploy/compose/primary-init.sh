#!/usr/bin/env bash
# First start of the primary (docker-entrypoint-initdb.d): the app's role with its statement deadline (PgBouncer
# passes no SET), the replication role, and the pg_hba line the replica's pg_basebackup needs.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE multidb_app LOGIN PASSWORD 'app-secret';
ALTER ROLE multidb_app SET statement_timeout = '5s';
GRANT USAGE ON SCHEMA public TO multidb_app;
ALTER DEFAULT PRIVILEGES FOR ROLE multidb_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO multidb_app;
ALTER DEFAULT PRIVILEGES FOR ROLE multidb_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO multidb_app;
CREATE ROLE replicator REPLICATION LOGIN PASSWORD 'replication-secret';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
