package dev.multidb.app.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/** /openapi.json (the hand-kept document of this API) and /docs (Swagger UI from its webjar, showing it). */
final class OpenApiRoutes {

    private static final String SWAGGER_UI_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> ASSET_TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "html", "text/html; charset=utf-8", "png", "image/png",
            "map", Json.CONTENT_TYPE, "txt", "text/plain; charset=utf-8");

    private final byte[] document = resource("/openapi.json");
    private final byte[] docsPage = resource("/docs/index.html");

    void register(JavalinConfig config) {
        config.routes.get("/openapi.json", ctx -> ctx.contentType(Json.CONTENT_TYPE).result(document));
        // Our own page: the webjar's index.html shows the Petstore example.
        config.routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(docsPage));
        // A route, not Javalin's static files: Jetty would mount the whole app.jar as a zip file system for them,
        // whose index of every entry stayed on the heap (about a third of the app's live heap; bench/README.md).
        String assets = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        config.routes.get("/docs/assets/{file}", ctx -> asset(ctx, assets, ctx.pathParam("file")));
    }

    // Streamed: Javalin copies the stream to the response and closes it.
    private static void asset(Context ctx, String assets, String file) {
        String type = ASSET_TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        InputStream in = type == null || !ASSET_NAME.matcher(file).matches() ? null
                : OpenApiRoutes.class.getResourceAsStream(assets + file);
        if (in == null) {
            throw new NotFoundResponse();
        }
        ctx.contentType(type).result(in);
    }

    // The webjar keeps its files under its version; its pom.properties says which.
    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(SWAGGER_UI_POM)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
