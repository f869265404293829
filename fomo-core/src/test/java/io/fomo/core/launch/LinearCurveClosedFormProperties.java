package io.fomo.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The linear curve's tokens for an input ({@link LinearCurve#unitsFor}) are a closed form, so they are
 * checked on inputs of any magnitude (up to 2^256 and 36 decimals, the sizes that made the former
 * step-by-one-unit search run for minutes) against an independent oracle: a bisection over the base-unit
 * grid that compares the exact decimal cost {@code d·(p + s·d/2)} of grid points with the input. No timing
 * is asserted; a search whose time grew with the magnitude would not finish these tries.
 */
class LinearCurveClosedFormProperties {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    @Provide
    Arbitrary<BigDecimal> quotes() {
        // Up to 2^256 whole units with up to 18 decimals, and tiny amounts.
        return Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TWO.pow(256).shiftLeft(60))
                .flatMap(u -> Arbitraries.integers().between(0, 36).map(sc -> new BigDecimal(u, sc)))
                .edgeCases(c -> c.add(new BigDecimal(BigInteger.TWO.pow(256)),
                        new BigDecimal("1000000000000000000000000.000000000000000001")));
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(40))
                .flatMap(u -> Arbitraries.integers().between(0, 40).map(sc -> new BigDecimal(u, sc)));
    }

    @Provide
    Arbitrary<BigDecimal> slopes() {
        return Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO), prices());
    }

    @Property(tries = 300)
    void unitsAreTheExactRoundingOfTheSolutionAtAnyMagnitude(@ForAll("quotes") BigDecimal q,
            @ForAll("prices") BigDecimal p, @ForAll("slopes") BigDecimal s, @ForAll @IntRange(max = 36) int b,
            @ForAll RoundingMode rounding) {
        if (rounding == RoundingMode.UNNECESSARY) {
            return;
        }
        assertEquals(oracle(p, s, q, b, rounding), LinearCurve.unitsFor(p, s, q, b, rounding),
                () -> "p=" + p + " s=" + s + " q=" + q + " b=" + b + " " + rounding);
    }

    @Test
    void theIssuesHangingInputIsAThirdOfTheQuoteAt36Decimals() {
        // (10^24 + 10^-18) / 3 = 333…333.333333333333333333666…, floored at 36 decimals.
        BigDecimal q = new BigDecimal("1000000000000000000000000.000000000000000001");
        BigInteger expected = new BigInteger("333333333333333333333333" + "333333333333333333" + "666666666666666666");
        assertEquals(expected, LinearCurve.unitsFor(BigDecimal.valueOf(3), BigDecimal.ZERO, q, 36, RoundingMode.DOWN));
        assertEquals(expected.add(BigInteger.ONE),
                LinearCurve.unitsFor(BigDecimal.valueOf(3), BigDecimal.ZERO, q, 36, RoundingMode.CEILING));
    }

    @Test
    void aQuoteThatBuysExactlyAGridPointIsThatPointInEveryDirection() {
        // p = 1, s = 2: 3 tokens cost 3·(1 + 3) = 12.
        for (RoundingMode r : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.HALF_EVEN}) {
            assertEquals(BigInteger.valueOf(3), LinearCurve.unitsFor(BigDecimal.ONE, TWO, BigDecimal.valueOf(12), 0, r));
        }
        // 12.5 buys 3.0…: 3.1 tokens cost 3.1·(1 + 3.1) = 12.71 > 12.5, so 3 at one decimal, DOWN; 3.1 UP.
        assertEquals(BigInteger.valueOf(30), LinearCurve.unitsFor(BigDecimal.ONE, TWO, new BigDecimal("12.5"), 1,
                RoundingMode.DOWN));
        assertEquals(BigInteger.valueOf(31), LinearCurve.unitsFor(BigDecimal.ONE, TWO, new BigDecimal("12.5"), 1,
                RoundingMode.UP));
    }

    /** The exact cost of {@code units} base units at scale {@code b}: d·(p + s·d/2), d = units·10^-b. */
    private static BigDecimal cost(BigDecimal p, BigDecimal s, BigInteger units, int b) {
        BigDecimal d = new BigDecimal(units, b);
        return d.multiply(p.add(s.multiply(d).divide(TWO)));
    }

    /** The largest grid point whose cost is at most q, by bisection; then the direction by definition. */
    private static BigInteger oracle(BigDecimal p, BigDecimal s, BigDecimal q, int b, RoundingMode rounding) {
        BigInteger lo = BigInteger.ZERO;
        // cost(n) >= n·p·10^-b, so n <= q·10^b / p.
        BigInteger hi = q.movePointRight(b).divide(p, 0, RoundingMode.UP).toBigIntegerExact().add(BigInteger.ONE);
        while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
            BigInteger mid = lo.add(hi).shiftRight(1);
            if (cost(p, s, mid, b).compareTo(q) <= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        boolean exact = cost(p, s, lo, b).compareTo(q) == 0;
        if (exact || rounding == RoundingMode.DOWN || rounding == RoundingMode.FLOOR) {
            return lo;
        }
        if (rounding == RoundingMode.UP || rounding == RoundingMode.CEILING) {
            return lo.add(BigInteger.ONE);
        }
        // Nearest: the solution lies above the midpoint exactly when the midpoint's cost is below q.
        BigDecimal mid = new BigDecimal(lo.shiftLeft(1).add(BigInteger.ONE), b).divide(TWO);
        int c = mid.multiply(p.add(s.multiply(mid).divide(TWO))).compareTo(q);
        if (c != 0) {
            return c < 0 ? lo.add(BigInteger.ONE) : lo;
        }
        if (rounding == RoundingMode.HALF_UP) {
            return lo.add(BigInteger.ONE);
        }
        if (rounding == RoundingMode.HALF_DOWN) {
            return lo;
        }
        return lo.testBit(0) ? lo.add(BigInteger.ONE) : lo;
    }
}
