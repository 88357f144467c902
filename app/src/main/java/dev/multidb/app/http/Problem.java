package dev.multidb.app.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem details body; {@code errors} only on 400s. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    static final String TYPE = "about:blank";
    static final String CONTENT_TYPE = "application/problem+json";
}
