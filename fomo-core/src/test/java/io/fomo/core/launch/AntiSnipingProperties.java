package io.fomo.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Laws of the anti-sniping fee over random settings, amounts and instants: the fee never increases with
 * time, equals the start fee at the opening and the base fee from the end of the window on, and the
 * exponential fee is the exact value rounded once (checked against a recomputation at 40 more digits).
 */
class AntiSnipingProperties {

    record Setting(AntiSniping fee, int base) {
    }

    @Provide
    Arbitrary<Setting> settings() {
        Arbitrary<Integer> base = Arbitraries.integers().between(0, 9_999);
        return base.flatMap(f -> {
            Arbitrary<Integer> start = Arbitraries.integers().between(f, 9_999);
            Arbitrary<Long> window = Arbitraries.longs().between(1, 30L * 86_400);
            Arbitrary<AntiSniping> linear = Combinators.combine(start, window)
                    .as((s, w) -> AntiSniping.linear(s, Duration.ofSeconds(w)));
            Arbitrary<AntiSniping> exponential = Combinators.combine(start, Arbitraries.longs().between(1, 86_400),
                    Arbitraries.longs().between(1, 1_000)).as((s, h, k) ->
                            AntiSniping.exponential(s, Duration.ofSeconds(h), Duration.ofSeconds(Math.max(1, h * k
                                    - (k > 1 ? h / 2 : 0)))));
            return Arbitraries.oneOf(linear, exponential).map(a -> new Setting(a, f));
        });
    }

    @Provide
    Arbitrary<Amount> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(java.math.BigInteger.ONE, java.math.BigInteger.TEN.pow(30))
                        .map(u -> Amount.ofUnits(Asset.FLOCK, u)),
                Arbitraries.longs().between(1, 10_000_000L).map(v -> Amount.of(Asset.FLOCK, v)));
    }

    @Property(tries = 300)
    void theFeeNeverIncreasesAndIsTheBaseFeeAfterTheWindow(@ForAll("settings") Setting s,
            @ForAll("amounts") Amount gross, @ForAll @LongRange(min = 0, max = 40L * 86_400) long t1,
            @ForAll @LongRange(min = 0, max = 40L * 86_400) long t2) {
        long early = Math.min(t1, t2);
        long late = Math.max(t1, t2);
        AntiSniping a = s.fee();
        for (RoundingMode m : new RoundingMode[] {RoundingMode.UP, RoundingMode.DOWN}) {
            Amount feeEarly = a.onGross(gross, s.base(), early, m);
            Amount feeLate = a.onGross(gross, s.base(), late, m);
            assertFalse(feeLate.isGreaterThan(feeEarly), a + ": " + feeLate + " at " + late + " > " + feeEarly
                    + " at " + early);
            assertFalse(a.onNet(gross, s.base(), late, m).isGreaterThan(a.onNet(gross, s.base(), early, m)));
            long window = a.window().getSeconds();
            if (late >= window) {
                assertEquals(io.fomo.core.launch.SwapFee.onGross(gross, s.base(), m), feeLate, "the base fee after "
                        + window + " s");
            }
            assertEquals(io.fomo.core.launch.SwapFee.onGross(gross, a.startFeeBps(), m), a.onGross(gross, s.base(), 0, m),
                    "the start fee at the opening");
            assertTrue(a.feeBpsAt(s.base(), late, 6, RoundingMode.DOWN)
                    .compareTo(a.feeBpsAt(s.base(), early, 6, RoundingMode.UP)) <= 0);
        }
    }

    @Property(tries = 200)
    void theExponentialFeeIsTheExactValueRoundedOnce(@ForAll("settings") Setting s, @ForAll("amounts") Amount gross,
            @ForAll @LongRange(min = 1, max = 30L * 86_400) long t) {
        AntiSniping a = s.fee();
        if (a.decay() != AntiSniping.Decay.EXPONENTIAL || t >= a.window().getSeconds()) {
            return;
        }
        // Oracle: 2^(−t/h) at 40 digits more than the result needs, then the fee rounded once.
        MathContext mc = new MathContext(gross.units().toString().length() + 40 + (int) (t / a.halfLife().getSeconds()));
        BigDecimal phi = BigDecimalMath.pow(BigDecimal.valueOf(2),
                BigDecimal.valueOf(-t).divide(BigDecimal.valueOf(a.halfLife().getSeconds()), mc), mc);
        BigDecimal bps = BigDecimal.valueOf(s.base()).add(BigDecimal.valueOf(a.startFeeBps() - s.base()).multiply(phi, mc));
        BigDecimal exact = new BigDecimal(gross.units()).multiply(bps, mc).divide(BigDecimal.valueOf(10_000), mc);
        for (RoundingMode m : new RoundingMode[] {RoundingMode.UP, RoundingMode.DOWN}) {
            Amount expected = Amount.ofUnits(Asset.FLOCK, exact.setScale(0, m).toBigIntegerExact());
            assertEquals(expected, a.onGross(gross, s.base(), t, m), a + " at " + t + ": " + exact);
        }
    }
}
