package dev.multidb.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multidb.database1.CustomerChange;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The customer fields a client may send, and their rules. */
final class CustomerInput {

    record NewCustomer(String email, String name) {
    }

    private static final Set<String> ACCEPTED = Set.of("email", "name");
    private static final int EMAIL_MIN = 3;
    private static final int EMAIL_MAX = 254;
    private static final int NAME_MAX = 200;

    private CustomerInput() {
    }

    static NewCustomer create(Map<String, JsonNode> body) {
        Fields fields = Fields.of(body, ACCEPTED);
        Optional<String> email = fields.text("email", true).flatMap(value -> email(fields, value));
        Optional<String> name = fields.text("name", true).flatMap(value -> name(fields, value));
        fields.requireValid();
        return new NewCustomer(email.orElseThrow(), name.orElseThrow());
    }

    /** A JSON Merge Patch (RFC 7396): absent fields stay unchanged; null would remove one, and neither can be removed. */
    static CustomerChange change(Map<String, JsonNode> patch) {
        Fields fields = Fields.of(patch, ACCEPTED);
        Optional<String> email = patched(fields, patch, "email").flatMap(value -> email(fields, value));
        Optional<String> name = patched(fields, patch, "name").flatMap(value -> name(fields, value));
        fields.requireValid();
        return new CustomerChange(email.orElse(null), name.orElse(null));
    }

    private static Optional<String> patched(Fields fields, Map<String, JsonNode> patch, String name) {
        JsonNode value = patch.get(name);
        if (value != null && value.isNull()) {
            fields.reject(name, "cannot be removed (null removes a field in a merge patch); send a value or leave it out");
            return Optional.empty();
        }
        return fields.text(name, false);
    }

    private static Optional<String> email(Fields fields, String value) {
        String email = value.strip();
        int length = email.codePointCount(0, email.length());
        if (length < EMAIL_MIN || length > EMAIL_MAX) {
            fields.reject("email", "must be " + EMAIL_MIN + " to " + EMAIL_MAX + " characters");
            return Optional.empty();
        }
        if (!looksLikeAddress(email)) {
            fields.reject("email", "must be an address like name@example.com, without spaces");
            return Optional.empty();
        }
        return Optional.of(email);
    }

    private static boolean looksLikeAddress(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || email.codePoints().anyMatch(CustomerInput::isSpace)) {
            return false;
        }
        String domain = email.substring(at + 1);
        return domain.indexOf('.') > 0 && !domain.endsWith(".");
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static Optional<String> name(Fields fields, String value) {
        String name = value.strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > NAME_MAX) {
            fields.reject("name", "must be 1 to " + NAME_MAX + " characters after trimming");
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
