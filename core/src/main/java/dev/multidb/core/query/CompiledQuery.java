package dev.multidb.core.query;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A query written with jOOQ's DSL over the generated tables, with named bind parameters
 * ({@code DSL.param("id", Long.class)}), rendered once per dialect and then executed through a plain
 * {@code PreparedStatement}: binds and reads are typed by the query's own parameters and fields.
 *
 * <p>jOOQ builds, renders and wraps every execution anew (bench/README.md measured it at about half
 * the app's CPU per request); a hot query of fixed shape needs none of that after its first use.
 * Failures surface as jOOQ's {@code DataAccessException} with the driver's SQLSTATE, connections come
 * from the context's own {@code ConnectionProvider}, exactly as on jOOQ's path.
 */
public final class CompiledQuery<R> {

    private final Supplier<? extends ResultQuery<?>> builder;
    private final RowMapper<R> mapper;
    private final Field<?>[] fields;
    private final JdbcTypes.Reader[] readers;
    private final Map<String, Integer> slots = new HashMap<>();
    private final ConcurrentMap<SQLDialect, RenderedQuery> rendered = new ConcurrentHashMap<>();
    // A query's fields are jOOQ's copies, not the generated constants a mapper asks for: learn each once, by identity.
    // A row has a handful of fields: a scan by identity is cheaper than any map (it showed in the profile, bench/).
    private volatile Learned learned = new Learned(new Field<?>[0], new int[0]);

    private record Learned(Field<?>[] fields, int[] indexes) {
    }

    private CompiledQuery(Supplier<? extends ResultQuery<?>> builder, RowMapper<R> mapper) {
        this.builder = builder;
        this.mapper = mapper;
        ResultQuery<?> template = builder.get();
        this.fields = template.fields();
        this.readers = new JdbcTypes.Reader[fields.length];
        for (int i = 0; i < fields.length; i++) {
            readers[i] = JdbcTypes.reader(fields[i].getType());
        }
        for (String name : DSL.using(SQLDialect.DEFAULT).extractParams(template).keySet()) {
            slots.put(name, slots.size());
        }
    }

    /**
     * A query from {@code builder}, which must build the same query on every call (it is called once to
     * learn the fields and parameters, once per dialect to render, and on jOOQ's path once per execution).
     */
    public static <R> CompiledQuery<R> of(Supplier<? extends ResultQuery<?>> builder, RowMapper<R> mapper) {
        return new CompiledQuery<>(builder, mapper);
    }

    /** Starts an execution with {@code value} for {@code param}. */
    public <T> BoundQuery<R> with(Param<T> param, T value) {
        return new BoundQuery<>(this).with(param, value);
    }

    /** Starts an execution of a query without parameters. */
    public BoundQuery<R> bound() {
        return new BoundQuery<>(this);
    }

    /** The SQL this query runs as in {@code dsl}'s dialect, for tests and logs. */
    public String sql(DSLContext dsl) {
        return rendered(dsl).sql();
    }

    RenderedQuery rendered(DSLContext dsl) {
        RenderedQuery known = rendered.get(dsl.dialect());
        return known != null ? known : rendered.computeIfAbsent(dsl.dialect(),
                dialect -> RenderedQuery.render(dsl, builder.get(), slots));
    }

    int indexOf(Field<?> field) {
        Learned known = learned;
        Field<?>[] asked = known.fields();
        for (int i = 0; i < asked.length; i++) {
            if (asked[i] == field) {
                return known.indexes()[i];
            }
        }
        return learn(field);
    }

    private synchronized int learn(Field<?> field) {
        int index = -1;
        for (int i = 0; i < fields.length && index < 0; i++) {
            if (fields[i].equals(field) || fields[i].getName().equals(field.getName())) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("the query does not select " + field);
        }
        Learned known = learned;
        Field<?>[] fields = Arrays.copyOf(known.fields(), known.fields().length + 1);
        int[] indexes = Arrays.copyOf(known.indexes(), fields.length);
        fields[fields.length - 1] = field;
        indexes[fields.length - 1] = index;
        learned = new Learned(fields, indexes);
        return index;
    }

    int slot(String paramName) {
        Integer slot = slots.get(paramName);
        if (slot == null) {
            throw new IllegalArgumentException("the query has no parameter named " + paramName);
        }
        return slot;
    }

    List<String> paramNames() {
        String[] names = new String[slots.size()];
        slots.forEach((name, slot) -> names[slot] = name);
        return List.of(names);
    }

    ResultQuery<?> build() {
        return builder.get();
    }

    RowMapper<R> mapper() {
        return mapper;
    }

    Field<?>[] fields() {
        return fields;
    }

    JdbcTypes.Reader[] readers() {
        return readers;
    }
}
