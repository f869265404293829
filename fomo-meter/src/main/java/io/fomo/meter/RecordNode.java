package io.fomo.meter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Typed reads of one record's JSON, each failure a {@link MalformedRecordException} naming the field. */
final class RecordNode {

    static final String MISSING = "(missing)";

    private final String source;
    private final long line;

    RecordNode(String source, long line) {
        this.source = source;
        this.line = line;
    }

    MalformedRecordException malformed(String field, Object value, String reason) {
        return new MalformedRecordException(source, line, field, String.valueOf(value), reason);
    }

    static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            if (absent(n) || !n.isObject()) {
                return null;
            }
            n = n.get(part);
        }
        return absent(n) ? null : n;
    }

    String text(JsonNode root, String path) {
        String v = optText(root, path);
        if (v == null) {
            throw malformed(path, show(at(root, path)), "a non-empty string is required");
        }
        return v;
    }

    /** A non-blank string, or null when absent or empty; a number is taken as its text. */
    String optText(JsonNode root, String path) {
        JsonNode n = at(root, path);
        if (n == null) {
            return null;
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw malformed(path, show(n), "must be a string");
        }
        String v = n.asText().trim();
        return v.isEmpty() ? null : v;
    }

    long count(JsonNode root, String path, boolean required) {
        JsonNode n = at(root, path);
        if (n == null) {
            if (required) {
                throw malformed(path, MISSING, "a token count is required");
            }
            return 0;
        }
        BigInteger v;
        try {
            if (n.isIntegralNumber()) {
                v = n.bigIntegerValue();
            } else if (n.isNumber() || n.isTextual()) {
                v = new BigDecimal(n.asText().trim()).toBigIntegerExact();
            } else {
                throw malformed(path, show(n), "must be a whole number of tokens");
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed(path, show(n), "must be a whole number of tokens");
        }
        if (v.signum() < 0 || v.bitLength() > 62) {
            throw malformed(path, show(n), "must be between 0 and 2^62");
        }
        return v.longValueExact();
    }

    BigDecimal decimal(JsonNode root, String path) {
        JsonNode n = at(root, path);
        if (n == null) {
            return null;
        }
        BigDecimal v;
        try {
            if (n.isNumber()) {
                v = n.decimalValue();
            } else if (n.isTextual()) {
                v = new BigDecimal(n.asText().trim());
            } else {
                throw malformed(path, show(n), "must be a decimal number");
            }
        } catch (NumberFormatException e) {
            throw malformed(path, show(n), "must be a decimal number");
        }
        if (v.signum() < 0) {
            throw malformed(path, show(n), "must not be negative");
        }
        return v;
    }

    /**
     * An instant: epoch seconds (a whole number), or ISO-8601 with an offset or {@code Z}, or a date and time
     * without one (taken as UTC; a space may stand for the {@code T}, as database exports write it).
     */
    Instant instant(JsonNode root, String path) {
        JsonNode n = at(root, path);
        if (n == null) {
            throw malformed(path, MISSING, "a time is required");
        }
        if (n.isIntegralNumber()) {
            try {
                return Instant.ofEpochSecond(n.longValue());
            } catch (java.time.DateTimeException e) {
                throw malformed(path, show(n), "is out of range");
            }
        }
        if (!n.isTextual()) {
            throw malformed(path, show(n), "must be epoch seconds or an ISO-8601 date and time");
        }
        String t = n.asText().trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw malformed(path, show(n), "must be epoch seconds or an ISO-8601 date and time");
            }
        }
    }

    static String show(JsonNode n) {
        return n == null ? MISSING : n.isTextual() ? n.asText() : n.toString();
    }
}
