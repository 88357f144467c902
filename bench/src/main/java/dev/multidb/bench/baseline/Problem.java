package dev.multidb.bench.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem body, as the app writes them. */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}

    /** Ends the request with this status; caught in one place and written as problem+json. */
    public static final class Failure extends RuntimeException {
        final int status;
        final List<FieldError> errors;

        Failure(int status, String detail, List<FieldError> errors) {
            super(detail, null, false, false);
            this.status = status;
            this.errors = errors;
        }

        static Failure of(int status, String detail) {
            return new Failure(status, detail, null);
        }

        static Failure invalid(List<FieldError> errors) {
            return new Failure(400, "invalid request", List.copyOf(errors));
        }

        static Failure invalid(String field, String message) {
            return invalid(List.of(new FieldError(field, message)));
        }
    }
}
