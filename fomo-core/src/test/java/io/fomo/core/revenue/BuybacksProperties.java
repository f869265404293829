package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.math.Share;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BuybacksProperties {

    static final DeploymentId D = DeploymentId.of("m");
    static final Asset MT = Asset.modelToken(D);
    static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");

    @Provide
    Arbitrary<BigInteger> reserve() {
        return Arbitraries.bigIntegers().between(BigInteger.TEN.pow(15), BigInteger.TEN.pow(27));
    }

    @Provide
    Arbitrary<BigDecimal> price() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("100")).ofScale(8);
    }

    static boolean withinBound(ConstantProductPool before, Amount x, Amount out, BigDecimal s) {
        // spec definition: 1 - out / (x * spot) <= s, spot = R_mt / R_flock
        BigDecimal lhs = new BigDecimal(out.units().multiply(before.reserve(Asset.FLOCK).units()));
        BigDecimal rhs = BigDecimal.ONE.subtract(s).multiply(new BigDecimal(x.units().multiply(before.reserve(MT).units())));
        return lhs.compareTo(rhs) >= 0;
    }

    @Property(tries = 300)
    void aBuybackNeverOverspendsNeverBreaksTheBoundAndBurnsWhatItBuys(@ForAll("reserve") BigInteger rf,
            @ForAll("reserve") BigInteger rm, @ForAll @IntRange(min = 0, max = 100) int fee,
            @ForAll @IntRange(min = 0, max = 500) int slippageBps, @ForAll("price") BigDecimal price,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long mtUsd,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long flockUsd) {
        ConstantProductPool pool = ConstantProductPool.open(Amount.ofUnits(Asset.FLOCK, rf), Amount.ofUnits(MT, rm), fee);
        BuybackBudget budget = BuybackBudget.of(D, Amount.ofUnits(Asset.USD, mtUsd), Amount.ofUnits(Asset.USD, flockUsd));
        BuybackParameters p = BuybackParameters.of(Share.ofBps(slippageBps), Duration.ofHours(1));
        BuybackExecution e = Buybacks.execute(budget, pool, PriceQuote.of(Asset.FLOCK, price, "t", NOW), NOW, p);

        assertTrue(e.mtUsdSpent().compareTo(budget.mtBudget()) <= 0);
        assertTrue(e.flockUsdSpent().compareTo(budget.flockBudget()) <= 0);
        assertEquals(budget.mtBudget(), e.mtUsdSpent().plus(e.budgetAfter().mtBudget()));
        assertEquals(budget.flockBudget(), e.flockUsdSpent().plus(e.budgetAfter().flockBudget()));
        // FLOCK bought is what the USD spent buys at the price, never more
        assertTrue(e.flockForMt().value().multiply(price).compareTo(e.mtUsdSpent().value()) <= 0);
        assertTrue(e.flockBought().value().multiply(price).compareTo(e.flockUsdSpent().value()) <= 0);
        if (e.flockForMt().isPositive()) {
            assertTrue(withinBound(pool, e.flockForMt(), e.mtBought(), Share.ofBps(slippageBps).fraction()));
            assertEquals(pool.reserve(Asset.FLOCK).plus(e.flockForMt()), e.poolAfter().reserve(Asset.FLOCK));
            assertEquals(pool.reserve(MT).minus(e.mtBought()), e.poolAfter().reserve(MT));
        } else {
            assertTrue(e.mtBought().isZero());
        }

        BurnLedger before = BurnLedger.empty().withSupply(Amount.of(MT, 1_000_000_000_000_000L))
                .withSupply(Amount.of(Asset.FLOCK, 1_000_000_000_000_000L)); // more than any budget can buy here
        BurnLedger after = before.record(1, e);
        assertEquals(e.mtBought(), after.burnedOf(MT));
        assertEquals(e.flockBought(), after.burnedOf(Asset.FLOCK));
        assertTrue(after.supplyOf(MT).compareTo(before.supplyOf(MT)) <= 0);
        assertTrue(after.supplyOf(Asset.FLOCK).compareTo(before.supplyOf(Asset.FLOCK)) <= 0);
        assertEquals(before.supplyOf(MT), after.supplyOf(MT).plus(after.burnedOf(MT)));
    }

    @Property(tries = 100)
    void deferringAndExecutingLaterConservesTheBudget(@ForAll("reserve") BigInteger rf, @ForAll("reserve") BigInteger rm,
            @ForAll("price") BigDecimal price, @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long mtUsd,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long flockUsd,
            @ForAll @IntRange(min = 1, max = 6) int epochs) {
        ConstantProductPool pool = ConstantProductPool.open(Amount.ofUnits(Asset.FLOCK, rf), Amount.ofUnits(MT, rm), 30);
        BuybackBudget start = BuybackBudget.of(D, Amount.ofUnits(Asset.USD, mtUsd), Amount.ofUnits(Asset.USD, flockUsd));
        BuybackParameters p = BuybackParameters.defaults();
        // a stale price first: nothing happens
        BuybackExecution stale = Buybacks.execute(start, pool, PriceQuote.of(Asset.FLOCK, price, "t",
                NOW.minus(Duration.ofDays(1))), NOW, p);
        assertEquals(start, stale.budgetAfter());
        assertEquals(pool, stale.poolAfter());
        // then several epochs; spent + left always equals the starting budget, supply only falls
        BuybackBudget b = stale.budgetAfter();
        ConstantProductPool pl = stale.poolAfter();
        Amount spent = Amount.zero(Asset.USD);
        Amount mtBought = Amount.zero(MT);
        BurnLedger burns = BurnLedger.empty().withSupply(Amount.of(MT, 1_000_000_000_000_000L))
                .withSupply(Amount.of(Asset.FLOCK, 1_000_000_000_000_000L)); // more than any budget can buy here
        for (int i = 0; i < epochs; i++) {
            Instant t = NOW.plus(Duration.ofDays(i));
            BuybackExecution e = Buybacks.execute(b, pl, PriceQuote.of(Asset.FLOCK, price, "t", t), t, p);
            Amount supplyBefore = burns.supplyOf(MT);
            burns = burns.record(i, e);
            assertTrue(burns.supplyOf(MT).compareTo(supplyBefore) <= 0);
            spent = spent.plus(e.mtUsdSpent()).plus(e.flockUsdSpent());
            mtBought = mtBought.plus(e.mtBought());
            b = e.budgetAfter();
            pl = e.poolAfter();
        }
        assertEquals(start.total(), spent.plus(b.total()));
        assertEquals(mtBought, burns.burnedOf(MT));
    }

    @Property(tries = 200)
    void aBuybackWithinAFlockRoomNeverTakesMoreFlockThanTheRoomAndConservesTheBudget(
            @ForAll("reserve") BigInteger rf, @ForAll("reserve") BigInteger rm,
            @ForAll @IntRange(min = 0, max = 500) int slippageBps, @ForAll("roomPrice") BigDecimal price,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long mtUsd,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long flockUsd,
            @ForAll("room") BigInteger roomUnits) {
        ConstantProductPool pool = ConstantProductPool.open(Amount.ofUnits(Asset.FLOCK, rf), Amount.ofUnits(MT, rm), 30);
        BuybackBudget budget = BuybackBudget.of(D, Amount.ofUnits(Asset.USD, mtUsd), Amount.ofUnits(Asset.USD, flockUsd));
        BuybackParameters p = BuybackParameters.of(Share.ofBps(slippageBps), Duration.ofHours(1));
        Amount room = Amount.ofUnits(Asset.FLOCK, roomUnits);
        BuybackExecution e = Buybacks.execute(budget, pool, PriceQuote.of(Asset.FLOCK, price, "t", NOW), NOW, p, room);

        assertTrue(e.flockForMt().plus(e.flockBought()).compareTo(room) <= 0, e.toString());
        assertEquals(budget.mtBudget(), e.mtUsdSpent().plus(e.budgetAfter().mtBudget()));
        assertEquals(budget.flockBudget(), e.flockUsdSpent().plus(e.budgetAfter().flockBudget()));
        assertTrue(e.flockBought().value().multiply(price).compareTo(e.flockUsdSpent().value()) <= 0);
        if (e.flockForMt().isPositive()) {
            assertTrue(withinBound(pool, e.flockForMt(), e.mtBought(), Share.ofBps(slippageBps).fraction()));
        }
        // Without a bound that binds, the room changes nothing.
        BuybackExecution free = Buybacks.execute(budget, pool, PriceQuote.of(Asset.FLOCK, price, "t", NOW), NOW, p);
        if (free.flockForMt().plus(free.flockBought()).compareTo(room) <= 0
                && budget.total().value().divide(price, 18, java.math.RoundingMode.DOWN).compareTo(room.value()) <= 0) {
            assertEquals(free, e);
        }
    }

    @Provide
    Arbitrary<BigDecimal> roomPrice() {
        return Arbitraries.oneOf(java.util.List.of(price(),
                Arbitraries.of("1e-36", "1e-12", "1e-8", "1e12").map(BigDecimal::new)));
    }

    @Provide
    Arbitrary<BigInteger> room() {
        return Arbitraries.oneOf(java.util.List.of(Arbitraries.just(BigInteger.ZERO),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(30))));
    }
}
