package io.fomo.core.math;

import io.fomo.spi.InvalidArgumentException;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How the SDK computes and rounds: the precision of intermediate maths, the guard digits added to
 * transcendental steps, and the direction of each kind of final rounding.
 *
 * <p>Nothing in the SDK reads a global or thread-local default: every model takes its policy (or the
 * single rounding mode it needs) as an argument. {@link #standard()} is a named, documented choice,
 * not a hidden fallback.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DecimalPolicy {

    private final int precision;
    private final int guardDigits;
    private final RoundingMode payout;
    private final RoundingMode charge;
    private final RoundingMode poolOutput;

    private DecimalPolicy(int precision, int guardDigits, RoundingMode payout, RoundingMode charge,
            RoundingMode poolOutput) {
        this.precision = precision;
        this.guardDigits = guardDigits;
        this.payout = payout;
        this.charge = charge;
        this.poolOutput = poolOutput;
    }

    /**
     * The SDK's documented policy (FOMO-SPEC §0): 50 significant digits for intermediate maths, 10 guard
     * digits on transcendental steps; payouts round DOWN, charges round UP, pool outputs round DOWN.
     *
     * @return the standard policy
     */
    public static DecimalPolicy standard() {
        return new DecimalPolicy(50, 10, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.DOWN);
    }

    /**
     * Returns a policy with every setting given.
     *
     * @param precision   significant digits of intermediate results, 10 to 1000
     * @param guardDigits digits added to transcendental steps before their single rounding, 1 to 100
     * @param payout      rounding of what the protocol pays out
     * @param charge      rounding of what a user must pay
     * @param poolOutput  rounding of a pool's or curve's output
     * @return the policy
     * @throws InvalidArgumentException if a number is out of range or a mode is UNNECESSARY
     */
    public static DecimalPolicy of(int precision, int guardDigits, RoundingMode payout, RoundingMode charge,
            RoundingMode poolOutput) {
        if (precision < 10 || precision > 1000) {
            throw InvalidArgumentException.of("precision", precision, "must be between 10 and 1000");
        }
        if (guardDigits < 1 || guardDigits > 100) {
            throw InvalidArgumentException.of("guardDigits", guardDigits, "must be between 1 and 100");
        }
        return new DecimalPolicy(precision, guardDigits, directed("payout", payout),
                directed("charge", charge), directed("poolOutput", poolOutput));
    }

    private static RoundingMode directed(String field, RoundingMode mode) {
        Objects.requireNonNull(mode, field);
        if (mode == RoundingMode.UNNECESSARY) {
            throw InvalidArgumentException.of(field, mode, "a rounding direction is required, not UNNECESSARY");
        }
        return mode;
    }

    /**
     * Returns the significant digits of intermediate results.
     *
     * @return the precision
     */
    public int precision() {
        return precision;
    }

    /**
     * Returns the guard digits added to transcendental steps.
     *
     * @return the guard digits
     */
    public int guardDigits() {
        return guardDigits;
    }

    /**
     * Returns the context for intermediate maths: {@code precision} digits, HALF_EVEN.
     *
     * @return the working context
     */
    public MathContext working() {
        return new MathContext(precision, RoundingMode.HALF_EVEN);
    }

    /**
     * Returns the context for transcendental steps: {@code precision + guardDigits} digits, HALF_EVEN.
     *
     * @return the guarded context
     */
    public MathContext guarded() {
        return new MathContext(precision + guardDigits, RoundingMode.HALF_EVEN);
    }

    /**
     * Returns the rounding of what the protocol pays out.
     *
     * @return the payout rounding
     */
    public RoundingMode payout() {
        return payout;
    }

    /**
     * Returns the rounding of what a user must pay.
     *
     * @return the charge rounding
     */
    public RoundingMode charge() {
        return charge;
    }

    /**
     * Returns the rounding of a pool's or curve's output.
     *
     * @return the pool output rounding
     */
    public RoundingMode poolOutput() {
        return poolOutput;
    }

    /**
     * Returns a copy with another payout rounding.
     *
     * @param mode the rounding
     * @return the new policy
     */
    public DecimalPolicy withPayout(RoundingMode mode) {
        return of(precision, guardDigits, mode, charge, poolOutput);
    }

    /**
     * Returns a copy with another charge rounding.
     *
     * @param mode the rounding
     * @return the new policy
     */
    public DecimalPolicy withCharge(RoundingMode mode) {
        return of(precision, guardDigits, payout, mode, poolOutput);
    }

    /**
     * Returns a copy with another pool output rounding.
     *
     * @param mode the rounding
     * @return the new policy
     */
    public DecimalPolicy withPoolOutput(RoundingMode mode) {
        return of(precision, guardDigits, payout, charge, mode);
    }

    /**
     * Returns a copy with another precision and number of guard digits.
     *
     * @param newPrecision   significant digits of intermediate results
     * @param newGuardDigits guard digits of transcendental steps
     * @return the new policy
     */
    public DecimalPolicy withPrecision(int newPrecision, int newGuardDigits) {
        return of(newPrecision, newGuardDigits, payout, charge, poolOutput);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecimalPolicy p && p.precision == precision && p.guardDigits == guardDigits
                && p.payout == payout && p.charge == charge && p.poolOutput == poolOutput;
    }

    @Override
    public int hashCode() {
        return Objects.hash(precision, guardDigits, payout, charge, poolOutput);
    }

    @Override
    public String toString() {
        return "DecimalPolicy[precision=" + precision + ", guard=" + guardDigits + ", payout=" + payout
                + ", charge=" + charge + ", poolOutput=" + poolOutput + "]";
    }
}
