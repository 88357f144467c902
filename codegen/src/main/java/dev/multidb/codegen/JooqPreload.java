package dev.multidb.codegen;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.codegen.JavaGenerator;
import org.jooq.impl.DSL;

/**
 * Most of jOOQ's part of a cold run is loading and initialising jOOQ's own classes, which needs no database.
 * This does it on a second thread while the database starts and Flyway migrates, so that the two overlap:
 * the meta database, the Java generator and jOOQ's SQL rendering.
 */
final class JooqPreload {

    private JooqPreload() {
    }

    static void start(MetaDatabase meta) {
        Thread.ofPlatform().name("codegen-jooq-preload").daemon(true).start(() -> load(meta));
    }

    private static void load(MetaDatabase meta) {
        try {
            Class.forName(meta.className(), true, JooqPreload.class.getClassLoader()).getConstructor().newInstance();
            new JavaGenerator();
            DSLContext dsl = DSL.using(SQLDialect.valueOf(meta.dialect()));
            dsl.render(dsl.select(field(name("a")), field(name("b")))
                    .from(table(name("s", "t")))
                    .where(field(name("a")).eq(inline(1)))
                    .orderBy(inline(1)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Only a head start: the run itself loads what it needs and reports what fails.
        }
    }
}
