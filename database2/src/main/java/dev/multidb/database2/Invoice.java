package dev.multidb.database2;

import java.math.BigDecimal;
import java.time.Instant;

/** An invoice as stored in database2; {@code customerId} refers to database1's customer. */
public record Invoice(long id, long customerId, BigDecimal amount, String currency, InvoiceStatus status, Instant issuedAt) {
}
