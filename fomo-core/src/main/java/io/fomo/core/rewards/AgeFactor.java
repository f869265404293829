package io.fomo.core.rewards;

import io.fomo.core.math.Share;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The optional age factor that weights a deployment's net revenue share when the epoch budget is split
 * across deployments (FOMO-SPEC §3.3, [DEFAULT] none).
 *
 * <p>{@link #linearRamp(long, Share)} is {@code f + (1 − f)·min(age, R)/R}: a new deployment starts at
 * the floor share {@code f} of its weight and reaches its full weight after {@code R} days. The split
 * uses {@code R·factor}, an exact decimal, so the weights need no rounding (the common {@code R}
 * cancels).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AgeFactor {

    private static final AgeFactor NONE = new AgeFactor(1, Share.ONE);

    private final long rampDays;
    private final Share floor;

    private AgeFactor(long rampDays, Share floor) {
        this.rampDays = rampDays;
        this.floor = floor;
    }

    /**
     * Returns the neutral factor: every deployment weighs its net revenue alone (the default).
     *
     * @return the neutral factor
     */
    public static AgeFactor none() {
        return NONE;
    }

    /**
     * Returns a factor rising linearly from a floor to 1 over a number of days.
     *
     * @param rampDays the days to full weight, positive
     * @param floor    the factor of a deployment aged 0 days
     * @return the factor
     * @throws InvalidArgumentException if the ramp is not positive
     */
    public static AgeFactor linearRamp(long rampDays, Share floor) {
        if (rampDays <= 0) {
            throw InvalidArgumentException.of("rampDays", rampDays, "must be positive");
        }
        return new AgeFactor(rampDays, Objects.requireNonNull(floor, "floor"));
    }

    /** R·factor(age): exact. */
    BigDecimal scaled(long ageDays) {
        if (ageDays < 0) {
            throw InvalidArgumentException.of("ageDays", ageDays, "must not be negative");
        }
        BigDecimal f = floor.fraction();
        BigDecimal r = BigDecimal.valueOf(rampDays);
        return f.multiply(r).add(BigDecimal.ONE.subtract(f).multiply(BigDecimal.valueOf(Math.min(ageDays, rampDays))));
    }

    /**
     * Returns the factor of a deployment of an age.
     *
     * @param ageDays the deployment's age in whole days, not negative
     * @param mc      the precision and rounding of the returned value (the split itself uses exact weights)
     * @return the factor, between the floor and 1
     * @throws InvalidArgumentException if the age is negative
     */
    public BigDecimal valueAt(long ageDays, MathContext mc) {
        return scaled(ageDays).divide(BigDecimal.valueOf(rampDays), mc);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgeFactor a && a.rampDays == rampDays && a.floor.equals(floor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rampDays, floor);
    }

    @Override
    public String toString() {
        return this == NONE ? "AgeFactor[none]" : "AgeFactor[ramp=" + rampDays + "d, floor=" + floor + "]";
    }
}
