package io.fomo.core.internal;

import io.fomo.spi.Asset;
import java.math.BigDecimal;
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

    private static final int CACHE_LIMIT = 4096;
    private static final ConcurrentHashMap<String, Asset> ASSETS = new ConcurrentHashMap<>();

    private JournalText() {
    }

    /**
     * Parses {@code [0-9]+(\.[0-9]+)?} of at most 18 digits in {@code s[from, to)}.
     *
     * @param s    the text
     * @param from the first character
     * @param to   the end, exclusive
     * @return the decimal, its scale the number of digits after the point; null outside the fast path
     */
    public static BigDecimal plainDecimal(String s, int from, int to) {
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return null;
                }
                unscaled = unscaled * 10 + (c - '0');
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
        return BigDecimal.valueOf(unscaled, Math.max(scale, 0));
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
}
