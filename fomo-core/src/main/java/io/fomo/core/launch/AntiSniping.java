package io.fomo.core.launch;

import io.fomo.core.math.ExactMath;
import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * The anti-sniping raise fee (FOMO-SPEC §6): a fee that starts at {@code startFeeBps} when the raise opens
 * and decays to the launch's base swap fee over a number of <b>seconds</b>, then stays there. With
 * {@code f} the base fee, {@code s} the start fee, {@code t} the whole seconds elapsed since the opening
 * (rounded down, so the buyer never pays a later, lower fee than the instant's) and {@code D} the decay
 * window, the fee in bps is {@code f + (s − f)·φ(t)}, where
 * <ul>
 *   <li>{@link Decay#LINEAR}: {@code φ(t) = (D − t)/D} for {@code t < D}, an exact rational;</li>
 *   <li>{@link Decay#EXPONENTIAL}: {@code φ(t) = 2^(−t/h)} for {@code t < D}, with a half-life {@code h};
 *       it drops to the base fee at {@code D} (a step of {@code (s − f)·2^(−D/h)} bps);</li>
 *   <li>both: {@code φ(t) = 0} for {@code t >= D}.</li>
 * </ul>
 * The fee is non-increasing in time and equals the base fee from {@code D} on. Amounts are rounded
 * <b>once</b>, in the launch's {@code feeRounding} direction (UP by default: the buyer pays), from the
 * exact value: the linear fee is an exact rational, and so is the exponential one at a whole number of
 * half-lives ({@code 1/2^k}); between those it is irrational, so it is bracketed with {@link ExactMath} ({@code ln 2} rounded FLOOR and CEILING, the exponent rounded
 * outward, {@code exp} rounded FLOOR and CEILING) and the digits are doubled until both ends of the bracket
 * round to the same base unit: the result is the exact value rounded in the declared direction (up to
 * 600 digits; a value closer than that to a rounding boundary takes the higher fee). The fee is
 * split between platform and creator like the base fee ({@code creatorFeeBps}).
 *
 * <p>{@link #none()} (the default of {@link LaunchParameters}) charges exactly the base fee,
 * {@link SwapFee}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AntiSniping {

    /** How the extra fee decays. */
    public enum Decay {
        /** No anti-sniping fee: the base fee from the opening on. */
        NONE,
        /** Linearly to the base fee at the end of the window. */
        LINEAR,
        /** Halving every half-life, down to the base fee at the end of the window. */
        EXPONENTIAL
    }

    /** The longest decay window and half-life: 10^9 seconds (about 31.7 years). */
    public static final long MAX_SECONDS = 1_000_000_000L;

    /** The most half-lives a window may hold: 1,000 ({@code 2^(−t/h)} stays above 10^−302). */
    public static final long MAX_HALF_LIVES = 1_000L;

    /** The most digits the bracket of an exponential fee is computed with (ExactMath's bound is 1,000). */
    private static final int MAX_DIGITS = 600;

    private static final BigInteger W = BigInteger.valueOf(10_000);
    private static final AntiSniping NONE = new AntiSniping(Decay.NONE, 0, 0, 0);

    private final Decay decay;
    private final int startFeeBps;
    private final long windowSeconds;
    private final long halfLifeSeconds;

    private AntiSniping(Decay decay, int startFeeBps, long windowSeconds, long halfLifeSeconds) {
        this.decay = decay;
        this.startFeeBps = startFeeBps;
        this.windowSeconds = windowSeconds;
        this.halfLifeSeconds = halfLifeSeconds;
    }

    /**
     * No anti-sniping fee (the default).
     *
     * @return the off setting
     */
    public static AntiSniping none() {
        return NONE;
    }

    /**
     * A fee decaying linearly from {@code startFeeBps} at the opening to the base fee at {@code window}.
     *
     * @param startFeeBps the fee at the opening, 0 to 9,999 bps (at least the base fee: checked by the
     *                    launch parameters' {@code build()})
     * @param window      the decay window, 1 second to {@value #MAX_SECONDS} seconds, whole seconds
     * @return the setting
     * @throws InvalidArgumentException if a value is out of range
     */
    public static AntiSniping linear(int startFeeBps, Duration window) {
        return new AntiSniping(Decay.LINEAR, bps(startFeeBps), seconds("antiSniping.window", window), 0);
    }

    /**
     * A fee whose excess over the base fee halves every {@code halfLife}, back to the base fee at
     * {@code window}.
     *
     * @param startFeeBps the fee at the opening, 0 to 9,999 bps (at least the base fee)
     * @param halfLife    the half-life, 1 second to {@value #MAX_SECONDS} seconds, whole seconds
     * @param window      the decay window, whole seconds, at most {@value #MAX_HALF_LIVES} half-lives
     * @return the setting
     * @throws InvalidArgumentException if a value is out of range
     */
    public static AntiSniping exponential(int startFeeBps, Duration halfLife, Duration window) {
        long h = seconds("antiSniping.halfLife", halfLife);
        long d = seconds("antiSniping.window", window);
        if (d / h > MAX_HALF_LIVES) {
            throw InvalidArgumentException.of("antiSniping.window", window, "holds more than " + MAX_HALF_LIVES
                    + " half-lives of " + halfLife);
        }
        return new AntiSniping(Decay.EXPONENTIAL, bps(startFeeBps), d, h);
    }

    private static int bps(int v) {
        if (v < 0 || v > 9_999) {
            throw InvalidArgumentException.of("antiSniping.startFeeBps", v, "must be between 0 and 9999 bps");
        }
        return v;
    }

    private static long seconds(String field, Duration d) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero() || d.getNano() != 0 || d.getSeconds() > MAX_SECONDS) {
            throw InvalidArgumentException.of(field, d, "must be whole seconds between 1 and " + MAX_SECONDS);
        }
        return d.getSeconds();
    }

    /**
     * Returns how the fee decays.
     *
     * @return the decay, {@link Decay#NONE} when off
     */
    public Decay decay() {
        return decay;
    }

    /**
     * Tells whether there is no anti-sniping fee.
     *
     * @return true when off
     */
    public boolean isOff() {
        return decay == Decay.NONE;
    }

    /**
     * Returns the fee at the opening.
     *
     * @return the start fee in bps, 0 when off
     */
    public int startFeeBps() {
        return startFeeBps;
    }

    /**
     * Returns the decay window.
     *
     * @return the window, zero when off
     */
    public Duration window() {
        return Duration.ofSeconds(windowSeconds);
    }

    /**
     * Returns the half-life of an exponential decay.
     *
     * @return the half-life, zero unless exponential
     */
    public Duration halfLife() {
        return Duration.ofSeconds(halfLifeSeconds);
    }

    /**
     * Returns the fee of a gross input at {@code elapsedSeconds} after the opening:
     * {@code gross·fee(t)/10,000}, rounded once.
     *
     * @param gross          the gross input
     * @param baseFeeBps     the launch's base swap fee, 0 to the start fee
     * @param elapsedSeconds whole seconds since the opening, not negative
     * @param rounding       the direction of the single rounding
     * @return the fee, of the input's asset
     * @throws InvalidArgumentException if the base fee exceeds the start fee or the time is negative
     */
    public Amount onGross(Amount gross, int baseFeeBps, long elapsedSeconds, RoundingMode rounding) {
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(rounding, "rounding");
        if (isOff() || phiIsExact(elapsedSeconds)) {
            int bps = isOff() ? baseFeeBps : exactBps(baseFeeBps, elapsedSeconds);
            return SwapFee.onGross(gross, bps, rounding);
        }
        checkBase(baseFeeBps);
        BigInteger g = gross.units();
        // fee = G·(f·q + Δ·p) / (10,000·q) for φ = p/q; increasing in φ.
        return Amount.ofUnits(gross.asset(), bracket(g, elapsedSeconds, (p, q) -> divide(
                g.multiply(BigInteger.valueOf(baseFeeBps).multiply(q).add(delta(baseFeeBps).multiply(p))),
                W.multiply(q), rounding)));
    }

    /**
     * Returns the fee of the gross input that nets to {@code net} at {@code elapsedSeconds}:
     * {@code net·r/(1 − r)} with {@code r = fee(t)/10,000}, rounded once (the fee kept on the filled part
     * of an overfilled buy).
     *
     * @param net            the net amount
     * @param baseFeeBps     the launch's base swap fee, 0 to the start fee
     * @param elapsedSeconds whole seconds since the opening, not negative
     * @param rounding       the direction of the single rounding
     * @return the fee, of the net amount's asset
     * @throws InvalidArgumentException if the base fee exceeds the start fee or the time is negative
     */
    public Amount onNet(Amount net, int baseFeeBps, long elapsedSeconds, RoundingMode rounding) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(rounding, "rounding");
        if (isOff() || phiIsExact(elapsedSeconds)) {
            int bps = isOff() ? baseFeeBps : exactBps(baseFeeBps, elapsedSeconds);
            return SwapFee.onNet(net, bps, rounding);
        }
        checkBase(baseFeeBps);
        BigInteger n = net.units();
        // fee = N·R/(10,000 − R), R = (f·q + Δ·p)/q: N·(f·q + Δ·p) / (10,000·q − f·q − Δ·p); increasing in φ.
        return Amount.ofUnits(net.asset(), bracket(n, elapsedSeconds, (p, q) -> {
            BigInteger r = BigInteger.valueOf(baseFeeBps).multiply(q).add(delta(baseFeeBps).multiply(p));
            return divide(n.multiply(r), W.multiply(q).subtract(r), rounding);
        }));
    }

    /**
     * Returns the fee in bps at {@code elapsedSeconds} after the opening, rounded once to {@code scale}
     * decimals in {@code rounding}'s direction (exact for the linear decay; bracketed like the amounts for
     * the exponential one). For reports and checks; amounts are computed from the exact fee, not from this.
     *
     * @param baseFeeBps     the launch's base swap fee, 0 to the start fee
     * @param elapsedSeconds whole seconds since the opening, not negative
     * @param scale          decimals of the result, 0 to 100
     * @param rounding       the direction of the single rounding
     * @return the fee in bps
     * @throws InvalidArgumentException if an argument is out of range
     */
    public BigDecimal feeBpsAt(int baseFeeBps, long elapsedSeconds, int scale, RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        if (scale < 0 || scale > 100) {
            throw InvalidArgumentException.of("scale", scale, "must be between 0 and 100");
        }
        if (isOff()) {
            return BigDecimal.valueOf(baseFeeBps).setScale(scale, rounding);
        }
        if (phiIsExact(elapsedSeconds)) {
            return BigDecimal.valueOf(exactBps(baseFeeBps, elapsedSeconds)).setScale(scale, rounding);
        }
        checkBase(baseFeeBps);
        BigInteger unit = BigInteger.TEN.pow(scale);
        // bps·10^scale = (f·q + Δ·p)·10^scale / q
        BigInteger v = bracket(unit, elapsedSeconds, (p, q) -> divide(
                BigInteger.valueOf(baseFeeBps).multiply(q).add(delta(baseFeeBps).multiply(p)).multiply(unit), q,
                rounding));
        return new BigDecimal(v, scale);
    }

    private BigInteger delta(int baseFeeBps) {
        return BigInteger.valueOf(startFeeBps - baseFeeBps);
    }

    private void checkBase(int baseFeeBps) {
        if (baseFeeBps < 0 || baseFeeBps > startFeeBps) {
            throw InvalidArgumentException.of("swapFeeBps", baseFeeBps, "must be between 0 and the anti-sniping "
                    + "start fee " + startFeeBps + " bps");
        }
    }

    private static void checkTime(long elapsedSeconds) {
        if (elapsedSeconds < 0) {
            throw InvalidArgumentException.of("elapsedSeconds", elapsedSeconds, "must not be negative");
        }
    }

    /** True when φ(t) is 0 or 1, or linear: the fee is a rational with a small denominator. */
    private boolean phiIsExact(long t) {
        checkTime(t);
        return t >= windowSeconds || t == 0;
    }

    /** The fee in bps when φ is 0 or 1 (after the window or at the opening). */
    private int exactBps(int baseFeeBps, long t) {
        checkBase(baseFeeBps);
        return t >= windowSeconds ? baseFeeBps : startFeeBps;
    }

    /** A rounded value computed from φ = p/q, increasing in φ. */
    private interface OfPhi {
        BigInteger at(BigInteger p, BigInteger q);
    }

    /**
     * The value at the exact φ(t), for 0 < t < D: exact for the linear decay; for the exponential, from a
     * bracket [φlo, φhi] narrowed until both ends give the same rounded value.
     */
    private BigInteger bracket(BigInteger magnitude, long t, OfPhi f) {
        if (decay == Decay.LINEAR) {
            return f.at(BigInteger.valueOf(windowSeconds - t), BigInteger.valueOf(windowSeconds));
        }
        if (t % halfLifeSeconds == 0) {
            // A whole number of half-lives: φ = 1/2^(t/h) exactly (t/h <= 1,000).
            return f.at(BigInteger.ONE, BigInteger.TWO.pow((int) (t / halfLifeSeconds)));
        }
        for (int digits = magnitude.toString().length() + 20; ; digits = Math.min(MAX_DIGITS, digits * 2)) {
            BigDecimal lo = phi(t, digits, false);
            BigDecimal hi = phi(t, digits, true);
            BigInteger a = f.at(lo.unscaledValue(), BigInteger.TEN.pow(lo.scale()));
            BigInteger b = f.at(hi.unscaledValue(), BigInteger.TEN.pow(hi.scale()));
            if (a.equals(b)) {
                return a;
            }
            if (digits == MAX_DIGITS) {
                // The exact value lies within 10^-600 (relative) of a rounding boundary: take the end that
                // charges more, so the buyer is never undercharged (never met; see docs/launch.md).
                return b;
            }
        }
    }

    /** 2^(−t/h) = e^(−t·ln2/h), rounded outward: a lower bound when {@code upper} is false, else an upper bound. */
    private BigDecimal phi(long t, int digits, boolean upper) {
        int guard = 10;
        MathContext lnMc = new MathContext(digits + guard, upper ? RoundingMode.FLOOR : RoundingMode.CEILING);
        BigDecimal ln2 = ExactMath.ln(BigDecimal.valueOf(2), lnMc, guard);
        // exponent −t·ln2/h: the upper bound of φ takes ln2 low and rounds the exponent up (toward zero).
        BigDecimal exponent = ln2.multiply(BigDecimal.valueOf(t)).negate()
                .divide(BigDecimal.valueOf(halfLifeSeconds), digits + guard, upper ? RoundingMode.CEILING : RoundingMode.FLOOR);
        int scale = digits + (int) (t / halfLifeSeconds * 3 / 10) + 1;
        return ExactMath.exp(exponent, scale, upper ? RoundingMode.CEILING : RoundingMode.FLOOR, guard);
    }

    private static BigInteger divide(BigInteger num, BigInteger den, RoundingMode rounding) {
        return new BigDecimal(num).divide(new BigDecimal(den), 0, rounding).toBigIntegerExact();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AntiSniping a && a.decay == decay && a.startFeeBps == startFeeBps
                && a.windowSeconds == windowSeconds && a.halfLifeSeconds == halfLifeSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(decay, startFeeBps, windowSeconds, halfLifeSeconds);
    }

    @Override
    public String toString() {
        switch (decay) {
            case NONE:
                return "AntiSniping[none]";
            case LINEAR:
                return "AntiSniping[linear from " + startFeeBps + " bps over " + windowSeconds + " s]";
            default:
                return "AntiSniping[exponential from " + startFeeBps + " bps, half-life " + halfLifeSeconds
                        + " s, over " + windowSeconds + " s]";
        }
    }
}
