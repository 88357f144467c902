package dev.multidb.core.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.exception.NoDataFoundException;
import org.jooq.exception.TooManyRowsException;

/** One execution of a {@link CompiledQuery}: its bind values, then how to fetch. */
public final class BoundQuery<R> {

    private final CompiledQuery<R> query;
    private final Object[] values;
    private final boolean[] bound;

    BoundQuery(CompiledQuery<R> query) {
        this.query = query;
        this.values = new Object[query.paramNames().size()];
        this.bound = new boolean[values.length];
    }

    /** Sets {@code value} for {@code param}. */
    public <T> BoundQuery<R> with(Param<T> param, T value) {
        int slot = query.slot(param.getParamName());
        values[slot] = value;
        bound[slot] = true;
        return this;
    }

    /** Every row, mapped. */
    public List<R> fetch(DSLContext dsl) {
        RenderedQuery rendered = query.rendered(dsl);
        return rendered.viaJooq() ? fetchWithJooq(dsl) : fetchCompiled(dsl, rendered);
    }

    /** The one row, or empty; {@link TooManyRowsException} as jOOQ when there are more. */
    public Optional<R> fetchOptional(DSLContext dsl) {
        List<R> rows = fetch(dsl);
        if (rows.size() > 1) {
            throw new TooManyRowsException("Cursor returned more than one result");
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** The one row; {@link NoDataFoundException} or {@link TooManyRowsException} as jOOQ otherwise. */
    public R fetchSingle(DSLContext dsl) {
        return fetchOptional(dsl).orElseThrow(() -> new NoDataFoundException("Cursor returned no rows"));
    }

    /** The same query and values through jOOQ's normal path: the fallback, and what tests compare with. */
    public List<R> fetchWithJooq(DSLContext dsl) {
        checkAllBound();
        ResultQuery<?> fresh = query.build();
        List<String> names = query.paramNames();
        for (int slot = 0; slot < values.length; slot++) {
            fresh.bind(names.get(slot), values[slot]);
        }
        List<R> rows = new ArrayList<>();
        for (Record record : dsl.fetch(fresh)) {
            rows.add(query.mapper().map(record::get));
        }
        return rows;
    }

    private List<R> fetchCompiled(DSLContext dsl, RenderedQuery rendered) {
        checkAllBound();
        ConnectionProvider connections = dsl.configuration().connectionProvider();
        Connection connection = connections.acquire();
        try (PreparedStatement statement = connection.prepareStatement(rendered.sql())) {
            int[] slots = rendered.slotOfBind();
            for (int i = 0; i < slots.length; i++) {
                JdbcTypes.bind(statement, i + 1, values[slots[i]], rendered.typeOfBind()[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return read(rs);
            }
        } catch (SQLException e) {
            throw SqlFailures.translate(rendered.sql(), e);
        } finally {
            connections.release(connection);
        }
    }

    private List<R> read(ResultSet rs) throws SQLException {
        ResultSetRow row = new ResultSetRow(rs, query);
        List<R> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(query.mapper().map(row));
        }
        return rows;
    }

    private void checkAllBound() {
        for (int slot = 0; slot < bound.length; slot++) {
            if (!bound[slot]) {
                throw new IllegalStateException("no value for parameter " + query.paramNames().get(slot));
            }
        }
    }
}
