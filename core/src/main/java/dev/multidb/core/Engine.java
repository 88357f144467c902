package dev.multidb.core;

/** The production engine a database module is written for. */
public enum Engine {
    POSTGRESQL("postgresql"),
    SQLSERVER("sqlserver");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    /** Lower-case name used in configuration, logs and JSON. */
    public String id() {
        return id;
    }
}
