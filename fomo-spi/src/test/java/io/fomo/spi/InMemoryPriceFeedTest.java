package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.contract.PriceFeedContract;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Example;

/** Runs the price feed contract against the in-memory feed, and checks what only it can do. */
class InMemoryPriceFeedTest implements PriceFeedContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public PriceFeed newPriceFeed(List<PriceQuote> quotes) {
        InMemoryPriceFeed feed = new InMemoryPriceFeed();
        // Newest first, so that the step function does not depend on insertion order.
        for (int i = quotes.size() - 1; i >= 0; i--) {
            feed.put(quotes.get(i));
        }
        return feed;
    }

    @Example
    void aDifferentQuoteAtTheSameTimeIsRejectedAndChangesNothing() {
        InMemoryPriceFeed feed = new InMemoryPriceFeed();
        PriceQuote held = PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), "a", T0);
        feed.put(held);
        PriceQuote other = PriceQuote.of(Asset.FLOCK, new BigDecimal("0.06"), "a", T0);
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> feed.put(other));
        assertTrue(e.getMessage().startsWith("quote = FLOCK = 0.06 USD"), e.getMessage());
        assertEquals(held, feed.priceAt(Asset.FLOCK, T0));
        assertThrows(InvalidStateException.class,
                () -> feed.put(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), "b", T0)), "another source");
    }

    @Example
    void anEqualQuoteAgainChangesNothing() {
        InMemoryPriceFeed feed = new InMemoryPriceFeed();
        feed.put(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), "a", T0));
        feed.put(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.0500"), "a", T0));
        assertEquals(new BigDecimal("0.05"), feed.priceAt(Asset.FLOCK, T0.plusSeconds(60)).price());
    }

    @Example
    void errorsNameTheAssetOrTheTime() {
        InMemoryPriceFeed feed = new InMemoryPriceFeed();
        InvalidStateException unknown = assertThrows(InvalidStateException.class,
                () -> feed.priceAt(Asset.FLOCK, T0));
        assertEquals("asset = FLOCK: the feed has no price for this asset", unknown.getMessage());
        feed.put(PriceQuote.of(Asset.FLOCK, BigDecimal.ONE, "a", T0));
        InvalidStateException early = assertThrows(InvalidStateException.class,
                () -> feed.priceAt(Asset.FLOCK, T0.minusSeconds(1)));
        assertTrue(early.getMessage().startsWith("at = 2025-12-31T23:59:59Z:"), early.getMessage());
        assertTrue(early.getMessage().contains("first is at 2026-01-01T00:00:00Z"), early.getMessage());
    }
}
