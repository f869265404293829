package io.fomo.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Asset;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.PriceFeed;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The behaviour every {@link PriceFeed} must have: the answer for an asset at a time is its latest quote
 * at or before that time, and asking about an unknown asset or a time before its first quote is an
 * {@link InvalidStateException}. An adapter's test class implements {@link #newPriceFeed(List)}.
 */
public interface PriceFeedContract {

    /** The start of the short window quotes and queries fall in, so that they meet often. */
    Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * Returns a new feed that holds exactly these quotes (for a recorded feed: a recording of them).
     *
     * @param quotes the quotes, never two for the same asset and timestamp
     * @return the feed under test
     */
    PriceFeed newPriceFeed(List<PriceQuote> quotes);

    /**
     * Instants in a window of 1000 seconds, at whole seconds, so that queries hit quote times exactly.
     *
     * @return the arbitrary
     */
    @Provide
    default Arbitrary<Instant> times() {
        return Arbitraries.longs().between(0, 1000).map(EPOCH::plusSeconds);
    }

    /**
     * Histories of up to 40 quotes over up to three assets, unique per asset and timestamp.
     *
     * @return the arbitrary
     */
    @Provide
    default Arbitrary<List<PriceQuote>> histories() {
        Arbitrary<Asset> assets = Arbitraries.of(Asset.FLOCK, Asset.USDC, Asset.of("MT-llama", 18));
        Arbitrary<BigDecimal> prices = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.000000000001"), new BigDecimal("100000")).ofScale(12);
        Arbitrary<String> sources = Arbitraries.of("chainlink:FLOCK/USD", "coingecko", "manual");
        return Combinators.combine(assets, prices, sources, times()).as(PriceQuote::of)
                .list().ofMaxSize(40)
                .uniqueElements(q -> q.asset().symbol() + '@' + q.timestamp());
    }

    /** The answer is the latest quote for the asset at or before the time, or INVALID_STATE if none. */
    @Property
    default void answersWithTheLatestQuoteAtOrBeforeTheTime(@ForAll("histories") List<PriceQuote> history,
                                                            @ForAll("times") Instant at) {
        PriceFeed feed = newPriceFeed(history);
        for (Asset asset : List.of(Asset.FLOCK, Asset.USDC, Asset.of("MT-llama", 18))) {
            Optional<PriceQuote> expected = history.stream()
                    .filter(q -> q.asset().equals(asset) && !q.timestamp().isAfter(at))
                    .max(Comparator.comparing(PriceQuote::timestamp));
            if (expected.isPresent()) {
                PriceQuote quote = feed.priceAt(asset, at);
                assertEquals(expected.get(), quote);
                assertEquals(quote, feed.priceAt(asset, at), "the same question gets the same answer");
            } else {
                InvalidStateException e = assertThrows(InvalidStateException.class, () -> feed.priceAt(asset, at));
                assertEquals(ErrorCode.INVALID_STATE, e.code());
            }
        }
    }

    /** Asking at a quote's own timestamp gives that quote. */
    @Property
    default void aQuoteHoldsFromItsOwnTimestamp(@ForAll("histories") List<PriceQuote> history) {
        PriceFeed feed = newPriceFeed(history);
        for (PriceQuote quote : history) {
            assertEquals(quote, feed.priceAt(quote.asset(), quote.timestamp()));
        }
    }

    /** An asset without quotes is INVALID_STATE at any time, and the message names it. */
    @Property
    default void anUnknownAssetIsInvalidState(@ForAll("histories") List<PriceQuote> history,
                                              @ForAll Asset asset, @ForAll("times") Instant at) {
        Set<Asset> known = new HashSet<>();
        history.forEach(q -> known.add(q.asset()));
        PriceFeed feed = newPriceFeed(history);
        if (!known.contains(asset)) {
            InvalidStateException e = assertThrows(InvalidStateException.class, () -> feed.priceAt(asset, at));
            assertTrue(e.getMessage().contains(asset.symbol()), e.getMessage());
        }
        assertThrows(InvalidStateException.class, () -> feed.priceAt(Asset.of("NOPRICE", 0), at));
    }

    /** Before the first quote of an asset there is no price, even though later ones exist. */
    @Property
    default void thereIsNoPriceBeforeTheFirstQuote(@ForAll("histories") List<PriceQuote> history) {
        PriceFeed feed = newPriceFeed(history);
        List<PriceQuote> byTime = new ArrayList<>(history);
        byTime.sort(Comparator.comparing(PriceQuote::timestamp));
        Set<Asset> seen = new HashSet<>();
        for (PriceQuote first : byTime) {
            if (seen.add(first.asset())) {
                Instant justBefore = first.timestamp().minusNanos(1);
                assertThrows(InvalidStateException.class, () -> feed.priceAt(first.asset(), justBefore));
            }
        }
    }
}
