package io.fomo.core.revenue;

import io.fomo.core.math.Share;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
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

    /** The largest net, in base units, whose products with a weight in bps fit in a {@code long}. */
    private static final long MAX_LONG_NET = Long.MAX_VALUE / Share.BPS_WHOLE;
    private static final BigInteger BPS_WHOLE = BigInteger.valueOf(Share.BPS_WHOLE);

    private final RevenueWeights weights;
    private final RoundingMode rounding;
    /**
     * The treasury dusts 0 to 3 base units (the only values four recipients can leave) of the asset last
     * routed, so the usual payment allocates one amount less. Not part of the router's value; a race
     * between threads at worst builds it twice.
     */
    private volatile Amount[] smallDust;

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
     * <p>The result is the plan of {@link RevenueWeights#waterfall(Asset, RoundingMode)} applied to the net:
     * each share is {@code ⌊net · bps / 10,000⌋} base units (DOWN and FLOOR agree on amounts, which are
     * never negative) and the treasury takes the rest. It is computed in base units directly, in
     * {@code long} arithmetic when the net is below {@code 2^63 / 10,000} base units (every USD or USDC
     * amount under about 922 million) and in {@link BigInteger} otherwise, with the same result.
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
        Amount net = covered.isZero() ? gross : gross.minus(covered);
        BigInteger units = net.units();
        if (units.bitLength() < Long.SIZE && units.longValue() <= MAX_LONG_NET) {
            long n = units.longValue();
            long mt = n * weights.mtBuybackBps() / Share.BPS_WHOLE;
            long flock = n * weights.flockBuybackBps() / Share.BPS_WHOLE;
            long issuer = n * weights.issuerBps() / Share.BPS_WHOLE;
            long treasury = n - mt - flock - issuer;
            long dust = treasury - n * weights.treasuryBps() / Share.BPS_WHOLE;
            return new RevenueSplit(gross, hardCosts, covered, net, Amount.ofUnits(asset, mt),
                    Amount.ofUnits(asset, flock), Amount.ofUnits(asset, treasury), Amount.ofUnits(asset, issuer),
                    dustAmount(asset, dust));
        }
        BigInteger mt = shareOf(units, weights.mtBuybackBps());
        BigInteger flock = shareOf(units, weights.flockBuybackBps());
        BigInteger issuer = shareOf(units, weights.issuerBps());
        BigInteger treasury = units.subtract(mt).subtract(flock).subtract(issuer);
        BigInteger dust = treasury.subtract(shareOf(units, weights.treasuryBps()));
        return new RevenueSplit(gross, hardCosts, covered, net, Amount.ofUnits(asset, mt),
                Amount.ofUnits(asset, flock), Amount.ofUnits(asset, treasury), Amount.ofUnits(asset, issuer),
                Amount.ofUnits(asset, dust));
    }

    private Amount dustAmount(Asset asset, long units) {
        Amount[] small = smallDust;
        if (small == null || !small[0].asset().equals(asset)) {
            small = new Amount[] {Amount.zero(asset), Amount.ofUnits(asset, 1), Amount.ofUnits(asset, 2),
                Amount.ofUnits(asset, 3)};
            smallDust = small;
        }
        return units < small.length ? small[(int) units] : Amount.ofUnits(asset, units);
    }

    private static BigInteger shareOf(BigInteger units, int bps) {
        return units.multiply(BigInteger.valueOf(bps)).divide(BPS_WHOLE);
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
