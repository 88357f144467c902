package dev.multidb.app.http;

import java.util.List;

/** Ends a request with a problem+json answer; thrown by handlers and validation, mapped once in {@link Problems}. */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final List<FieldError> errors;

    private HttpProblem(int status, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static HttpProblem invalid(List<FieldError> errors) {
        return new HttpProblem(400, errors.size() == 1 ? errors.getFirst().field() + " " + errors.getFirst().message()
                : "the request has " + errors.size() + " invalid fields", errors);
    }

    public static HttpProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static HttpProblem notFound(String detail) {
        return new HttpProblem(404, detail, List.of());
    }

    public static HttpProblem conflict(String detail) {
        return new HttpProblem(409, detail, List.of());
    }

    public static HttpProblem unprocessable(String detail) {
        return new HttpProblem(422, detail, List.of());
    }

    static HttpProblem tooLarge(long limit) {
        return new HttpProblem(413, "the request body is larger than " + limit + " bytes", List.of());
    }

    static HttpProblem unsupportedMediaType(String detail) {
        return new HttpProblem(415, detail, List.of());
    }

    int status() {
        return status;
    }

    List<FieldError> errors() {
        return errors;
    }
}
