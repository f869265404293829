package io.fomo.core.staking;

import io.fomo.core.math.Share;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The gmFLOCK exchange terms (FOMO-SPEC §3.5, FLock docs "Formulae for exchanging FLOCK with gmFLOCK"):
 * locking {@code n} FLOCK for {@code t} whole days mints
 * <pre>
 *   m = n                              for 0 &lt; t &lt;= t0
 *   m = n * (1 + epsilon * (t - t0) / t1)   for t0 &lt; t &lt;= t1
 * </pre>
 * with {@code t0 = 30}, {@code t1 = 365}, {@code epsilon = 2.19} today (so 0.006 more gmFLOCK per FLOCK
 * per day past 30, and 3.01 at 365). Note the divisor is {@code t1}, not {@code t1 - t0}. A withdrawal
 * after the lock pays a flat fee of 5.13% of the FLOCK withdrawn.
 *
 * <p>Decisions [DEFAULT]: the lock is a whole number of days from 1 to {@code t1} (fractional days are
 * not accepted: the docs count days, and whole days keep {@code m} a finite decimal for whole inputs);
 * {@code m} is computed exactly as {@code n * (t1 + epsilon*(t - t0)) / t1} and rounded once, DOWN (the
 * protocol pays out), to gmFLOCK's 18 decimals; the fee rounds UP (the user pays) to FLOCK's decimals
 * and the amount returned is exactly {@code amount - fee}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class GmFlockTerms {

    /** The gmFLOCK asset: 18 decimals. */
    public static final Asset GMFLOCK = Asset.of("gmFLOCK", 18);

    private final int thresholdDays;
    private final int maxDays;
    private final BigDecimal slope;
    private final Share withdrawalFee;
    private final RoundingMode mintRounding;
    private final RoundingMode feeRounding;

    private GmFlockTerms(Builder b) {
        this.thresholdDays = b.thresholdDays;
        this.maxDays = b.maxDays;
        this.slope = b.slope;
        this.withdrawalFee = b.withdrawalFee;
        this.mintRounding = b.mintRounding;
        this.feeRounding = b.feeRounding;
    }

    /**
     * Returns the terms published by FLock: 30-day threshold, 365-day maximum, slope 2.19, fee 5.13%;
     * mint rounds DOWN, fee rounds UP.
     *
     * @return the standard terms
     */
    public static GmFlockTerms standard() {
        return builder().build();
    }

    /**
     * Starts a builder holding the standard terms.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the gmFLOCK minted for a lock.
     *
     * @param flock    the FLOCK locked, positive
     * @param lockDays the lock in whole days, 1 to {@link #maxDays()}
     * @return the gmFLOCK minted
     * @throws InvalidArgumentException if the asset is not FLOCK, the amount is zero, or the days are out of
     *                                  range
     */
    public Amount mint(Amount flock, int lockDays) {
        checkFlock("amount", flock);
        checkDays(lockDays);
        BigDecimal n = flock.value();
        if (lockDays <= thresholdDays) {
            return Amount.of(GMFLOCK, n, mintRounding);
        }
        BigDecimal t1 = BigDecimal.valueOf(maxDays);
        BigDecimal numerator = t1.add(slope.multiply(BigDecimal.valueOf((long) lockDays - thresholdDays)));
        BigDecimal m = n.multiply(numerator).divide(t1, GMFLOCK.decimals(), mintRounding);
        return Amount.of(GMFLOCK, m);
    }

    /**
     * Returns the multiplier {@code m / n} for a lock, exactly when it is a finite decimal and otherwise
     * at 34 significant digits, rounded DOWN (for display; {@link #mint} does not use it).
     *
     * @param lockDays the lock in whole days, 1 to {@link #maxDays()}
     * @return the multiplier, 1 to {@code 1 + slope * (t1 - t0) / t1}
     * @throws InvalidArgumentException if the days are out of range
     */
    public BigDecimal multiplier(int lockDays) {
        checkDays(lockDays);
        if (lockDays <= thresholdDays) {
            return BigDecimal.ONE;
        }
        BigDecimal t1 = BigDecimal.valueOf(maxDays);
        BigDecimal numerator = t1.add(slope.multiply(BigDecimal.valueOf((long) lockDays - thresholdDays)));
        try {
            return numerator.divide(t1).stripTrailingZeros();
        } catch (ArithmeticException nonTerminating) {
            return numerator.divide(t1, new java.math.MathContext(34, RoundingMode.DOWN));
        }
    }

    /**
     * Splits a withdrawal of FLOCK into the fee and what the user gets back.
     *
     * @param flock the FLOCK withdrawn, positive
     * @return the fee (rounded UP) and the amount returned ({@code flock - fee}, exactly)
     * @throws InvalidArgumentException if the asset is not FLOCK or the amount is zero
     */
    public GmFlockWithdrawal withdraw(Amount flock) {
        checkFlock("amount", flock);
        Amount fee = withdrawalFee.of(flock, feeRounding);
        return new GmFlockWithdrawal(flock, fee, flock.minus(fee), Amount.zero(GMFLOCK));
    }

    /**
     * Returns the lock length up to which no bonus is minted (t0).
     *
     * @return days
     */
    public int thresholdDays() {
        return thresholdDays;
    }

    /**
     * Returns the longest lock, and the divisor of the bonus (t1).
     *
     * @return days
     */
    public int maxDays() {
        return maxDays;
    }

    /**
     * Returns the bonus slope (epsilon).
     *
     * @return the slope
     */
    public BigDecimal slope() {
        return slope;
    }

    /**
     * Returns the withdrawal fee.
     *
     * @return the fee share
     */
    public Share withdrawalFee() {
        return withdrawalFee;
    }

    private static void checkFlock(String field, Amount flock) {
        Objects.requireNonNull(flock, field);
        if (!flock.asset().equals(Asset.FLOCK)) {
            throw new io.fomo.spi.AssetMismatchException(field, Asset.FLOCK, flock.asset());
        }
        if (flock.isZero()) {
            throw InvalidArgumentException.of(field, flock, "must be positive");
        }
    }

    private void checkDays(int lockDays) {
        if (lockDays < 1 || lockDays > maxDays) {
            throw InvalidArgumentException.of("lockDays", lockDays, "must be a whole number of days from 1 to " + maxDays);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GmFlockTerms t && t.thresholdDays == thresholdDays && t.maxDays == maxDays
                && t.slope.compareTo(slope) == 0 && t.withdrawalFee.equals(withdrawalFee)
                && t.mintRounding == mintRounding && t.feeRounding == feeRounding;
    }

    @Override
    public int hashCode() {
        return Objects.hash(thresholdDays, maxDays, slope.stripTrailingZeros(), withdrawalFee, mintRounding,
                feeRounding);
    }

    @Override
    public String toString() {
        return "GmFlockTerms[t0=" + thresholdDays + "d, t1=" + maxDays + "d, slope=" + slope.toPlainString()
                + ", fee=" + withdrawalFee + "]";
    }

    /**
     * Builds {@link GmFlockTerms}; each setter validates its value at once.
     *
     * <p>Instances are not thread-safe.
     */
    public static final class Builder {
        private int thresholdDays = 30;
        private int maxDays = 365;
        private BigDecimal slope = new BigDecimal("2.19");
        private Share withdrawalFee = Share.ofBps(513);
        private RoundingMode mintRounding = RoundingMode.DOWN;
        private RoundingMode feeRounding = RoundingMode.UP;

        private Builder() {
        }

        /**
         * Sets the threshold t0 [DOC 30].
         *
         * @param days 0 or more
         * @return this builder
         * @throws InvalidArgumentException if negative
         */
        public Builder thresholdDays(int days) {
            if (days < 0) {
                throw InvalidArgumentException.of("thresholdDays", days, "must not be negative");
            }
            this.thresholdDays = days;
            return this;
        }

        /**
         * Sets the maximum lock t1, also the divisor of the bonus [DOC 365].
         *
         * @param days 1 or more
         * @return this builder
         * @throws InvalidArgumentException if not positive
         */
        public Builder maxDays(int days) {
            if (days < 1) {
                throw InvalidArgumentException.of("maxDays", days, "must be positive");
            }
            this.maxDays = days;
            return this;
        }

        /**
         * Sets the slope epsilon [DOC 2.19].
         *
         * @param value not negative
         * @return this builder
         * @throws InvalidArgumentException if negative
         */
        public Builder slope(BigDecimal value) {
            Limits.decimal("slope", value);
            if (value.signum() < 0) {
                throw InvalidArgumentException.of("slope", value.toPlainString(), "must not be negative");
            }
            this.slope = value;
            return this;
        }

        /**
         * Sets the withdrawal fee [DOC 5.13%].
         *
         * @param value the fee share
         * @return this builder
         */
        public Builder withdrawalFee(Share value) {
            this.withdrawalFee = Objects.requireNonNull(value, "withdrawalFee");
            return this;
        }

        /**
         * Sets the rounding of the gmFLOCK minted [DEFAULT DOWN].
         *
         * @param value a direction, not UNNECESSARY
         * @return this builder
         * @throws InvalidArgumentException if UNNECESSARY
         */
        public Builder mintRounding(RoundingMode value) {
            this.mintRounding = directed("mintRounding", value);
            return this;
        }

        /**
         * Sets the rounding of the withdrawal fee [DEFAULT UP].
         *
         * @param value a direction, not UNNECESSARY
         * @return this builder
         * @throws InvalidArgumentException if UNNECESSARY
         */
        public Builder feeRounding(RoundingMode value) {
            this.feeRounding = directed("feeRounding", value);
            return this;
        }

        /**
         * Builds the terms.
         *
         * @return the terms
         * @throws InvalidArgumentException if the threshold exceeds the maximum
         */
        public GmFlockTerms build() {
            if (thresholdDays > maxDays) {
                throw InvalidArgumentException.of("thresholdDays", thresholdDays,
                        "must not exceed maxDays = " + maxDays);
            }
            return new GmFlockTerms(this);
        }

        private static RoundingMode directed(String field, RoundingMode mode) {
            Objects.requireNonNull(mode, field);
            if (mode == RoundingMode.UNNECESSARY) {
                throw InvalidArgumentException.of(field, mode, "a rounding direction is required");
            }
            return mode;
        }
    }
}
