package dev.multidb.app.http;

import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before they reach Javalin (a malformed URI, say) with problem+json too,
 * instead of Jetty's HTML page.
 */
final class JettyProblems extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String title = HttpStatus.forStatus(code).getMessage();
        Problem problem = new Problem(Problem.TYPE, title, code, title, request.getHttpURI().getPath(), null);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(Json.write(problem)), callback);
    }
}
