package io.fomo.core.amm;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A two-asset constant-product pool (x·y = k) with a swap fee in basis points, computed in integer base
 * units with the semantics of Uniswap v2 (FOMO-SPEC §2).
 *
 * <p>In base units, with {@code f} the fee in bps and {@code W = 10,000}:
 * <ul>
 *   <li>exact-in: {@code out = floor(in·(W − f)·Rout / (Rin·W + in·(W − f)))}, the largest output the
 *       fee-adjusted invariant allows (Uniswap's {@code getAmountOut} when {@code f = 30});</li>
 *   <li>exact-out: {@code in = floor(Rin·out·W / ((Rout − out)·(W − f))) + 1}, Uniswap's
 *       {@code getAmountIn}: it rounds up, and is one base unit above the exact ceiling when the
 *       division happens to be exact (kept so the pool reproduces Uniswap to the unit).</li>
 * </ul>
 * Both directions are pool-favouring, so {@code k = Ra·Rb} never decreases across a swap.
 *
 * <p>The liquidity given to {@link #open(Amount, Amount, int)} is locked: the pool has no withdrawal.
 * The pool is a value: a swap returns a {@link SwapResult} holding a new pool; this one is unchanged,
 * whether the swap succeeds or throws.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ConstantProductPool {

    /** Basis points in a whole. */
    static final int BPS_WHOLE = 10_000;

    /** The largest fee the pool accepts: a fee of 100% would make every output zero. */
    public static final int MAX_FEE_BPS = 9_999;

    private static final BigInteger W = BigInteger.valueOf(BPS_WHOLE);

    private final Amount reserveA;
    private final Amount reserveB;
    private final int feeBps;

    private ConstantProductPool(Amount reserveA, Amount reserveB, int feeBps) {
        this.reserveA = reserveA;
        this.reserveB = reserveB;
        this.feeBps = feeBps;
    }

    /**
     * Opens a pool with its initial, locked liquidity.
     *
     * @param reserveA the initial reserve of the first asset, positive
     * @param reserveB the initial reserve of the second asset, positive, of another asset
     * @param feeBps   the swap fee taken from every input, 0 to {@value #MAX_FEE_BPS} bps
     * @return the pool
     * @throws InsufficientLiquidityException if a reserve is zero
     * @throws InvalidArgumentException       if both reserves are of the same asset or the fee is out of
     *                                        range
     */
    public static ConstantProductPool open(Amount reserveA, Amount reserveB, int feeBps) {
        Objects.requireNonNull(reserveA, "reserveA");
        Objects.requireNonNull(reserveB, "reserveB");
        // Uniswap's library reverts INSUFFICIENT_LIQUIDITY on an empty reserve; the pool does the same.
        if (!reserveA.isPositive()) {
            throw InsufficientLiquidityException.of("reserveA", reserveA, "must be positive");
        }
        if (!reserveB.isPositive()) {
            throw InsufficientLiquidityException.of("reserveB", reserveB, "must be positive");
        }
        if (reserveA.asset().equals(reserveB.asset())) {
            throw InvalidArgumentException.of("reserveB", reserveB,
                    "must be of another asset than reserveA (" + reserveA.asset() + ")");
        }
        if (feeBps < 0 || feeBps > MAX_FEE_BPS) {
            throw InvalidArgumentException.of("feeBps", feeBps, "must be between 0 and " + MAX_FEE_BPS);
        }
        return new ConstantProductPool(reserveA, reserveB, feeBps);
    }

    /**
     * Returns the first asset (the asset of {@code reserveA} at opening).
     *
     * @return the first asset
     */
    public Asset assetA() {
        return reserveA.asset();
    }

    /**
     * Returns the second asset (the asset of {@code reserveB} at opening).
     *
     * @return the second asset
     */
    public Asset assetB() {
        return reserveB.asset();
    }

    /**
     * Returns the reserve of one of the pool's assets.
     *
     * @param asset one of the pool's two assets
     * @return its reserve, always positive
     * @throws AssetMismatchException if the asset is not in the pool
     */
    public Amount reserve(Asset asset) {
        Objects.requireNonNull(asset, "asset");
        if (asset.equals(reserveA.asset())) {
            return reserveA;
        }
        if (asset.equals(reserveB.asset())) {
            return reserveB;
        }
        throw new AssetMismatchException("asset", reserveA.asset(), asset);
    }

    /**
     * Returns the swap fee.
     *
     * @return the fee in bps
     */
    public int feeBps() {
        return feeBps;
    }

    /**
     * Returns the invariant: the product of both reserves in base units.
     *
     * @return {@code k}, never decreasing across swaps
     */
    public BigInteger k() {
        return reserveA.units().multiply(reserveB.units());
    }

    /**
     * Returns the asset paired with one of the pool's assets.
     *
     * @param asset one of the pool's assets
     * @return the other asset
     * @throws AssetMismatchException if the asset is not in the pool
     */
    public Asset other(Asset asset) {
        reserve(asset);
        return asset.equals(reserveA.asset()) ? reserveB.asset() : reserveA.asset();
    }

    /**
     * Quotes an exact-in swap: the output of the other asset for this input, rounded down.
     *
     * @param in the input, positive, of one of the pool's assets
     * @return the output (may be zero for a dust input), strictly less than the output reserve
     * @throws InvalidArgumentException if the input is zero
     * @throws AssetMismatchException   if the input's asset is not in the pool
     */
    public Amount amountOut(Amount in) {
        return amountOut(in, RoundingMode.DOWN);
    }

    /**
     * Quotes an exact-in swap with another rounding of the output. Only {@link RoundingMode#DOWN} (or
     * FLOOR) is what a swap executes; other modes are for comparing against other conventions.
     *
     * @param in       the input, positive, of one of the pool's assets
     * @param rounding the direction of the output's single rounding to a base unit
     * @return the output
     * @throws InvalidArgumentException       if the input is zero
     * @throws InsufficientLiquidityException if the rounded output would take the whole output reserve
     * @throws AssetMismatchException         if the input's asset is not in the pool
     */
    public Amount amountOut(Amount in, RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        Amount rin = inputReserve("amountIn", in);
        Amount rout = otherReserve(in.asset());
        requirePositive("amountIn", in);
        BigInteger out = outUnits(in.units(), rin.units(), rout.units(), feeBps, rounding);
        if (out.compareTo(rout.units()) >= 0) {
            throw InsufficientLiquidityException.of("amountIn", in,
                    "the output would drain the " + rout.asset() + " reserve of " + rout);
        }
        return Amount.ofUnits(rout.asset(), out);
    }

    /**
     * Quotes an exact-out swap: the input of the other asset needed for this output, rounded up.
     *
     * @param out the wanted output, positive, of one of the pool's assets
     * @return the input of the other asset
     * @throws InvalidArgumentException       if the output is zero
     * @throws InsufficientLiquidityException if the output is not less than its reserve
     * @throws AssetMismatchException         if the output's asset is not in the pool
     */
    public Amount amountIn(Amount out) {
        Amount rout = inputReserve("amountOut", out);
        Amount rin = otherReserve(out.asset());
        requirePositive("amountOut", out);
        if (out.compareTo(rout) >= 0) {
            throw InsufficientLiquidityException.of("amountOut", out,
                    "must be less than the " + rout.asset() + " reserve of " + rout);
        }
        return Amount.ofUnits(rin.asset(), inUnits(out.units(), rin.units(), rout.units(), feeBps));
    }

    /**
     * Swaps an exact input for the quoted output ({@link #amountOut(Amount)}).
     *
     * @param in the input, positive, of one of the pool's assets
     * @return the new pool and the amounts exchanged
     * @throws InvalidArgumentException if the input is zero or so small that the output rounds to zero
     * @throws AssetMismatchException   if the input's asset is not in the pool
     */
    public SwapResult swapExactIn(Amount in) {
        Amount out = amountOut(in);
        if (out.isZero()) {
            throw InvalidArgumentException.of("amountIn", in, "too small: the output rounds to zero");
        }
        return new SwapResult(after(in, out), in, out);
    }

    /**
     * Swaps for an exact output, paying the quoted input ({@link #amountIn(Amount)}).
     *
     * @param out the wanted output, positive, of one of the pool's assets
     * @return the new pool and the amounts exchanged
     * @throws InvalidArgumentException       if the output is zero
     * @throws InsufficientLiquidityException if the output is not less than its reserve
     * @throws AssetMismatchException         if the output's asset is not in the pool
     */
    public SwapResult swapExactOut(Amount out) {
        Amount in = amountIn(out);
        return new SwapResult(after(in, out), in, out);
    }

    /**
     * Returns the spot (marginal, fee-free) price of one whole token of {@code base} in the other asset:
     * {@code reserve(other) / reserve(base)}, in whole tokens.
     *
     * @param base one of the pool's assets
     * @param mc   the precision and rounding of the quotient
     * @return the price, positive
     * @throws AssetMismatchException if the asset is not in the pool
     */
    public BigDecimal spotPrice(Asset base, MathContext mc) {
        Objects.requireNonNull(mc, "mc");
        Amount rb = reserve(base);
        Amount rq = reserve(other(base));
        return rq.value().divide(rb.value(), mc);
    }

    /**
     * Returns the price impact of an exact-in swap, as Uniswap's v2 SDK defines it: the shortfall of the
     * quoted output against the output at the spot price, {@code 1 − amountOut(in) / (in · spot)}. It
     * includes the fee and the rounding of the output, so a fee-only trade of negligible size has an
     * impact of about {@code feeBps / 10,000}.
     *
     * @param in the input, positive, of one of the pool's assets
     * @param mc the precision and rounding of the result
     * @return the impact, between 0 and 1
     * @throws InvalidArgumentException if the input is zero
     * @throws AssetMismatchException   if the input's asset is not in the pool
     */
    public BigDecimal priceImpact(Amount in, MathContext mc) {
        Objects.requireNonNull(mc, "mc");
        Amount out = amountOut(in);
        Amount rin = reserve(in.asset());
        Amount rout = otherReserve(in.asset());
        // 1 − out·Rin / (in·Rout), in exact base-unit integers; one division.
        BigInteger num = out.units().multiply(rin.units());
        BigInteger den = in.units().multiply(rout.units());
        return new BigDecimal(den.subtract(num)).divide(new BigDecimal(den), mc);
    }

    private ConstantProductPool after(Amount in, Amount out) {
        if (in.asset().equals(reserveA.asset())) {
            return new ConstantProductPool(reserveA.plus(in), reserveB.minus(out), feeBps);
        }
        return new ConstantProductPool(reserveA.minus(out), reserveB.plus(in), feeBps);
    }

    private Amount inputReserve(String field, Amount amount) {
        Objects.requireNonNull(amount, field);
        if (!amount.asset().equals(reserveA.asset()) && !amount.asset().equals(reserveB.asset())) {
            throw new AssetMismatchException(field, reserveA.asset(), amount.asset());
        }
        return reserve(amount.asset());
    }

    private Amount otherReserve(Asset asset) {
        return asset.equals(reserveA.asset()) ? reserveB : reserveA;
    }

    private static void requirePositive(String field, Amount amount) {
        if (!amount.isPositive()) {
            throw InvalidArgumentException.of(field, amount, "must be positive");
        }
    }

    /**
     * Exact-in output in base units: in·(W−f)·Rout / (Rin·W + in·(W−f)), rounded once.
     */
    static BigInteger outUnits(BigInteger in, BigInteger rin, BigInteger rout, int feeBps, RoundingMode rounding) {
        BigInteger inWithFee = in.multiply(W.subtract(BigInteger.valueOf(feeBps)));
        BigInteger num = inWithFee.multiply(rout);
        BigInteger den = rin.multiply(W).add(inWithFee);
        if (rounding == RoundingMode.DOWN || rounding == RoundingMode.FLOOR) {
            return num.divide(den); // the floor: num >= 0, den > 0
        }
        return new BigDecimal(num).divide(new BigDecimal(den), 0, rounding).toBigIntegerExact();
    }

    /**
     * Exact-out input in base units: floor(Rin·out·W / ((Rout−out)·(W−f))) + 1 (Uniswap v2).
     */
    static BigInteger inUnits(BigInteger out, BigInteger rin, BigInteger rout, int feeBps) {
        BigInteger num = rin.multiply(out).multiply(W);
        BigInteger den = rout.subtract(out).multiply(W.subtract(BigInteger.valueOf(feeBps)));
        return num.divide(den).add(BigInteger.ONE);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConstantProductPool p && p.reserveA.equals(reserveA)
                && p.reserveB.equals(reserveB) && p.feeBps == feeBps;
    }

    @Override
    public int hashCode() {
        return Objects.hash(reserveA, reserveB, feeBps);
    }

    @Override
    public String toString() {
        return "ConstantProductPool[" + reserveA + " / " + reserveB + ", fee " + feeBps + " bps]";
    }
}
