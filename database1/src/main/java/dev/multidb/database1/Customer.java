package dev.multidb.database1;

import java.time.Instant;

/** A customer as stored in database1. */
public record Customer(long id, String email, String name, Instant createdAt) {
}
