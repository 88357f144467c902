-- Fails with an engine message that holds a semicolon, as Flyway's and engines' texts may.
DO $$ BEGIN RAISE EXCEPTION 'no customers; add one first'; END $$;
