package io.fomo.core.emission;

import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A factor between 0 and 1 that may change across a season, such as the staking curve's α (FOMO-SPEC
 * §3.4: "α may itself follow a schedule across a season, e.g. 0.9 → 0.5").
 *
 * <p>The schedule is piecewise linear through its points: before the first point it holds the first
 * value, after the last point the last value, and between two points it interpolates linearly. An
 * interpolated value is exact rational arithmetic rounded once to the declared scale in the declared
 * direction; the value at a point is the point's own value, exactly.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AlphaSchedule {

    private final long[] at;
    private final BigDecimal[] values;
    private final int scale;
    private final RoundingMode rounding;

    private AlphaSchedule(long[] at, BigDecimal[] values, int scale, RoundingMode rounding) {
        this.at = at;
        this.values = values;
        this.scale = scale;
        this.rounding = rounding;
    }

    /**
     * Returns a schedule holding one value forever.
     *
     * @param value the value, 0 to 1
     * @return the schedule
     * @throws InvalidArgumentException if the value is out of range
     */
    public static AlphaSchedule constant(BigDecimal value) {
        Limits.decimal("value", value);
        BigDecimal v = checkValue("value", value);
        return new AlphaSchedule(new long[] {0}, new BigDecimal[] {v}, Math.max(0, v.scale()),
                RoundingMode.DOWN);
    }

    /**
     * Returns a schedule moving linearly from one value to another between two instants.
     *
     * @param from     the value up to {@code start}, 0 to 1
     * @param to       the value from {@code end} on, 0 to 1
     * @param start    the second the move starts, not negative
     * @param end      the second the move ends, after {@code start}
     * @param scale    the decimals of an interpolated value, at least the decimals of both values, at most
     *                 100
     * @param rounding the direction of an interpolated value's single rounding
     * @return the schedule
     * @throws InvalidArgumentException if an argument is out of range
     */
    public static AlphaSchedule linear(BigDecimal from, BigDecimal to, long start, long end, int scale,
            RoundingMode rounding) {
        Limits.decimal("from", from);
        Limits.decimal("to", to);
        return piecewise(List.of(start, end), List.of(from, to), scale, rounding);
    }

    /**
     * Returns a schedule through any number of points.
     *
     * @param seconds  the points' seconds, not negative, strictly increasing
     * @param points   the points' values, 0 to 1, index for index with {@code seconds}
     * @param scale    the decimals of an interpolated value, at least the decimals of every value, at most
     *                 100
     * @param rounding the direction of an interpolated value's single rounding, not UNNECESSARY
     * @return the schedule
     * @throws InvalidArgumentException if the lists are empty or of different sizes, or a value is out of
     *                                  range
     */
    public static AlphaSchedule piecewise(List<Long> seconds, List<BigDecimal> points, int scale,
            RoundingMode rounding) {
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(rounding, "rounding");
        if (seconds.isEmpty() || seconds.size() != points.size()) {
            throw InvalidArgumentException.of("points", points.size() + " values for " + seconds.size()
                    + " seconds", "need at least one point and one value per second");
        }
        if (scale < 0 || scale > 100) {
            throw InvalidArgumentException.of("scale", scale, "must be between 0 and 100");
        }
        if (rounding == RoundingMode.UNNECESSARY) {
            throw InvalidArgumentException.of("rounding", rounding, "a rounding direction is required");
        }
        int n = seconds.size();
        long[] a = new long[n];
        BigDecimal[] v = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            long s = Objects.requireNonNull(seconds.get(i), "seconds[" + i + "]");
            if (s < 0) {
                throw InvalidArgumentException.of("seconds[" + i + "]", s, "must not be negative");
            }
            if (i > 0 && s <= a[i - 1]) {
                throw InvalidArgumentException.of("seconds[" + i + "]", s, "must be after " + a[i - 1]);
            }
            a[i] = s;
            v[i] = checkValue("points[" + i + "]", points.get(i));
            if (v[i].scale() > scale) {
                throw InvalidArgumentException.of("points[" + i + "]", v[i].toPlainString(),
                        "has more than scale = " + scale + " decimals");
            }
        }
        return new AlphaSchedule(a, v, scale, rounding);
    }

    private static BigDecimal checkValue(String field, BigDecimal value) {
        Objects.requireNonNull(value, field);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw InvalidArgumentException.of(field, value.toPlainString(), "must be between 0 and 1");
        }
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /**
     * Returns the value at an instant.
     *
     * @param t seconds from the season's origin, not negative
     * @return the value, 0 to 1
     * @throws InvalidArgumentException if {@code t} is negative
     */
    public BigDecimal valueAt(long t) {
        if (t < 0) {
            throw InvalidArgumentException.of("t", t, "must not be negative");
        }
        if (t <= at[0]) {
            return values[0];
        }
        int last = at.length - 1;
        if (t >= at[last]) {
            return values[last];
        }
        int i = 0;
        while (at[i + 1] <= t) {
            i++;
        }
        if (at[i] == t) {
            return values[i];
        }
        BigDecimal span = BigDecimal.valueOf(at[i + 1] - at[i]);
        BigDecimal num = values[i].multiply(span)
                .add(values[i + 1].subtract(values[i]).multiply(BigDecimal.valueOf(t - at[i])));
        return num.divide(span, scale, rounding).stripTrailingZeros();
    }

    /**
     * Returns the decimals of an interpolated value.
     *
     * @return the scale
     */
    public int scale() {
        return scale;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AlphaSchedule s) || s.scale != scale || s.rounding != rounding
                || !java.util.Arrays.equals(s.at, at)) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].compareTo(s.values[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(at) * 31 + java.util.Arrays.hashCode(values) + scale;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AlphaSchedule[");
        for (int i = 0; i < at.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(at[i]).append(':').append(values[i].toPlainString());
        }
        return sb.append(", scale=").append(scale).append(", ").append(rounding).append(']').toString();
    }
}
