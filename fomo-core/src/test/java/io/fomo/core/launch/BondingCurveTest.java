package io.fomo.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.math.DecimalPolicy;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.FomoException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Expected values are derived by hand or recomputed independently with Python's decimal module at 80
 * digits (the "recompute at higher precision" oracle); pump.fun constants from
 * pump-fun/pump-public-docs@1b82215:docs/PUMP_PROGRAM_README.md (Global account).
 */
class BondingCurveTest {

    static final Asset MT = Asset.of("MT", 18);
    static final Asset FLOCK = Asset.FLOCK;
    static final MathContext MC = new MathContext(40, RoundingMode.HALF_EVEN);

    static Amount mt(String v) {
        return Amount.parse(MT, v);
    }

    static Amount flock(String v) {
        return Amount.parse(FLOCK, v);
    }

    /** S = 400,000, T = 800,000, p0 = 1: Y0 = S·T/(T − S·p0) = 800,000 and X0 = 800,000, exactly. */
    static ConstantProductCurve cpmm() {
        return ConstantProductCurve.fromTargets(mt("400000"), flock("800000"), BigDecimal.ONE);
    }

    @Test
    void virtualReservesFromTargets() {
        ConstantProductCurve c = cpmm();
        assertEquals(flock("800000"), c.virtualQuoteReserve());
        assertEquals(mt("800000"), c.virtualBaseReserve());
        assertEquals(flock("800000"), c.trancheCost());
        CurvePosition start = CurvePosition.start(c);
        assertEquals(0, BigDecimal.ONE.compareTo(c.spotPrice(start, MC)));
        // End price (T/S)² / p0 = 4.
        assertEquals(0, new BigDecimal("4").compareTo(c.spotPriceAt(mt("400000"), MC)));
    }

    @Test
    void sellingTheWholeTrancheRaisesExactlyTheMaxTarget() {
        ConstantProductCurve c = cpmm();
        CurveFill all = c.buy(CurvePosition.start(c), flock("900000"), RoundingMode.DOWN);
        assertEquals(mt("400000"), all.baseOut());
        assertEquals(flock("800000"), all.quoteUsed());
        assertTrue(all.completesTranche());
        assertEquals(0, new BigDecimal("4").compareTo(c.spotPrice(all.after(), MC)));
        // Sold out: nothing more to buy.
        assertCode(ErrorCode.INSUFFICIENT_LIQUIDITY, () -> c.buy(all.after(), flock("1"), RoundingMode.DOWN));
    }

    @Test
    void sellOutIsExactEvenWhenTheReservesAreRounded() {
        // Y0 = 400000·1000000/600000 = 666,666.6…: rounded; the last buy still lands exactly on T.
        ConstantProductCurve c = ConstantProductCurve.fromTargets(mt("400000"), flock("1000000"), BigDecimal.ONE);
        assertEquals(mt("666666.666666666666666667"), c.virtualBaseReserve());
        CurvePosition p = CurvePosition.start(c);
        p = c.buy(p, flock("123456.789"), RoundingMode.DOWN).after();
        p = c.buy(p, flock("500000"), RoundingMode.DOWN).after();
        Amount rest = c.costToBuy(p, c.tranche().minus(p.sold()));
        CurveFill last = c.buy(p, rest, RoundingMode.DOWN);
        assertTrue(last.completesTranche());
        assertEquals(flock("1000000"), last.after().raised());
        assertEquals(c.tranche(), last.after().sold());
    }

    @Test
    void constantProductBuyAndCost() {
        ConstantProductCurve c = cpmm();
        CurvePosition start = CurvePosition.start(c);
        // 800000·100000/900000 = 88,888.88…
        assertEquals(mt("88888.888888888888888888"), c.buy(start, flock("100000"), RoundingMode.DOWN).baseOut());
        assertEquals(mt("88888.888888888888888889"), c.buy(start, flock("100000"), RoundingMode.CEILING).baseOut());
        // 800000·100000/700000 = 114,285.714…, rounded up.
        assertEquals(flock("114285.714285714285714286"), c.costToBuy(start, mt("100000")));
        assertEquals(flock("800000"), c.costToBuy(start, mt("400000")));
    }

    @Test
    void pumpFunGlobalCurve() {
        // 30 SOL / 1,073,000,000 tokens virtual, 793,100,000 real tokens (6 decimals; SOL 9 decimals).
        Asset sol = Asset.of("SOL", 9);
        Asset pump = Asset.of("PUMP", 6);
        ConstantProductCurve c = ConstantProductCurve.of(Amount.of(sol, 30), Amount.of(pump, 1_073_000_000L),
                Amount.of(pump, 793_100_000L));
        // ceil(30e9 · 793.1e12 / 279.9e12) lamports: the ~85 SOL a pump.fun curve raises.
        assertEquals(Amount.parse(sol, "85.005359057"), c.trancheCost());
        CurvePosition start = CurvePosition.start(c);
        assertEquals(Amount.parse(pump, "3564784.053156"), c.buy(start, Amount.parse(sol, "0.1"), RoundingMode.DOWN).baseOut());
        assertEquals(Amount.parse(pump, "34612903.225806"), c.buy(start, Amount.of(sol, 1), RoundingMode.DOWN).baseOut());
        assertEquals(Amount.parse(pump, "268250000"), c.buy(start, Amount.of(sol, 10), RoundingMode.DOWN).baseOut());
    }

    @Test
    void linearCurve() {
        // p(x) = 0.5 + 0.00001·x over 400,000: cost 400000·(0.5 + 2) = 1,000,000.
        LinearCurve c = LinearCurve.of(FLOCK, new BigDecimal("0.5"), new BigDecimal("0.00001"), mt("400000"),
                DecimalPolicy.standard());
        assertEquals(flock("1000000"), c.trancheCost());
        CurvePosition start = CurvePosition.start(c);
        // 100,000 MT cost 100000·(0.5 + 0.5) = 100,000 exactly, so either rounding gives 100,000.
        CurveFill first = c.buy(start, flock("100000"), RoundingMode.DOWN);
        assertEquals(mt("100000"), first.baseOut());
        assertEquals(mt("100000"), c.buy(start, flock("100000"), RoundingMode.CEILING).baseOut());
        // From 100,000 sold the next 100,000 cost 100000·(0.5 + 1 + 0.5) = 200,000.
        assertEquals(mt("100000"), c.buy(first.after(), flock("200000"), RoundingMode.DOWN).baseOut());
        assertEquals(flock("200000"), c.costToBuy(first.after(), mt("100000")));
        // 1 FLOCK from the start: (√0.25002 − 0.5)/0.00001 = 1.99996000159992000399…
        assertEquals(mt("1.999960001599920004"), c.buy(start, flock("1"), RoundingMode.DOWN).baseOut());
        assertEquals(mt("1.999960001599920005"), c.buy(start, flock("1"), RoundingMode.CEILING).baseOut());
        assertEquals(0, new BigDecimal("1.5").compareTo(c.spotPriceAt(mt("100000"), MC)));
    }

    @Test
    void flatLinearCurveIsAFixedPrice() {
        LinearCurve c = LinearCurve.of(FLOCK, new BigDecimal("3"), BigDecimal.ZERO, mt("100"), DecimalPolicy.standard());
        assertEquals(flock("300"), c.trancheCost());
        assertEquals(mt("3.333333333333333333"), c.buy(CurvePosition.start(c), flock("10"), RoundingMode.DOWN).baseOut());
        assertEquals(mt("3.333333333333333334"), c.buy(CurvePosition.start(c), flock("10"), RoundingMode.CEILING).baseOut());
        assertEquals(mt("3.333333333333333333"), c.buy(CurvePosition.start(c), flock("10"), RoundingMode.HALF_EVEN).baseOut());
    }

    @Test
    void exponentialCurve() {
        // p(x) = e^(0.00001·x) over 400,000: cost (e^4 − 1)/0.00001.
        ExponentialCurve c = ExponentialCurve.of(FLOCK, BigDecimal.ONE, new BigDecimal("0.00001"), mt("400000"),
                DecimalPolicy.standard());
        assertEquals(flock("5359815.003314423907811027"), c.trancheCost());
        CurvePosition start = CurvePosition.start(c);
        // ln(1 + 1000·0.00001)/0.00001 and (e^0.01 − 1)/0.00001, from Python's decimal at 80 digits.
        assertEquals(mt("995.033085316808284821"), c.buy(start, flock("1000"), RoundingMode.DOWN).baseOut());
        assertEquals(flock("1005.016708416805754217"), c.costToBuy(start, mt("1000")));
    }

    @Test
    void invalidCurvesAndInputsAreRejected() {
        assertCode(ErrorCode.INVALID_ARGUMENT,
                () -> ConstantProductCurve.fromTargets(mt("400000"), flock("400000"), BigDecimal.ONE));
        assertCode(ErrorCode.INVALID_ARGUMENT,
                () -> ConstantProductCurve.fromTargets(mt("400000"), flock("800000"), BigDecimal.ZERO));
        assertCode(ErrorCode.INVALID_ARGUMENT,
                () -> ConstantProductCurve.of(flock("1"), mt("10"), mt("10")));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> LinearCurve.of(FLOCK, BigDecimal.ONE, new BigDecimal("-1"),
                mt("1"), DecimalPolicy.standard()));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> ExponentialCurve.of(FLOCK, BigDecimal.ONE, new BigDecimal("0.01"),
                mt("1000000"), DecimalPolicy.standard()));
        ConstantProductCurve c = cpmm();
        CurvePosition start = CurvePosition.start(c);
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> c.buy(start, Amount.zero(FLOCK), RoundingMode.DOWN));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> c.buy(start, flock("1"), RoundingMode.UNNECESSARY));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> c.costToBuy(start, Amount.zero(MT)));
        assertCode(ErrorCode.INSUFFICIENT_LIQUIDITY, () -> c.costToBuy(start, mt("400000.000000000000000001")));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> c.spotPriceAt(mt("400001"), MC));
        assertCode(ErrorCode.INVALID_ARGUMENT,
                () -> c.buy(CurvePosition.of(mt("400001"), flock("1")), flock("1"), RoundingMode.DOWN));
    }

    @Test
    void theLastBaseUnitIsSoldOnlyByTheCompletingBuy() {
        ConstantProductCurve c = cpmm();
        CurvePosition start = CurvePosition.start(c);
        CurveFill almost = c.buy(start, flock("799999.999999999999999999"), RoundingMode.CEILING);
        assertFalse(almost.completesTranche());
        assertTrue(almost.baseOut().isLessThan(c.tranche()));
    }

    static void assertCode(ErrorCode code, Runnable r) {
        FomoException e = assertThrows(FomoException.class, r::run);
        assertEquals(code, e.code(), e.getMessage());
    }
}
