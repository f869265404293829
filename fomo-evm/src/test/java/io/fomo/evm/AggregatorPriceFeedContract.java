package io.fomo.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Asset;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.PriceFeed;
import io.fomo.spi.PriceQuote;
import io.fomo.spi.contract.PriceFeedContract;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.Provide;

/**
 * The aggregator price feed passes the SPI's price-feed contract against mock aggregators on anvil, and
 * refuses non-positive, incomplete, stale and sequencer-down prices with a typed error.
 *
 * <p>An on-chain feed names its source after the aggregator ({@code chainlink:<description>}), so the
 * histories here carry that one source per asset; everything else is the contract's.
 */
class AggregatorPriceFeedContract implements PriceFeedContract {

    private static final int DECIMALS = 12;
    private static final Asset MT = Asset.of("MT-llama", 18);

    private static String source(Asset asset) {
        return "chainlink:" + asset.symbol() + "/USD";
    }

    @Override
    @Provide
    public Arbitrary<List<PriceQuote>> histories() {
        Arbitrary<Asset> assets = Arbitraries.of(Asset.FLOCK, Asset.USDC, MT);
        Arbitrary<BigDecimal> prices = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.000000000001"), new BigDecimal("100000")).ofScale(12);
        return Combinators.combine(assets, prices, times())
                .as((asset, price, at) -> PriceQuote.of(asset, price, source(asset), at))
                .list().ofMaxSize(40)
                .uniqueElements(q -> q.asset().symbol() + '@' + q.timestamp());
    }

    @Override
    public PriceFeed newPriceFeed(List<PriceQuote> quotes) {
        EvmChain chain = EvmTestChain.chain();
        AggregatorPriceFeed.Builder b = AggregatorPriceFeed.builder().chain(chain).heartbeat(Duration.ofDays(1));
        Map<Asset, String> aggregators = new LinkedHashMap<>();
        List<PriceQuote> byTime = quotes.stream().sorted(Comparator.comparing(PriceQuote::timestamp)).toList();
        Map<Asset, Long> rounds = new LinkedHashMap<>();
        for (PriceQuote q : byTime) {
            String agg = aggregators.computeIfAbsent(q.asset(), a -> {
                String address = MockAggregators.deploy(chain, DECIMALS, a.symbol() + "/USD");
                b.feed(a, address);
                return address;
            });
            long round = rounds.merge(q.asset(), 1L, Long::sum);
            long t = q.timestamp().getEpochSecond();
            MockAggregators.setRound(chain, agg, round, q.price().movePointRight(DECIMALS).toBigIntegerExact(), t, t, round);
        }
        return b.build();
    }

    private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    private static AggregatorPriceFeed feedWith(String aggregator, Duration heartbeat) {
        return AggregatorPriceFeed.builder().chain(EvmTestChain.chain()).feed(Asset.FLOCK, aggregator)
                .heartbeat(heartbeat).build();
    }

    @Example
    void scalesByTheAggregatorsDecimalsExactly() {
        EvmChain chain = EvmTestChain.chain();
        String agg = MockAggregators.deploy(chain, 8, "FLOCK/USD");
        MockAggregators.setRound(chain, agg, 1, BigInteger.valueOf(4_250_001), T.getEpochSecond(), T.getEpochSecond(), 1);
        PriceQuote q = feedWith(agg, Duration.ofHours(1)).priceAt(Asset.FLOCK, T.plusSeconds(3600));
        assertEquals(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.04250001"), "chainlink:FLOCK/USD", T), q);
    }

    @Example
    void aNonPositiveAnswerIsRefused() {
        EvmChain chain = EvmTestChain.chain();
        String agg = MockAggregators.deploy(chain, 8, "FLOCK/USD");
        MockAggregators.setRound(chain, agg, 1, BigInteger.ZERO, T.getEpochSecond(), T.getEpochSecond(), 1);
        UnusablePriceException e = assertThrows(UnusablePriceException.class,
                () -> feedWith(agg, Duration.ofHours(1)).priceAt(Asset.FLOCK, T));
        assertEquals(UnusablePriceException.Reason.NON_POSITIVE, e.reason());
        MockAggregators.setRound(chain, agg, 2, BigInteger.valueOf(-5), T.getEpochSecond() + 1, T.getEpochSecond() + 1, 2);
        assertEquals(UnusablePriceException.Reason.NON_POSITIVE, assertThrows(UnusablePriceException.class,
                () -> feedWith(agg, Duration.ofHours(1)).priceAt(Asset.FLOCK, T.plusSeconds(1))).reason());
    }

    @Example
    void anIncompleteRoundIsRefused() {
        EvmChain chain = EvmTestChain.chain();
        String agg = MockAggregators.deploy(chain, 8, "FLOCK/USD");
        MockAggregators.setRound(chain, agg, 1, BigInteger.ONE, T.getEpochSecond(), T.getEpochSecond(), 1);
        MockAggregators.setRound(chain, agg, 2, BigInteger.TWO, T.getEpochSecond() + 5, T.getEpochSecond() + 5, 1);
        UnusablePriceException e = assertThrows(UnusablePriceException.class,
                () -> feedWith(agg, Duration.ofHours(1)).priceAt(Asset.FLOCK, T.plusSeconds(10)));
        assertEquals(UnusablePriceException.Reason.INCOMPLETE_ROUND, e.reason());
        assertEquals(new BigDecimal("1E-8"), feedWith(agg, Duration.ofHours(1)).priceAt(Asset.FLOCK, T.plusSeconds(4)).price()
                .stripTrailingZeros(), "the complete round before it still answers for its own time");
    }

    @Example
    void anAnswerOlderThanTheHeartbeatIsStale() {
        EvmChain chain = EvmTestChain.chain();
        String agg = MockAggregators.deploy(chain, 8, "FLOCK/USD");
        MockAggregators.setRound(chain, agg, 1, BigInteger.TEN, T.getEpochSecond(), T.getEpochSecond(), 1);
        AggregatorPriceFeed feed = feedWith(agg, Duration.ofHours(1));
        assertEquals(T, feed.priceAt(Asset.FLOCK, T.plusSeconds(3600)).timestamp(), "exactly one heartbeat old is fine");
        UnusablePriceException e = assertThrows(UnusablePriceException.class,
                () -> feed.priceAt(Asset.FLOCK, T.plusSeconds(3601)));
        assertEquals(UnusablePriceException.Reason.STALE, e.reason());
        assertTrue(e.getMessage().contains("FLOCK"), e.getMessage());
        assertTrue(e instanceof InvalidStateException, "the engine defers buybacks on any InvalidStateException");
    }

    @Example
    void aDownOrJustRestartedSequencerRefusesEveryPrice() {
        EvmChain chain = EvmTestChain.chain();
        String agg = MockAggregators.deploy(chain, 8, "FLOCK/USD");
        MockAggregators.setRound(chain, agg, 1, BigInteger.TEN, T.getEpochSecond(), T.getEpochSecond(), 1);
        String uptime = MockAggregators.deploy(chain, 0, "L2 Sequencer Uptime Status Feed");
        MockAggregators.setRound(chain, uptime, 1, BigInteger.ONE, T.getEpochSecond() - 100, T.getEpochSecond() - 100, 1);
        AggregatorPriceFeed feed = AggregatorPriceFeed.builder().chain(chain).feed(Asset.FLOCK, agg)
                .heartbeat(Duration.ofDays(1)).sequencerUptimeFeed(uptime, Duration.ofMinutes(30)).build();
        assertEquals(UnusablePriceException.Reason.SEQUENCER_DOWN, assertThrows(UnusablePriceException.class,
                () -> feed.priceAt(Asset.FLOCK, T)).reason());
        MockAggregators.setRound(chain, uptime, 2, BigInteger.ZERO, T.getEpochSecond(), T.getEpochSecond(), 2);
        assertEquals(UnusablePriceException.Reason.SEQUENCER_GRACE_PERIOD, assertThrows(UnusablePriceException.class,
                () -> feed.priceAt(Asset.FLOCK, T.plusSeconds(1799))).reason());
        assertEquals(new BigDecimal("1E-7"), feed.priceAt(Asset.FLOCK, T.plusSeconds(1800)).price().stripTrailingZeros());
    }
}
