package io.fomo.core.launch;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A bonding curve that sells a fixed tranche of base tokens (MT) for a quote asset (FLOCK), its price
 * rising as the tranche is sold (FOMO-SPEC §1.6).
 *
 * <p>Every curve follows the same tranche rules, so a sale can never sell past its tranche and always
 * raises exactly {@link #trancheCost()} when it sells out:
 * <ul>
 *   <li>a buy whose input covers what remains of the tranche cost ({@code trancheCost − raised}) buys
 *       exactly the rest of the tranche and uses exactly that remaining cost; the rest of its input is
 *       not used;</li>
 *   <li>any smaller buy uses its whole input and gets the curve's formula output, rounded in the
 *       caller's direction, but never the last base unit of the tranche (that unit is sold only by the
 *       buy that completes the tranche).</li>
 * </ul>
 * Quotes are the execution: {@link #buy} is a pure function of the position and the input.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface BondingCurve permits ConstantProductCurve, LinearCurve, ExponentialCurve {

    /**
     * Returns the asset buyers pay in.
     *
     * @return the quote asset (FLOCK in an RMO)
     */
    Asset quoteAsset();

    /**
     * Returns the asset the curve sells.
     *
     * @return the base asset (the model token in an RMO)
     */
    Asset baseAsset();

    /**
     * Returns the number of base tokens the curve sells in all.
     *
     * @return the tranche, positive
     */
    Amount tranche();

    /**
     * Returns the quote that buys the whole tranche from the start: what a sell-out raises, exactly.
     *
     * @return the tranche cost, positive
     */
    Amount trancheCost();

    /**
     * Buys with an exact input of the quote asset (exact-in).
     *
     * @param position where the sale stands
     * @param quoteIn  the input, positive, of the quote asset
     * @param rounding the direction of the output's single rounding to a base unit (DOWN favours the
     *                 curve; CEILING favours the buyer); not UNNECESSARY
     * @return the tokens bought, the quote used and the new position
     * @throws InvalidArgumentException       if the input is zero, of another asset, or the position is
     *                                        not on this curve's tranche
     * @throws InsufficientLiquidityException if the tranche is already sold out
     */
    CurveFill buy(CurvePosition position, Amount quoteIn, RoundingMode rounding);

    /**
     * Returns the quote needed to buy an exact number of base tokens (exact-out), rounded up. Buying with
     * that input then yields at least the requested tokens.
     *
     * @param position where the sale stands
     * @param baseOut  the wanted tokens, positive, of the base asset
     * @return the cost; exactly the remaining tranche cost when {@code baseOut} is the rest of the
     *         tranche, and never more than it
     * @throws InvalidArgumentException       if the amount is zero, of another asset, or the position is
     *                                        not on this curve's tranche
     * @throws InsufficientLiquidityException if the amount exceeds what remains of the tranche
     */
    Amount costToBuy(CurvePosition position, Amount baseOut);

    /**
     * Returns the marginal price at a position, in whole quote tokens per whole base token.
     *
     * @param position where the sale stands
     * @param mc       the precision and rounding of the result
     * @return the price, positive
     * @throws InvalidArgumentException if the position is not on this curve's tranche
     */
    BigDecimal spotPrice(CurvePosition position, MathContext mc);

    /**
     * Returns the marginal price of the ideal curve after a given amount has been sold (for the
     * constant-product curve: on the starting invariant, ignoring rounding gains).
     *
     * @param sold the base tokens sold, at most the tranche
     * @param mc   the precision and rounding of the result
     * @return the price, positive, never falling as {@code sold} grows
     * @throws InvalidArgumentException if {@code sold} is of another asset or exceeds the tranche
     */
    BigDecimal spotPriceAt(Amount sold, MathContext mc);
}
