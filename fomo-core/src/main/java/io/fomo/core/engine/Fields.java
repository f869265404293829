package io.fomo.core.engine;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidStateException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ordered record of named text fields with one canonical byte form: UTF-8 lines {@code key=value},
 * in insertion order, with backslash, newline and carriage return escaped in values. It is the payload
 * of every journaled event and the unit of the canonical state encoding, so it must never depend on the
 * platform, the locale or a hash order.
 */
final class Fields {

    private final Map<String, String> map = new LinkedHashMap<>();
    private final String context;

    Fields(String context) {
        this.context = context;
    }

    Fields put(String key, String value) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalStateException("field written twice: " + key);
        }
        return this;
    }

    Fields put(String key, long value) {
        return put(key, Long.toString(value));
    }

    Fields put(String key, boolean value) {
        return put(key, Boolean.toString(value));
    }

    Fields put(String key, BigDecimal value) {
        return put(key, value.toPlainString());
    }

    Fields put(String key, Amount value) {
        Asset a = value.asset();
        return put(key, a.symbol() + ':' + a.decimals() + ':' + value.toPlainString());
    }

    Fields put(String key, Instant value) {
        return put(key, value.getEpochSecond() + "." + String.format("%09d", value.getNano()));
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    String text(String key) {
        String v = map.get(key);
        if (v == null) {
            throw new InvalidStateException(context + ": missing field '" + key + "'");
        }
        return v;
    }

    long longValue(String key) {
        try {
            return Long.parseLong(text(key));
        } catch (NumberFormatException e) {
            throw corrupt(key, "an integer");
        }
    }

    int intValue(String key) {
        try {
            return Integer.parseInt(text(key));
        } catch (NumberFormatException e) {
            throw corrupt(key, "an integer");
        }
    }

    boolean bool(String key) {
        String v = text(key);
        if (!v.equals("true") && !v.equals("false")) {
            throw corrupt(key, "true or false");
        }
        return v.equals("true");
    }

    BigDecimal decimal(String key) {
        try {
            return new BigDecimal(text(key));
        } catch (NumberFormatException e) {
            throw corrupt(key, "a decimal");
        }
    }

    Amount amount(String key) {
        String[] parts = text(key).split(":", 3);
        if (parts.length != 3) {
            throw corrupt(key, "SYMBOL:decimals:value");
        }
        try {
            return Amount.of(Asset.of(parts[0], Integer.parseInt(parts[1])), new BigDecimal(parts[2]));
        } catch (RuntimeException e) {
            throw corrupt(key, "SYMBOL:decimals:value");
        }
    }

    Instant instant(String key) {
        String[] parts = text(key).split("\\.", 2);
        try {
            return Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw corrupt(key, "seconds.nanos");
        }
    }

    AccountId account(String key) {
        return AccountId.of(text(key));
    }

    DeploymentId deployment(String key) {
        return DeploymentId.of(text(key));
    }

    EventId eventId(String key) {
        return EventId.of(text(key));
    }

    Map<String, String> asMap() {
        return map;
    }

    private InvalidStateException corrupt(String key, String expected) {
        return new InvalidStateException(context + ": field '" + key + "' = " + map.get(key) + ": expected " + expected);
    }

    byte[] encode() {
        StringBuilder sb = new StringBuilder(map.size() * 24);
        for (Map.Entry<String, String> e : map.entrySet()) {
            sb.append(e.getKey()).append('=');
            String v = e.getValue();
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\\') {
                    sb.append("\\\\");
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c == '\r') {
                    sb.append("\\r");
                } else {
                    sb.append(c);
                }
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Fields decode(byte[] bytes, String context) {
        Fields f = new Fields(context);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                throw new InvalidStateException(context + ": truncated record");
            }
            String line = text.substring(start, end);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidStateException(context + ": malformed line '" + line + "'");
            }
            StringBuilder v = new StringBuilder();
            for (int i = eq + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char n = line.charAt(++i);
                    v.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
                } else {
                    v.append(c);
                }
            }
            f.put(line.substring(0, eq), v.toString());
            start = end + 1;
        }
        return f;
    }
}
