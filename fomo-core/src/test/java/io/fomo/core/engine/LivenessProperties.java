package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DAVE;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.MT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The liveness law of issue 13: whatever sequence of commands comes in, extreme values included (huge
 * usage, deposits up to and beyond FLOCK's supply, tiny and huge prices within the numbers' bounds, a
 * failing price feed), after each accepted or refused command an epoch close succeeds and a claim succeeds
 * or is refused only because there is nothing to claim; a refused command leaves the state hash, the
 * sequence and the journal unchanged.
 */
class LivenessProperties {

    /** One step: a command (or a change of the world the engine sees) with a name for the report. */
    record Step(String name, Consumer<LivenessHarness> action) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<AccountId> USERS = List.of(BOB, CAROL, DAVE);

    private static Arbitrary<Long> units() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.of(1L, 1_000_000L, 500_000_000_000L, EngineLimits.MAX_UNITS_PER_PAYMENT,
                        EngineLimits.MAX_UNITS_PER_PAYMENT + 1, Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L),
                Arbitraries.longs()));
    }

    private static Arbitrary<Amount> flockAmounts() {
        Arbitrary<BigDecimal> extreme = Arbitraries.of("0.000000000000000001", "1", "1000000", "997000000",
                "1000000000", "1e30", "1e77").map(BigDecimal::new);
        Arbitrary<BigDecimal> any = Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(30))
                .map(u -> new BigDecimal(u, 18));
        return Arbitraries.oneOf(List.of(extreme, any)).map(v -> Amount.of(Asset.FLOCK, v));
    }

    private static Arbitrary<BigDecimal> prices() {
        Arbitrary<BigDecimal> extreme = Arbitraries.of("1e-36", "1e-18", "1e-12", "1e-8", "0.05", "1", "1e6",
                "1e12", "1e30", "1e77").map(BigDecimal::new);
        Arbitrary<BigDecimal> any = Arbitraries.bigDecimals().between(new BigDecimal("1e-12"), new BigDecimal("1e12"))
                .ofScale(12).filter(p -> p.signum() > 0);
        return Arbitraries.oneOf(List.of(extreme, any));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<AccountId> user = Arbitraries.of(USERS);
        Arbitrary<Step> usage = Combinators.combine(user, units()).as((u, n) -> new Step("usage " + u + " " + n,
                h -> h.run(new Command.RecordUsage(h.nextId(), DEP, u, n))));
        Arbitrary<Step> deposit = Combinators.combine(user, flockAmounts()).as((u, a) -> new Step(
                "deposit " + u + " " + a, h -> h.run(new Command.Deposit(u, a))));
        Arbitrary<Step> stake = Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(26))
                .map(v -> new Step("stake bob " + v, h -> h.run(new Command.Stake(BOB, DEP,
                        Amount.ofUnits(MT, v)))));
        Arbitrary<Step> price = prices().map(p -> new Step("price " + p.toPlainString().length() + " chars " + p,
                h -> h.price = p));
        Arbitrary<Step> feed = Arbitraries.of(true, false).map(down -> new Step("feed down " + down,
                h -> h.feed.down = down));
        Arbitrary<Step> claim = user.map(u -> new Step("claim " + u, h -> h.run(new Command.ClaimRewards(u))));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, usage), net.jqwik.api.Tuple.of(3, deposit), net.jqwik.api.Tuple.of(1, stake),
                net.jqwik.api.Tuple.of(2, price), net.jqwik.api.Tuple.of(1, feed), net.jqwik.api.Tuple.of(1, claim))
                .list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 40)
    void afterAnyAcceptedOrRefusedCommandACloseAndAClaimStillSucceed(@ForAll("steps") List<Step> steps) {
        LivenessHarness h = new LivenessHarness();
        for (Step step : steps) {
            String hash = h.protocol.stateHash();
            long sequence = h.protocol.sequence();
            int records = h.journal.read(1).size();
            try {
                step.action().accept(h);
            } catch (FomoException refused) {
                assertEquals(hash, h.protocol.stateHash(), step + " was refused (" + refused + ") but changed the state");
                assertEquals(sequence, h.protocol.sequence(), step.toString());
                assertEquals(records, h.journal.read(1).size(), step.toString());
            }
            Receipt close = h.close();
            assertFalse(close.isDuplicate(), step.toString());
            for (AccountId u : USERS) {
                boolean owed = h.protocol.claimableFlock(u).isPositive() || h.protocol.claimableMt(u, DEP).isPositive();
                try {
                    h.run(new Command.ClaimRewards(u));
                    assertTrue(owed, u + " claimed with nothing owed");
                } catch (FomoException e) {
                    assertFalse(owed, "after " + step + ", " + u + " is owed rewards and cannot claim them: " + e);
                    assertEquals(ErrorCode.INVALID_STATE, e.code(), e.toString());
                }
                assertTrue(h.protocol.claimableFlock(u).isZero(), u.toString());
            }
            // The invariants the bounds keep: nothing burned beyond the supply, the books within what exists.
            assertFalse(h.protocol.booked(Asset.FLOCK).isGreaterThan(h.protocol.burns().supplyOf(Asset.FLOCK)),
                    "after " + step);
        }
        FomoProtocol replay = FomoProtocol.builder().journal(h.journal).chainGateway(h.chain)
                .priceFeed(new io.fomo.spi.InMemoryPriceFeed()).clock(h.clock).autoDispatch(false).build();
        assertEquals(h.protocol.stateHash(), replay.stateHash(), "a replay decides every deferral again");
    }

    /** Prices outside the default band: the absurd ones of the attack run and random ones on both sides. */
    @Provide
    Arbitrary<BigDecimal> absurdPrices() {
        Arbitrary<BigDecimal> named = Arbitraries.of("1e-12", "1e12").map(BigDecimal::new);
        Arbitrary<BigDecimal> tiny = Arbitraries.integers().between(7, 36).map(BigDecimal.ONE::movePointLeft);
        Arbitrary<BigDecimal> huge = Arbitraries.integers().between(7, 77).map(BigDecimal.ONE::movePointRight);
        return Arbitraries.oneOf(List.of(named, tiny, huge));
    }

    @Property(tries = 20)
    void anAbsurdPriceDefersTheBuybacksAndAnEpochCloseAndAClaimStillSucceed(
            @ForAll("absurdPrices") BigDecimal price, @ForAll("steps") List<Step> before) {
        LivenessHarness h = new LivenessHarness();
        for (Step step : before) {
            try {
                step.action().accept(h);
            } catch (FomoException refused) {
                // A refused step changes nothing; the property above checks that in detail.
            }
        }
        h.feed.down = false;
        h.run(new Command.RecordUsage(h.nextId(), DEP, CAROL, 1_000_000));
        h.price = price;
        Receipt close = h.close();
        assertFalse(close.isDuplicate());
        String facts = h.factsOf(close);
        assertTrue(facts.contains("reason=" + Fact.BuybackDeferred.PRICE_OUT_OF_BAND), price + ": " + facts);
        assertTrue(h.protocol.claimableFlock(CAROL).isPositive(), "Carol used the deployment in the closed epoch");
        h.run(new Command.ClaimRewards(CAROL));
        assertTrue(h.protocol.claimableFlock(CAROL).isZero());
        FomoProtocol replay = FomoProtocol.builder().journal(h.journal).chainGateway(h.chain)
                .priceFeed(new io.fomo.spi.InMemoryPriceFeed()).clock(h.clock).autoDispatch(false).build();
        assertEquals(h.protocol.stateHash(), replay.stateHash());
    }

    @Property(tries = 60)
    void aRefusedUsageOrDepositChangesNothing(@ForAll("hostile") Step step) {
        LivenessHarness h = new LivenessHarness();
        String hash = h.protocol.stateHash();
        long sequence = h.protocol.sequence();
        FomoException e = org.junit.jupiter.api.Assertions.assertThrows(FomoException.class, () -> step.action().accept(h),
                step.toString());
        assertTrue(e.field() != null && !e.field().isEmpty(), e.toString());
        assertEquals(hash, h.protocol.stateHash(), step.toString());
        assertEquals(sequence, h.protocol.sequence(), step.toString());
        assertFalse(h.close().isDuplicate());
    }

    @Provide
    Arbitrary<Step> hostile() {
        Arbitrary<AccountId> user = Arbitraries.of(USERS);
        Arbitrary<Step> usage = Combinators.combine(user,
                Arbitraries.longs().between(EngineLimits.MAX_UNITS_PER_PAYMENT + 1, Long.MAX_VALUE))
                .as((u, n) -> new Step("usage " + u + " " + n,
                        h -> h.run(new Command.RecordUsage(h.nextId(), DEP, u, n))));
        // Above the supply: more than 10^9 FLOCK in one deposit.
        Arbitrary<Step> deposit = Combinators.combine(user, Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(27).add(BigInteger.ONE), BigInteger.TEN.pow(95)))
                .as((u, v) -> new Step("deposit " + u + " " + v + " base units",
                        h -> h.run(new Command.Deposit(u, Amount.ofUnits(Asset.FLOCK, v)))));
        return Arbitraries.oneOf(List.of(usage, deposit));
    }
}
