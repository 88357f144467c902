package dev.multidb.app.config;

/** A password that cannot leak through {@code toString()}: logs and error messages print {@code ****}. */
public record Secret(String value) {

    public static final Secret NONE = new Secret("");

    public Secret {
        value = value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
