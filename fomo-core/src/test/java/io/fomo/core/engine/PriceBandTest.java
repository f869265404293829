package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.math.Share;
import io.fomo.core.revenue.BuybackParameters;
import io.fomo.core.revenue.PriceBand;
import io.fomo.core.revenue.RevenueWeights;
import io.fomo.spi.JournalEntry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The price band of issue 13: a FLOCK quote outside the band the parameters declare defers the buybacks
 * with a journaled {@code price-out-of-band}; it never fails the close, never silently skips, and a replay
 * decides the same from the journal alone.
 */
class PriceBandTest {

    private static FomoProtocol replay(LivenessHarness h) {
        return FomoProtocol.builder().journal(h.journal).chainGateway(h.chain)
                .priceFeed(new io.fomo.spi.InMemoryPriceFeed()).clock(h.clock).autoDispatch(false).build();
    }

    @ParameterizedTest(name = "FLOCK at {0} USD")
    @ValueSource(strings = {"1e-12", "1e12", "0.00000099", "1000000.000001", "1e-36", "1e77"})
    void aQuoteOutsideTheDefaultBandDefersTheBuybacksAndTheCloseAndAClaimSucceed(String price) {
        LivenessHarness h = new LivenessHarness();
        h.run(new Command.RecordUsage(h.nextId(), DEP, CAROL, 1_000_000));
        h.price = new BigDecimal(price);
        Receipt close = h.close();
        String facts = h.factsOf(close);
        assertTrue(facts.contains("reason=" + Fact.BuybackDeferred.PRICE_OUT_OF_BAND), facts);
        assertTrue(facts.contains("=quoted"), "the refused quote is journaled, so a replay decides again: " + facts);
        assertFalse(facts.contains("=burned"), "nothing was bought back: " + facts);
        assertTrue(h.protocol.stateForTest().buybacks.budgetOf(DEP).total().isPositive(), "the budget waits");
        assertTrue(h.protocol.claimableFlock(CAROL).isPositive(), "the epoch's rewards were still distributed");
        h.run(new Command.ClaimRewards(CAROL));
        assertTrue(h.protocol.claimableFlock(CAROL).isZero());
        assertEquals(h.protocol.stateHash(), replay(h).stateHash());
        // Back in the band, the waiting budget is bought back.
        h.price = new BigDecimal("0.05");
        io.fomo.spi.Amount waiting = h.protocol.stateForTest().buybacks.budgetOf(DEP).total();
        String next = h.factsOf(h.close());
        assertFalse(next.contains(Fact.BuybackDeferred.PRICE_OUT_OF_BAND), next);
        assertTrue(next.contains("=burned"), next);
        assertTrue(h.protocol.stateForTest().buybacks.budgetOf(DEP).total().isLessThan(waiting),
                "the waiting budget was spent");
    }

    @ParameterizedTest(name = "FLOCK at {0} USD")
    @ValueSource(strings = {"0.000001", "1000000", "0.05", "1"})
    void theBandsBoundsAndPricesWithinItExecute(String price) {
        LivenessHarness h = new LivenessHarness();
        h.run(new Command.RecordUsage(h.nextId(), DEP, CAROL, 1_000_000));
        h.price = new BigDecimal(price);
        String facts = h.factsOf(h.close());
        assertFalse(facts.contains(Fact.BuybackDeferred.PRICE_OUT_OF_BAND), facts);
    }

    @Test
    void aChangedBandTakesEffectFromTheNextEpochAndIsJournaled() {
        LivenessHarness h = new LivenessHarness();
        BuybackParameters narrow = BuybackParameters.of(Share.ofBps("maxSlippage", 100), Duration.ofHours(1),
                PriceBand.of(new BigDecimal("0.10"), new BigDecimal("0.20")));
        Receipt change = h.run(new Command.ChangeParameters(ParameterChange.of(RevenueWeights.defaults(),
                new BigDecimal("0.5"), new BigDecimal("0.5"), narrow)));
        String payload = h.journal.read(change.firstSequence(), 1).stream().map(x -> x.entry())
                .map(JournalEntry::payload).map(b -> new String(b, StandardCharsets.UTF_8)).findFirst().orElseThrow();
        assertTrue(payload.contains("change.buyback.minPrice=0.1\n"), payload);
        assertTrue(payload.contains("change.buyback.maxPrice=0.2\n"), payload);
        h.run(new Command.RecordUsage(h.nextId(), DEP, CAROL, 1_000_000));
        String first = h.factsOf(h.close());
        assertFalse(first.contains(Fact.BuybackDeferred.PRICE_OUT_OF_BAND), "the old band held for epoch 0: " + first);
        h.run(new Command.RecordUsage(h.nextId(), DEP, CAROL, 1_000_000));
        String second = h.factsOf(h.close());
        assertTrue(second.contains("reason=" + Fact.BuybackDeferred.PRICE_OUT_OF_BAND), second);
        assertEquals(narrow.priceBand(), h.protocol.stateForTest().current.buyback().priceBand());
        assertEquals(h.protocol.stateHash(), replay(h).stateHash());
    }

    @Test
    void theGenesisDeclaresTheDefaultBandAndAJournalWithoutABandReadsAsTheDefault() {
        Fields f = new Fields("test");
        ParameterChange.defaults().encode(f, "initial.");
        String text = new String(f.encode(), StandardCharsets.UTF_8);
        assertTrue(text.contains("initial.buyback.minPrice=" + PriceBand.DEFAULT_MIN + "\n"), text);
        assertTrue(text.contains("initial.buyback.maxPrice=" + PriceBand.DEFAULT_MAX + "\n"), text);
        // A journal written before the band: the same payload without its two lines.
        String older = text.replaceAll("initial\\.buyback\\.(min|max)Price=[^\n]*\n", "");
        assertFalse(older.contains("Price="), older);
        ParameterChange decoded = ParameterChange.decode(Fields.decode(older.getBytes(StandardCharsets.UTF_8), "t"),
                "initial.");
        assertEquals(new BigDecimal(PriceBand.DEFAULT_MIN), decoded.buyback().priceBand().min());
        assertEquals(0, new BigDecimal(PriceBand.DEFAULT_MAX).compareTo(decoded.buyback().priceBand().max()));
        assertEquals(ParameterChange.defaults(), decoded);
    }
}
