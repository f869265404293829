package io.fomo.core.emission;

import io.fomo.core.math.DecimalPolicy;
import io.fomo.core.math.ExactMath;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decaying emission schedule (FOMO-SPEC §3.3): how much of an asset is emitted between two instants.
 *
 * <p>Time is in whole seconds from the schedule's origin (second 0). Every schedule is defined by one
 * <em>cumulative</em> function {@code C(t)}, the amount emitted in {@code [0, t)}, computed exactly (or,
 * for {@link Exponential}, at a declared precision) and rounded <strong>once, DOWN</strong> to the
 * asset's decimals. The amount of any range is the difference of two rounded cumulatives:
 * <pre>  amount(a, b) = cumulative(b) - cumulative(a)</pre>
 * so {@code amount(a, b) + amount(b, c) == amount(a, c)} to the last base unit, for every schedule, and
 * {@code amount(0, t)} never exceeds a bounded schedule's {@link #total()}.
 *
 * <p>The exact (unrounded) rate of every kind never increases over time (for {@link IntervalDecrease}, from
 * its {@code start} on; it emits nothing before). Because each range is the
 * difference of two roundings, two consecutive ranges of equal length may differ by one base unit in the
 * "wrong" direction: {@code amount(t + L, t + 2L) <= amount(t, t + L) + 1 unit}, and never more.
 *
 * <p>The six kinds: {@link Constant}, {@link LinearToZero}, {@link Exponential} (half-life),
 * {@link Halving} (step halving every period), {@link IntervalDecrease} (amount per interval falls by a
 * fixed step, never below zero, prorated linearly inside an interval; the Morpheus
 * LinearDistributionIntervalDecrease model) and {@link Table} (piecewise constant, non-increasing).
 *
 * <p>Every implementation is immutable and thread-safe.
 */
public sealed interface EmissionSchedule permits EmissionSchedule.Constant, EmissionSchedule.LinearToZero,
        EmissionSchedule.Exponential, EmissionSchedule.Halving, EmissionSchedule.IntervalDecrease,
        EmissionSchedule.Table {

    /** The kinds of schedule, named as in the vector format. */
    enum Kind {
        /** A constant rate forever. */
        CONSTANT,
        /** A rate falling linearly to zero over a duration. */
        LINEAR_TO_ZERO,
        /** A rate halving continuously every half-life. */
        EXPONENTIAL,
        /** A rate halving in steps every period. */
        HALVING,
        /** An amount per interval falling by a fixed step each interval. */
        INTERVAL_DECREASE,
        /** A piecewise-constant, non-increasing rate. */
        TABLE
    }

    /**
     * Returns the asset emitted.
     *
     * @return the asset; every amount is exact at its decimals
     */
    Asset asset();

    /**
     * Returns the kind of schedule.
     *
     * @return the kind
     */
    Kind kind();

    /**
     * Returns the amount emitted in {@code [0, t)}, rounded once, DOWN, to the asset's decimals.
     *
     * @param t seconds from the origin, not negative
     * @return the cumulative amount, non-decreasing in {@code t}
     * @throws InvalidArgumentException if {@code t} is negative
     */
    Amount cumulative(long t);

    /**
     * Tells whether the schedule emits a finite amount over all time.
     *
     * @return true for a schedule that ends or decays to a finite total
     */
    boolean isBounded();

    /**
     * Returns the amount emitted in {@code [from, to)}: {@code cumulative(to) - cumulative(from)}.
     *
     * @param from the start, seconds from the origin, not negative
     * @param to   the end, not before {@code from}
     * @return the amount, exactly additive over consecutive ranges
     * @throws InvalidArgumentException if {@code from} is negative or {@code to < from}
     */
    default Amount amount(long from, long to) {
        if (from < 0) {
            throw InvalidArgumentException.of("from", from, "must not be negative");
        }
        if (to < from) {
            throw InvalidArgumentException.of("to", to, "must not be before from = " + from);
        }
        return cumulative(to).minus(cumulative(from));
    }

    /**
     * Returns everything the schedule will ever emit: the limit of {@link #cumulative(long)}, which the
     * rounded cumulative reaches and never exceeds.
     *
     * @return the total of a bounded schedule, empty for an unbounded one
     */
    default Optional<Amount> total() {
        return isBounded() ? Optional.of(cumulative(Long.MAX_VALUE)) : Optional.empty();
    }

    /**
     * Returns a schedule emitting at a constant rate forever.
     *
     * @param asset the asset emitted
     * @param rate  the rate
     * @return the schedule
     */
    static Constant constant(Asset asset, Rate rate) {
        return new Constant(asset, rate);
    }

    /**
     * Returns a schedule whose rate falls linearly from an initial rate to zero over a duration.
     *
     * @param asset    the asset emitted
     * @param initial  the rate at second 0
     * @param duration seconds until the rate reaches zero, positive
     * @return the schedule
     * @throws InvalidArgumentException if the duration is not positive
     */
    static LinearToZero linearToZero(Asset asset, Rate initial, long duration) {
        return new LinearToZero(asset, initial, duration);
    }

    /**
     * Returns a schedule whose rate halves continuously every half-life, {@code r(t) = r0 * 2^(-t/h)},
     * computed with the standard guard digits ({@link DecimalPolicy#standard()}).
     *
     * @param asset    the asset emitted
     * @param initial  the rate at second 0
     * @param halfLife the half-life in seconds, positive
     * @return the schedule
     * @throws InvalidArgumentException if the half-life is not positive
     */
    static Exponential exponential(Asset asset, Rate initial, long halfLife) {
        return new Exponential(asset, initial, halfLife, DecimalPolicy.standard().guardDigits());
    }

    /**
     * Returns a schedule whose rate halves continuously every half-life, with a declared number of guard
     * digits for its single rounding.
     *
     * @param asset       the asset emitted
     * @param initial     the rate at second 0
     * @param halfLife    the half-life in seconds, positive
     * @param guardDigits digits carried past the asset's decimals before the rounding, 1 to 100
     * @return the schedule
     * @throws InvalidArgumentException if the half-life is not positive or the guard is out of range
     */
    static Exponential exponential(Asset asset, Rate initial, long halfLife, int guardDigits) {
        return new Exponential(asset, initial, halfLife, guardDigits);
    }

    /**
     * Returns the SDK's default emission schedule [DEFAULT]: exponential, 10,000 FLOCK per day at the
     * start, 90-day half-life.
     *
     * @return the default schedule
     */
    static Exponential defaultFlock() {
        return exponential(Asset.FLOCK, Rate.perDay(BigDecimal.valueOf(10_000)), 90 * Rate.SECONDS_PER_DAY);
    }

    /**
     * Returns a schedule whose rate halves in a step at the end of every period.
     *
     * @param asset   the asset emitted
     * @param initial the rate during the first period
     * @param period  the period in seconds, positive
     * @return the schedule
     * @throws InvalidArgumentException if the period is not positive
     */
    static Halving halving(Asset asset, Rate initial, long period) {
        return new Halving(asset, initial, period);
    }

    /**
     * Returns a schedule emitting {@code max(0, initialAmount - k * decrease)} during interval {@code k}
     * (intervals of {@code interval} seconds from {@code start}), spread evenly inside the interval, and
     * nothing before {@code start}.
     *
     * @param asset         the asset emitted
     * @param initialAmount the amount of the first interval, not negative
     * @param decrease      the fall from one interval to the next, not negative (zero: constant)
     * @param interval      the interval length in seconds, positive
     * @param start         the second the first interval starts, not negative
     * @return the schedule
     * @throws InvalidArgumentException if an argument is out of range
     */
    static IntervalDecrease intervalDecrease(Asset asset, BigDecimal initialAmount, BigDecimal decrease,
            long interval, long start) {
        return new IntervalDecrease(asset, initialAmount, decrease, interval, start);
    }

    /**
     * Returns a piecewise-constant schedule: from each point's second on, its rate applies until the next
     * point.
     *
     * @param asset  the asset emitted
     * @param points the points: the first at second 0, strictly increasing seconds, non-increasing rates
     * @return the schedule
     * @throws InvalidArgumentException if the points are empty, unordered or a rate increases
     */
    static Table table(Asset asset, List<TablePoint> points) {
        return new Table(asset, points);
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * A constant rate: {@code C(t) = r * t}.
     *
     * <p>This class is immutable and thread-safe.
     */
    final class Constant implements EmissionSchedule {
        private final Asset asset;
        private final Rate rate;

        private Constant(Asset asset, Rate rate) {
            this.asset = Objects.requireNonNull(asset, "asset");
            this.rate = Objects.requireNonNull(rate, "rate");
        }

        /**
         * Returns the rate.
         *
         * @return the rate
         */
        public Rate rate() {
            return rate;
        }

        @Override
        public Asset asset() {
            return asset;
        }

        @Override
        public Kind kind() {
            return Kind.CONSTANT;
        }

        @Override
        public boolean isBounded() {
            return rate.isZero();
        }

        @Override
        public Amount cumulative(long t) {
            Schedules.requireTime(t);
            return Schedules.floor(asset, rate.scaledAmount().multiply(BigInteger.valueOf(t)),
                    Schedules.denominator(rate));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Constant c && c.asset.equals(asset) && c.rate.equals(rate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(asset, rate);
        }

        @Override
        public String toString() {
            return "CONSTANT[" + asset + ", " + rate + "]";
        }
    }

    /**
     * A rate falling linearly to zero: {@code r(t) = r0 * (1 - t/D)} for {@code t < D}, then zero; so
     * {@code C(t) = r0 * (2Dt - t^2) / (2D)}, exact rational arithmetic rounded once.
     *
     * <p>This class is immutable and thread-safe.
     */
    final class LinearToZero implements EmissionSchedule {
        private final Asset asset;
        private final Rate initial;
        private final long duration;

        private LinearToZero(Asset asset, Rate initial, long duration) {
            this.asset = Objects.requireNonNull(asset, "asset");
            this.initial = Objects.requireNonNull(initial, "initialRate");
            if (duration <= 0) {
                throw InvalidArgumentException.of("duration", duration, "must be positive");
            }
            this.duration = duration;
        }

        /**
         * Returns the rate at second 0.
         *
         * @return the initial rate
         */
        public Rate initialRate() {
            return initial;
        }

        /**
         * Returns the seconds until the rate reaches zero.
         *
         * @return the duration
         */
        public long duration() {
            return duration;
        }

        @Override
        public Asset asset() {
            return asset;
        }

        @Override
        public Kind kind() {
            return Kind.LINEAR_TO_ZERO;
        }

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public Amount cumulative(long t) {
            Schedules.requireTime(t);
            BigInteger tt = BigInteger.valueOf(Math.min(t, duration));
            BigInteger d = BigInteger.valueOf(duration);
            BigInteger area = d.shiftLeft(1).multiply(tt).subtract(tt.multiply(tt));
            return Schedules.floor(asset, initial.scaledAmount().multiply(area),
                    Schedules.denominator(initial).multiply(d.shiftLeft(1)));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LinearToZero l && l.asset.equals(asset) && l.initial.equals(initial)
                    && l.duration == duration;
        }

        @Override
        public int hashCode() {
            return Objects.hash(asset, initial, duration);
        }

        @Override
        public String toString() {
            return "LINEAR_TO_ZERO[" + asset + ", " + initial + ", duration=" + duration + "]";
        }
    }

    /**
     * A continuously halving rate, {@code r(t) = r0 * 2^(-t/h)}, so
     * {@code C(t) = r0 * h / ln 2 * (1 - 2^(-t/h))}. {@code ln 2} and the power are computed by
     * {@link ExactMath} with the declared guard digits past the asset's decimals, and {@code C(t)} is
     * rounded once, DOWN. Past the point where {@code 2^(-t/h)} is below the working precision the
     * cumulative is constant (the schedule's total).
     *
     * <p>This class is immutable and thread-safe.
     */
    final class Exponential implements EmissionSchedule {
        private final Asset asset;
        private final Rate initial;
        private final long halfLife;
        private final int guardDigits;
        private final MathContext work;
        private final BigDecimal ln2;
        private final BigDecimal numeratorPerUnit;
        private final BigDecimal denominator;
        private final BigDecimal minExponent;
        // The last three results: amount(from, to) asks for C(to) then C(from), and the next epoch's
        // from is this one's to. A pure function of t, so a race only costs a recomputation.
        private volatile Memo recent = new Memo(-1, null, -1, null, -1, null);

        /** Three (t, C(t)) pairs, the newest first. */
        private record Memo(long t1, Amount c1, long t2, Amount c2, long t3, Amount c3) {
        }

        private Exponential(Asset asset, Rate initial, long halfLife, int guardDigits) {
            this.asset = Objects.requireNonNull(asset, "asset");
            this.initial = Objects.requireNonNull(initial, "initialRate");
            if (halfLife <= 0) {
                throw InvalidArgumentException.of("halfLife", halfLife, "must be positive");
            }
            if (guardDigits < 1 || guardDigits > 100) {
                throw InvalidArgumentException.of("guardDigits", guardDigits, "must be between 1 and 100");
            }
            this.halfLife = halfLife;
            this.guardDigits = guardDigits;
            // The total r0 * h / ln2 is below 2 * r0 * h: its integer digits bound the digits needed.
            BigDecimal bound = initial.amount().multiply(BigDecimal.valueOf(2))
                    .multiply(BigDecimal.valueOf(halfLife))
                    .divide(BigDecimal.valueOf(initial.seconds()), 0, RoundingMode.UP);
            int integerDigits = Math.max(1, bound.precision());
            int precision = integerDigits + asset.decimals() + guardDigits + 2;
            this.work = new MathContext(precision, RoundingMode.HALF_EVEN);
            this.ln2 = ExactMath.ln(BigDecimal.valueOf(2), work, guardDigits);
            this.numeratorPerUnit = initial.amount().multiply(BigDecimal.valueOf(halfLife));
            this.denominator = BigDecimal.valueOf(initial.seconds()).multiply(ln2);
            // Below e^(-3 * (precision + 5)) < 10^-(precision + 5), the power no longer shows.
            this.minExponent = BigDecimal.valueOf(-3L * (precision + 5));
        }

        /**
         * Returns the rate at second 0.
         *
         * @return the initial rate
         */
        public Rate initialRate() {
            return initial;
        }

        /**
         * Returns the half-life in seconds.
         *
         * @return the half-life
         */
        public long halfLife() {
            return halfLife;
        }

        /**
         * Returns the guard digits carried past the asset's decimals.
         *
         * @return the guard digits
         */
        public int guardDigits() {
            return guardDigits;
        }

        @Override
        public Asset asset() {
            return asset;
        }

        @Override
        public Kind kind() {
            return Kind.EXPONENTIAL;
        }

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public Amount cumulative(long t) {
            Schedules.requireTime(t);
            if (t == 0 || initial.isZero()) {
                return Amount.zero(asset);
            }
            Memo m = recent;
            if (m.t1 == t) {
                return m.c1;
            }
            if (m.t2 == t) {
                return m.c2;
            }
            if (m.t3 == t) {
                return m.c3;
            }
            Amount c = compute(t);
            recent = new Memo(t, c, m.t1, m.c1, m.t2, m.c2);
            return c;
        }

        private Amount compute(long t) {
            BigDecimal x = BigDecimal.valueOf(t).multiply(ln2).divide(BigDecimal.valueOf(halfLife), work).negate();
            if (x.compareTo(minExponent) < 0) {
                x = minExponent;
            }
            BigDecimal power = ExactMath.exp(x, work, guardDigits);
            BigDecimal c = numeratorPerUnit.multiply(BigDecimal.ONE.subtract(power)).divide(denominator, work);
            return Amount.of(asset, c.max(BigDecimal.ZERO), RoundingMode.DOWN);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Exponential e && e.asset.equals(asset) && e.initial.equals(initial)
                    && e.halfLife == halfLife && e.guardDigits == guardDigits;
        }

        @Override
        public int hashCode() {
            return Objects.hash(asset, initial, halfLife, guardDigits);
        }

        @Override
        public String toString() {
            return "EXPONENTIAL[" + asset + ", " + initial + ", halfLife=" + halfLife + ", guard=" + guardDigits
                    + "]";
        }
    }

    /**
     * A rate halving in a step at the end of every period: during period {@code k} the rate is
     * {@code r0 / 2^k}, so {@code C(t) = r0 * (P * (2 - 2^(1-k)) + (t - kP) / 2^k)}, exact rational
     * arithmetic rounded once. Once the remaining emission {@code 2 r0 P / 2^k} is below the gap between
     * the total and the largest base unit under it, the rounded cumulative is that base unit forever; it
     * is returned directly so that any {@code t} is cheap.
     *
     * <p>This class is immutable and thread-safe.
     */
    final class Halving implements EmissionSchedule {
        private final Asset asset;
        private final Rate initial;
        private final long period;
        private final int lastExactPeriod;
        private final BigInteger limitUnits;

        private Halving(Asset asset, Rate initial, long period) {
            this.asset = Objects.requireNonNull(asset, "asset");
            this.initial = Objects.requireNonNull(initial, "initialRate");
            if (period <= 0) {
                throw InvalidArgumentException.of("period", period, "must be positive");
            }
            this.period = period;
            // Total T = 2 r0 P; in base units T' = num / den.
            BigInteger num = initial.scaledAmount().multiply(BigInteger.valueOf(2 * period))
                    .multiply(BigInteger.TEN.pow(asset.decimals()));
            BigInteger den = Schedules.denominator(initial);
            if (num.signum() == 0) {
                this.lastExactPeriod = 0;
                this.limitUnits = BigInteger.ZERO;
            } else {
                // cg = the largest integer strictly below T'.
                BigInteger[] qr = num.divideAndRemainder(den);
                BigInteger cg = qr[1].signum() == 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
                BigInteger gap = num.subtract(cg.multiply(den));
                // From period K on, the deficit 2 r0 P / 2^k is at most the gap, so C rounds to cg.
                BigInteger ratio = num.add(gap).subtract(BigInteger.ONE).divide(gap);
                this.lastExactPeriod = ratio.bitLength();
                this.limitUnits = cg;
            }
        }

        /**
         * Returns the rate during the first period.
         *
         * @return the initial rate
         */
        public Rate initialRate() {
            return initial;
        }

        /**
         * Returns the period in seconds.
         *
         * @return the period
         */
        public long period() {
            return period;
        }

        @Override
        public Asset asset() {
            return asset;
        }

        @Override
        public Kind kind() {
            return Kind.HALVING;
        }

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public Amount cumulative(long t) {
            Schedules.requireTime(t);
            long k = t / period;
            if (k >= lastExactPeriod) {
                return Amount.ofUnits(asset, limitUnits);
            }
            int kk = (int) k;
            BigInteger full = BigInteger.valueOf(period).multiply(BigInteger.ONE.shiftLeft(kk + 1)
                    .subtract(BigInteger.TWO));
            BigInteger inner = full.add(BigInteger.valueOf(t - k * period));
            return Schedules.floor(asset, initial.scaledAmount().multiply(inner),
                    Schedules.denominator(initial).shiftLeft(kk));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Halving h && h.asset.equals(asset) && h.initial.equals(initial)
                    && h.period == period;
        }

        @Override
        public int hashCode() {
            return Objects.hash(asset, initial, period);
        }

        @Override
        public String toString() {
            return "HALVING[" + asset + ", " + initial + ", period=" + period + "]";
        }
    }

    /**
     * An amount per interval falling by a fixed step: interval {@code k} (seconds
     * {@code [start + kL, start + (k+1)L)}) emits {@code max(0, I - kD)}, spread evenly inside it;
     * nothing is emitted before {@code start}. {@code C} is exact rational arithmetic rounded once.
     *
     * <p>This is the emission law of Morpheus' {@code LinearDistributionIntervalDecrease}; unlike that
     * library, which floors each partial interval of a query separately, every range here is a
     * difference of one rounded cumulative, so ranges add up exactly (docs/emissions-and-rewards.md).
     *
     * <p>This class is immutable and thread-safe.
     */
    final class IntervalDecrease implements EmissionSchedule {
        private final Asset asset;
        private final BigDecimal initialAmount;
        private final BigDecimal decrease;
        private final long interval;
        private final long start;
        /** Number of intervals that emit something; null when the decrease is zero (never ends). */
        private final BigInteger positiveIntervals;

        private IntervalDecrease(Asset asset, BigDecimal initialAmount, BigDecimal decrease, long interval,
                long start) {
            this.asset = Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(initialAmount, "initialAmount");
            Objects.requireNonNull(decrease, "decrease");
            if (initialAmount.signum() < 0) {
                throw InvalidArgumentException.of("initialAmount", initialAmount.toPlainString(),
                        "must not be negative");
            }
            if (decrease.signum() < 0) {
                throw InvalidArgumentException.of("decrease", decrease.toPlainString(), "must not be negative");
            }
            if (interval <= 0) {
                throw InvalidArgumentException.of("interval", interval, "must be positive");
            }
            if (start < 0) {
                throw InvalidArgumentException.of("start", start, "must not be negative");
            }
            this.initialAmount = initialAmount;
            this.decrease = decrease;
            this.interval = interval;
            this.start = start;
            this.positiveIntervals = decrease.signum() == 0 ? null
                    : initialAmount.divide(decrease, 0, RoundingMode.CEILING).toBigIntegerExact();
        }

        /**
         * Returns the amount of the first interval.
         *
         * @return the initial amount
         */
        public BigDecimal initialAmount() {
            return initialAmount;
        }

        /**
         * Returns the fall from one interval to the next.
         *
         * @return the decrease
         */
        public BigDecimal decrease() {
            return decrease;
        }

        /**
         * Returns the interval length in seconds.
         *
         * @return the interval
         */
        public long interval() {
            return interval;
        }

        /**
         * Returns the second the first interval starts.
         *
         * @return the start
         */
        public long start() {
            return start;
        }

        @Override
        public Asset asset() {
            return asset;
        }

        @Override
        public Kind kind() {
            return Kind.INTERVAL_DECREASE;
        }

        @Override
        public boolean isBounded() {
            return positiveIntervals != null || initialAmount.signum() == 0;
        }

        @Override
        public Amount cumulative(long t) {
            Schedules.requireTime(t);
            if (t <= start) {
                return Amount.zero(asset);
            }
            long u = t - start;
            BigInteger k = BigInteger.valueOf(u / interval);
            long r = u % interval;
            BigInteger n = positiveIntervals == null ? k : k.min(positiveIntervals);
            BigDecimal nd = new BigDecimal(n);
            // n * I - D * n (n - 1) / 2; n (n - 1) is even, so the halving is exact.
            BigDecimal full = nd.multiply(initialAmount).subtract(decrease.multiply(
                    new BigDecimal(n.multiply(n.subtract(BigInteger.ONE)).shiftRight(1))));
            BigDecimal partialRate = initialAmount.subtract(decrease.multiply(new BigDecimal(k)));
            BigDecimal numerator = full.multiply(BigDecimal.valueOf(interval));
            if (partialRate.signum() > 0 && r > 0) {
                numerator = numerator.add(partialRate.multiply(BigDecimal.valueOf(r)));
            }
            return Amount.of(asset, numerator.divide(BigDecimal.valueOf(interval), asset.decimals(),
                    RoundingMode.DOWN));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntervalDecrease d && d.asset.equals(asset)
                    && d.initialAmount.compareTo(initialAmount) == 0 && d.decrease.compareTo(decrease) == 0
                    && d.interval == interval && d.start == start;
        }

        @Override
        public int hashCode() {
            return Objects.hash(asset, initialAmount.stripTrailingZeros(), decrease.stripTrailingZeros(), interval,
                    start);
        }

        @Override
        public String toString() {
            return "INTERVAL_DECREASE[" + asset + ", initial=" + initialAmount.toPlainString() + ", decrease="
                    + decrease.toPlainString() + ", interval=" + interval + ", start=" + start + "]";
        }
    }

    /**
     * One point of a {@link Table}: from second {@code at} on, the rate is {@code rate}.
     *
     * <p>This class is immutable and thread-safe.
     */
    final class TablePoint {
        private final long at;
        private final Rate rate;

        private TablePoint(long at, Rate rate) {
            this.at = at;
            this.rate = rate;
        }

        /**
         * Returns a point.
         *
         * @param at   the second the rate starts to apply, not negative
         * @param rate the rate
         * @return the point
         * @throws InvalidArgumentException if {@code at} is negative
         */
        public static TablePoint of(long at, Rate rate) {
            if (at < 0) {
                throw InvalidArgumentException.of("at", at, "must not be negative");
            }
            return new TablePoint(at, Objects.requireNonNull(rate, "rate"));
        }

        /**
         * Returns the second the rate starts to apply.
         *
         * @return the second
         */
        public long at() {
            return at;
        }

        /**
         * Returns the rate.
         *
         * @return the rate
         */
        public Rate rate() {
            return rate;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TablePoint p && p.at == at && p.rate.equals(rate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(at, rate);
        }

        @Override
        public String toString() {
            return at + ":" + rate;
        }
    }

    /**
     * A piecewise-constant rate: each point's rate applies from its second until the next point's. The
     * first point is at second 0 and rates never increase. Cumulative amounts are exact rationals over
     * the common denominator of the rates, rounded once.
     *
     * <p>This class is immutable and thread-safe.
     */
    final class Table implements EmissionSchedule {
        /** The most points a table may have. */
        public static final int MAX_TABLE_POINTS = 10_000;

        /** The most bits of the common denominator of a table's rates. */
        public static final int MAX_TABLE_DENOMINATOR_BITS = 1_024;

        private final Asset asset;
        private final List<TablePoint> points;
        private final long[] at;
        /** Rate numerators over {@link #den}, per second. */
        private final BigInteger[] rateNum;
        /** Cumulative numerators at each point, over {@link #den}. */
        private final BigInteger[] cumNum;
        private final BigInteger den;

        private Table(Asset asset, List<TablePoint> points) {
            this.asset = Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(points, "points");
            if (points.isEmpty()) {
                throw InvalidArgumentException.of("points", "[]", "at least one point is required");
            }
            if (points.size() > MAX_TABLE_POINTS) {
                throw InvalidArgumentException.of("points", "(" + points.size() + " points)",
                        "at most " + MAX_TABLE_POINTS + " points are accepted");
            }
            List<TablePoint> copy = new ArrayList<>(points.size());
            for (int i = 0; i < points.size(); i++) {
                TablePoint p = Objects.requireNonNull(points.get(i), "points[" + i + "]");
                if (i == 0 && p.at() != 0) {
                    throw InvalidArgumentException.of("points[0].at", p.at(), "the first point must be at 0");
                }
                if (i > 0) {
                    TablePoint prev = copy.get(i - 1);
                    if (p.at() <= prev.at()) {
                        throw InvalidArgumentException.of("points[" + i + "].at", p.at(),
                                "must be after the previous point's " + prev.at());
                    }
                    if (p.rate().compareRate(prev.rate()) > 0) {
                        throw InvalidArgumentException.of("points[" + i + "].rate", p.rate(),
                                "must not exceed the previous rate " + prev.rate() + " (emission never increases)");
                    }
                }
                copy.add(p);
            }
            this.points = List.copyOf(copy);
            int n = copy.size();
            BigInteger d = BigInteger.ONE;
            for (TablePoint p : copy) {
                BigInteger pd = Schedules.denominator(p.rate());
                d = d.divide(d.gcd(pd)).multiply(pd);
                if (d.bitLength() > MAX_TABLE_DENOMINATOR_BITS) {
                    // Rates over many unrelated periods make the common denominator grow with every point;
                    // past this bound every later sum would cost out of proportion to the table's size.
                    throw InvalidArgumentException.of("points", "(" + points.size() + " points)",
                            "the rates' periods and decimals have no common denominator below 2^"
                                    + MAX_TABLE_DENOMINATOR_BITS + "; use fewer distinct periods");
                }
            }
            this.den = d;
            this.at = new long[n];
            this.rateNum = new BigInteger[n];
            this.cumNum = new BigInteger[n];
            BigInteger cum = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                TablePoint p = copy.get(i);
                at[i] = p.at();
                rateNum[i] = p.rate().scaledAmount().multiply(d.divide(Schedules.denominator(p.rate())));
                if (i > 0) {
                    cum = cum.add(rateNum[i - 1].multiply(BigInteger.valueOf(at[i] - at[i - 1])));
                }
                cumNum[i] = cum;
            }
        }

        /**
         * Returns the points.
         *
         * @return an unmodifiable list, in order
         */
        public List<TablePoint> points() {
            return points;
        }

        @Override
        public Asset asset() {
            return asset;
        }

        @Override
        public Kind kind() {
            return Kind.TABLE;
        }

        @Override
        public boolean isBounded() {
            return points.get(points.size() - 1).rate().isZero();
        }

        @Override
        public Amount cumulative(long t) {
            Schedules.requireTime(t);
            int lo = 0;
            int hi = at.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (at[mid] <= t) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            BigInteger num = cumNum[lo].add(rateNum[lo].multiply(BigInteger.valueOf(t - at[lo])));
            return Schedules.floor(asset, num, den);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Table tb && tb.asset.equals(asset) && tb.points.equals(points);
        }

        @Override
        public int hashCode() {
            return Objects.hash(asset, points);
        }

        @Override
        public String toString() {
            return "TABLE[" + asset + ", " + points + "]";
        }
    }
}
