package io.fomo.core.revenue;

import io.fomo.core.math.Share;
import io.fomo.core.math.Waterfall;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Routes gross inference revenue (FOMO-SPEC §3.1): hard operating costs first, the net floored at zero,
 * then the net split by {@link RevenueWeights} with the dust to the treasury.
 *
 * <p>The protocol routes the <em>sum</em> of a deployment's payments once per epoch
 * ({@link RevenueLedger#closeEpoch}), not each payment: see {@link #routeEach(List, Amount)} and
 * docs/revenue-and-staking.md for why, and for the bound on the difference.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RevenueRouter {

    private final RevenueWeights weights;
    private final RoundingMode rounding;

    private RevenueRouter(RevenueWeights weights, RoundingMode rounding) {
        this.weights = weights;
        this.rounding = rounding;
    }

    /**
     * Returns a router.
     *
     * @param weights  the routing weights
     * @param rounding the direction of each recipient's share (the protocol pays out: DOWN by default);
     *                 the treasury takes whatever the rounding leaves
     * @return the router
     * @throws InvalidArgumentException if the rounding is UNNECESSARY, or rounds up (UP or CEILING), which
     *                                  could make the shares exceed the net
     */
    public static RevenueRouter of(RevenueWeights weights, RoundingMode rounding) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(rounding, "rounding");
        if (rounding != RoundingMode.DOWN && rounding != RoundingMode.FLOOR) {
            throw InvalidArgumentException.of("rounding", rounding,
                    "shares must round DOWN (or FLOOR) so that the treasury sink is never negative");
        }
        return new RevenueRouter(weights, rounding);
    }

    /**
     * Returns the router of the default weights, shares rounding DOWN.
     *
     * @return the default router
     */
    public static RevenueRouter defaults() {
        return of(RevenueWeights.defaults(), RoundingMode.DOWN);
    }

    /**
     * Returns the weights.
     *
     * @return the weights
     */
    public RevenueWeights weights() {
        return weights;
    }

    /**
     * Returns the rounding of each share.
     *
     * @return the rounding
     */
    public RoundingMode rounding() {
        return rounding;
    }

    /**
     * Routes one gross amount.
     *
     * @param gross     the gross revenue
     * @param hardCosts the hard operating costs to pay first, of the same asset
     * @return the split
     * @throws io.fomo.spi.AssetMismatchException if the assets differ
     */
    public RevenueSplit route(Amount gross, Amount hardCosts) {
        Objects.requireNonNull(gross, "gross");
        gross.requireSameAsset("hardCosts", hardCosts);
        Asset asset = gross.asset();
        Amount covered = gross.min(hardCosts);
        Amount net = gross.minus(covered);
        Waterfall plan = weights.waterfall(asset, rounding);
        Map<String, Amount> parts = plan.split(net);
        Amount treasury = parts.get(RevenueWeights.TREASURY);
        Amount exactTreasuryShare = Share.ofBps(RevenueWeights.TREASURY, weights.treasuryBps()).of(net, rounding);
        return new RevenueSplit(gross, hardCosts, covered, net, parts.get(RevenueWeights.MT_BUYBACK),
                parts.get(RevenueWeights.FLOCK_BUYBACK), treasury, parts.get(RevenueWeights.ISSUER),
                treasury.minus(exactTreasuryShare));
    }

    /**
     * Routes each gross amount on its own, without costs, and adds the splits: the "sum of the routes".
     * The protocol does not use this; it exists to state the bound against {@link #route} of the sum:
     * for each of MT buyback, FLOCK buyback and issuer, the routed sum minus the sum of routes is between
     * 0 and {@code k - 1} base units for {@code k} amounts; both give the same net exactly, and the
     * treasury absorbs the difference.
     *
     * @param grosses the amounts, all of {@code asset}
     * @param zero    zero of the asset, returned for an empty list
     * @return the part-wise sum of the routes
     * @throws io.fomo.spi.AssetMismatchException if an amount is of another asset
     */
    public RevenueSplit routeEach(List<Amount> grosses, Amount zero) {
        Objects.requireNonNull(grosses, "grosses");
        RevenueSplit sum = route(zero, zero);
        for (Amount g : grosses) {
            sum = sum.plus(route(g, Amount.zero(g.asset())));
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RevenueRouter r && r.weights.equals(weights) && r.rounding == rounding;
    }

    @Override
    public int hashCode() {
        return weights.hashCode() * 31 + rounding.hashCode();
    }

    @Override
    public String toString() {
        return "RevenueRouter[" + weights + ", " + rounding + "]";
    }
}
