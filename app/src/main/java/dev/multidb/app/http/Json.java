package dev.multidb.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one JSON configuration of the HTTP edge, and the textual forms of times and money. */
public final class Json {

    public static final String CONTENT_TYPE = "application/json";

    // Duplicate keys are found by JsonBody itself, so that the 400 can name the field.
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MIN_MONEY_DECIMALS = 2;

    private Json() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + value.getClass().getSimpleName(), e);
        }
    }

    /** ISO-8601 in UTC with milliseconds: {@code 2026-01-02T03:04:05.123Z}. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Plain notation, trailing zeros removed down to two decimals: 12.5000 is "12.50", 0.0001 stays "0.0001". */
    public static String money(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.setScale(Math.max(MIN_MONEY_DECIMALS, stripped.scale())).toPlainString();
    }
}
