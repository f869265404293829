package io.fomo.core.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.FomoException;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected numbers are Uniswap v2's own published test numbers:
 * Uniswap/v2-core@ee547b1:test/UniswapV2Pair.spec.ts (swapTestCases, swap:token0, swap:token1) and
 * Uniswap/v2-periphery@0335e8f:test/UniswapV2Router01.spec.ts / UniswapV2Router02.spec.ts.
 */
class ConstantProductPoolTest {

    static final Asset T0 = Asset.of("TOKEN0", 18);
    static final Asset T1 = Asset.of("TOKEN1", 18);
    static final BigInteger E18 = BigInteger.TEN.pow(18);

    static Amount units(Asset a, String units) {
        return Amount.ofUnits(a, new BigInteger(units));
    }

    static Amount tokens(Asset a, long n) {
        return Amount.of(a, n);
    }

    /** v2-core swapTestCases: [swapAmount, token0Amount, token1Amount, expectedOutputAmount]. */
    @ParameterizedTest(name = "getInputPrice:{index}")
    @CsvSource({
        "1, 5, 10, 1662497915624478906",
        "1, 10, 5, 453305446940074565",
        "2, 5, 10, 2851015155847869602",
        "2, 10, 5, 831248957812239453",
        "1, 10, 10, 906610893880149131",
        "1, 100, 100, 987158034397061298",
        "1, 1000, 1000, 996006981039903216",
    })
    void reproducesUniswapV2SwapTestCases(long swap, long r0, long r1, String expected) {
        ConstantProductPool pool = ConstantProductPool.open(tokens(T0, r0), tokens(T1, r1), 30);
        Amount out = pool.amountOut(tokens(T0, swap));
        assertEquals(units(T1, expected), out);
        SwapResult swapped = pool.swapExactIn(tokens(T0, swap));
        assertEquals(out, swapped.amountOut());
        assertEquals(tokens(T0, r0 + swap), swapped.pool().reserve(T0));
        assertEquals(tokens(T1, r1).minus(out), swapped.pool().reserve(T1));
        // The pair's own check accepts the output and rejects one unit more ('UniswapV2: K').
        assertTrue(uniswapKCheck(pool, tokens(T0, swap), out));
        assertTrue(!uniswapKCheck(pool, tokens(T0, swap), out.plus(units(T1, "1"))));
    }

    /** (balanceIn·1000 − in·3)·(balanceOut·1000) ≥ rIn·rOut·1000², UniswapV2Pair.sol lines 180–182. */
    static boolean uniswapKCheck(ConstantProductPool pool, Amount in, Amount out) {
        BigInteger rin = pool.reserve(in.asset()).units();
        BigInteger rout = pool.reserve(out.asset()).units();
        BigInteger k = BigInteger.valueOf(1000);
        BigInteger adjIn = rin.add(in.units()).multiply(k).subtract(in.units().multiply(BigInteger.valueOf(3)));
        BigInteger adjOut = rout.subtract(out.units()).multiply(k);
        return adjIn.multiply(adjOut).compareTo(rin.multiply(rout).multiply(k).multiply(k)) >= 0;
    }

    @Test
    void swapToken1ForToken0() {
        // v2-core swap:token1: reserves 5e18/10e18, 1e18 token1 in -> 453305446940074565 token0 out.
        ConstantProductPool pool = ConstantProductPool.open(tokens(T0, 5), tokens(T1, 10), 30);
        SwapResult r = pool.swapExactIn(tokens(T1, 1));
        assertEquals(units(T0, "453305446940074565"), r.amountOut());
        assertEquals(tokens(T1, 11), r.pool().reserve(T1));
    }

    @Test
    void routerExactOutputNumbers() {
        // v2-periphery Router01 swapTokensForExactTokens: reserves 5e18/10e18, out 1e18 -> in 557227237267357629.
        ConstantProductPool pool = ConstantProductPool.open(tokens(T0, 5), tokens(T1, 10), 30);
        assertEquals(units(T0, "557227237267357629"), pool.amountIn(tokens(T1, 1)));
        SwapResult r = pool.swapExactOut(tokens(T1, 1));
        assertEquals(units(T0, "557227237267357629"), r.amountIn());
        assertEquals(tokens(T1, 9), r.pool().reserve(T1));
        assertEquals(tokens(T0, 5).plus(units(T0, "557227237267357629")), r.pool().reserve(T0));
    }

    @Test
    void routerRawUnitNumbers() {
        // v2-periphery Router02: getAmountOut(2, 100, 100) = 1; getAmountIn(1, 100, 100) = 2;
        // getAmountsOut(2) and getAmountsIn(1) over raw 10000/10000 give [2, 1].
        ConstantProductPool small = ConstantProductPool.open(units(T0, "100"), units(T1, "100"), 30);
        assertEquals(units(T1, "1"), small.amountOut(units(T0, "2")));
        assertEquals(units(T0, "2"), small.amountIn(units(T1, "1")));
        ConstantProductPool raw = ConstantProductPool.open(units(T0, "10000"), units(T1, "10000"), 30);
        assertEquals(units(T1, "1"), raw.amountOut(units(T0, "2")));
        assertEquals(units(T0, "2"), raw.amountIn(units(T1, "1")));
    }

    @Test
    void exactOutRoundsUpLikeUniswapEvenWhenTheDivisionIsExact() {
        // Rin 100, Rout 200, fee 0: out 100 needs exactly 100·100/100 = 100; Uniswap's getAmountIn adds 1.
        ConstantProductPool pool = ConstantProductPool.open(units(T0, "100"), units(T1, "200"), 0);
        assertEquals(units(T0, "101"), pool.amountIn(units(T1, "100")));
        // Not exact: 100·50/150 = 33.33.. -> 34.
        assertEquals(units(T0, "34"), pool.amountIn(units(T1, "50")));
    }

    @Test
    void exactInRoundingIsAParameterOfTheQuote() {
        ConstantProductPool pool = ConstantProductPool.open(tokens(T0, 5), tokens(T1, 10), 30);
        assertEquals(units(T1, "1662497915624478907"), pool.amountOut(tokens(T0, 1), RoundingMode.UP));
        assertEquals(units(T1, "1662497915624478906"), pool.amountOut(tokens(T0, 1), RoundingMode.FLOOR));
    }

    @Test
    void spotPriceAndPriceImpact() {
        ConstantProductPool pool = ConstantProductPool.open(tokens(T0, 5), tokens(T1, 10), 30);
        MathContext mc = new MathContext(30, RoundingMode.HALF_EVEN);
        assertEquals(0, new BigDecimal("2").compareTo(pool.spotPrice(T0, mc)));
        assertEquals(0, new BigDecimal("0.5").compareTo(pool.spotPrice(T1, mc)));
        // 1000/1000 pool: 1 in gives 0.996006981039903216 out (Uniswap case 6) at spot 1 -> impact 1 - out.
        ConstantProductPool deep = ConstantProductPool.open(tokens(T0, 1000), tokens(T1, 1000), 30);
        assertEquals(0, new BigDecimal("0.003993018960096784").compareTo(deep.priceImpact(tokens(T0, 1), mc)));
    }

    @Test
    void spotPriceAcrossDecimals() {
        Asset usdc = Asset.USDC;
        ConstantProductPool pool = ConstantProductPool.open(Amount.of(Asset.FLOCK, 1000), Amount.of(usdc, 250), 30);
        MathContext mc = new MathContext(20, RoundingMode.HALF_EVEN);
        assertEquals(0, new BigDecimal("0.25").compareTo(pool.spotPrice(Asset.FLOCK, mc)));
        assertEquals(0, new BigDecimal("4").compareTo(pool.spotPrice(usdc, mc)));
        // 1 FLOCK in, fee 0.3%: 0.997·250/(1000+0.997) = 249.25/1000.997 = 0.2490017..; floor at 6 decimals.
        assertEquals(Amount.parse(usdc, "0.249001"), pool.amountOut(Amount.of(Asset.FLOCK, 1)));
    }

    @Test
    void errorsAreTypedAndLeaveThePoolUnchanged() {
        ConstantProductPool pool = ConstantProductPool.open(units(T0, "100"), units(T1, "100"), 30);
        ConstantProductPool copy = ConstantProductPool.open(units(T0, "100"), units(T1, "100"), 30);
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> pool.amountOut(Amount.zero(T0)), "amountIn");
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> pool.swapExactIn(Amount.zero(T0)), "amountIn");
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> pool.amountIn(Amount.zero(T1)), "amountOut");
        assertCode(ErrorCode.INSUFFICIENT_LIQUIDITY, () -> pool.amountIn(units(T1, "100")), "amountOut");
        assertCode(ErrorCode.INSUFFICIENT_LIQUIDITY, () -> pool.swapExactOut(units(T1, "101")), "amountOut");
        // 1 unit in at fee 0.3% of a 100/100 pool yields 0.98 -> 0 units: a swap would only donate.
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> pool.swapExactIn(units(T0, "1")), "amountIn");
        // Rounding the output up on a 1-unit reserve would take the whole reserve.
        ConstantProductPool thin = ConstantProductPool.open(units(T0, "100"), units(T1, "1"), 0);
        assertCode(ErrorCode.INSUFFICIENT_LIQUIDITY, () -> thin.amountOut(units(T0, "1"), RoundingMode.UP), "amountIn");
        assertThrows(AssetMismatchException.class, () -> pool.amountOut(Amount.of(Asset.FLOCK, 1)));
        assertEquals(copy, pool);
    }

    @Test
    void openValidatesItsArguments() {
        assertCode(ErrorCode.INSUFFICIENT_LIQUIDITY, () -> ConstantProductPool.open(Amount.zero(T0), units(T1, "1"), 30), "reserveA");
        assertCode(ErrorCode.INSUFFICIENT_LIQUIDITY, () -> ConstantProductPool.open(units(T0, "1"), Amount.zero(T1), 30), "reserveB");
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> ConstantProductPool.open(units(T0, "1"), units(T0, "1"), 30), "reserveB");
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> ConstantProductPool.open(units(T0, "1"), units(T1, "1"), -1), "feeBps = -1");
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> ConstantProductPool.open(units(T0, "1"), units(T1, "1"), 10_000), "feeBps = 10000");
    }

    static void assertCode(ErrorCode code, Runnable action, String fieldInMessage) {
        FomoException e = assertThrows(FomoException.class, action::run);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(fieldInMessage), e.getMessage());
        if (code == ErrorCode.INVALID_ARGUMENT) {
            assertTrue(e instanceof InvalidArgumentException);
        } else if (code == ErrorCode.INSUFFICIENT_LIQUIDITY) {
            assertTrue(e instanceof InsufficientLiquidityException);
        }
    }
}
