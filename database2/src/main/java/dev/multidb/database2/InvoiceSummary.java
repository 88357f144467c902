package dev.multidb.database2;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A customer's invoices in numbers.
 *
 * @param counts      invoices per status, every status present (0 when none)
 * @param outstanding total of open invoices per currency, in currency order
 */
public record InvoiceSummary(Map<InvoiceStatus, Long> counts, Map<String, BigDecimal> outstanding) {
}
