package dev.multidb.app.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** /openapi.json (the hand-kept document of this API) and /docs (Swagger UI from its webjar, showing it). */
final class OpenApiRoutes {

    private static final String SWAGGER_UI_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final byte[] document = resource("/openapi.json");
    private final byte[] docsPage = resource("/docs/index.html");

    void register(JavalinConfig config) {
        config.routes.get("/openapi.json", ctx -> ctx.contentType(Json.CONTENT_TYPE).result(document));
        // Our own page: the webjar's index.html shows the Petstore example.
        config.routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(docsPage));
        config.staticFiles.add(files -> {
            files.hostedPath = "/docs/assets";
            files.directory = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion();
            files.location = Location.CLASSPATH;
        });
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
