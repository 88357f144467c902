package dev.multidb.app.http;

import dev.multidb.database2.InvoiceStatus;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Path and query parameters, checked at the edge: anything malformed is a 400 that names the parameter. */
public final class Params {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private Params() {
    }

    /** A path id: decimal digits only, 1 to 2^63-1. */
    public static long id(Context ctx, String name) {
        return positiveLong(ctx.pathParam(name))
                .orElseThrow(() -> HttpProblem.invalid(name, "must be a whole number from 1 to 9223372036854775807"));
    }

    public static int limit(Context ctx) {
        return single(ctx, "limit").map(value -> positiveLong(value)
                        .filter(limit -> limit <= MAX_LIMIT)
                        .orElseThrow(() -> HttpProblem.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT)))
                .map(Long::intValue)
                .orElse(DEFAULT_LIMIT);
    }

    /** The id after which a page starts; 0 (from the start) when absent. */
    public static long after(Context ctx) {
        return single(ctx, "after").map(value -> positiveLong(value)
                        .orElseThrow(() -> HttpProblem.invalid("after", "must be a whole number from 1 to 9223372036854775807")))
                .orElse(0L);
    }

    public static Optional<InvoiceStatus> status(Context ctx) {
        return single(ctx, "status").map(value -> InvoiceStatus.parse(value)
                .filter(status -> status.id().equals(value))
                .orElseThrow(() -> HttpProblem.invalid("status", "must be open, paid or void")));
    }

    // Parsed here rather than with ctx.queryParams: Javalin drops a value it cannot decode, and "limit=%ZZ"
    // must be a 400, not the default limit.
    private static Optional<String> single(Context ctx, String name) {
        String query = ctx.queryString();
        List<String> values = new ArrayList<>();
        for (String pair : query == null || query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            if (decode(equals < 0 ? pair : pair.substring(0, equals)).equals(name)) {
                values.add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        if (values.size() > 1) {
            throw HttpProblem.invalid(name, "must be given at most once");
        }
        return values.stream().findFirst();
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.invalid("query", "is not validly percent-encoded");
        }
    }

    private static Optional<Long> positiveLong(String value) {
        if (value == null || !DIGITS.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            long parsed = Long.parseLong(value);
            return parsed >= 1 ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty(); // more than 2^63-1
        }
    }
}
