package io.fomo.core.amm;

import io.fomo.spi.Amount;
import java.util.Objects;

/**
 * The outcome of one swap on a {@link ConstantProductPool}: the pool after the swap and the amounts
 * that went in and came out.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SwapResult {

    private final ConstantProductPool pool;
    private final Amount amountIn;
    private final Amount amountOut;

    SwapResult(ConstantProductPool pool, Amount amountIn, Amount amountOut) {
        this.pool = pool;
        this.amountIn = amountIn;
        this.amountOut = amountOut;
    }

    /**
     * Returns the pool after the swap.
     *
     * @return the new pool
     */
    public ConstantProductPool pool() {
        return pool;
    }

    /**
     * Returns what the trader paid into the pool (fee included).
     *
     * @return the input
     */
    public Amount amountIn() {
        return amountIn;
    }

    /**
     * Returns what the trader received from the pool.
     *
     * @return the output, of the other asset
     */
    public Amount amountOut() {
        return amountOut;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SwapResult r && r.pool.equals(pool) && r.amountIn.equals(amountIn)
                && r.amountOut.equals(amountOut);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pool, amountIn, amountOut);
    }

    @Override
    public String toString() {
        return "SwapResult[in " + amountIn + ", out " + amountOut + ", " + pool + "]";
    }
}
