package io.fomo.core.rewards;

import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The optional gmFLOCK multiplier of FOMO-SPEC §3.4: concave, bounded, and exactly 1.0 with no gmFLOCK.
 *
 * <p>{@link #none()} is 1.0 for everyone. {@link #saturating(BigDecimal, BigDecimal, int)} is
 * {@code m(g) = 1 + (max − 1)·g / (g + h)}: 1.0 at {@code g = 0}, concave and increasing in {@code g},
 * {@code 1 + (max − 1)/2} at the half-saturation point {@code h}, and always below {@code max}. It is
 * exact rational arithmetic rounded once, DOWN, to the declared scale.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class GmMultiplier {

    private static final GmMultiplier NONE = new GmMultiplier(BigDecimal.ONE, BigDecimal.ONE, 0);

    private final BigDecimal max;
    private final BigDecimal halfSaturation;
    private final int scale;

    private GmMultiplier(BigDecimal max, BigDecimal halfSaturation, int scale) {
        this.max = max;
        this.halfSaturation = halfSaturation;
        this.scale = scale;
    }

    /**
     * Returns the multiplier that is 1.0 for every holding (the default: gmFLOCK does not count).
     *
     * @return the neutral multiplier
     */
    public static GmMultiplier none() {
        return NONE;
    }

    /**
     * Returns the saturating multiplier {@code 1 + (max − 1)·g / (g + halfSaturation)}.
     *
     * @param max            the bound approached as gmFLOCK grows, at least 1, at most 100
     * @param halfSaturation the gmFLOCK holding that earns half the bonus, positive
     * @param scale          the decimals of a multiplier value, 0 to 100
     * @return the multiplier
     * @throws InvalidArgumentException if an argument is out of range
     */
    public static GmMultiplier saturating(BigDecimal max, BigDecimal halfSaturation, int scale) {
        Limits.decimal("maxMultiplier", max);
        Limits.decimal("halfSaturation", halfSaturation);
        if (max.compareTo(BigDecimal.ONE) < 0 || max.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw InvalidArgumentException.of("maxMultiplier", max.toPlainString(), "must be between 1 and 100");
        }
        if (halfSaturation.signum() <= 0) {
            throw InvalidArgumentException.of("halfSaturation", halfSaturation.toPlainString(), "must be positive");
        }
        if (scale < 0 || scale > 100) {
            throw InvalidArgumentException.of("scale", scale, "must be between 0 and 100");
        }
        return new GmMultiplier(max, halfSaturation, scale);
    }

    /**
     * Tells whether this is the neutral multiplier.
     *
     * @return true when every value is 1.0
     */
    public boolean isNone() {
        return this == NONE || max.compareTo(BigDecimal.ONE) == 0;
    }

    /**
     * Returns the multiplier of a gmFLOCK holding.
     *
     * @param gmFlock the holding, not negative
     * @return the multiplier, 1.0 to below max, at the declared scale
     * @throws InvalidArgumentException if the holding is negative
     */
    public BigDecimal valueAt(BigDecimal gmFlock) {
        Limits.decimal("gmFlock", gmFlock);
        if (gmFlock.signum() < 0) {
            throw InvalidArgumentException.of("gmFlock", gmFlock.toPlainString(), "must not be negative");
        }
        if (isNone()) {
            return BigDecimal.ONE;
        }
        BigDecimal bonus = max.subtract(BigDecimal.ONE).multiply(gmFlock)
                .divide(gmFlock.add(halfSaturation), scale, RoundingMode.DOWN);
        return BigDecimal.ONE.add(bonus);
    }

    /** The multiplier times 10^scale. */
    BigInteger scaledValueAt(BigDecimal gmFlock) {
        return valueAt(gmFlock).setScale(scale).unscaledValue();
    }

    /**
     * Returns the decimals of a value.
     *
     * @return the scale (0 for {@link #none()})
     */
    public int scale() {
        return scale;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GmMultiplier g && g.max.compareTo(max) == 0
                && g.halfSaturation.compareTo(halfSaturation) == 0 && g.scale == scale;
    }

    @Override
    public int hashCode() {
        return Objects.hash(StakingFactor.strip(max), StakingFactor.strip(halfSaturation), scale);
    }

    @Override
    public String toString() {
        return isNone() ? "GmMultiplier[none]" : "GmMultiplier[max=" + max.toPlainString() + ", half="
                + halfSaturation.toPlainString() + ", scale=" + scale + "]";
    }
}
