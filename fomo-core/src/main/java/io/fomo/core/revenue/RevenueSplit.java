package io.fomo.core.revenue;

import io.fomo.spi.Amount;
import java.util.Objects;

/**
 * The result of routing one gross revenue amount (FOMO-SPEC §3.1): the hard costs covered, the net, and
 * the four parts of the net.
 *
 * <p>Two identities always hold, exactly: {@code gross == costsCovered + net} and
 * {@code net == mtBuyback + flockBuyback + treasury + issuer}. The treasury's part includes
 * {@link #treasuryDust()}, the base units the rounded-down shares of the other recipients left over.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RevenueSplit {

    private final Amount gross;
    private final Amount hardCosts;
    private final Amount costsCovered;
    private final Amount net;
    private final Amount mtBuyback;
    private final Amount flockBuyback;
    private final Amount treasury;
    private final Amount issuer;
    private final Amount treasuryDust;

    RevenueSplit(Amount gross, Amount hardCosts, Amount costsCovered, Amount net, Amount mtBuyback,
            Amount flockBuyback, Amount treasury, Amount issuer, Amount treasuryDust) {
        this.gross = gross;
        this.hardCosts = hardCosts;
        this.costsCovered = costsCovered;
        this.net = net;
        this.mtBuyback = mtBuyback;
        this.flockBuyback = flockBuyback;
        this.treasury = treasury;
        this.issuer = issuer;
        this.treasuryDust = treasuryDust;
    }

    /**
     * Returns the gross revenue routed.
     *
     * @return the gross
     */
    public Amount gross() {
        return gross;
    }

    /**
     * Returns the hard operating costs owed for the period.
     *
     * @return the costs, possibly more than the gross
     */
    public Amount hardCosts() {
        return hardCosts;
    }

    /**
     * Returns the part of the hard costs the gross covered: {@code min(gross, hardCosts)}.
     *
     * @return the costs paid
     */
    public Amount costsCovered() {
        return costsCovered;
    }

    /**
     * Returns the net revenue: {@code max(gross - hardCosts, 0)}.
     *
     * @return the net
     */
    public Amount net() {
        return net;
    }

    /**
     * Returns the MT buyback-and-burn part.
     *
     * @return the part
     */
    public Amount mtBuyback() {
        return mtBuyback;
    }

    /**
     * Returns the FLOCK buyback-and-burn part.
     *
     * @return the part
     */
    public Amount flockBuyback() {
        return flockBuyback;
    }

    /**
     * Returns the treasury part, dust included.
     *
     * @return the part
     */
    public Amount treasury() {
        return treasury;
    }

    /**
     * Returns the issuer yield part.
     *
     * @return the part
     */
    public Amount issuer() {
        return issuer;
    }

    /**
     * Returns the dust in the treasury part: the treasury part less its own rounded-down share. With four
     * recipients it is at most 3 base units: it is the sum of the four shares' fractional parts, each less
     * than one unit, and it is a whole number.
     *
     * @return the dust
     */
    public Amount treasuryDust() {
        return treasuryDust;
    }

    /**
     * Returns the sum of two splits, part by part (used to compare routing per payment with routing per
     * epoch).
     *
     * @param other another split of the same asset
     * @return the part-wise sum
     * @throws io.fomo.spi.AssetMismatchException if the assets differ
     */
    public RevenueSplit plus(RevenueSplit other) {
        Objects.requireNonNull(other, "other");
        return new RevenueSplit(gross.plus(other.gross), hardCosts.plus(other.hardCosts),
                costsCovered.plus(other.costsCovered), net.plus(other.net), mtBuyback.plus(other.mtBuyback),
                flockBuyback.plus(other.flockBuyback), treasury.plus(other.treasury), issuer.plus(other.issuer),
                treasuryDust.plus(other.treasuryDust));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RevenueSplit s && s.gross.equals(gross) && s.hardCosts.equals(hardCosts)
                && s.costsCovered.equals(costsCovered) && s.net.equals(net) && s.mtBuyback.equals(mtBuyback)
                && s.flockBuyback.equals(flockBuyback) && s.treasury.equals(treasury) && s.issuer.equals(issuer)
                && s.treasuryDust.equals(treasuryDust);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gross, hardCosts, net, mtBuyback, flockBuyback, treasury, issuer);
    }

    @Override
    public String toString() {
        return "RevenueSplit[gross=" + gross + ", hardCosts=" + hardCosts + ", net=" + net + ", mtBuyback="
                + mtBuyback + ", flockBuyback=" + flockBuyback + ", treasury=" + treasury + " (dust "
                + treasuryDust.toPlainString() + "), issuer=" + issuer + "]";
    }
}
