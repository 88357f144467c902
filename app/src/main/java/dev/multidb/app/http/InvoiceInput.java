package dev.multidb.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The invoice fields a client may send: an amount as a decimal string and an ISO 4217 currency. */
final class InvoiceInput {

    record NewInvoice(BigDecimal amount, String currency) {
    }

    private static final Set<String> ACCEPTED = Set.of("amount", "currency");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_DECIMALS = 4;

    private InvoiceInput() {
    }

    static NewInvoice create(Map<String, JsonNode> body) {
        Fields fields = Fields.of(body, ACCEPTED);
        Optional<BigDecimal> amount = amount(fields, body.get("amount"));
        Optional<String> currency = fields.text("currency", true).flatMap(value -> currency(fields, value));
        fields.requireValid();
        return new NewInvoice(amount.orElseThrow(), currency.orElseThrow());
    }

    private static Optional<BigDecimal> amount(Fields fields, JsonNode node) {
        if (node != null && node.isNumber()) {
            // Money never passes through a binary float, so a JSON number is refused rather than converted.
            fields.reject("amount", "must be a JSON string such as \"12.50\", not a number");
            return Optional.empty();
        }
        return fields.text("amount", true).flatMap(value -> amount(fields, value));
    }

    private static Optional<BigDecimal> amount(Fields fields, String value) {
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            fields.reject("amount", "must be a plain decimal such as \"12.50\": digits, at most one point, no sign or exponent");
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(value);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (amount.signum() <= 0) {
            fields.reject("amount", "must be greater than 0");
        } else if (stripped.scale() > MAX_DECIMALS) {
            fields.reject("amount", "must have at most " + MAX_DECIMALS + " decimals");
        } else if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            fields.reject("amount", "must have at most " + MAX_INTEGER_DIGITS + " integer digits");
        } else {
            return Optional.of(amount.setScale(MAX_DECIMALS)); // exact: at most 4 decimals remain
        }
        return Optional.empty();
    }

    private static Optional<String> currency(Fields fields, String value) {
        if (CURRENCY.matcher(value).matches() && isKnownCurrency(value)) {
            return Optional.of(value);
        }
        fields.reject("currency", "must be an ISO 4217 code in upper case, such as EUR");
        return Optional.empty();
    }

    private static boolean isKnownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
