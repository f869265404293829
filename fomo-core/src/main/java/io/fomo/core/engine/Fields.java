package io.fomo.core.engine;

import io.fomo.core.internal.JournalText;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidStateException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;

/**
 * An ordered record of named text fields with one canonical byte form: UTF-8 lines {@code key=value},
 * in insertion order, with backslash, newline and carriage return escaped in values. It is the payload
 * of every journaled event and the unit of the canonical state encoding, so it must never depend on the
 * platform, the locale or a hash order.
 */
final class Fields {

    /** Above this many fields, lookups go through a hash index instead of a scan. */
    private static final int SCAN_LIMIT = 16;

    // Keys and values in insertion order: most records have a handful of fields, for which a scan of an
    // array beats a linked hash map (no entry objects); the index is built once a record grows past
    // SCAN_LIMIT fields.
    private String[] keys = new String[8];
    private String[] values = new String[8];
    private int size;
    private HashMap<String, Integer> index;
    private final String context;

    Fields(String context) {
        this.context = context;
    }

    Fields put(String key, String value) {
        if (find(key) >= 0) {
            throw new IllegalStateException("field written twice: " + key);
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        if (index != null) {
            index.put(key, size);
        } else if (size == SCAN_LIMIT) {
            index = new HashMap<>();
            for (int i = 0; i <= size; i++) {
                index.put(keys[i], i);
            }
        }
        size++;
        return this;
    }

    private int find(String key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private String get(String key) {
        int i = find(key);
        return i < 0 ? null : values[i];
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
        return find(key) >= 0;
    }

    String text(String key) {
        String v = get(key);
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
        return amountOf(key, text(key));
    }

    private Amount amountOf(String key, String v) {
        int second = v.indexOf(':', v.indexOf(':') + 1);
        if (v.indexOf(':') <= 0 || second < 0) {
            throw corrupt(key, "SYMBOL:decimals:value");
        }
        try {
            String prefix = v.substring(0, second);
            Asset asset = JournalText.cachedAsset(prefix);
            if (asset == null) {
                String[] parts = prefix.split(":", 2);
                asset = Asset.of(parts[0], Integer.parseInt(parts[1]));
                JournalText.cacheAsset(prefix, asset);
            }
            BigDecimal value = JournalText.plainDecimal(v, second + 1, v.length());
            return Amount.of(asset, value != null ? value : new BigDecimal(v.substring(second + 1)));
        } catch (RuntimeException e) {
            throw corrupt(key, "SYMBOL:decimals:value");
        }
    }

    // Reading in the canonical order: the field of `prefix + name` is normally the next one, so it is
    // matched in place without building the key; a field elsewhere is found by name, and reading goes on
    // after it.
    private int cursor;

    private String next(String prefix, String name) {
        int i = cursor;
        if (i < size) {
            String k = keys[i];
            if (k.length() == prefix.length() + name.length() && k.startsWith(prefix) && k.endsWith(name)) {
                cursor = i + 1;
                return values[i];
            }
        }
        String key = prefix + name;
        i = find(key);
        if (i < 0) {
            throw new InvalidStateException(context + ": missing field '" + key + "'");
        }
        cursor = i + 1;
        return values[i];
    }

    String text(String prefix, String name) {
        return next(prefix, name);
    }

    Amount amount(String prefix, String name) {
        return amountOf(prefix + name, next(prefix, name));
    }

    AccountId account(String prefix, String name) {
        return AccountId.of(next(prefix, name));
    }

    DeploymentId deployment(String prefix, String name) {
        return DeploymentId.of(next(prefix, name));
    }

    EventId eventId(String prefix, String name) {
        return EventId.of(next(prefix, name));
    }

    long longValue(String prefix, String name) {
        next(prefix, name);
        return longValue(prefix + name);
    }

    int intValue(String prefix, String name) {
        next(prefix, name);
        return intValue(prefix + name);
    }

    boolean bool(String prefix, String name) {
        next(prefix, name);
        return bool(prefix + name);
    }

    BigDecimal decimal(String prefix, String name) {
        next(prefix, name);
        return decimal(prefix + name);
    }

    Instant instant(String prefix, String name) {
        next(prefix, name);
        return instant(prefix + name);
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

    private InvalidStateException corrupt(String key, String expected) {
        return new InvalidStateException(context + ": field '" + key + "' = " + get(key) + ": expected " + expected);
    }

    byte[] encode() {
        StringBuilder sb = new StringBuilder(size * 24);
        for (int k = 0; k < size; k++) {
            sb.append(keys[k]).append('=');
            String v = values[k];
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
            // The line is [start, end): key and value are cut out of the text directly (no line string).
            int eq = text.indexOf('=', start);
            if (eq <= start || eq >= end) {
                throw new InvalidStateException(context + ": malformed line '" + text.substring(start, end) + "'");
            }
            boolean escaped = false;
            for (int i = eq + 1; i < end && !escaped; i++) {
                escaped = text.charAt(i) == '\\';
            }
            if (!escaped) {
                // Nothing escaped (the usual case): the value is the rest of the line as it stands.
                f.put(text.substring(start, eq), text.substring(eq + 1, end));
                start = end + 1;
                continue;
            }
            StringBuilder v = new StringBuilder();
            for (int i = eq + 1; i < end; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < end) {
                    char n = text.charAt(++i);
                    v.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
                } else {
                    v.append(c);
                }
            }
            f.put(text.substring(start, eq), v.toString());
            start = end + 1;
        }
        return f;
    }
}
