package dev.multidb.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The members of a request body, checked field by field; every violation is collected so that one 400 names
 * them all. {@code null} counts as missing.
 */
public final class Fields {

    /** Set by the server: a client that sends them is told so rather than silently ignored. */
    private static final Set<String> SERVER_OWNED = Set.of("id", "status", "customerId", "createdAt", "issuedAt");
    private static final int MAX_LABEL = 64;

    private final Map<String, JsonNode> members;
    private final List<FieldError> errors = new ArrayList<>();

    private Fields(Map<String, JsonNode> members) {
        this.members = members;
    }

    /** Starts checking {@code members}, refusing any that is not in {@code accepted}. */
    public static Fields of(Map<String, JsonNode> members, Set<String> accepted) {
        Fields fields = new Fields(members);
        members.keySet().stream().filter(name -> !accepted.contains(name)).forEach(name -> fields.reject(name,
                SERVER_OWNED.contains(name) ? "is set by the server and cannot be sent" : "is not a known field"));
        return fields;
    }

    /** The field's text without surrounding whitespace; empty when absent or null, an error when not a string. */
    public Optional<String> text(String name, boolean required) {
        JsonNode node = members.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                reject(name, "is required");
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            reject(name, "must be a JSON string");
            return Optional.empty();
        }
        String value = node.textValue();
        if (hasControlCharacter(value)) {
            reject(name, "must not contain control characters");
            return Optional.empty();
        }
        if (hasLoneSurrogate(value)) {
            // A driver would store it as '?': refuse it rather than change what the client sent.
            reject(name, "must be valid Unicode text; it holds a lone UTF-16 surrogate");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public void reject(String name, String message) {
        errors.add(new FieldError(label(name), message));
    }

    /** Throws the 400 that names every violation found so far. */
    public void requireValid() {
        if (!errors.isEmpty()) {
            throw HttpProblem.invalid(errors);
        }
    }

    static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    static boolean hasLoneSurrogate(String value) {
        // codePoints() pairs what can be paired; what is left in the surrogate range stands alone.
        return value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    /**
     * A client-sent name, shortened so an error never echoes a huge key back, with lone surrogates shown as U+FFFD
     * so that the answer is valid UTF-8.
     */
    static String label(String name) {
        int[] codePoints = name.codePoints().limit(MAX_LABEL + 1L)
                .map(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xFFFD : c).toArray();
        return codePoints.length <= MAX_LABEL ? new String(codePoints, 0, codePoints.length)
                : new String(codePoints, 0, MAX_LABEL) + "...";
    }
}
