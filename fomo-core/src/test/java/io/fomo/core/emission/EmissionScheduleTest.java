package io.fomo.core.emission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.LimitExceededException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmissionScheduleTest {

    private static final Asset A0 = Asset.of("T", 0);
    private static final Asset A6 = Asset.of("T", 6);

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void constantByHand() {
        EmissionSchedule s = EmissionSchedule.constant(A6, Rate.perSecond(d("0.5")));
        assertEquals(Amount.parse(A6, "30"), s.amount(10, 70));
        assertTrue(s.total().isEmpty());
    }

    @Test
    void perDayRateStaysExact() {
        // 10,000 per day is 0.11574...(repeating) per second: one day still emits exactly 10,000.
        EmissionSchedule s = EmissionSchedule.constant(Asset.FLOCK, Rate.perDay(d("10000")));
        assertEquals(Amount.parse(Asset.FLOCK, "10000"), s.amount(86_400, 172_800));
        // one second: 10000/86400 = 0.115740740740740740|74... floored at 18 decimals
        assertEquals(Amount.parse(Asset.FLOCK, "0.115740740740740740"), s.amount(0, 1));
    }

    @Test
    void linearToZeroByHand() {
        // r(t) = 2 (1 - t/100): total 100; first half 75, second half 25.
        EmissionSchedule s = EmissionSchedule.linearToZero(A0, Rate.perSecond(d("2")), 100);
        assertEquals(Amount.of(A0, 75), s.amount(0, 50));
        assertEquals(Amount.of(A0, 25), s.amount(50, 100));
        assertEquals(Amount.of(A0, 0), s.amount(100, 1_000_000));
        assertEquals(Amount.of(A0, 100), s.total().orElseThrow());
    }

    @Test
    void halvingByHand() {
        EmissionSchedule s = EmissionSchedule.halving(A6, Rate.perSecond(d("8")), 10);
        assertEquals(Amount.parse(A6, "80"), s.amount(0, 10));
        assertEquals(Amount.parse(A6, "40"), s.amount(10, 20));
        assertEquals(Amount.parse(A6, "20"), s.amount(20, 30));
        assertEquals(Amount.parse(A6, "60"), s.amount(5, 15)); // 5*8 + 5*4
        // total 160 lies on the grid: the cumulative approaches it and stops one unit below.
        assertEquals(Amount.parse(A6, "159.999999"), s.total().orElseThrow());
        assertEquals(s.total().orElseThrow(), s.cumulative(Long.MAX_VALUE));
    }

    @Test
    void intervalDecreaseByHand() {
        // intervals of 4 s from second 2: 10, 7, 4, 1, then nothing.
        EmissionSchedule s = EmissionSchedule.intervalDecrease(A6, d("10"), d("3"), 4, 2);
        assertEquals(Amount.zero(A6), s.amount(0, 2));
        assertEquals(Amount.parse(A6, "10"), s.amount(2, 6));
        assertEquals(Amount.parse(A6, "8.5"), s.amount(4, 8)); // 5 + 3.5
        assertEquals(Amount.parse(A6, "22"), s.total().orElseThrow());
        assertEquals(Amount.parse(A6, "22"), s.amount(0, 1_000));
        assertTrue(EmissionSchedule.intervalDecrease(A6, d("10"), BigDecimal.ZERO, 4, 2).total().isEmpty());
    }

    @Test
    void morpheusPartialIntervalCase() {
        // MorpheusAIs/SmartContracts@ea893fa6 test/libs/LinearDistributionIntervalDecrease.test.ts, pool3:
        // I = 100, D = 51, interval 8h; from 12h to 999h after payoutStart -> wei(49 / 2) = 24.5.
        long h = 3600;
        EmissionSchedule s = EmissionSchedule.intervalDecrease(Asset.FLOCK, d("100"), d("51"), 8 * h, 25 * h);
        assertEquals(Amount.parse(Asset.FLOCK, "24.5"), s.amount(37 * h, 1024 * h));
        assertEquals(Amount.parse(Asset.FLOCK, "149"), s.amount(24 * h, 1024 * h));
    }

    @Test
    void tableByHand() {
        EmissionSchedule s = EmissionSchedule.table(A0, List.of(
                EmissionSchedule.TablePoint.of(0, Rate.perSecond(d("5"))),
                EmissionSchedule.TablePoint.of(10, Rate.perSecond(d("2.5"))),
                EmissionSchedule.TablePoint.of(30, Rate.perSecond(BigDecimal.ZERO))));
        assertEquals(Amount.of(A0, 50), s.amount(0, 10));
        assertEquals(Amount.of(A0, 37), s.amount(5, 15)); // 25 + 12.5, the cumulative floored: 37 = 37 - 0
        assertEquals(Amount.of(A0, 100), s.total().orElseThrow());
    }

    @Test
    void exponentialMatchesAnOracleAtTwentyMoreDigits() {
        EmissionSchedule.Exponential s = EmissionSchedule.defaultFlock();
        MathContext mc = new MathContext(100);
        BigDecimal ln2 = BigDecimalMath.log(BigDecimal.valueOf(2), mc);
        BigDecimal r0 = d("10000").divide(d("86400"), mc);
        BigDecimal h = BigDecimal.valueOf(90L * 86_400);
        for (long t : new long[] {1, 86_400, 90L * 86_400, 365L * 86_400, 12_345_678, 3_000L * 86_400}) {
            BigDecimal power = BigDecimalMath.exp(BigDecimal.valueOf(t).multiply(ln2).divide(h, mc).negate(), mc);
            BigDecimal c = r0.multiply(h).divide(ln2, mc).multiply(BigDecimal.ONE.subtract(power), mc);
            assertEquals(Amount.of(Asset.FLOCK, c, RoundingMode.DOWN), s.cumulative(t), "t = " + t);
        }
        // the first half-life emits half the total: r0 h / ln2 / 2 = 649,212.2... FLOCK
        Amount half = s.amount(0, 90L * 86_400);
        assertTrue(half.value().compareTo(d("649000")) > 0 && half.value().compareTo(d("650000")) < 0);
    }

    @Test
    void badRangesAndParametersNameTheField() {
        EmissionSchedule s = EmissionSchedule.constant(A0, Rate.perSecond(BigDecimal.ONE));
        assertTrue(assertThrows(InvalidArgumentException.class, () -> s.amount(-1, 5)).getMessage().startsWith("from = -1"));
        assertTrue(assertThrows(InvalidArgumentException.class, () -> s.amount(6, 5)).getMessage().startsWith("to = 5"));
        assertTrue(assertThrows(InvalidArgumentException.class, () -> Rate.perSecond(d("-1")))
                .getMessage().startsWith("ratePerSecond = -1"));
        assertThrows(InvalidArgumentException.class, () -> EmissionSchedule.halving(A0, Rate.perSecond(BigDecimal.ONE), 0));
        assertThrows(InvalidArgumentException.class,
                () -> EmissionSchedule.exponential(A0, Rate.perSecond(BigDecimal.ONE), 10, 0));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> EmissionSchedule.table(A0, List.of(
                EmissionSchedule.TablePoint.of(0, Rate.perSecond(BigDecimal.ONE)),
                EmissionSchedule.TablePoint.of(5, Rate.perSecond(d("2"))))));
        assertTrue(e.getMessage().startsWith("points[1].rate = 2/1s"), e.getMessage());
    }

    @Test
    void alphaScheduleMovesLinearlyAcrossASeason() {
        AlphaSchedule a = AlphaSchedule.linear(d("0.9"), d("0.5"), 0, 100, 18, RoundingMode.DOWN);
        assertEquals(0, d("0.9").compareTo(a.valueAt(0)));
        assertEquals(0, d("0.7").compareTo(a.valueAt(50)));
        assertEquals(0, d("0.5").compareTo(a.valueAt(100)));
        assertEquals(0, d("0.5").compareTo(a.valueAt(10_000)));
        // 0.9 - 0.4/3 = 0.7666..., DOWN at 18 decimals
        AlphaSchedule thirds = AlphaSchedule.linear(d("0.9"), d("0.5"), 0, 3, 18, RoundingMode.DOWN);
        assertEquals(0, d("0.766666666666666666").compareTo(thirds.valueAt(1)));
        assertThrows(InvalidArgumentException.class, () -> AlphaSchedule.constant(d("1.5")));
        assertThrows(InvalidArgumentException.class,
                () -> AlphaSchedule.linear(d("0.9"), d("0.5"), 10, 10, 18, RoundingMode.DOWN));
    }

    @Test
    void reserveReleasesAndTakesBackExactly() {
        EmissionReserve r = EmissionReserve.of(Amount.of(Asset.FLOCK, 1_000));
        EmissionReserve r2 = r.release(Amount.of(Asset.FLOCK, 300)).giveBack(Amount.of(Asset.FLOCK, 100));
        assertEquals(Amount.of(Asset.FLOCK, 800), r2.balance());
        assertEquals(r2.balance(), r2.initial().minus(r2.released()).plus(r2.returned()));
        assertEquals(Amount.of(Asset.FLOCK, 800), r2.releasable(Amount.of(Asset.FLOCK, 5_000)));
        assertThrows(LimitExceededException.class, () -> r2.release(Amount.of(Asset.FLOCK, 801)));
        assertThrows(InvalidArgumentException.class, () -> r2.giveBack(Amount.of(Asset.FLOCK, 201)));
        assertEquals(Amount.of(Asset.FLOCK, 800), r2.balance()); // rejected operations changed nothing
    }
}
