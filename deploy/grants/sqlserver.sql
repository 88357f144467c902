-- multidb on SQL Server: a migration account that creates and changes the tables and a runtime account that only
-- reads and writes rows. Run once per database, as sa (or another sysadmin), before the first migrate:
--   sqlcmd -S db2.internal -U sa -d app -b -v OWNER_PASSWORD="..." APP_PASSWORD="..." -i deploy/grants/sqlserver.sql
-- Not run by any test here (no SQL Server on the build machines); the PostgreSQL file is.

-- DATABASE2_MIGRATION_USER: migrate and seed create the tables in dbo, Flyway's history tables too.
CREATE LOGIN multidb_owner WITH PASSWORD = '$(OWNER_PASSWORD)';
CREATE USER multidb_owner FOR LOGIN multidb_owner WITH DEFAULT_SCHEMA = dbo;
ALTER ROLE db_ddladmin ADD MEMBER multidb_owner;
ALTER ROLE db_datareader ADD MEMBER multidb_owner;
ALTER ROLE db_datawriter ADD MEMBER multidb_owner;

-- DATABASE2_USER: the app that serves requests. A grant on the schema covers every table in it, present and future.
CREATE LOGIN multidb_app WITH PASSWORD = '$(APP_PASSWORD)';
CREATE USER multidb_app FOR LOGIN multidb_app WITH DEFAULT_SCHEMA = dbo;
GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dbo TO multidb_app;
