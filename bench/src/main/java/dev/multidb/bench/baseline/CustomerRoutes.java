package dev.multidb.bench.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multidb.bench.baseline.Problem.Failure;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The three customer endpoints the bench loads, written directly on JDBC. */
final class CustomerRoutes {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    record CustomerBody(long id, String email, String name, String createdAt) {}

    record PageBody(List<CustomerBody> items, Long next) {}

    private final CustomerJdbc customers;
    private final ObjectMapper strictMapper;

    CustomerRoutes(CustomerJdbc customers, ObjectMapper strictMapper) {
        this.customers = customers;
        this.strictMapper = strictMapper;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/customers/{id}", this::findById);
        routes.get("/customers", this::page);
        routes.post("/customers", this::create);
    }

    private void findById(Context ctx) throws SQLException {
        long id = positiveLong(ctx.pathParam("id"), "id", Long.MAX_VALUE);
        CustomerJdbc.Row row = customers.findById(id).orElseThrow(() -> Failure.of(404, "customer not found"));
        ctx.json(body(row));
    }

    private void page(Context ctx) throws SQLException {
        String limitParam = ctx.queryParam("limit");
        String afterParam = ctx.queryParam("after");
        long limit = limitParam == null ? 50 : positiveLong(limitParam, "limit", 500);
        long after = afterParam == null ? 0 : positiveLong(afterParam, "after", Long.MAX_VALUE);
        CustomerJdbc.Page page = customers.page(after, (int) limit);
        ctx.json(new PageBody(page.items().stream().map(CustomerRoutes::body).toList(), page.next()));
    }

    private void create(Context ctx) throws SQLException {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/json")) {
            throw Failure.of(415, "Content-Type must be application/json");
        }
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            throw Failure.of(413, "body larger than 64 KiB");
        }
        CustomerInput input = CustomerInput.parse(strictMapper, ctx.bodyAsBytes());
        CustomerJdbc.Row row = customers.create(input.email(), input.name());
        ctx.status(201).header("Location", "/customers/" + row.id()).json(body(row));
    }

    /** Digits only, 1..max: anything else is the client's mistake, never a 500. */
    private static long positiveLong(String raw, String field, long max) {
        boolean digits = !raw.isEmpty() && raw.length() <= 19 && raw.chars().allMatch(c -> c >= '0' && c <= '9');
        try {
            long value = digits ? Long.parseLong(raw) : 0;
            if (value > 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException tooLarge) {
            // falls through to the 400 below
        }
        throw Failure.invalid(field, "must be an integer from 1 to " + max);
    }

    private static CustomerBody body(CustomerJdbc.Row row) {
        return new CustomerBody(row.id(), row.email(), row.name(), format(row.createdAt()));
    }

    private static String format(Instant instant) {
        return UTC_MILLIS.format(instant);
    }
}
