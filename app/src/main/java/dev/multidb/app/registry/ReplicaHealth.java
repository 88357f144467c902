package dev.multidb.app.registry;

/**
 * What the monitor last found for one replica.
 *
 * @param url    host:port/database of the standby (no parameters, which may carry a password)
 * @param status {@code UP}, {@code LAGGING} (further behind than a read without a token may be) or {@code DOWN}
 * @param lagMs  how long ago the primary had nothing the replica lacks; null until first measured
 */
public record ReplicaHealth(String url, String status, Long lagMs) {

    static final String UP = "UP";
    static final String LAGGING = "LAGGING";
    static final String DOWN = "DOWN";
}
