package io.fomo.core.emission;

import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An emission rate: an exact amount of tokens per a whole number of seconds.
 *
 * <p>A rate is kept as the fraction {@code amount / seconds} rather than as a per-second decimal, so that
 * rates such as "10,000 FLOCK per day" (0.11574…/s, no finite decimal) stay exact. Equality is numeric:
 * {@code Rate.perDay(86400)} equals {@code Rate.perSecond(1)}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Rate {

    /** Seconds in a day. */
    public static final long SECONDS_PER_DAY = 86_400L;

    private final BigDecimal amount;
    private final long seconds;

    private Rate(BigDecimal amount, long seconds) {
        this.amount = amount;
        this.seconds = seconds;
    }

    /**
     * Returns the rate of an amount per a number of seconds.
     *
     * @param field   the field name to use in an error message
     * @param amount  tokens emitted per {@code seconds}, not negative, any scale
     * @param seconds the period the amount is emitted over, positive
     * @return the rate
     * @throws InvalidArgumentException if the amount is negative or the period is not positive
     */
    public static Rate of(String field, BigDecimal amount, long seconds) {
        Objects.requireNonNull(field, "field");
        Limits.decimal(field, amount);
        if (amount.signum() < 0) {
            throw InvalidArgumentException.of(field, amount.toPlainString(), "must not be negative");
        }
        if (seconds <= 0) {
            throw InvalidArgumentException.of(field + ".seconds", seconds, "must be positive");
        }
        return new Rate(amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros(), seconds);
    }

    /**
     * Returns the rate of an amount per second.
     *
     * @param amount tokens per second, not negative
     * @return the rate
     * @throws InvalidArgumentException if negative
     */
    public static Rate perSecond(BigDecimal amount) {
        return of("ratePerSecond", amount, 1);
    }

    /**
     * Returns the rate of an amount per day (86,400 seconds).
     *
     * @param amount tokens per day, not negative
     * @return the rate
     * @throws InvalidArgumentException if negative
     */
    public static Rate perDay(BigDecimal amount) {
        return of("ratePerDay", amount, SECONDS_PER_DAY);
    }

    /**
     * Returns the amount emitted per {@link #seconds()}.
     *
     * @return the amount, without trailing zeros
     */
    public BigDecimal amount() {
        return amount;
    }

    /**
     * Returns the period the amount is emitted over.
     *
     * @return the seconds, positive
     */
    public long seconds() {
        return seconds;
    }

    /**
     * Tells whether the rate is zero.
     *
     * @return true when nothing is emitted
     */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Compares two rates numerically.
     *
     * @param other the other rate
     * @return negative, zero or positive as this rate is lower than, equal to or higher than the other
     */
    public int compareRate(Rate other) {
        return amount.multiply(BigDecimal.valueOf(other.seconds))
                .compareTo(other.amount.multiply(BigDecimal.valueOf(seconds)));
    }

    /** The amount times 10^s as an exact integer, where s is the amount's scale (at least 0). */
    BigInteger scaledAmount() {
        return amount.setScale(amountScale()).unscaledValue();
    }

    /** The scale of {@link #scaledAmount()}. */
    int amountScale() {
        return Math.max(0, amount.scale());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rate r && compareRate(r) == 0;
    }

    @Override
    public int hashCode() {
        // Numeric equality: hash the reduced fraction.
        BigInteger num = scaledAmount();
        BigInteger den = BigInteger.valueOf(seconds).multiply(BigInteger.TEN.pow(amountScale()));
        BigInteger g = num.gcd(den);
        if (g.signum() == 0) {
            return 0;
        }
        return Objects.hash(num.divide(g), den.divide(g));
    }

    /**
     * Returns the rate as written, for example {@code "10000/86400s"}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return amount.toPlainString() + "/" + seconds + "s";
    }
}
