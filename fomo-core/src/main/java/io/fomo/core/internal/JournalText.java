package io.fomo.core.internal;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Speed tricks for reading the journal's text fields, kept out of the models: a plain decimal of at most
 * 18 digits becomes a {@link BigDecimal} from its unscaled {@code long} (no character array, no general
 * parser), and an asset prefix such as {@code MT-qwen:18} maps to its {@link Asset} from a bounded cache
 * instead of being validated again for every amount. Anything outside the fast path returns null, and
 * the caller parses it the general way, so results never differ. This package is not exported.
 *
 * <p>This class is thread-safe.
 */
public final class JournalText {

    /** What {@link #plainLong} returns for text off its path. */
    public static final long NOT_PLAIN = Long.MIN_VALUE;

    private static final int CACHE_LIMIT = 4096;
    private static final ConcurrentHashMap<String, Asset> ASSETS = new ConcurrentHashMap<>();
    private static final long[] POW10 = new long[19];
    private static final int BYTE_SLOTS = 1024;
    // Direct-mapped: a slot holds the last prefix hashed to it. Entries are immutable (final fields), so a
    // reader that sees one sees it whole, and a race only costs a miss.
    private static final AssetEntry[] BYTE_ASSETS = new AssetEntry[BYTE_SLOTS];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private record AssetEntry(byte[] prefix, Asset asset) {
    }

    private JournalText() {
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Skips plain bytes of a value 8 at a time: returns an index {@code r}, {@code from <= r <= to}, such that
     * no byte of {@code b[from, r)} is a newline, a backslash or a non-ASCII byte, stopping at the first group
     * of 8 bytes that may hold one (or that would pass {@code to}); the caller reads on from {@code r} byte
     * by byte, exactly as from {@code from}.
     *
     * @param b    the bytes
     * @param from the first byte of the value
     * @param to   the end of the bytes, exclusive
     * @return where to read on byte by byte
     */
    public static int skipPlain(byte[] b, int from, int to) {
        int i = from;
        while (i <= to - 8) {
            long w = (long) LONGS.get(b, i);
            long newline = w ^ 0x0A0A0A0A0A0A0A0AL;
            long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
            // A zero byte of either (a newline or a backslash), or a byte with its high bit set (non-ASCII).
            if (((((newline - ONES) & ~newline) | ((backslash - ONES) & ~backslash) | w) & HIGHS) != 0) {
                break;
            }
            i += 8;
        }
        return i;
    }

    /**
     * Returns the ASCII bytes {@code b[from, end)} as text with the journal's escapes undone, as
     * {@link #unescape(String, int, int)} does for text.
     *
     * @param b    the bytes, ASCII
     * @param from the first byte of the value
     * @param end  the end of the value, exclusive
     * @return the value
     */
    public static String unescapeAscii(byte[] b, int from, int end) {
        return unescape(new String(b, from, end - from, StandardCharsets.ISO_8859_1), 0, end - from);
    }

    /**
     * Returns {@code text[from, end)} with the journal's escapes undone ({@code \\n} a newline,
     * {@code \\r} a carriage return, a backslash before any other character that character): the value of
     * a line read as text. Without a backslash it is the substring itself.
     *
     * @param text the text
     * @param from the first character of the value
     * @param end  the end of the value, exclusive
     * @return the value
     */
    public static String unescape(String text, int from, int end) {
        int first = from;
        while (first < end && text.charAt(first) != '\\') {
            first++;
        }
        if (first == end) {
            return text.substring(from, end);
        }
        StringBuilder v = new StringBuilder(end - from);
        v.append(text, from, first);
        for (int i = first; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char n = text.charAt(++i);
                v.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                v.append(c);
            }
        }
        return v.toString();
    }

    /**
     * Returns the asset of a {@code SYMBOL:decimals} prefix seen before, or null.
     *
     * @param prefix the prefix
     * @return the cached asset, or null
     */
    public static Asset cachedAsset(String prefix) {
        return ASSETS.get(prefix);
    }

    /**
     * Remembers the asset of a {@code SYMBOL:decimals} prefix (the cache is cleared when it grows past
     * 4,096 assets).
     *
     * @param prefix the prefix
     * @param asset  its asset, validated by the caller
     */
    public static void cacheAsset(String prefix, Asset asset) {
        if (ASSETS.size() >= CACHE_LIMIT) {
            ASSETS.clear();
        }
        ASSETS.put(prefix, asset);
    }

    /**
     * Parses {@code [0-9]+(\.[0-9]+)?} of at most 36 digits in {@code b[from, to)}, as
     * {@code new BigDecimal(text)} would.
     *
     * @param b    the bytes
     * @param from the first byte
     * @param to   the end, exclusive
     * @return the decimal, its scale the number of digits after the point; null outside the fast path
     */
    public static BigDecimal plainDecimal(byte[] b, int from, int to) {
        long high = 0;
        long low = 0;
        int lowDigits = 0;
        int digits = 0;
        int scale = -1;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 36) {
                    return null;
                }
                if (digits <= 18) {
                    high = high * 10 + (c - '0');
                } else {
                    low = low * 10 + (c - '0');
                    lowDigits++;
                }
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0 && digits > 0 && i + 1 < to) {
                scale = 0;
            } else {
                return null;
            }
        }
        if (digits == 0) {
            return null;
        }
        int s = Math.max(scale, 0);
        if (lowDigits == 0) {
            return BigDecimal.valueOf(high, s);
        }
        return new BigDecimal(unsigned(high, lowDigits, low), s);
    }

    /**
     * Reads an amount written as {@code SYMBOL:decimals:value} in {@code b[from, to)}, where the value has
     * exactly the asset's decimals after the point (none for 0 decimals) and at most 36 digits: the form
     * {@link Amount#toPlainString()} writes.
     *
     * @param b    the bytes
     * @param from the first byte
     * @param to   the end, exclusive
     * @return the amount, equal to {@code Amount.of(asset, new BigDecimal(value))}; null outside the fast
     *         path (the caller then reads the text the general way, which also says what is wrong)
     */
    public static Amount amount(byte[] b, int from, int to) {
        int first = indexOf(b, from, to, ':');
        int second = first < 0 ? -1 : indexOf(b, first + 1, to, ':');
        if (first <= from || second < 0) {
            return null;
        }
        Asset asset = asset(b, from, second);
        if (asset == null) {
            return null;
        }
        long high = 0;
        long low = 0;
        int lowDigits = 0;
        int digits = 0;
        int point = -1;
        for (int i = second + 1; i < to; i++) {
            // Eight digits at once when all eight go to the same part (the first 18 digits, or the next 18).
            if (i <= to - 8 && (digits <= 10 || digits >= 18 && digits <= 28)) {
                long w = (long) LONGS.get(b, i);
                if (eightDigits(w)) {
                    if (digits <= 10) {
                        high = high * 100_000_000L + eightDigitsValue(w);
                    } else {
                        low = low * 100_000_000L + eightDigitsValue(w);
                        lowDigits += 8;
                    }
                    digits += 8;
                    i += 7;
                    continue;
                }
            }
            int c = b[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 36) {
                    return null;
                }
                if (digits <= 18) {
                    high = high * 10 + (c - '0');
                } else {
                    low = low * 10 + (c - '0');
                    lowDigits++;
                }
            } else if (c == '.' && point < 0 && digits > 0) {
                point = i;
            } else {
                return null;
            }
        }
        int decimals = asset.decimals();
        int fraction = point < 0 ? 0 : to - point - 1;
        if (digits == 0 || fraction != decimals || (point >= 0 && fraction == 0)) {
            return null;
        }
        if (lowDigits == 0) {
            return Amount.ofUnits(asset, high);
        }
        return Amount.ofUnits(asset, unsigned(high, lowDigits, low));
    }

    // high * 10^lowDigits + low, all below 10^36 < 2^120.
    private static BigInteger unsigned(long high, int lowDigits, long low) {
        long p = POW10[lowDigits];
        long hi = Math.multiplyHigh(high, p);
        long lo = high * p;
        long sum = lo + low;
        if (Long.compareUnsigned(sum, lo) < 0) {
            hi++;
        }
        if (hi == 0 && sum >= 0) {
            return BigInteger.valueOf(sum);
        }
        // Big-endian magnitude with no leading zero byte (fewer bytes for BigInteger to strip).
        int hiBytes = hi == 0 ? 0 : 8 - Long.numberOfLeadingZeros(hi) / 8;
        byte[] mag = new byte[8 + hiBytes];
        for (int i = 0; i < 8; i++) {
            mag[mag.length - 1 - i] = (byte) (sum >>> (8 * i));
        }
        for (int i = 0; i < hiBytes; i++) {
            mag[hiBytes - 1 - i] = (byte) (hi >>> (8 * i));
        }
        return new BigInteger(1, mag);
    }

    // Whether each of the 8 bytes of w (read little-endian) is an ASCII digit: its high nibble is 3, and
    // stays 3 with 6 added (no carry can make a byte that fails pass, since that byte itself fails).
    static boolean eightDigits(long w) {
        return ((w & 0xF0F0F0F0F0F0F0F0L) | (((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
                == 0x3333333333333333L;
    }

    // The value of 8 ASCII digits read little-endian (the first digit in the lowest byte): pairs, then
    // fours, then the eight, each step one multiplication.
    static long eightDigitsValue(long w) {
        long v = ((w & 0x0F0F0F0F0F0F0F0FL) * 2561) >>> 8;
        v = ((v & 0x00FF00FF00FF00FFL) * 6553601) >>> 16;
        return ((v & 0x0000FFFF0000FFFFL) * 42949672960001L) >>> 32;
    }

    private static int indexOf(byte[] b, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    // The asset of the ASCII prefix SYMBOL:decimals in b[from, to), read as the general path reads it, or
    // null if that path would refuse it.
    private static Asset asset(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & (BYTE_SLOTS - 1);
        AssetEntry e = BYTE_ASSETS[slot];
        if (e != null && Arrays.equals(e.prefix(), 0, e.prefix().length, b, from, to)) {
            return e.asset();
        }
        String prefix = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        Asset asset = cachedAsset(prefix);
        if (asset == null) {
            try {
                String[] parts = prefix.split(":", 2);
                asset = Asset.of(parts[0], Integer.parseInt(parts[1]));
            } catch (RuntimeException refused) {
                return null;
            }
            cacheAsset(prefix, asset);
        }
        BYTE_ASSETS[slot] = new AssetEntry(Arrays.copyOfRange(b, from, to), asset);
        return asset;
    }

    /**
     * Parses {@code -?[0-9]+} of at most {@code maxDigits} digits (18 at most) in {@code b[from, to)}, as
     * {@link Long#parseLong(String)} would.
     *
     * @param b         the bytes
     * @param from      the first byte
     * @param to        the end, exclusive
     * @param maxDigits the most digits accepted, 1 to 18
     * @return the number, or {@link #NOT_PLAIN} outside the fast path
     */
    public static long plainLong(byte[] b, int from, int to, int maxDigits) {
        boolean negative = from < to && b[from] == '-';
        int i = negative ? from + 1 : from;
        if (i >= to || to - i > maxDigits) {
            return NOT_PLAIN;
        }
        long v = 0;
        for (; i < to; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                return NOT_PLAIN;
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    /**
     * Parses {@code seconds.nanos} (each {@code -?[0-9]+} of at most 18 digits) in {@code b[from, to)}, as
     * {@code Instant.ofEpochSecond(seconds, nanos)} would.
     *
     * @param b    the bytes
     * @param from the first byte
     * @param to   the end, exclusive
     * @return the instant, or null outside the fast path or out of the instant's range
     */
    public static Instant plainInstant(byte[] b, int from, int to) {
        int dot = indexOf(b, from, to, '.');
        if (dot < 0) {
            return null;
        }
        long seconds = plainLong(b, from, dot, 18);
        long nanos = plainLong(b, dot + 1, to, 18);
        if (seconds == NOT_PLAIN || nanos == NOT_PLAIN) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (RuntimeException outOfRange) {
            return null;
        }
    }
}
