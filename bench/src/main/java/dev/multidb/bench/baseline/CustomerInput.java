package dev.multidb.bench.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multidb.bench.baseline.Problem.Failure;
import dev.multidb.bench.baseline.Problem.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The body of {@code POST /customers}, checked by the same rules as the app (SPEC, "Validation"). */
record CustomerInput(String email, String name) {

    private static final Set<String> FIELDS = Set.of("email", "name");
    private static final Set<String> SERVER_OWNED = Set.of("id", "status", "customerId", "createdAt");

    static CustomerInput parse(ObjectMapper strictMapper, byte[] body) {
        JsonNode root;
        try {
            root = strictMapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw Failure.invalid("body", "must be one JSON object without duplicate keys");
        } catch (IOException e) {
            throw Failure.invalid("body", "could not be read");
        }
        if (root == null || !root.isObject()) {
            throw Failure.invalid("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(field -> {
            if (SERVER_OWNED.contains(field)) {
                errors.add(new FieldError(field, "is set by the server"));
            } else if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a known field"));
            }
        });
        String email = text(root, "email", errors);
        String name = text(root, "name", errors);
        if (email != null) {
            checkEmail(email, errors);
        }
        if (name != null && (name.isEmpty() || name.length() > 200)) {
            errors.add(new FieldError("name", "must be 1-200 characters"));
        }
        if (!errors.isEmpty()) {
            throw Failure.invalid(errors);
        }
        return new CustomerInput(email, name);
    }

    /** The trimmed text of a required string field, or null after recording why it is not one. */
    private static String text(JsonNode root, String field, List<FieldError> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String value = node.textValue();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                errors.add(new FieldError(field, "must not contain control characters"));
                return null;
            }
        }
        return value.trim();
    }

    private static void checkEmail(String email, List<FieldError> errors) {
        int at = email.indexOf('@');
        String domain = at < 0 ? "" : email.substring(at + 1);
        boolean valid = email.length() >= 3 && email.length() <= 254
                && at > 0 && email.indexOf('@', at + 1) < 0
                && domain.indexOf('.') > 0 && !domain.endsWith(".")
                && email.chars().noneMatch(Character::isWhitespace);
        if (!valid) {
            errors.add(new FieldError("email", "must be an email address (3-254 characters, one @, a domain with a dot)"));
        }
    }
}
