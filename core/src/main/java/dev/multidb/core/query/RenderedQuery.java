package dev.multidb.core.query;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Insert;
import org.jooq.Param;
import org.jooq.ResultQuery;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.conf.SettingsTools;
import org.jooq.impl.DSL;

/**
 * A query's SQL in one dialect, with which parameter each {@code ?} binds; or, where jOOQ does not run
 * the query as that one statement, the note to take jOOQ's own path.
 */
record RenderedQuery(String sql, int[] slotOfBind, DataType<?>[] typeOfBind, boolean viaJooq) {

    static RenderedQuery render(DSLContext dsl, ResultQuery<?> query, Map<String, Integer> slots) {
        Settings settings = SettingsTools.clone(dsl.settings()).withParamType(ParamType.INDEXED);
        DSLContext renderer = DSL.using(dsl.dialect(), settings);
        String sql = renderer.render(query);
        Map<String, Param<?>> params = renderer.extractParams(query);
        List<Object> binds = renderer.extractBindValues(query);
        if (params.size() != binds.size() || !params.keySet().stream().allMatch(slots::containsKey)) {
            throw new IllegalStateException("a compiled query binds each named parameter once and nothing else: "
                    + params.keySet() + " for " + binds.size() + " bind values in " + sql);
        }
        int[] slotOfBind = new int[binds.size()];
        DataType<?>[] typeOfBind = new DataType<?>[binds.size()];
        int position = 0;
        for (Map.Entry<String, Param<?>> param : params.entrySet()) {
            slotOfBind[position] = slots.get(param.getKey());
            typeOfBind[position++] = param.getValue().getDataType();
        }
        return new RenderedQuery(sql, slotOfBind, typeOfBind, !runsAsRendered(query, sql));
    }

    // An INSERT whose rows come back is one statement only where the dialect reads them in the same
    // statement (RETURNING, or H2's FINAL TABLE); elsewhere jOOQ adds a second step of its own.
    private static boolean runsAsRendered(ResultQuery<?> query, String sql) {
        if (!((Object) query instanceof Insert<?>)) {
            return true;
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains(" returning ") || lower.contains("final table");
    }
}
