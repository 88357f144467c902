package dev.multidb.app.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a client has written, per database: {@code database1=0/3000060}. A read that sends it back is served only by
 * a replica that has replayed at least that far, so the client reads its own writes. Several databases are listed
 * with commas.
 */
public record ConsistencyToken(Map<String, Lsn> positions) {

    public static final String HEADER = "Consistency-Token";
    public static final ConsistencyToken NONE = new ConsistencyToken(Map.of());

    public ConsistencyToken {
        positions = Map.copyOf(positions);
    }

    public static ConsistencyToken of(String database, Lsn position) {
        return new ConsistencyToken(Map.of(database, position));
    }

    /**
     * The token {@code header} carries; blank is none.
     *
     * @throws IllegalArgumentException when it is not {@code name=X/Y} pairs separated by commas
     */
    public static ConsistencyToken parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        Map<String, Lsn> positions = new LinkedHashMap<>();
        for (String part : header.split(",", -1)) {
            int equals = part.indexOf('=');
            String database = equals < 0 ? "" : part.substring(0, equals).strip();
            Optional<Lsn> position = equals < 0 ? Optional.empty() : Lsn.parse(part.substring(equals + 1).strip());
            if (database.isEmpty() || position.isEmpty() || positions.put(database, position.get()) != null) {
                throw new IllegalArgumentException("must be <database>=<LSN> pairs such as database1=0/3000060,"
                        + " as a write's answer sent it");
            }
        }
        return new ConsistencyToken(positions);
    }

    /** How far {@code database}'s replica must have replayed to serve this client; empty: no write of its known. */
    public Optional<Lsn> floor(String database) {
        return Optional.ofNullable(positions.get(database));
    }

    /** The header value, databases in name order. */
    public String format() {
        return positions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
