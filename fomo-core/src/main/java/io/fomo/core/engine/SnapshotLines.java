package io.fomo.core.engine;

import io.fomo.core.internal.JournalBytes;
import io.fomo.core.internal.JournalText;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidStateException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The line format of a state snapshot, written and read in one pass: {@code key=value\n} lines with the
 * journal's value forms and escapes ({@link Fields}), but streamed, because a snapshot has millions of lines
 * and no lookup by key is needed: the reader expects every key in the order the writer wrote it.
 */
final class SnapshotLines {

    private SnapshotLines() {
    }

    /** Appends lines. */
    static final class Writer {
        private final StringBuilder sb = new StringBuilder(1 << 16);

        Writer put(String key, String value) {
            sb.append(key).append('=');
            JournalBytes.appendEscaped(sb, value);
            sb.append('\n');
            return this;
        }

        Writer put(String key, long value) {
            sb.append(key).append('=').append(value).append('\n');
            return this;
        }

        Writer put(String key, boolean value) {
            sb.append(key).append('=').append(value).append('\n');
            return this;
        }

        Writer put(String key, Amount value) {
            return put(key, amount(value));
        }

        Writer put(String key, Instant value) {
            return put(key, instant(value));
        }

        /** Appends the lines of a {@link Fields} record as they are (its keys carry their own prefix). */
        Writer putAll(Fields f) {
            sb.append(new String(f.encode(), StandardCharsets.UTF_8));
            return this;
        }

        byte[] bytes() {
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** The bytes followed by a last line {@code key=<SHA-256 hex of every byte before it>}. */
        byte[] sealed(String key) {
            byte[] body = bytes();
            byte[] tail = (key + "=" + HexFormat.of().formatHex(sha256(body, body.length)) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] out = Arrays.copyOf(body, body.length + tail.length);
            System.arraycopy(tail, 0, out, body.length, tail.length);
            return out;
        }
    }

    /**
     * Checks that the last line of {@code bytes} is {@code key=<SHA-256 hex of every byte before that line>}
     * (written by {@link Writer#sealed}): an edited, cut or appended byte anywhere is refused before any
     * decoding.
     */
    static void checkSeal(byte[] bytes, String key) {
        int n = bytes.length;
        if (n == 0 || bytes[n - 1] != '\n') {
            throw new InvalidStateException("snapshot: the bytes do not end with a complete line");
        }
        int start = n - 1;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        String last = new String(bytes, start, n - 1 - start, StandardCharsets.UTF_8);
        String expected = key + "=" + HexFormat.of().formatHex(sha256(bytes, start));
        if (!last.equals(expected)) {
            throw new InvalidStateException("snapshot: the last line is not '" + key
                    + "=' and the SHA-256 of the bytes before it (the bytes were edited, cut or extended)");
        }
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String amount(Amount a) {
        return a.asset().symbol() + ':' + a.asset().decimals() + ':' + a.toPlainString();
    }

    static String instant(Instant t) {
        String nanos = Integer.toString(t.getNano());
        return t.getEpochSecond() + "." + "000000000".substring(nanos.length()) + nanos;
    }

    /** Reads lines in order; every getter names the key it expects next. */
    static final class Reader {
        private final String text;
        private int pos;
        private int line;
        private final Map<String, Asset> assets = new HashMap<>();

        Reader(byte[] bytes) {
            this.text = new String(bytes, StandardCharsets.UTF_8);
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        /** The next line's value, which must be under {@code key}. */
        String text(String key) {
            line++;
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                throw corrupt(key, "no more complete lines");
            }
            if (!text.startsWith(key, pos) || pos + key.length() >= end || text.charAt(pos + key.length()) != '=') {
                throw corrupt(key, "found '" + shorten(text.substring(pos, Math.min(end, pos + 80))) + "'");
            }
            int from = pos + key.length() + 1;
            pos = end + 1;
            return JournalText.unescape(text, from, end);
        }

        /** Reads the next lines whose keys start with {@code prefix} into a {@link Fields} record. */
        Fields fieldsWithPrefix(String prefix) {
            Fields f = new Fields("snapshot " + prefix);
            while (!atEnd() && text.startsWith(prefix, pos)) {
                int eq = text.indexOf('=', pos);
                int end = text.indexOf('\n', pos);
                if (eq < 0 || end < 0 || eq > end) {
                    throw corrupt(prefix + "*", "a malformed line");
                }
                String key = text.substring(pos, eq);
                f.put(key, text(key));
            }
            return f;
        }

        long longValue(String key) {
            String v = text(key);
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw corrupt(key, "'" + shorten(v) + "' is not an integer");
            }
        }

        int intValue(String key) {
            long v = longValue(key);
            if (v != (int) v) {
                throw corrupt(key, v + " is out of range");
            }
            return (int) v;
        }

        boolean bool(String key) {
            String v = text(key);
            if (!v.equals("true") && !v.equals("false")) {
                throw corrupt(key, "'" + shorten(v) + "' is not true or false");
            }
            return v.equals("true");
        }

        Amount amount(String key) {
            return amountOf(key, text(key));
        }

        Amount amountOf(String key, String v) {
            int a = v.indexOf(':');
            int b = a < 0 ? -1 : v.indexOf(':', a + 1);
            if (b < 0) {
                throw corrupt(key, "'" + shorten(v) + "' is not SYMBOL:decimals:value");
            }
            try {
                String assetText = v.substring(0, b);
                Asset asset = assets.get(assetText);
                if (asset == null) {
                    asset = Asset.of(v.substring(0, a), Integer.parseInt(v.substring(a + 1, b)));
                    assets.put(assetText, asset);
                }
                return Amount.of(asset, new BigDecimal(v.substring(b + 1)));
            } catch (RuntimeException e) {
                throw corrupt(key, "'" + shorten(v) + "' is not SYMBOL:decimals:value");
            }
        }

        Instant instant(String key) {
            return instantOf(key, text(key));
        }

        Instant instantOf(String key, String v) {
            int dot = v.indexOf('.');
            try {
                return Instant.ofEpochSecond(Long.parseLong(v.substring(0, dot)), Long.parseLong(v.substring(dot + 1)));
            } catch (RuntimeException e) {
                throw corrupt(key, "'" + shorten(v) + "' is not seconds.nanos");
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

        InvalidStateException corrupt(String key, String what) {
            return new InvalidStateException("snapshot: line " + line + ": expected '" + shorten(key) + "': " + what);
        }

        private static String shorten(String v) {
            return v.length() > 64 ? v.substring(0, 64) + "..." : v;
        }
    }
}
