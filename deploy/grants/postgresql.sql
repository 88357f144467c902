-- multidb on PostgreSQL: a migration account that owns the schema objects and a runtime account that only reads
-- and writes rows. Run once per database, as a superuser, before the first migrate:
--   psql -v ON_ERROR_STOP=1 -d app -f deploy/grants/postgresql.sql
-- then give both roles their passwords (psql's \password sends only a hash): \password multidb_owner

-- DATABASE1_MIGRATION_USER: migrate and seed create every table, index and sequence, Flyway's history tables too.
CREATE ROLE multidb_owner LOGIN;
-- DATABASE1_USER: the app that serves requests.
CREATE ROLE multidb_app LOGIN;

-- Before PostgreSQL 15 every role may create objects in public; this takes that right back (a no-op from 15 on).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO multidb_owner;
GRANT USAGE ON SCHEMA public TO multidb_app;

-- Rows of the tables that exist already, and the sequences behind identity and serial columns.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO multidb_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO multidb_app;

-- The same for every table and sequence multidb_owner creates later: each new migration needs no new grant.
ALTER DEFAULT PRIVILEGES FOR ROLE multidb_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO multidb_app;
ALTER DEFAULT PRIVILEGES FOR ROLE multidb_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO multidb_app;
