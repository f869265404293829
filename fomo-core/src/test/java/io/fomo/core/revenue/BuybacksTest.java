package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.math.Share;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BuybacksTest {

    static final DeploymentId QWEN = DeploymentId.of("qwen");
    static final Asset MT = Asset.modelToken(QWEN);
    static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
    static final BuybackParameters P = BuybackParameters.defaults();

    static Amount usd(String v) {
        return Amount.parse(Asset.USD, v);
    }

    static Amount flock(String v) {
        return Amount.parse(Asset.FLOCK, v);
    }

    static PriceQuote quote(String price, Instant at) {
        return PriceQuote.of(Asset.FLOCK, new BigDecimal(price), "test", at);
    }

    /** Uniswap v2 getAmountOut with a 30 bps fee, in base units. */
    static BigInteger uniswapOut(BigInteger in, BigInteger rin, BigInteger rout) {
        BigInteger inWithFee = in.multiply(BigInteger.valueOf(9_970));
        return inWithFee.multiply(rout).divide(rin.multiply(BigInteger.valueOf(10_000)).add(inWithFee));
    }

    @Test
    void aSmallBudgetInADeepPoolRunsCompletelyAndBurnsAllItBuys() {
        ConstantProductPool pool = ConstantProductPool.open(flock("1000000"), Amount.of(MT, 200_000), 30);
        BuybackBudget budget = BuybackBudget.of(QWEN, usd("100"), usd("50"));
        BuybackExecution e = Buybacks.execute(budget, pool, quote("0.5", NOW.minusSeconds(600)), NOW, P);
        assertEquals(BuybackStatus.COMPLETE, e.status());
        assertEquals(flock("100"), e.flockBought());          // 50 USD / 0.5
        assertEquals(usd("50"), e.flockUsdSpent());
        assertEquals(flock("200"), e.flockForMt());           // 100 USD / 0.5
        assertEquals(usd("100"), e.mtUsdSpent());
        BigInteger out = uniswapOut(flock("200").units(), flock("1000000").units(), Amount.of(MT, 200_000).units());
        assertEquals(Amount.ofUnits(MT, out), e.mtBought());
        assertTrue(e.budgetAfter().total().isZero());
        assertEquals(flock("1000200"), e.poolAfter().reserve(Asset.FLOCK));

        BurnLedger burns = BurnLedger.empty().withSupply(Amount.of(MT, 1_000_000))
                .withSupply(Amount.of(Asset.FLOCK, 1_000_000_000)).record(20_000, e);
        assertEquals(Amount.of(MT, 1_000_000).minus(e.mtBought()), burns.supplyOf(MT));
        assertEquals(e.mtBought(), burns.burnedOf(MT));
        assertEquals(flock("999999900"), burns.supplyOf(Asset.FLOCK));
        assertEquals(2, burns.entries().size());
    }

    @Test
    void theSlippageBoundCutsABigBuybackAndTheRestWaits() {
        ConstantProductPool pool = ConstantProductPool.open(flock("1000"), Amount.of(MT, 1_000), 30);
        BuybackBudget budget = BuybackBudget.of(QWEN, usd("10"), usd("0"));
        BuybackExecution e = Buybacks.execute(budget, pool, quote("0.5", NOW), NOW, P);
        assertEquals(BuybackStatus.PARTIAL, e.status());
        Amount x = e.flockForMt();
        // closed form: x <= 1000 (0.997 - 0.99) / (0.997 * 0.99) = 7.09198...
        assertTrue(x.isGreaterThan(flock("7.0919")) && x.isLessThan(flock("7.0920")), x.toString());
        MathContext mc = new MathContext(60);
        BigDecimal limit = new BigDecimal("0.01");
        assertTrue(pool.priceImpact(x, mc).compareTo(limit) <= 0);
        assertTrue(pool.priceImpact(x.plus(Amount.ofUnits(Asset.FLOCK, 1)), mc).compareTo(limit) > 0);
        // spent = x * 0.5 rounded up to the micro-dollar; the rest of the 10 USD waits
        Amount spent = Amount.of(Asset.USD, x.value().multiply(new BigDecimal("0.5")), java.math.RoundingMode.UP);
        assertEquals(spent, e.mtUsdSpent());
        assertEquals(usd("10").minus(spent), e.budgetAfter().mtBudget());

        // next epoch the pool is unchanged by others: the waiting budget runs again under the same bound
        BuybackExecution again = Buybacks.execute(e.budgetAfter(), e.poolAfter(), quote("0.5", NOW.plusSeconds(86_400)),
                NOW.plusSeconds(86_400), P);
        assertTrue(again.flockForMt().isPositive());
        assertEquals(usd("10"), e.mtUsdSpent().plus(again.mtUsdSpent()).plus(again.budgetAfter().mtBudget()));
    }

    @Test
    void aStalePriceDefersEverything() {
        ConstantProductPool pool = ConstantProductPool.open(flock("1000"), Amount.of(MT, 1_000), 30);
        BuybackBudget budget = BuybackBudget.of(QWEN, usd("10"), usd("5"));
        BuybackExecution e = Buybacks.execute(budget, pool, quote("0.5", NOW.minus(Duration.ofMinutes(61))), NOW, P);
        assertEquals(BuybackStatus.DEFERRED_STALE_PRICE, e.status());
        assertSame(budget, e.budgetAfter());
        assertSame(pool, e.poolAfter());
        assertTrue(e.mtBought().isZero() && e.flockBought().isZero());
        // exactly at the age limit is still fresh
        assertEquals(BuybackStatus.COMPLETE, Buybacks.execute(BuybackBudget.of(QWEN, usd("0"), usd("5")), pool,
                quote("0.5", NOW.minus(Duration.ofHours(1))), NOW, P).status());
    }

    @Test
    void aFeedSuppliesThePrice() {
        InMemoryPriceFeed feed = new InMemoryPriceFeed();
        feed.put(quote("2", NOW.minusSeconds(5)));
        ConstantProductPool pool = ConstantProductPool.open(flock("1000000"), Amount.of(MT, 1_000_000), 30);
        BuybackExecution e = Buybacks.execute(BuybackBudget.of(QWEN, usd("0"), usd("3")), pool, feed, NOW, P);
        assertEquals(flock("1.5"), e.flockBought());
    }

    @Test
    void badInputsAreRejected() {
        ConstantProductPool pool = ConstantProductPool.open(flock("1000"), Amount.of(MT, 1_000), 30);
        BuybackBudget budget = BuybackBudget.of(QWEN, usd("10"), usd("5"));
        assertThrows(InvalidArgumentException.class, () -> Buybacks.execute(budget, pool, quote("0.5", NOW.plusSeconds(1)), NOW, P));
        assertThrows(AssetMismatchException.class, () -> Buybacks.execute(budget, pool,
                PriceQuote.of(Asset.USDC, BigDecimal.ONE, "x", NOW), NOW, P));
        ConstantProductPool other = ConstantProductPool.open(flock("1000"), Amount.of(Asset.modelToken(DeploymentId.of("x")), 1), 30);
        assertThrows(AssetMismatchException.class, () -> Buybacks.execute(budget, other, quote("0.5", NOW), NOW, P));
        assertThrows(InvalidArgumentException.class, () -> BuybackParameters.of(Share.ONE, Duration.ZERO));
        assertThrows(InvalidStateException.class, () -> BurnLedger.empty().burn(1, QWEN, Amount.of(MT, 1)));
        BurnLedger l = BurnLedger.empty().withSupply(Amount.of(MT, 10));
        assertThrows(InvalidStateException.class, () -> l.withSupply(Amount.of(MT, 10)));
        assertThrows(InvalidStateException.class, () -> l.burn(1, QWEN, Amount.of(MT, 11)));
        assertEquals(Amount.of(MT, 10), l.supplyOf(MT));
    }

    @Test
    void theBookCreditsEpochsAndTakesExecutions() {
        RevenueLedger ledger = RevenueLedger.builder().build().register(QWEN).record(UsagePayment.of(
                io.fomo.spi.EventId.of("p"), QWEN, io.fomo.spi.AccountId.of("a"), usd("100"), Instant.EPOCH));
        BuybackBook book = BuybackBook.empty(Asset.USD).credit(ledger.closeEpoch(java.util.Map.of()));
        assertEquals(BuybackBudget.of(QWEN, usd("40"), usd("20")), book.budgetOf(QWEN));
        ConstantProductPool pool = ConstantProductPool.open(flock("1000"), Amount.of(MT, 1_000), 30);
        BuybackExecution e = Buybacks.execute(book.budgetOf(QWEN), pool, quote("0.5", NOW), NOW, P);
        BuybackBook after = book.apply(e);
        assertEquals(e.budgetAfter(), after.budgetOf(QWEN));
        assertThrows(InvalidArgumentException.class, () -> after.apply(e));
    }
}
