package io.fomo.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Collection;
import java.util.Objects;

/**
 * The size bounds that every public entry point of the SDK checks before it does any arithmetic, so that
 * the cost of a call is bounded by construction and not by the magnitude of what a caller passes.
 *
 * <p>Each check runs in constant time: it reads a decimal's scale and the bit length of its unscaled
 * value (both O(1)) before it asks for anything that grows with the number, and it quotes at most
 * {@link FomoException#MAX_QUOTED} characters of the rejected value. A value past a bound is an
 * {@link InvalidArgumentException} naming the field; nothing has been changed when it is thrown.
 *
 * <p>The bounds are wide enough for every quantity the protocol uses: amounts of assets with up to 36
 * decimals up to 10^{@value #MAX_INTEGER_DIGITS} (more than 2^256, the largest EVM integer), prices,
 * shares and rates with up to {@value #MAX_SCALE} decimals, and working precisions up to
 * {@value #MAX_PRECISION} digits. {@code docs/limits.md} lists every bound and the policy behind it.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Limits {

    /** The most decimals (the largest scale) a decimal input may have, after trailing zeros. */
    public static final int MAX_SCALE = 100;

    /** The most digits a decimal input may have before its point: values stay below 10^78 (above 2^256). */
    public static final int MAX_INTEGER_DIGITS = 78;

    /**
     * The largest scale a decimal may be given with, trailing zeros included ({@code 1.50} has scale 2):
     * a bound checked before any digit is counted, so that stripping zeros costs little.
     */
    public static final int MAX_GIVEN_SCALE = 320;

    /** The most bits an unscaled value may have: a bound checked before any digit is counted. */
    public static final int MAX_BITS = 640;

    /** The most decimals of a value that is given to be rounded (see {@link #roundable}). */
    public static final int MAX_ROUNDED_SCALE = 1_000;

    /** The most bits of the unscaled value of a value that is given to be rounded. */
    public static final int MAX_ROUNDED_BITS = 4_000;

    /** The largest working precision, in significant digits, that a caller may ask for. */
    public static final int MAX_PRECISION = 200;

    /** The most elements a collection passed to a public entry point may have. */
    public static final int MAX_ELEMENTS = 10_000_000;

    private Limits() {
    }

    /**
     * Checks that a decimal is within {@link #MAX_SCALE} decimals and below 10^{@value #MAX_INTEGER_DIGITS}
     * in magnitude. First, in constant time: its unscaled value has at most {@link #MAX_BITS} bits and its
     * scale as given is {@code -}{@value #MAX_INTEGER_DIGITS} to {@link #MAX_GIVEN_SCALE}; then, on that
     * bounded number: without its trailing zeros it has at most {@link #MAX_SCALE} decimals and
     * {@link #MAX_INTEGER_DIGITS} integer digits.
     *
     * @param field the name of the field, for the error
     * @param value the decimal, not null
     * @return the value, unchanged
     * @throws InvalidArgumentException if the value is too precise or too large
     */
    public static BigDecimal decimal(String field, BigDecimal value) {
        Objects.requireNonNull(value, field);
        int scale = value.scale();
        int bits = value.unscaledValue().bitLength();
        if (scale >= 0 && scale <= MAX_SCALE && bits < 256) {
            return value; // below 2^256 < 10^78 at an accepted scale: the common case, with no allocation
        }
        if (value.unscaledValue().bitLength() > MAX_BITS || scale > MAX_GIVEN_SCALE
                || scale < -MAX_INTEGER_DIGITS) {
            throw tooLarge(field, value);
        }
        // The unscaled value has at most MAX_BITS bits, so counting its digits is cheap from here on.
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE || stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            throw tooLarge(field, value);
        }
        return value;
    }

    /**
     * Checks a decimal that is about to be rounded to a few decimals, such as an intermediate result of
     * exact arithmetic: it may carry up to {@value #MAX_ROUNDED_SCALE} decimals and
     * {@value #MAX_ROUNDED_BITS} bits of unscaled value, but, like every accepted decimal, at most
     * {@link #MAX_INTEGER_DIGITS} integer digits. Constant time before the digit count, as
     * {@link #decimal(String, BigDecimal)}.
     *
     * @param field the name of the field, for the error
     * @param value the decimal, not null
     * @return the value, unchanged
     * @throws InvalidArgumentException if the value is too precise or too large
     */
    public static BigDecimal roundable(String field, BigDecimal value) {
        Objects.requireNonNull(value, field);
        int scale = value.scale();
        if (value.unscaledValue().bitLength() > MAX_ROUNDED_BITS || scale > MAX_ROUNDED_SCALE
                || scale < -MAX_INTEGER_DIGITS || value.precision() - scale > MAX_INTEGER_DIGITS) {
            throw InvalidArgumentException.of(field, value, "is out of bounds: at most " + MAX_ROUNDED_SCALE
                    + " decimals and " + MAX_INTEGER_DIGITS + " integer digits are accepted (docs/limits.md)");
        }
        return value;
    }

    /**
     * Checks that an integer is below 2^{@value #MAX_BITS} in magnitude, in constant time.
     *
     * @param field the name of the field, for the error
     * @param value the integer, not null
     * @return the value, unchanged
     * @throws InvalidArgumentException if the value is too large
     */
    public static BigInteger integer(String field, BigInteger value) {
        Objects.requireNonNull(value, field);
        if (value.bitLength() > MAX_BITS) {
            throw InvalidArgumentException.of(field, value,
                    "is too large: at most " + MAX_BITS + " bits are accepted (docs/limits.md)");
        }
        return value;
    }

    /**
     * Checks a number of significant digits or decimals asked for a computation.
     *
     * @param field  the name of the field, for the error
     * @param digits the digits, 0 to {@link #MAX_PRECISION}
     * @return the digits, unchanged
     * @throws InvalidArgumentException if the digits are negative or above the bound
     */
    public static int digits(String field, int digits) {
        if (digits < 0 || digits > MAX_PRECISION) {
            throw InvalidArgumentException.of(field, digits, "must be 0 to " + MAX_PRECISION + " digits");
        }
        return digits;
    }

    /**
     * Checks the precision of a math context.
     *
     * @param field   the name of the field, for the error
     * @param context the context, not null
     * @return the context, unchanged
     * @throws InvalidArgumentException if its precision is unlimited (0) or above {@link #MAX_PRECISION}
     */
    public static MathContext context(String field, MathContext context) {
        Objects.requireNonNull(context, field);
        if (context.getPrecision() < 1 || context.getPrecision() > MAX_PRECISION) {
            throw InvalidArgumentException.of(field, context,
                    "precision must be 1 to " + MAX_PRECISION + " digits (unlimited precision is refused)");
        }
        return context;
    }

    /**
     * Checks the size of a collection before any element is read.
     *
     * @param field the name of the field, for the error
     * @param elements the collection, not null
     * @param max  the most elements accepted, at most {@link #MAX_ELEMENTS}
     * @param <C> the collection type
     * @return the collection, unchanged
     * @throws InvalidArgumentException if it holds more than {@code max} elements
     */
    public static <C extends Collection<?>> C size(String field, C elements, int max) {
        Objects.requireNonNull(elements, field);
        if (elements.size() > Math.min(max, MAX_ELEMENTS)) {
            throw InvalidArgumentException.of(field, "(" + elements.size() + " elements)",
                    "at most " + Math.min(max, MAX_ELEMENTS) + " are accepted");
        }
        return elements;
    }

    private static InvalidArgumentException tooLarge(String field, BigDecimal value) {
        return InvalidArgumentException.of(field, value, "is out of bounds: at most " + MAX_SCALE
                + " decimals and " + MAX_INTEGER_DIGITS + " integer digits are accepted (docs/limits.md)");
    }
}
