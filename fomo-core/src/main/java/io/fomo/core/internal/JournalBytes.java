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

    /** Above this scale a decimal is written the plain way (toPlainString's zeros, without the fast path's room). */
    public static final int MAX_SCALE = 4096;

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
     * Forgets the bytes written, keeping the array: a buffer reused record after record (by one writer at a
     * time) does not grow again to the size of its records, nor is it made again for each.
     */
    public void clear() {
        size = 0;
    }

    /**
     * Writes bytes as they are (text already in its canonical bytes).
     *
     * @param b    the bytes
     * @param from the first byte
     * @param to   after the last byte
     * @return this buffer
     */
    public JournalBytes raw(byte[] b, int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(b, from, bytes, size, n);
        size += n;
        return this;
    }

    /**
     * Returns a copy of the bytes written.
     *
     * @return the bytes
     */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /**
     * Returns the bytes written in the first {@code count} buffers, one after the other, in one new array: a
     * record written in chunks on two cores, joined.
     *
     * @param parts the buffers, in order
     * @param count how many of them to join, from the first
     * @return the bytes
     */
    public static byte[] concat(JournalBytes[] parts, int count) {
        int total = 0;
        for (int k = 0; k < count; k++) {
            total = Math.addExact(total, parts[k].size);
        }
        byte[] out = new byte[total];
        int at = 0;
        for (int k = 0; k < count; k++) {
            System.arraycopy(parts[k].bytes, 0, out, at, parts[k].size);
            at += parts[k].size;
        }
        return out;
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
     * Writes a decimal exactly as {@link BigDecimal#toPlainString()} does, from the digits of its unscaled
     * value: an unscaled value of up to 128 bits at a scale of 0 to {@value #MAX_SCALE} is written with no
     * object made on the way (of up to 18 digits it is read as a {@code long}, the common case of an amount),
     * anything else the plain way.
     *
     * @param value the decimal
     * @return this buffer
     */
    public JournalBytes plain(BigDecimal value) {
        int scale = value.scale();
        if (scale < 0 || scale > MAX_SCALE) {
            text(value.toPlainString());
            return this;
        }
        long small = LongScaling.unscaledOrMinValue(value);
        if (small != Long.MIN_VALUE) {
            if (small < 0) {
                ascii('-');
                small = -small;
            }
            unscaled(0, small, scale);
            return this;
        }
        BigInteger u = value.unscaledValue();
        boolean negative = u.signum() < 0;
        if (negative) {
            u = u.negate();
        }
        int bits = u.bitLength();
        if (bits > 128) {
            text(value.toPlainString());
            return this;
        }
        if (negative) {
            ascii('-');
        }
        // The magnitude as 128 unsigned bits: the low 64 as they are, the few bits above them one by one
        // (an amount of 18 decimals has a handful), so that no shifted BigInteger is made.
        long lo = u.longValue();
        long hi = 0;
        for (int b = bits - 1; b >= 64; b--) {
            hi = hi << 1 | (u.testBit(b) ? 1 : 0);
        }
        unscaled(hi, lo, scale);
        return this;
    }

    // Writes the unsigned 128-bit (hi, lo) at `scale` as toPlainString writes a non-negative decimal. The
    // digits are first made right to left in room past the end of what is written, then moved into place
    // with the point or the leading "0." and zeros: moving left over an overlap is what arraycopy allows.
    private void unscaled(long hi, long lo, int scale) {
        ensure(scale + 2 + 40);
        byte[] b = bytes;
        int end = size + scale + 2 + 40;
        int at = end;
        // Nine digits at a time while the value needs more than 63 bits, by long division of its four 32-bit
        // limbs by 10^9 (each partial dividend stays below 2^62).
        if (hi != 0 || lo < 0) {
            long l0 = hi >>> 32;
            long l1 = hi & 0xFFFF_FFFFL;
            long l2 = lo >>> 32;
            long l3 = lo & 0xFFFF_FFFFL;
            do {
                long cur = l0;
                l0 = cur / BILLION;
                cur = ((cur % BILLION) << 32) | l1;
                l1 = cur / BILLION;
                cur = ((cur % BILLION) << 32) | l2;
                l2 = cur / BILLION;
                cur = ((cur % BILLION) << 32) | l3;
                l3 = cur / BILLION;
                int chunk = (int) (cur % BILLION);
                for (int i = 0; i < 9; i++) {
                    int q = chunk / 10;
                    b[--at] = (byte) ('0' + (chunk - q * 10));
                    chunk = q;
                }
            } while (l0 != 0 || l1 != 0 || (l2 >>> 31) != 0);
            lo = l2 << 32 | l3;
        }
        // The rest (or all) fits in a non-negative long: its digits with no leading zeros, unless it is the
        // zero above nine digits already made.
        if (lo != 0 || at == end) {
            do {
                long q = lo / 10;
                b[--at] = (byte) ('0' + (int) (lo - q * 10));
                lo = q;
            } while (lo != 0);
        }
        int digits = end - at;
        int to = size;
        if (scale == 0) {
            System.arraycopy(b, at, b, to, digits);
            to += digits;
        } else if (digits > scale) {
            int whole = digits - scale;
            System.arraycopy(b, at, b, to, whole);
            to += whole;
            b[to++] = '.';
            System.arraycopy(b, at + whole, b, to, scale);
            to += scale;
        } else {
            b[to++] = '0';
            b[to++] = '.';
            for (int i = digits; i < scale; i++) {
                b[to++] = '0';
            }
            System.arraycopy(b, at, b, to, digits);
            to += digits;
        }
        size = to;
    }
}
