package io.fomo.core.math;

import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact fraction between 0 and 1 inclusive, given in basis points or as a decimal.
 *
 * <p>Equality is numeric: {@code Share.ofBps(2500)} equals {@code Share.of(new BigDecimal("0.25"))}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Share implements Comparable<Share> {

    /** Basis points in a whole: 10,000. */
    public static final int BPS_WHOLE = 10_000;

    /** Nothing. */
    public static final Share ZERO = new Share(BigDecimal.ZERO);

    /** Everything. */
    public static final Share ONE = new Share(BigDecimal.ONE);

    private static final BigDecimal BPS = BigDecimal.valueOf(BPS_WHOLE);

    private final BigDecimal fraction;

    private Share(BigDecimal fraction) {
        this.fraction = fraction;
    }

    /**
     * Returns the share of a number of basis points.
     *
     * @param bps basis points, 0 to 10,000
     * @return the share
     * @throws InvalidArgumentException if out of range
     */
    public static Share ofBps(long bps) {
        return ofBps("bps", bps);
    }

    /**
     * Returns the share of a number of basis points, naming the field in an error.
     *
     * @param field the name of the field, for an error message
     * @param bps   basis points, 0 to 10,000
     * @return the share
     * @throws InvalidArgumentException if out of range
     */
    public static Share ofBps(String field, long bps) {
        if (bps < 0 || bps > BPS_WHOLE) {
            throw InvalidArgumentException.of(field, bps, "must be between 0 and " + BPS_WHOLE + " bps");
        }
        return new Share(BigDecimal.valueOf(bps).divide(BPS).stripTrailingZeros());
    }

    /**
     * Returns the share of an exact decimal fraction.
     *
     * @param fraction the fraction, 0 to 1
     * @return the share
     * @throws InvalidArgumentException if out of range
     */
    public static Share of(BigDecimal fraction) {
        return of("share", fraction);
    }

    /**
     * Returns the share of an exact decimal fraction, naming the field in an error.
     *
     * @param field    the name of the field, for an error message
     * @param fraction the fraction, 0 to 1
     * @return the share
     * @throws InvalidArgumentException if out of range
     */
    public static Share of(String field, BigDecimal fraction) {
        Limits.decimal(field, fraction);
        if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw InvalidArgumentException.of(field, fraction.toPlainString(), "must be between 0 and 1");
        }
        return new Share(fraction.signum() == 0 ? BigDecimal.ZERO : fraction.stripTrailingZeros());
    }

    /**
     * Returns the fraction.
     *
     * @return the exact fraction, 0 to 1, without trailing zeros
     */
    public BigDecimal fraction() {
        return fraction;
    }

    /**
     * Returns this share of an amount, rounded to the amount's decimals.
     *
     * @param amount   the whole
     * @param rounding the direction of the single rounding
     * @return the part
     */
    public Amount of(Amount amount, RoundingMode rounding) {
        return amount.multipliedBy(fraction, rounding);
    }

    /**
     * Returns the sum of two shares.
     *
     * @param other the share to add
     * @return the sum
     * @throws InvalidArgumentException if the sum exceeds 1
     */
    public Share plus(Share other) {
        return of("share", fraction.add(other.fraction));
    }

    /**
     * Tells whether this share is zero.
     *
     * @return true when zero
     */
    public boolean isZero() {
        return fraction.signum() == 0;
    }

    /**
     * Tells whether this share is the whole.
     *
     * @return true when one
     */
    public boolean isOne() {
        return fraction.compareTo(BigDecimal.ONE) == 0;
    }

    @Override
    public int compareTo(Share other) {
        return fraction.compareTo(other.fraction);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Share s && s.fraction.compareTo(fraction) == 0;
    }

    @Override
    public int hashCode() {
        return fraction.hashCode();
    }

    /**
     * Returns the fraction as a plain decimal.
     *
     * @return for example {@code "0.25"}
     */
    @Override
    public String toString() {
        return fraction.toPlainString();
    }
}
