package io.fomo.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that writes the journal's canonical text straight as UTF-8 bytes, so that an
 * encoded record is not first a string, then a string builder, then a copy in bytes. Every method gives
 * exactly the bytes of the plain way it names ({@code String.getBytes(UTF_8)}, {@link Long#toString(long)},
 * {@link BigDecimal#toPlainString()}): text that is pure ASCII is copied byte by byte, anything else goes
 * the plain way. This package is not exported.
 *
 * <p>This class is mutable and not thread-safe.
 */
public final class JournalBytes {

    private static final long BILLION = 1_000_000_000L;

    private byte[] bytes;
    private int size;

    /**
     * Returns an empty buffer.
     *
     * @param capacity the initial capacity in bytes
     */
    public JournalBytes(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    /**
     * Returns the bytes written so far; the array may be longer than {@link #size()} and is shared with
     * this buffer until the next write.
     *
     * @return the backing array
     */
    public byte[] array() {
        return bytes;
    }

    /**
     * Returns the number of bytes written.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * Returns a copy of the bytes written.
     *
     * @return the bytes
     */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /**
     * Writes one ASCII character.
     *
     * @param c the character, below 128
     * @return this buffer
     */
    public JournalBytes ascii(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /**
     * Writes text as UTF-8, exactly as {@code s.getBytes(UTF_8)}.
     *
     * @param s the text
     * @return true if the text was pure ASCII (one byte per character)
     */
    public boolean text(String s) {
        int n = s.length();
        ensure(n);
        int at = size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                utf8(s);
                return false;
            }
            bytes[at++] = (byte) c;
        }
        size = at;
        return true;
    }

    private void utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
    }

    /**
     * Writes a field value with backslash, newline and carriage return escaped ({@code \\}, {@code \n},
     * {@code \r}), as UTF-8.
     *
     * @param s the value
     * @return true if the value was written as it stands (pure ASCII, nothing escaped)
     */
    public boolean escaped(String s) {
        int n = s.length();
        ensure(n);
        int at = size;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '\\' || c == '\n' || c == '\r') {
                utf8(escape(s));
                return false;
            }
            bytes[at++] = (byte) c;
        }
        size = at;
        return true;
    }

    private static String escape(String v) {
        StringBuilder sb = new StringBuilder(v.length() + 8);
        appendEscaped(sb, v);
        return sb.toString();
    }

    /**
     * Appends a value as the journal's text records write it: backslash, newline and carriage return
     * escaped ({@code \\}, {@code \n}, {@code \r}), every other character as it is.
     *
     * @param sb    where to append
     * @param value the value
     */
    public static void appendEscaped(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
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
    }

    /**
     * Writes a number as {@link Long#toString(long)} does.
     *
     * @param v the number
     * @return this buffer
     */
    public JournalBytes number(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                text(Long.toString(v));
                return this;
            }
            ascii('-');
            v = -v;
        }
        digits(v, 1);
        return this;
    }

    /**
     * Writes {@code seconds.nanos} with the nanoseconds on nine digits.
     *
     * @param seconds the seconds
     * @param nanos   the nanoseconds, 0 to 999,999,999
     * @return this buffer
     */
    public JournalBytes secondsNanos(long seconds, int nanos) {
        number(seconds);
        ascii('.');
        digits(nanos, 9);
        return this;
    }

    // Writes v >= 0 on at least `width` digits, zeros in front.
    private void digits(long v, int width) {
        int n = 1;
        for (long t = v; t >= 10; t /= 10) {
            n++;
        }
        n = Math.max(n, width);
        ensure(n);
        int end = size + n;
        for (int i = end - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        size = end;
    }

    /**
     * Writes a decimal exactly as {@link BigDecimal#toPlainString()} does; an unscaled value of up to 128
     * bits at a scale of 0 or more is written from its bits, anything else the plain way.
     *
     * @param value the decimal
     * @return this buffer
     */
    public JournalBytes plain(BigDecimal value) {
        int scale = value.scale();
        BigInteger u = value.unscaledValue();
        boolean negative = u.signum() < 0;
        if (negative) {
            u = u.negate();
        }
        int bits = u.bitLength();
        if (scale < 0 || bits > 128) {
            text(value.toPlainString());
            return this;
        }
        if (negative) {
            ascii('-');
        }
        // Base-10^9 digits of the unscaled value, least significant first: at most 5 for 128 bits.
        long[] chunks = new long[5];
        int count;
        if (bits < 64) {
            long v = u.longValue();
            count = 0;
            do {
                chunks[count++] = v % BILLION;
                v /= BILLION;
            } while (v != 0);
        } else {
            long lo = u.longValue();
            long hi = u.shiftRight(64).longValue();
            long[] limbs = {hi >>> 32, hi & 0xFFFF_FFFFL, lo >>> 32, lo & 0xFFFF_FFFFL};
            count = 0;
            boolean zero;
            do {
                long rem = 0;
                zero = true;
                for (int i = 0; i < 4; i++) {
                    long cur = (rem << 32) | limbs[i];
                    limbs[i] = cur / BILLION;
                    rem = cur % BILLION;
                    zero &= limbs[i] == 0;
                }
                chunks[count++] = rem;
            } while (!zero);
        }
        // The digits of the unscaled value: the top chunk without leading zeros, the others on nine.
        int top = 1;
        for (long t = chunks[count - 1]; t >= 10; t /= 10) {
            top++;
        }
        int digits = top + 9 * (count - 1);
        if (scale == 0) {
            writeChunks(chunks, count, top, digits, -1);
        } else if (digits > scale) {
            writeChunks(chunks, count, top, digits, digits - scale);
        } else {
            ensure(2 + scale - digits);
            bytes[size++] = '0';
            bytes[size++] = '.';
            for (int i = digits; i < scale; i++) {
                bytes[size++] = '0';
            }
            writeChunks(chunks, count, top, digits, -1);
        }
        return this;
    }

    // Writes the `digits` digits of the chunks, with a point after the first `point` of them (-1: none).
    private void writeChunks(long[] chunks, int count, int top, int digits, int point) {
        int n = digits + (point >= 0 ? 1 : 0);
        ensure(n);
        // The digits go in place right to left, nine per chunk in int arithmetic; the point is made room
        // for afterwards by moving the fraction one byte to the right.
        int at = size + digits;
        for (int c = 0; c < count; c++) {
            int v = (int) chunks[c];
            int width = c == count - 1 ? top : 9;
            for (int i = 0; i < width; i++) {
                int q = v / 10;
                bytes[--at] = (byte) ('0' + (v - q * 10));
                v = q;
            }
        }
        if (point >= 0) {
            int dot = size + point;
            System.arraycopy(bytes, dot, bytes, dot + 1, digits - point);
            bytes[dot] = '.';
        }
        size += n;
    }
}
