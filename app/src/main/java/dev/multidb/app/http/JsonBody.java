package dev.multidb.app.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a request body that must be one JSON object sent as {@code application/json}, within the size limit. */
public final class JsonBody {

    static final int MAX_BYTES = 64 * 1024;
    private static final List<String> MERGE_PATCH_TYPES = List.of("application/merge-patch+json", Json.CONTENT_TYPE);

    private JsonBody() {
    }

    /** The members of the body's object, in order; duplicates, trailing content and non-objects are refused. */
    public static Map<String, JsonNode> object(Context ctx) {
        return object(bytes(ctx));
    }

    /** The body's raw bytes, once its content type and size are checked (an Idempotency-Key fingerprints them). */
    public static byte[] bytes(Context ctx) {
        refuseDeclaredOversize(ctx);
        requireContentType(ctx.contentType(), List.of(Json.CONTENT_TYPE));
        return read(ctx);
    }

    /** The members of the JSON object in {@code body}, as {@link #object(Context)} reads them. */
    public static Map<String, JsonNode> object(byte[] body) {
        return parse(body);
    }

    /** A PATCH body: a JSON Merge Patch (RFC 7396) object, sent as {@code application/merge-patch+json} or JSON. */
    public static Map<String, JsonNode> mergePatch(Context ctx) {
        refuseDeclaredOversize(ctx);
        ctx.header("Accept-Patch", String.join(", ", MERGE_PATCH_TYPES));
        requireContentType(ctx.contentType(), MERGE_PATCH_TYPES);
        return parse(read(ctx));
    }

    static void refuseDeclaredOversize(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BYTES) {
            throw HttpProblem.tooLarge(MAX_BYTES);
        }
    }

    private static void requireContentType(String contentType, List<String> accepted) {
        if (contentType == null) {
            throw HttpProblem.unsupportedMediaType(expected(accepted));
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim();
        boolean json = false;
        for (String one : accepted) {
            json |= one.equalsIgnoreCase(type);
        }
        for (int i = 1; json && i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace("\"", "");
            json = parameter.isEmpty() || parameter.equals("charset=utf-8");
        }
        if (!json) {
            throw HttpProblem.unsupportedMediaType(expected(accepted) + " (UTF-8)");
        }
    }

    private static String expected(List<String> accepted) {
        return "send the body as Content-Type: " + String.join(" or ", accepted);
    }

    // A declared length (refuseDeclaredOversize checked it) is read into one array of that size; else in chunks.
    private static byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(declared >= 0 ? (int) declared : MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw HttpProblem.tooLarge(MAX_BYTES);
            }
            return body;
        } catch (IOException e) {
            throw HttpProblem.invalid("body", "could not be read");
        }
    }

    private static Map<String, JsonNode> parse(byte[] body) {
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw HttpProblem.invalid("body", "must be a JSON object");
            }
            Map<String, JsonNode> members = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                JsonNode value = Json.MAPPER.readTree(parser);
                value = value == null ? NullNode.getInstance() : value;
                if (members.putIfAbsent(name, value) != null) {
                    throw HttpProblem.invalid(Fields.label(name), "appears more than once");
                }
            }
            if (parser.nextToken() != null) {
                throw HttpProblem.invalid("body", "must hold exactly one JSON object");
            }
            return Collections.unmodifiableMap(members);
        } catch (StreamReadException e) {
            throw HttpProblem.invalid("body", "is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw HttpProblem.invalid("body", "is not valid JSON");
        }
    }
}
