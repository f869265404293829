package io.fomo.spi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The price of one whole token of an asset in US dollars, as a source reported it at a time.
 *
 * <p>A price is a rate, not an {@link Amount}: it has no asset scale of its own. Scale policy: the price
 * is kept exactly as given, never rounded, in its shortest form (trailing zeros stripped, no negative
 * scale), so {@code 0.5} and {@code 0.50} are the same price and {@link #equals(Object)} is numeric. At
 * most {@link #MAX_SCALE} decimals are accepted; a source with more must be rounded by the adapter
 * with a rounding mode it chooses and documents. Whoever turns a price into an amount rounds once, with
 * an explicit {@link java.math.RoundingMode} (for example
 * {@link Amount#multipliedBy(BigDecimal, java.math.RoundingMode)}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PriceQuote {

    /** The largest number of decimals a price may have. */
    public static final int MAX_SCALE = 36;

    private final Asset asset;
    private final BigDecimal price;
    private final String source;
    private final Instant timestamp;

    private PriceQuote(Asset asset, BigDecimal price, String source, Instant timestamp) {
        this.asset = asset;
        this.price = price;
        this.source = source;
        this.timestamp = timestamp;
    }

    /**
     * Returns a quote.
     *
     * @param asset     the priced asset
     * @param price     US dollars per whole token: positive, at most {@link #MAX_SCALE} decimals
     *                  (after trailing zeros are stripped)
     * @param source    where the price came from, as in {@code "chainlink:FLOCK/USD"}: 1 to 128
     *                  characters, no control characters, no leading or trailing space
     * @param timestamp when the source observed the price
     * @return the quote
     * @throws InvalidArgumentException if the price is not positive or has too many decimals, or the
     *                                  source is blank, too long or has control characters
     */
    public static PriceQuote of(Asset asset, BigDecimal price, String source, Instant timestamp) {
        Objects.requireNonNull(asset, "asset");
        Limits.decimal("price", price);
        Objects.requireNonNull(timestamp, "timestamp");
        if (price.signum() <= 0) {
            throw InvalidArgumentException.of("price", price, "must be positive");
        }
        BigDecimal canonical = price.stripTrailingZeros();
        if (canonical.scale() > MAX_SCALE) {
            throw InvalidArgumentException.of("price", price,
                    "has more than " + MAX_SCALE + " decimals; round it with an explicit rounding mode first");
        }
        if (canonical.scale() < 0) {
            canonical = canonical.setScale(0);
        }
        return new PriceQuote(asset, canonical, Ids.check("source", source), timestamp);
    }

    /**
     * Returns the priced asset.
     *
     * @return the asset
     */
    public Asset asset() {
        return asset;
    }

    /**
     * Returns the price in US dollars per whole token, in its shortest exact form.
     *
     * @return the price, positive, scale 0 to {@link #MAX_SCALE}
     */
    public BigDecimal price() {
        return price;
    }

    /**
     * Returns where the price came from.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * Returns when the source observed the price.
     *
     * @return the timestamp
     */
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PriceQuote q && q.asset.equals(asset) && q.price.equals(price)
                && q.source.equals(source) && q.timestamp.equals(timestamp);
    }

    @Override
    public int hashCode() {
        return ((asset.hashCode() * 31 + price.hashCode()) * 31 + source.hashCode()) * 31 + timestamp.hashCode();
    }

    /**
     * Returns the asset, price, timestamp and source.
     *
     * @return for example {@code "FLOCK = 0.0425 USD @2026-01-01T00:00:00Z (chainlink:FLOCK/USD)"}
     */
    @Override
    public String toString() {
        return asset + " = " + price.toPlainString() + " USD @" + timestamp + " (" + source + ')';
    }
}
