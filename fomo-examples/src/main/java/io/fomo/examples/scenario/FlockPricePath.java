package io.fomo.examples.scenario;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The FLOCK price in USD over the simulated days, at {@value #SCALE} decimals: either a piecewise-linear
 * path through given points, or a seeded random walk. Both are exact decimal arithmetic; every rounding
 * is FLOOR to {@value #SCALE} decimals.
 *
 * <ul>
 *   <li>PIECEWISE: points {@code (day, usd)} with the first at day 0 and days strictly increasing. Between
 *       two points the price is interpolated linearly, {@code p = (p_a·(d_b − d) + p_b·(d − d_a))/(d_b − d_a)};
 *       after the last point it stays at the last price.</li>
 *   <li>RANDOM_WALK: {@code p(0) = start}; each day
 *       {@code p(d+1) = max(floor, p(d)·(10,000 + drift + u)/10,000)} with {@code u} a seeded integer uniform in
 *       {@code [−volatility, +volatility]} bps.</li>
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FlockPricePath {

    /** The decimals of every price. */
    public static final int SCALE = 8;
    /** The smallest price: one unit at {@value #SCALE} decimals. */
    public static final BigDecimal MIN_PRICE = BigDecimal.ONE.movePointLeft(SCALE);

    /** The kinds of path. */
    public enum Kind {
        /** Linear between given points. */
        PIECEWISE,
        /** A seeded multiplicative random walk. */
        RANDOM_WALK
    }

    /**
     * One point of a piecewise path.
     *
     * <p>This class is immutable and thread-safe.
     */
    public static final class Point {

        private final int day;
        private final BigDecimal usd;

        /**
         * Returns a point.
         *
         * @param day the day, not negative
         * @param usd the price, at least {@link #MIN_PRICE}, at most {@value #SCALE} decimals
         * @throws InvalidArgumentException if a value is out of range
         */
        public Point(int day, BigDecimal usd) {
            if (day < 0) {
                throw InvalidArgumentException.of("day", day, "must not be negative");
            }
            this.day = day;
            this.usd = price("usd", usd);
        }

        /**
         * Returns the day.
         *
         * @return the day
         */
        public int day() {
            return day;
        }

        /**
         * Returns the price.
         *
         * @return USD per FLOCK at {@value FlockPricePath#SCALE} decimals
         */
        public BigDecimal usd() {
            return usd;
        }
    }

    private final Kind kind;
    private final List<Point> points;
    private final BigDecimal start;
    private final int volatilityBps;
    private final int driftBps;
    private final BigDecimal floor;

    private FlockPricePath(Kind kind, List<Point> points, BigDecimal start, int volatilityBps, int driftBps,
            BigDecimal floor) {
        this.kind = kind;
        this.points = points;
        this.start = start;
        this.volatilityBps = volatilityBps;
        this.driftBps = driftBps;
        this.floor = floor;
    }

    /**
     * Returns a piecewise-linear path.
     *
     * @param points the points, the first at day 0, days strictly increasing
     * @return the path
     * @throws InvalidArgumentException if there are no points, the first is not at day 0, or days do not increase
     */
    public static FlockPricePath piecewise(List<Point> points) {
        List<Point> copy = List.copyOf(points);
        if (copy.isEmpty()) {
            throw InvalidArgumentException.of("flockPrice", "[]", "needs at least one point");
        }
        if (copy.get(0).day() != 0) {
            throw InvalidArgumentException.of("flockPrice[0].day", copy.get(0).day(), "the first point must be at day 0");
        }
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).day() <= copy.get(i - 1).day()) {
                throw InvalidArgumentException.of("flockPrice[" + i + "].day", copy.get(i).day(),
                        "days must strictly increase (previous point is at day " + copy.get(i - 1).day() + ")");
            }
        }
        return new FlockPricePath(Kind.PIECEWISE, copy, copy.get(0).usd(), 0, 0, MIN_PRICE);
    }

    /**
     * Returns a seeded random walk.
     *
     * @param start         the price on day 0
     * @param volatilityBps the largest daily move either way, 0 to 5,000 bps
     * @param driftBps      a daily move added to the random one, −5,000 to 5,000 bps
     * @param floor         the lowest price the walk may reach, at least {@link #MIN_PRICE}
     * @return the path
     * @throws InvalidArgumentException if a value is out of range
     */
    public static FlockPricePath randomWalk(BigDecimal start, int volatilityBps, int driftBps, BigDecimal floor) {
        BigDecimal s = price("start", start);
        BigDecimal f = price("floor", floor);
        if (volatilityBps < 0 || volatilityBps > 5_000) {
            throw InvalidArgumentException.of("dailyVolatilityBps", volatilityBps, "must be from 0 to 5000");
        }
        if (driftBps < -5_000 || driftBps > 5_000) {
            throw InvalidArgumentException.of("dailyDriftBps", driftBps, "must be from -5000 to 5000");
        }
        if (f.compareTo(s) > 0) {
            throw InvalidArgumentException.of("floor", f.toPlainString(), "must not be above start " + s.toPlainString());
        }
        return new FlockPricePath(Kind.RANDOM_WALK, List.of(), s, volatilityBps, driftBps, f);
    }

    /**
     * Returns the kind.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the points of a piecewise path.
     *
     * @return the points; empty for a random walk
     */
    public List<Point> points() {
        return points;
    }

    /**
     * Returns the price on day 0.
     *
     * @return USD per FLOCK
     */
    public BigDecimal start() {
        return start;
    }

    /**
     * Returns the random walk's largest daily move.
     *
     * @return bps; 0 for a piecewise path
     */
    public int volatilityBps() {
        return volatilityBps;
    }

    /**
     * Returns the random walk's daily drift.
     *
     * @return bps; 0 for a piecewise path
     */
    public int driftBps() {
        return driftBps;
    }

    /**
     * Returns the lowest price of a random walk.
     *
     * @return USD per FLOCK
     */
    public BigDecimal floor() {
        return floor;
    }

    /**
     * Returns the price of every day.
     *
     * @param days the number of days, positive
     * @param walk the random stream of the walk, drawn from by a random walk only (the run derives it from the
     *             scenario's seed)
     * @return the prices of days 0 to {@code days − 1}, USD per FLOCK at {@value #SCALE} decimals
     * @throws InvalidArgumentException if days is not positive
     */
    public List<BigDecimal> prices(int days, SplittableRandom walk) {
        Objects.requireNonNull(walk, "walk");
        if (days < 1) {
            throw InvalidArgumentException.of("days", days, "must be positive");
        }
        List<BigDecimal> out = new ArrayList<>(days);
        if (kind == Kind.PIECEWISE) {
            int segment = 0;
            for (int d = 0; d < days; d++) {
                while (segment + 1 < points.size() && points.get(segment + 1).day() <= d) {
                    segment++;
                }
                Point a = points.get(segment);
                if (segment + 1 == points.size()) {
                    out.add(a.usd());
                } else {
                    Point b = points.get(segment + 1);
                    BigDecimal span = BigDecimal.valueOf((long) b.day() - a.day());
                    BigDecimal weighted = a.usd().multiply(BigDecimal.valueOf((long) b.day() - d))
                            .add(b.usd().multiply(BigDecimal.valueOf((long) d - a.day())));
                    out.add(weighted.divide(span, SCALE, RoundingMode.FLOOR));
                }
            }
        } else {
            SplittableRandom rng = walk;
            BigDecimal p = start;
            BigDecimal tenThousand = BigDecimal.valueOf(10_000);
            out.add(p);
            for (int d = 1; d < days; d++) {
                int u = rng.nextInt(2 * volatilityBps + 1) - volatilityBps;
                BigDecimal factor = BigDecimal.valueOf(10_000L + driftBps + u);
                p = p.multiply(factor).divide(tenThousand, SCALE, RoundingMode.FLOOR).max(floor);
                out.add(p);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static BigDecimal price(String field, BigDecimal v) {
        Objects.requireNonNull(v, field);
        if (v.compareTo(MIN_PRICE) < 0 || v.stripTrailingZeros().scale() > SCALE) {
            throw InvalidArgumentException.of(field, v.toPlainString(),
                    "must be a price of at least " + MIN_PRICE.toPlainString() + " USD with at most " + SCALE
                            + " decimals");
        }
        return v.setScale(SCALE);
    }

    @Override
    public String toString() {
        return kind == Kind.PIECEWISE ? "PIECEWISE(" + points.size() + " points)"
                : "RANDOM_WALK(start " + start.toPlainString() + ", volatility " + volatilityBps + " bps, drift "
                        + driftBps + " bps)";
    }
}
