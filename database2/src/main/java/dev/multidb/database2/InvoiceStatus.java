package dev.multidb.database2;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an invoice stands; stored as its lower-case id. */
public enum InvoiceStatus {
    OPEN, PAID, VOID;

    /** The stored and rendered form: "open", "paid", "void". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status whose id is exactly {@code value}; empty for anything else. */
    public static Optional<InvoiceStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.id().equals(value)).findFirst();
    }
}
