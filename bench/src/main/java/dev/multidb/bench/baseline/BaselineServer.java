package dev.multidb.bench.baseline;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.multidb.bench.baseline.Problem.Failure;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline: the same three customer endpoints as the app, as a careful engineer writes them without multidb
 * (Javalin + HikariCP + hand-written JDBC). Reads the app's environment variables: {@code DATABASE1_URL},
 * {@code DATABASE1_USER}, {@code DATABASE1_PASSWORD}, {@code DATABASE1_POOL_SIZE},
 * {@code DATABASE1_STATEMENT_TIMEOUT_MS}, {@code HTTP_PORT}.
 */
public final class BaselineServer {

    private static final Logger log = LoggerFactory.getLogger(BaselineServer.class);

    public static void main(String[] args) {
        int timeoutMs = Integer.parseInt(env("DATABASE1_STATEMENT_TIMEOUT_MS", "5000"));
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("baseline-database1");
        pool.setJdbcUrl(env("DATABASE1_URL", null));
        pool.setUsername(env("DATABASE1_USER", null));
        pool.setPassword(env("DATABASE1_PASSWORD", null));
        pool.setMaximumPoolSize(Integer.parseInt(env("DATABASE1_POOL_SIZE", "10")));
        pool.setConnectionTimeout(2000);
        // Deadlines at no per-statement cost: the server cancels slow statements, the socket read bounds a hung one.
        pool.addDataSourceProperty("options", "-c statement_timeout=" + timeoutMs);
        pool.addDataSourceProperty("socketTimeout", String.valueOf(timeoutMs / 1000 + 1));
        HikariDataSource dataSource = new HikariDataSource(pool);

        Javalin app = create(new CustomerJdbc(dataSource), Integer.parseInt(env("HTTP_PORT", "8081")));
        app.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            dataSource.close();
        }));
        System.out.println("baseline listening on http://127.0.0.1:" + app.port());
    }

    static Javalin create(CustomerJdbc customers, int port) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectMapper strictMapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        CustomerRoutes routes = new CustomerRoutes(customers, strictMapper);
        return Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = CustomerRoutes.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(mapper, false));
            routes.addTo(config.routes);
            config.routes.exception(Failure.class, (e, ctx) -> problem(ctx, e.status, e.getMessage(), e));
            config.routes.exception(CustomerJdbc.EmailTakenException.class,
                    (e, ctx) -> problem(ctx, 409, "email already taken", null));
            config.routes.exception(HttpResponseException.class,
                    (e, ctx) -> problem(ctx, e.getStatus(), e.getMessage(), null));
            config.routes.exception(SQLTransientConnectionException.class, (e, ctx) -> {
                log.warn("database1 unavailable", e);
                problem(ctx, 503, "database1 is unavailable", null);
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "internal error", null);
            });
        });
    }

    private static void problem(Context ctx, int status, String detail, Failure failure) {
        String title = HttpStatus.forStatus(status).getMessage();
        ctx.status(status).json(new Problem("about:blank", title, status, detail, ctx.path(),
                failure == null ? null : failure.errors));
        ctx.contentType("application/problem+json");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
