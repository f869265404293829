package io.fomo.core.launch;

import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.util.Objects;

/**
 * Where a sale stands on its bonding curve: the tokens sold so far and the quote that has reached the
 * curve for them.
 *
 * <p>Curves whose price is a function of the amount sold (linear, exponential) read only {@link #sold()};
 * the constant-product curve reads both, since its reserves are the virtual reserves plus what was
 * raised and minus what was sold.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CurvePosition {

    private final Amount sold;
    private final Amount raised;

    private CurvePosition(Amount sold, Amount raised) {
        this.sold = sold;
        this.raised = raised;
    }

    /**
     * Returns the position before the first sale of a curve: nothing sold, nothing raised.
     *
     * @param curve the curve
     * @return the starting position
     */
    public static CurvePosition start(BondingCurve curve) {
        Objects.requireNonNull(curve, "curve");
        return new CurvePosition(Amount.zero(curve.baseAsset()), Amount.zero(curve.quoteAsset()));
    }

    /**
     * Returns a position.
     *
     * @param sold   the base tokens sold so far
     * @param raised the quote that reached the curve so far
     * @return the position
     * @throws InvalidArgumentException if both amounts are of the same asset
     */
    public static CurvePosition of(Amount sold, Amount raised) {
        Objects.requireNonNull(sold, "sold");
        Objects.requireNonNull(raised, "raised");
        if (sold.asset().equals(raised.asset())) {
            throw InvalidArgumentException.of("raised", raised, "must be of another asset than sold");
        }
        return new CurvePosition(sold, raised);
    }

    /**
     * Returns the base tokens sold so far.
     *
     * @return the amount sold
     */
    public Amount sold() {
        return sold;
    }

    /**
     * Returns the quote that reached the curve so far.
     *
     * @return the amount raised
     */
    public Amount raised() {
        return raised;
    }

    CurvePosition after(Amount baseOut, Amount quoteUsed) {
        return new CurvePosition(sold.plus(baseOut), raised.plus(quoteUsed));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurvePosition p && p.sold.equals(sold) && p.raised.equals(raised);
    }

    @Override
    public int hashCode() {
        return sold.hashCode() * 31 + raised.hashCode();
    }

    @Override
    public String toString() {
        return "CurvePosition[sold " + sold + ", raised " + raised + "]";
    }
}
