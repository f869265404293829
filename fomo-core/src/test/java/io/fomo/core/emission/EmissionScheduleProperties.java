package io.fomo.core.emission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class EmissionScheduleProperties {

    private static Arbitrary<Rate> rates() {
        return Combinators.combine(Arbitraries.longs().between(0, 10_000_000_000L), Arbitraries.integers().between(0, 12),
                Arbitraries.longs().between(1, 86_400)).as((u, sc, per) -> Rate.of("rate", BigDecimal.valueOf(u, sc), per));
    }

    private static Arbitrary<Asset> assets() {
        return Arbitraries.integers().between(0, 18).map(dd -> Asset.of("E", dd));
    }

    @Provide
    Arbitrary<EmissionSchedule> schedules() {
        Arbitrary<EmissionSchedule> constant = Combinators.combine(assets(), rates()).as(EmissionSchedule::constant);
        Arbitrary<EmissionSchedule> linear = Combinators.combine(assets(), rates(), Arbitraries.longs().between(1, 10_000_000))
                .as(EmissionSchedule::linearToZero);
        Arbitrary<EmissionSchedule> exp = Combinators.combine(assets(), rates(), Arbitraries.longs().between(1, 10_000_000))
                .as((a, r, h) -> EmissionSchedule.exponential(a, r, h));
        Arbitrary<EmissionSchedule> halving = Combinators.combine(assets(), rates(), Arbitraries.longs().between(1, 1_000_000))
                .as(EmissionSchedule::halving);
        Arbitrary<EmissionSchedule> interval = Combinators.combine(assets(),
                Arbitraries.longs().between(0, 1_000_000_000L), Arbitraries.longs().between(0, 100_000_000L),
                Arbitraries.integers().between(0, 6), Arbitraries.longs().between(1, 100_000),
                Arbitraries.longs().between(0, 100_000))
                .as((a, i, dd, sc, l, st) -> EmissionSchedule.intervalDecrease(a, BigDecimal.valueOf(i, sc),
                        BigDecimal.valueOf(dd, sc), l, st));
        Arbitrary<EmissionSchedule> table = Combinators.combine(assets(),
                Arbitraries.longs().between(1, 100_000).list().ofMinSize(0).ofMaxSize(5),
                Arbitraries.longs().between(0, 1_000_000_000L).list().ofSize(6), Arbitraries.integers().between(0, 9))
                .as((a, gaps, rs, sc) -> {
                    rs.sort((x, y) -> Long.compare(y, x)); // non-increasing
                    List<EmissionSchedule.TablePoint> pts = new ArrayList<>();
                    long at = 0;
                    pts.add(EmissionSchedule.TablePoint.of(0, Rate.perSecond(BigDecimal.valueOf(rs.get(0), sc))));
                    for (int i = 0; i < gaps.size(); i++) {
                        at += gaps.get(i);
                        pts.add(EmissionSchedule.TablePoint.of(at, Rate.perSecond(BigDecimal.valueOf(rs.get(i + 1), sc))));
                    }
                    return EmissionSchedule.table(a, pts);
                });
        return Arbitraries.oneOf(constant, linear, exp, halving, interval, table);
    }

    @Property(tries = 300)
    void rangesAddUpToTheLastBaseUnit(@ForAll("schedules") EmissionSchedule s,
            @ForAll @LongRange(min = 0, max = 100_000_000) long a, @ForAll @LongRange(min = 0, max = 100_000_000) long ab,
            @ForAll @LongRange(min = 0, max = 100_000_000) long bc) {
        long b = a + ab;
        long c = b + bc;
        assertEquals(s.amount(a, c), s.amount(a, b).plus(s.amount(b, c)));
    }

    @Property(tries = 300)
    void ratesNeverIncrease(@ForAll("schedules") EmissionSchedule s, @ForAll @LongRange(min = 0, max = 100_000_000) long t,
            @ForAll @LongRange(min = 1, max = 10_000_000) long len) {
        // Exact rates never increase; each range is a difference of two roundings, so a later window of the
        // same length may exceed an earlier one by at most one base unit.
        // INTERVAL_DECREASE emits nothing before its start: its rate never increases from the start on.
        long from = t + (s instanceof EmissionSchedule.IntervalDecrease d ? d.start() : 0);
        BigInteger first = s.amount(from, from + len).units();
        BigInteger second = s.amount(from + len, from + 2 * len).units();
        assertTrue(second.compareTo(first.add(BigInteger.ONE)) <= 0, s + ": " + first + " then " + second);
    }

    @Property(tries = 200)
    void boundedSchedulesNeverExceedTheirTotal(@ForAll("schedules") EmissionSchedule s,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 4) long t) {
        if (s.isBounded()) {
            Amount total = s.total().orElseThrow();
            assertTrue(!s.cumulative(t).isGreaterThan(total));
            assertEquals(total, s.cumulative(Long.MAX_VALUE));
        } else {
            assertTrue(s.total().isEmpty());
        }
    }

    @Property(tries = 200)
    void cumulativeNeverDecreases(@ForAll("schedules") EmissionSchedule s,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long t, @ForAll @LongRange(min = 0, max = 1_000_000) long dt) {
        assertTrue(!s.cumulative(t).isGreaterThan(s.cumulative(t + dt)));
    }

    @Property(tries = 100)
    void intervalDecreaseFullIntervalsFollowTheArithmeticSeries(@ForAll @LongRange(min = 0, max = 1_000_000) long i,
            @ForAll @LongRange(min = 1, max = 10_000) long dd, @ForAll @LongRange(min = 1, max = 1_000) long l,
            @ForAll @LongRange(min = 0, max = 200) long k) {
        // Independent closed form: sum_{j<k} max(0, I - jD).
        EmissionSchedule s = EmissionSchedule.intervalDecrease(Asset.of("E", 0), BigDecimal.valueOf(i),
                BigDecimal.valueOf(dd), l, 0);
        long expected = 0;
        for (long j = 0; j < k; j++) {
            expected += Math.max(0, i - j * dd);
        }
        assertEquals(Amount.ofUnits(Asset.of("E", 0), expected), s.amount(0, k * l));
    }

    /** The exponential schedule keeps its last results: a remembered value equals a fresh computation. */
    @Property(tries = 100)
    void exponentialMemoEqualsAFreshSchedule(@ForAll("expArgs") net.jqwik.api.Tuple.Tuple3<Asset, Rate, Long> args,
            @ForAll("times") List<Long> times) {
        EmissionSchedule kept = EmissionSchedule.exponential(args.get1(), args.get2(), args.get3());
        for (long t : times) {
            EmissionSchedule fresh = EmissionSchedule.exponential(args.get1(), args.get2(), args.get3());
            assertEquals(fresh.cumulative(t), kept.cumulative(t), "t = " + t);
        }
    }

    @Provide
    Arbitrary<net.jqwik.api.Tuple.Tuple3<Asset, Rate, Long>> expArgs() {
        return Combinators.combine(assets(), rates(), Arbitraries.longs().between(1, 10_000_000)).as(net.jqwik.api.Tuple::of);
    }

    @Provide
    Arbitrary<List<Long>> times() {
        // Few distinct times, so that values come back from the memo in every order.
        return Arbitraries.longs().between(0, 5).map(k -> k * 86_400).list().ofMinSize(1).ofMaxSize(12);
    }
}
