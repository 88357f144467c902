package dev.multidb.app.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} of a request (IETF httpapi draft "The Idempotency-Key HTTP Header Field") as its
 * SHA-256, with the fingerprint of what the request asked: SHA-256 of method, path and the body's raw bytes.
 * Raw bytes, not parsed JSON: a client that retries resends the same bytes, and a request that differs in any
 * byte is refused (422) rather than risk replaying an answer to something else.
 */
public record RequestKey(String hash, String fingerprint) {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 255;

    /** The request's key, if it sent one; a 400 naming the header when it is not 1-255 printable ASCII characters. */
    public static Optional<String> header(Context ctx) {
        List<String> values = Collections.list(ctx.req().getHeaders(HEADER));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw HttpProblem.invalid(HEADER, "must be sent once");
        }
        String key = unquote(values.getFirst());
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw HttpProblem.invalid(HEADER, "must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
        return Optional.of(key);
    }

    /** The key of this request with {@code body}, the bytes it sent; empty without the header. */
    public static Optional<RequestKey> of(Context ctx, Optional<String> key, byte[] body) {
        return key.map(k -> of(ctx.method().name(), ctx.path(), k, body));
    }

    static RequestKey of(String method, String path, String key, byte[] body) {
        return new RequestKey(sha256(key.getBytes(StandardCharsets.US_ASCII)),
                sha256(concat((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8), body)));
    }

    // The draft sends the key as a Structured Field string ("..."); a bare value is taken as it is.
    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
