package io.fomo.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A non-negative quantity of one {@link Asset}, exact at the asset's decimals.
 *
 * <p>Creation follows one rule: {@code of} and {@code parse} are exact and throw when the value has more
 * decimals than the asset; only the overloads that take a {@link RoundingMode} round. Amounts are never
 * negative: every factory rejects a negative value and {@link #minus(Amount)} rejects a result below
 * zero, so a negative balance cannot be represented by accident.
 *
 * <p>Equality: the value is always stored at exactly the asset's scale, so {@link #equals(Object)} is
 * numeric equality plus asset equality ({@code 1.5 FLOCK} and {@code 1.50 FLOCK} are the same amount).
 * {@link #compareTo(Amount)} is consistent with equals and throws {@link AssetMismatchException} for
 * amounts of different assets.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Amount implements Comparable<Amount> {

    /** Zero at each scale an asset may have (a BigDecimal is immutable, so one serves every zero amount). */
    private static final BigDecimal[] ZEROS = new BigDecimal[Asset.MAX_DECIMALS + 1];

    static {
        for (int d = 0; d <= Asset.MAX_DECIMALS; d++) {
            ZEROS[d] = BigDecimal.ZERO.setScale(d);
        }
    }

    private final Asset asset;
    private final BigDecimal value;

    private Amount(Asset asset, BigDecimal value) {
        this.asset = asset;
        this.value = value;
    }

    /**
     * Returns zero of an asset.
     *
     * @param asset the asset
     * @return the zero amount
     */
    public static Amount zero(Asset asset) {
        Objects.requireNonNull(asset, "asset");
        return new Amount(asset, ZEROS[asset.decimals()]);
    }

    /**
     * Returns the exact amount of a value.
     *
     * @param asset the asset
     * @param value the value, with at most {@code asset.decimals()} decimals
     * @return the amount
     * @throws InvalidArgumentException if the value is negative or has more decimals than the asset
     */
    public static Amount of(Asset asset, BigDecimal value) {
        Objects.requireNonNull(asset, "asset");
        Limits.decimal("value", value);
        return checked(asset, exactScale(asset, value, "value"), "value");
    }

    /**
     * Returns the amount of a value rounded to the asset's decimals.
     *
     * @param asset    the asset
     * @param value    the value, of any scale
     * @param rounding how to round away the excess decimals
     * @return the amount
     * @throws InvalidArgumentException if the value is negative
     */
    public static Amount of(Asset asset, BigDecimal value, RoundingMode rounding) {
        Objects.requireNonNull(asset, "asset");
        Limits.roundable("value", value);
        Objects.requireNonNull(rounding, "rounding");
        if (value.signum() < 0) {
            throw InvalidArgumentException.of("value", value, "must not be negative");
        }
        return new Amount(asset, value.setScale(asset.decimals(), rounding));
    }

    /**
     * Returns the exact amount of a whole number of tokens.
     *
     * @param asset  the asset
     * @param tokens the number of whole tokens, not negative
     * @return the amount
     * @throws InvalidArgumentException if the number is negative
     */
    public static Amount of(Asset asset, long tokens) {
        return of(asset, BigDecimal.valueOf(tokens));
    }

    /**
     * Reads an amount from a plain decimal string such as {@code "1.5"}; exponents are not accepted.
     *
     * @param asset the asset
     * @param text  the decimal, with at most {@code asset.decimals()} decimals
     * @return the amount
     * @throws InvalidArgumentException if the text is not a plain decimal, is negative, or has too many
     *                                  decimals
     */
    public static Amount parse(Asset asset, String text) {
        Objects.requireNonNull(asset, "asset");
        return of(asset, parseDecimal("amount", text));
    }

    /**
     * Returns the amount of a number of base units (the smallest indivisible unit: 10^-decimals).
     *
     * @param asset the asset
     * @param units the number of base units, not negative
     * @return the amount
     * @throws InvalidArgumentException if the number is negative
     */
    public static Amount ofUnits(Asset asset, BigInteger units) {
        Objects.requireNonNull(asset, "asset");
        Limits.integer("units", units);
        if (units.signum() < 0) {
            throw InvalidArgumentException.of("units", units, "must not be negative");
        }
        return new Amount(asset, new BigDecimal(units, asset.decimals()));
    }

    /**
     * Returns the amount of a number of base units (the smallest indivisible unit: 10^-decimals).
     *
     * @param asset the asset
     * @param units the number of base units, not negative
     * @return the amount
     * @throws InvalidArgumentException if the number is negative
     */
    public static Amount ofUnits(Asset asset, long units) {
        Objects.requireNonNull(asset, "asset");
        if (units < 0) {
            throw InvalidArgumentException.of("units", units, "must not be negative");
        }
        return new Amount(asset, BigDecimal.valueOf(units, asset.decimals()));
    }

    /**
     * Parses a plain decimal string (digits, an optional sign and point, no exponent), as used by every
     * amount, price and share in the vector and scenario formats.
     *
     * @param field the field name to use in an error message
     * @param text  the text
     * @return the decimal, as written (scale preserved)
     * @throws InvalidArgumentException if the text is not a plain decimal
     */
    public static BigDecimal parseDecimal(String field, String text) {
        Objects.requireNonNull(field, "field");
        if (text == null || !isPlainDecimal(text)) {
            throw InvalidArgumentException.of(field, text == null ? "null" : '"' + text + '"',
                    "expected a plain decimal such as \"12.5\" (no exponent)");
        }
        return new BigDecimal(text);
    }

    private static boolean isPlainDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            i = 1;
        }
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0 && n <= 400;
    }

    private static BigDecimal exactScale(Asset asset, BigDecimal value, String field) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > asset.decimals()) {
            throw InvalidArgumentException.of(field, value,
                    "has more than " + asset.decimals() + " decimals of " + asset);
        }
        return v.setScale(asset.decimals());
    }

    private static Amount checked(Asset asset, BigDecimal scaled, String field) {
        if (scaled.signum() < 0) {
            throw InvalidArgumentException.of(field, scaled, "must not be negative");
        }
        return new Amount(asset, scaled);
    }

    /**
     * Returns the asset.
     *
     * @return the asset
     */
    public Asset asset() {
        return asset;
    }

    /**
     * Returns the value at exactly the asset's scale.
     *
     * @return the value, never negative
     */
    public BigDecimal value() {
        return value;
    }

    /**
     * Returns the value in base units.
     *
     * @return the number of base units
     */
    public BigInteger units() {
        return value.unscaledValue();
    }

    /**
     * Returns the sum of this and another amount of the same asset.
     *
     * @param other the amount to add
     * @return the sum
     * @throws AssetMismatchException if the assets differ
     */
    public Amount plus(Amount other) {
        requireSameAsset("other", other);
        return other.value.signum() == 0 ? this : new Amount(asset, value.add(other.value));
    }

    /**
     * Returns this amount less another of the same asset.
     *
     * @param other the amount to subtract, not more than this
     * @return the difference
     * @throws AssetMismatchException    if the assets differ
     * @throws InvalidArgumentException if the result would be negative
     */
    public Amount minus(Amount other) {
        requireSameAsset("other", other);
        BigDecimal r = value.subtract(other.value);
        if (r.signum() < 0) {
            throw InvalidArgumentException.of("other", other,
                    "exceeds " + this + " (an amount cannot become negative)");
        }
        return new Amount(asset, r);
    }

    /**
     * Returns this amount multiplied by a non-negative factor, rounded to the asset's decimals.
     *
     * @param factor   the factor, not negative
     * @param rounding how to round the product
     * @return the product
     * @throws InvalidArgumentException if the factor is negative
     */
    public Amount multipliedBy(BigDecimal factor, RoundingMode rounding) {
        Limits.decimal("factor", factor);
        Objects.requireNonNull(rounding, "rounding");
        if (factor.signum() < 0) {
            throw InvalidArgumentException.of("factor", factor, "must not be negative");
        }
        return new Amount(asset, value.multiply(factor).setScale(asset.decimals(), rounding));
    }

    /**
     * Returns this amount multiplied by a whole number; exact.
     *
     * @param factor the factor, not negative
     * @return the product
     * @throws InvalidArgumentException if the factor is negative
     */
    public Amount multipliedBy(long factor) {
        if (factor < 0) {
            throw InvalidArgumentException.of("factor", factor, "must not be negative");
        }
        return new Amount(asset, value.multiply(BigDecimal.valueOf(factor)));
    }

    /**
     * Returns this amount divided by a positive divisor, rounded to the asset's decimals.
     *
     * @param divisor  the divisor, positive
     * @param rounding how to round the quotient
     * @return the quotient
     * @throws InvalidArgumentException if the divisor is not positive
     */
    public Amount dividedBy(BigDecimal divisor, RoundingMode rounding) {
        Limits.decimal("divisor", divisor);
        Objects.requireNonNull(rounding, "rounding");
        if (divisor.signum() <= 0) {
            throw InvalidArgumentException.of("divisor", divisor, "must be positive");
        }
        return new Amount(asset, value.divide(divisor, asset.decimals(), rounding));
    }

    /**
     * Returns the smaller of this and another amount of the same asset.
     *
     * @param other the other amount
     * @return the smaller, this when equal
     * @throws AssetMismatchException if the assets differ
     */
    public Amount min(Amount other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /**
     * Returns the larger of this and another amount of the same asset.
     *
     * @param other the other amount
     * @return the larger, this when equal
     * @throws AssetMismatchException if the assets differ
     */
    public Amount max(Amount other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * Tells whether this amount is zero.
     *
     * @return true when zero
     */
    public boolean isZero() {
        return value.signum() == 0;
    }

    /**
     * Tells whether this amount is more than zero.
     *
     * @return true when positive
     */
    public boolean isPositive() {
        return value.signum() > 0;
    }

    /**
     * Tells whether this amount is more than another of the same asset.
     *
     * @param other the other amount
     * @return true when strictly greater
     * @throws AssetMismatchException if the assets differ
     */
    public boolean isGreaterThan(Amount other) {
        return compareTo(other) > 0;
    }

    /**
     * Tells whether this amount is less than another of the same asset.
     *
     * @param other the other amount
     * @return true when strictly less
     * @throws AssetMismatchException if the assets differ
     */
    public boolean isLessThan(Amount other) {
        return compareTo(other) < 0;
    }

    /**
     * Compares two amounts of the same asset by value.
     *
     * @param other the other amount
     * @return negative, zero or positive as this is less than, equal to or greater than other
     * @throws AssetMismatchException if the assets differ
     */
    @Override
    public int compareTo(Amount other) {
        requireSameAsset("other", other);
        return value.compareTo(other.value);
    }

    /**
     * Throws unless the other amount is of this amount's asset.
     *
     * @param field the name of the other operand, for the message
     * @param other the other amount
     * @throws AssetMismatchException if the assets differ
     */
    public void requireSameAsset(String field, Amount other) {
        Objects.requireNonNull(other, field);
        if (!asset.equals(other.asset)) {
            throw new AssetMismatchException(field, asset, other.asset);
        }
    }

    /**
     * Returns the value as a plain decimal string at the asset's scale, without the symbol.
     *
     * @return for example {@code "1.500000"} for 1.5 USDC
     */
    public String toPlainString() {
        return value.toPlainString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Amount a && a.asset.equals(asset) && a.value.equals(value);
    }

    @Override
    public int hashCode() {
        return asset.hashCode() * 31 + value.hashCode();
    }

    /**
     * Returns the value and the symbol.
     *
     * @return for example {@code "1.500000 USDC"}
     */
    @Override
    public String toString() {
        return value.toPlainString() + ' ' + asset.symbol();
    }
}
