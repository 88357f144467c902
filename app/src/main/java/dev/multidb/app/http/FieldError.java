package dev.multidb.app.http;

/** One violated rule of a request: the field (body field, path or query parameter) and what is wrong with it. */
public record FieldError(String field, String message) {
}
