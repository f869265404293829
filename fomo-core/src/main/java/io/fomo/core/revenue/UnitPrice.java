package io.fomo.core.revenue;

import io.fomo.core.internal.LongScaling;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A price per unit of usage, in a quote asset (USD), exact at a declared number of decimals: by
 * default [DEFAULT] {@link #DEFAULT_DECIMALS} = 18, finer than the quote asset's own 6, because per-token
 * inference prices are far below one micro-dollar. A charge for a number of units rounds once, to the
 * quote asset's decimals ({@link #charge}).
 *
 * <p>Equality: the value is stored at exactly {@link #decimals()}, so equality is numeric, plus quote
 * asset and decimals.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class UnitPrice implements Comparable<UnitPrice> {

    /** The default number of decimals of a unit price. */
    public static final int DEFAULT_DECIMALS = 18;

    private final Asset quote;
    private final int decimals;
    private final BigDecimal value;
    /** The value's digits ({@code value · 10^decimals}) when they fit a long, else -1: for {@link #charge}. */
    private final long unscaled;

    private UnitPrice(Asset quote, int decimals, BigDecimal value) {
        this.quote = quote;
        this.decimals = decimals;
        this.value = value;
        long u = LongScaling.unscaledOrMinValue(value);
        this.unscaled = u < 0 ? -1 : u;
    }

    /**
     * Returns the exact price.
     *
     * @param quote    the asset the price is in
     * @param decimals the decimals of the price, 0 to 36
     * @param value    the price, not negative, with at most {@code decimals} decimals
     * @return the price
     * @throws InvalidArgumentException if the value is negative or has too many decimals, or the decimals
     *                                  are out of range
     */
    public static UnitPrice of(Asset quote, int decimals, BigDecimal value) {
        Objects.requireNonNull(quote, "quote");
        Limits.decimal("price", value);
        checkDecimals(decimals);
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > decimals) {
            throw InvalidArgumentException.of("price", value.toPlainString(), "has more than " + decimals + " decimals");
        }
        return of(quote, decimals, value, RoundingMode.UNNECESSARY);
    }

    /**
     * Returns the price rounded to its decimals.
     *
     * @param quote    the asset the price is in
     * @param decimals the decimals of the price, 0 to 36
     * @param value    the price, not negative, of any scale
     * @param rounding how to round the excess decimals
     * @return the price
     * @throws InvalidArgumentException if the value is negative or the decimals are out of range
     */
    public static UnitPrice of(Asset quote, int decimals, BigDecimal value, RoundingMode rounding) {
        Objects.requireNonNull(quote, "quote");
        Limits.decimal("price", value);
        Objects.requireNonNull(rounding, "rounding");
        checkDecimals(decimals);
        if (value.signum() < 0) {
            throw InvalidArgumentException.of("price", value.toPlainString(), "must not be negative");
        }
        return new UnitPrice(quote, decimals, value.setScale(decimals, rounding));
    }

    private static void checkDecimals(int decimals) {
        if (decimals < 0 || decimals > Asset.MAX_DECIMALS) {
            throw InvalidArgumentException.of("decimals", decimals, "must be between 0 and " + Asset.MAX_DECIMALS);
        }
    }

    /**
     * Returns the quote asset.
     *
     * @return the asset
     */
    public Asset quote() {
        return quote;
    }

    /**
     * Returns the decimals the price is exact at.
     *
     * @return the decimals
     */
    public int decimals() {
        return decimals;
    }

    /**
     * Returns the price at exactly {@link #decimals()}.
     *
     * @return the value
     */
    public BigDecimal value() {
        return value;
    }

    /**
     * Returns the charge for a number of units: {@code units * price}, rounded once to the quote asset's
     * decimals.
     *
     * @param units    the units of usage, not negative
     * @param rounding the direction (a user pays: UP by default)
     * @return the charge
     * @throws InvalidArgumentException if units is negative
     */
    public Amount charge(long units, RoundingMode rounding) {
        if (units < 0) {
            throw InvalidArgumentException.of("units", units, "must not be negative");
        }
        int shift = decimals - quote.decimals();
        if (unscaled >= 0 && shift >= 0 && rounding != null) {
            // Small numbers (the usual charge) in long arithmetic, with the same result; otherwise exactly.
            long charged = LongScaling.multiplyDivideByPowerOfTen(unscaled, units, shift, rounding);
            if (charged >= 0) {
                return Amount.ofUnits(quote, charged);
            }
        }
        return Amount.of(quote, value.multiply(BigDecimal.valueOf(units)), rounding);
    }

    /**
     * Compares two prices of the same quote asset.
     *
     * @param other the other price
     * @return the comparison of the values
     * @throws io.fomo.spi.AssetMismatchException if the quote assets differ
     */
    @Override
    public int compareTo(UnitPrice other) {
        if (!quote.equals(other.quote)) {
            throw new io.fomo.spi.AssetMismatchException("other", quote, other.quote);
        }
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnitPrice p && p.quote.equals(quote) && p.decimals == decimals && p.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quote, decimals, value);
    }

    /**
     * Returns the value and the quote asset per unit.
     *
     * @return for example {@code "0.150000000000000000 USD/unit"}
     */
    @Override
    public String toString() {
        return value.toPlainString() + ' ' + quote + "/unit";
    }
}
