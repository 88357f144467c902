package dev.multidb.database2;

/** What paying an invoice did. */
public enum PayOutcome {
    PAID, NOT_FOUND, NOT_OPEN
}
