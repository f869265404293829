package io.fomo.spi;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The reference {@link PriceFeed}: a step function per asset. Each {@link #put(PriceQuote) quote} holds
 * from its timestamp until the next quote of the same asset; quotes may be added in any order.
 *
 * <p>This class is thread-safe: every method holds the feed's lock.
 */
public final class InMemoryPriceFeed implements PriceFeed {

    private final Map<Asset, NavigableMap<Instant, PriceQuote>> quotes = new HashMap<>();

    /** Creates a feed without prices. */
    public InMemoryPriceFeed() {
    }

    /**
     * Adds a quote. Adding a quote equal to one already held does nothing; a second, different quote
     * for the same asset and timestamp is rejected, because it would change answers already given.
     *
     * @param quote the quote
     * @throws InvalidStateException if a different quote for the same asset and timestamp is held (the
     *                               feed is then unchanged)
     */
    public synchronized void put(PriceQuote quote) {
        Objects.requireNonNull(quote, "quote");
        NavigableMap<Instant, PriceQuote> series = quotes.computeIfAbsent(quote.asset(), a -> new TreeMap<>());
        PriceQuote held = series.putIfAbsent(quote.timestamp(), quote);
        if (held != null && !held.equals(quote)) {
            throw InvalidStateException.of("quote", quote, "the feed already holds " + held + " at that time");
        }
    }

    @Override
    public synchronized PriceQuote priceAt(Asset asset, Instant at) {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(at, "at");
        NavigableMap<Instant, PriceQuote> series = quotes.get(asset);
        if (series == null) {
            throw InvalidStateException.of("asset", asset, "the feed has no price for this asset");
        }
        Map.Entry<Instant, PriceQuote> latest = series.floorEntry(at);
        if (latest == null) {
            throw InvalidStateException.of("at", at,
                    "the feed has no price for " + asset + " this early (the first is at " + series.firstKey() + ")");
        }
        return latest.getValue();
    }
}
