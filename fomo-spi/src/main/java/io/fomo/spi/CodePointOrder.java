package io.fomo.spi;

import java.util.Comparator;

/**
 * Orders text by Unicode code point, the order every sorted output and tie-break of the SDK uses, so a
 * port in any language (UTF-8 bytes, UTF-32 code points) sorts exactly as the SDK does.
 *
 * <p>{@link String#compareTo} orders by UTF-16 code unit, which differs for a code point above U+FFFF
 * (two surrogate units, U+D800 to U+DFFF) against one from U+E000 to U+FFFF: by UTF-16 units
 * {@code "\uD800\uDC00"} (U+10000) sorts before {@code "\uE000"}, by code point after it. This order lifts
 * surrogate units above every other unit before comparing, which gives code point order for well-formed
 * text without decoding it.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CodePointOrder implements Comparator<String> {

    private static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {
    }

    /**
     * Returns the comparator.
     *
     * @return the code point order
     */
    public static CodePointOrder instance() {
        return INSTANCE;
    }

    /**
     * Compares two texts by code point: at the first position where they differ, the smaller code point
     * comes first; a proper prefix comes before the longer text.
     *
     * @param a a text
     * @param b another text
     * @return negative, zero or positive as {@code a} is before, equal to or after {@code b}
     */
    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return fixUp(x) - fixUp(y);
            }
        }
        return a.length() - b.length();
    }

    /** Moves U+E000..U+FFFF down by 0x800 and surrogates up by 0x2000: surrogates then sort last. */
    private static int fixUp(char c) {
        if (c < Character.MIN_SURROGATE) {
            return c;
        }
        return c <= Character.MAX_SURROGATE ? c + 0x2000 : c - 0x800;
    }

    /** Whether every char of {@code s} is below U+D800, where {@link String#compareTo} gives this order. */
    static boolean belowSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= Character.MIN_SURROGATE) {
                return false;
            }
        }
        return true;
    }
}
