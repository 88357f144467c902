package dev.multidb.app.registry;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A position in PostgreSQL's write-ahead log, written as PostgreSQL does: {@code X/Y}, two hexadecimal halves. */
public record Lsn(long value) implements Comparable<Lsn> {

    private static final Pattern TEXT = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");

    /** The position {@code text} names; empty when it is not in PostgreSQL's {@code X/Y} form. */
    public static Optional<Lsn> parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        long high = Long.parseLong(text.substring(0, slash), 16);
        long low = Long.parseLong(text.substring(slash + 1), 16);
        return Optional.of(new Lsn(high << 32 | low));
    }

    public boolean reached(Lsn floor) {
        return compareTo(floor) >= 0;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return (Long.toHexString(value >>> 32) + "/" + Long.toHexString(value & 0xFFFF_FFFFL)).toUpperCase(Locale.ROOT);
    }
}
