package dev.multidb.app.registry;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

/** Reads the applied schema version from Flyway's history table (the default {@code flyway_schema_history}). */
final class SchemaHistory {

    private static final Table<?> HISTORY = table(name("flyway_schema_history"));
    private static final Field<String> VERSION = field(name("version"), String.class);
    private static final Field<Boolean> SUCCESS = field(name("success"), Boolean.class);
    private static final Field<Integer> INSTALLED_RANK = field(name("installed_rank"), Integer.class);

    private SchemaHistory() {
    }

    /** The version of the latest successful versioned migration; empty when the database was never migrated. */
    static Optional<String> currentVersion(DSLContext dsl) {
        try {
            return dsl.select(VERSION)
                    .from(HISTORY)
                    .where(SUCCESS.isTrue().and(VERSION.isNotNull()))
                    .orderBy(INSTALLED_RANK.desc())
                    .limit(1)
                    .fetchOptional(VERSION);
        } catch (DataAccessException e) {
            // Only a missing table means "never migrated"; a read cut off or refused is a failed probe, not version none.
            if (!MissingSchemaObjects.causedBy(e)) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
