package io.fomo.core.launch;

import io.fomo.spi.Amount;
import java.util.Objects;

/**
 * The result of an exact-in buy on a bonding curve: the tokens bought, the quote the curve used (all of
 * the input, or less when the buy completes the tranche), and the position after the buy.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CurveFill {

    private final Amount baseOut;
    private final Amount quoteUsed;
    private final CurvePosition after;
    private final boolean completesTranche;

    CurveFill(Amount baseOut, Amount quoteUsed, CurvePosition after, boolean completesTranche) {
        this.baseOut = baseOut;
        this.quoteUsed = quoteUsed;
        this.after = after;
        this.completesTranche = completesTranche;
    }

    /**
     * Returns the base tokens bought.
     *
     * @return the output, possibly zero for a dust input
     */
    public Amount baseOut() {
        return baseOut;
    }

    /**
     * Returns the quote the curve used: the whole input, unless the buy completed the tranche.
     *
     * @return the quote used
     */
    public Amount quoteUsed() {
        return quoteUsed;
    }

    /**
     * Returns the position after the buy.
     *
     * @return the new position
     */
    public CurvePosition after() {
        return after;
    }

    /**
     * Tells whether this buy sold the last token of the tranche.
     *
     * @return true when the tranche is sold out after the buy
     */
    public boolean completesTranche() {
        return completesTranche;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurveFill f && f.baseOut.equals(baseOut) && f.quoteUsed.equals(quoteUsed)
                && f.after.equals(after) && f.completesTranche == completesTranche;
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseOut, quoteUsed, after, completesTranche);
    }

    @Override
    public String toString() {
        return "CurveFill[out " + baseOut + ", used " + quoteUsed + (completesTranche ? ", completes" : "") + "]";
    }
}
