package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DAVE;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.flock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.revenue.BuybackBudget;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.LimitExceededException;
import java.math.BigDecimal;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the engine's liveness (issue 13): no accepted command may make a later close or claim
 * impossible. Each refused attack is a typed error naming the field, with the state hash and the journal
 * unchanged; each accepted extreme leaves the next close working, deferring what it cannot absorb with a
 * journaled reason.
 */
class EngineBoundsTest {

    private static FomoException refusedUnchanged(LivenessHarness h, Supplier<Receipt> attack) {
        String hash = h.protocol.stateHash();
        long seq = h.protocol.sequence();
        int records = h.journal.read(1).size();
        FomoException e = assertThrows(FomoException.class, attack::get);
        assertEquals(hash, h.protocol.stateHash());
        assertEquals(seq, h.protocol.sequence());
        assertEquals(records, h.journal.read(1).size());
        return e;
    }

    private static BuybackBudget budget(LivenessHarness h) {
        return h.protocol.stateForTest().buybacks.budgetOf(DEP);
    }

    @Test
    void usageOfLongMaxValueUnitsIsRefusedAndTheNextCloseSucceeds() {
        LivenessHarness h = new LivenessHarness();
        FomoException e = refusedUnchanged(h,
                () -> h.run(new Command.RecordUsage(EventId.of("max-pay"), DEP, CAROL, Long.MAX_VALUE)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals("units", e.field());
        assertEquals(String.valueOf(Long.MAX_VALUE), e.rejectedValue());
        assertFalse(h.close().isDuplicate());
        assertFalse(h.close().isDuplicate(), "and the one after");
    }

    @Test
    void usageOneUnitAboveTheBoundIsRefusedEvenAtAZeroPrice() {
        LivenessHarness h = new LivenessHarness();
        FomoException e = refusedUnchanged(h, () -> h.run(new Command.RecordUsage(EventId.of("p"), DEP, CAROL,
                EngineLimits.MAX_UNITS_PER_PAYMENT + 1)));
        assertTrue(e instanceof LimitExceededException, e.toString());
        assertTrue(e.getMessage().contains("1000000000000"), e.getMessage());
    }

    @Test
    void usageWhoseChargeIsAbsurdIsRefusedAndAChargeAtTheBoundIsAccepted() {
        LivenessHarness h = new LivenessHarness();
        // The list price is 0.002 USD a unit: 10^12 units would charge 2 * 10^9 USD, above the bound.
        FomoException e = refusedUnchanged(h, () -> h.run(new Command.RecordUsage(EventId.of("p1"), DEP, CAROL,
                EngineLimits.MAX_UNITS_PER_PAYMENT)));
        assertEquals("units", e.field());
        assertTrue(e.getMessage().contains("charged"), e.getMessage());
        // 5 * 10^11 units charge exactly 10^9 USD: accepted.
        h.run(new Command.RecordUsage(EventId.of("p2"), DEP, CAROL, 500_000_000_000L));
        assertEquals(0, h.protocol.revenue().grossOf(DEP).value().compareTo(EngineLimits.MAX_CHARGE_PER_PAYMENT),
                h.protocol.revenue().toString());
    }

    @Test
    void aWhaleAtTheBoundEveryDayNeverFailsACloseAndWhatTheSupplyCannotAbsorbWaits() {
        LivenessHarness h = new LivenessHarness();
        Amount burnedBefore = Amount.zero(Asset.FLOCK);
        for (int day = 0; day < 3; day++) {
            for (int i = 0; i < 5; i++) {
                h.run(new Command.RecordUsage(h.nextId(), DEP, BOB, 500_000_000_000L));
            }
            Receipt close = h.close();
            String facts = h.factsOf(close);
            assertTrue(facts.contains("=buyback-deferred") && facts.contains("reason=" + Fact.BuybackDeferred.SUPPLY),
                    facts);
            assertTrue(budget(h).total().isPositive(), "the budget waits: " + budget(h));
            // Never more burned than exists, and the books never hold more FLOCK than exists.
            Amount exists = h.protocol.burns().supplyOf(Asset.FLOCK);
            assertFalse(h.protocol.booked(Asset.FLOCK).isGreaterThan(exists), exists.toString());
            Amount burned = ProtocolParameters.FLOCK_SUPPLY.minus(exists);
            assertFalse(burned.isLessThan(burnedBefore));
            burnedBefore = burned;
        }
        h.run(new Command.ClaimRewards(BOB));
        assertTrue(h.protocol.claimableFlock(BOB).isZero());
        assertFalse(h.close().isDuplicate());
    }

    @Test
    void aDepositOfTenToTheThirtyFlockBeyondTheFixedSupplyIsRefused() {
        LivenessHarness h = new LivenessHarness();
        FomoException e = refusedUnchanged(h,
                () -> h.run(new Command.Deposit(DAVE, Amount.of(Asset.FLOCK, new BigDecimal("1e30")))));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals("amount", e.field());
        assertFalse(h.close().isDuplicate());
    }

    @Test
    void depositsFillTheSupplyExactlyAndNotOneBaseUnitMore() {
        LivenessHarness h = new LivenessHarness();
        Amount room = ProtocolParameters.FLOCK_SUPPLY.minus(h.protocol.booked(Asset.FLOCK));
        h.run(new Command.Deposit(DAVE, room));
        assertEquals(ProtocolParameters.FLOCK_SUPPLY, h.protocol.booked(Asset.FLOCK));
        Amount oneUnit = Amount.ofUnits(Asset.FLOCK, java.math.BigInteger.ONE);
        FomoException e = refusedUnchanged(h, () -> h.run(new Command.Deposit(DAVE, oneUnit)));
        assertEquals("amount", e.field());
        // Every FLOCK exists on the books: a FLOCK-leg buyback has nothing outside to buy, so it waits.
        for (int i = 0; i < 3; i++) {
            h.run(new Command.RecordUsage(h.nextId(), DEP, CAROL, 1_000_000));
        }
        Receipt close = h.close();
        assertTrue(h.factsOf(close).contains("reason=" + Fact.BuybackDeferred.SUPPLY), h.factsOf(close));
        assertFalse(h.close().isDuplicate());
    }

    @Test
    void aPriceFeedOutageAtACloseDefersTheBuybacksWithAJournaledReason() {
        LivenessHarness h = new LivenessHarness();
        h.run(new Command.RecordUsage(h.nextId(), DEP, CAROL, 1_000_000));
        h.close();
        h.run(new Command.RecordUsage(h.nextId(), DEP, CAROL, 1_000_000));
        h.feed.down = true;
        BuybackBudget before = budget(h);
        Receipt close = h.close();
        String facts = h.factsOf(close);
        assertTrue(facts.contains("=buyback-deferred") && facts.contains("reason=" + Fact.BuybackDeferred.NO_PRICE),
                facts);
        assertFalse(facts.contains("=quoted"), facts);
        assertTrue(h.protocol.lastBuybacks().isEmpty());
        assertTrue(budget(h).total().isGreaterThan(before.total()), "the epoch's share joins the waiting budget");
        assertTrue(h.protocol.flockPrice(h.clock.now()).isEmpty(), "reports see no price, without a throw");
        // A replay decides the same deferral from the journal alone.
        FomoProtocol replay = FomoProtocol.builder().journal(h.journal).chainGateway(h.chain)
                .priceFeed(new io.fomo.spi.InMemoryPriceFeed()).clock(h.clock).autoDispatch(false).build();
        assertEquals(h.protocol.stateHash(), replay.stateHash());
        h.feed.down = false;
        h.close();
        assertFalse(h.protocol.lastBuybacks().isEmpty(), "the deferred budget is bought back once a price is back");
    }

    @Test
    void aStalePriceDefersTheBuybacksWithItsOwnReason() {
        LivenessHarness h = new LivenessHarness();
        h.run(new Command.RecordUsage(h.nextId(), DEP, CAROL, 1_000_000));
        // No fresh quote: the feed's last price is from genesis, older than the buybacks' maximum age.
        h.clock.set(h.protocol.epochStart(h.protocol.epoch() + 1));
        Receipt close = h.run(new Command.CloseEpoch(java.util.Map.of()));
        String facts = h.factsOf(close);
        assertTrue(facts.contains("reason=" + Fact.BuybackDeferred.STALE_PRICE), facts);
    }

    @Test
    void anAbsurdlyHugeOrTinyPriceWithinTheNumbersBoundsNeverFailsAClose() {
        for (String p : new String[] {"1e-36", "1e-30", "1e-12", "1e-8", "1e30", "1e77"}) {
            LivenessHarness h = new LivenessHarness();
            h.run(new Command.RecordUsage(h.nextId(), DEP, CAROL, 500_000_000_000L));
            h.price = new BigDecimal(p);
            assertFalse(h.close().isDuplicate(), p);
            h.run(new Command.ClaimRewards(CAROL));
            h.price = new BigDecimal("0.05");
            assertFalse(h.close().isDuplicate(), p);
        }
    }
}
