package io.fomo.core.revenue;

import io.fomo.core.math.Share;
import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A deployment's inference price (FOMO-SPEC §3.2): a list price and a minimum price floor per unit of
 * usage, and discount tiers by staked MT.
 *
 * <p>The price a user pays per unit is {@code max(floor, list * (10000 - discountBps) / 10000)}, the
 * product rounded UP (a user pays) to the price's decimals. A charge for {@code units} units is
 * {@code units * price}, rounded UP to the quote asset's decimals; that charge is the amount of the
 * {@link UsagePayment}, so revenue enters the router at the price actually paid.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class InferencePricing {

    private final UnitPrice listPrice;
    private final UnitPrice floorPrice;
    private final DiscountTiers tiers;
    private final RoundingMode charge;

    /** The price per unit at each discount a tier can give (and at none), computed once: a few entries. */
    private final Map<Integer, UnitPrice> tierPrices;

    private InferencePricing(UnitPrice listPrice, UnitPrice floorPrice, DiscountTiers tiers, RoundingMode charge) {
        this.listPrice = listPrice;
        this.floorPrice = floorPrice;
        this.tiers = tiers;
        this.charge = charge;
        Map<Integer, UnitPrice> prices = new HashMap<>();
        prices.put(0, discounted(0));
        for (DiscountTiers.Tier t : tiers.tiers()) {
            prices.put(t.discountBps(), discounted(t.discountBps()));
        }
        this.tierPrices = Map.copyOf(prices);
    }

    /**
     * Returns a pricing that rounds charges UP.
     *
     * @param listPrice  the list price per unit
     * @param floorPrice the minimum price per unit, not more than the list price, same quote and decimals
     * @param tiers      the discount tiers
     * @return the pricing
     * @throws InvalidArgumentException if the floor exceeds the list price, or the quote or decimals differ
     */
    public static InferencePricing of(UnitPrice listPrice, UnitPrice floorPrice, DiscountTiers tiers) {
        return of(listPrice, floorPrice, tiers, RoundingMode.UP);
    }

    /**
     * Returns a pricing.
     *
     * @param listPrice  the list price per unit
     * @param floorPrice the minimum price per unit, not more than the list price, same quote and decimals
     * @param tiers      the discount tiers
     * @param charge     the rounding of prices and charges (UP by default: the user pays)
     * @return the pricing
     * @throws InvalidArgumentException if the floor exceeds the list price, the quote or decimals differ,
     *                                  or the rounding is UNNECESSARY
     */
    public static InferencePricing of(UnitPrice listPrice, UnitPrice floorPrice, DiscountTiers tiers,
            RoundingMode charge) {
        Objects.requireNonNull(listPrice, "listPrice");
        Objects.requireNonNull(floorPrice, "floorPrice");
        Objects.requireNonNull(tiers, "tiers");
        Objects.requireNonNull(charge, "charge");
        if (charge == RoundingMode.UNNECESSARY) {
            throw InvalidArgumentException.of("charge", charge, "a rounding direction is required");
        }
        if (floorPrice.decimals() != listPrice.decimals()) {
            throw InvalidArgumentException.of("floorPrice.decimals", floorPrice.decimals(),
                    "must equal listPrice.decimals = " + listPrice.decimals());
        }
        if (floorPrice.compareTo(listPrice) > 0) {
            throw InvalidArgumentException.of("floorPrice", floorPrice, "must not exceed listPrice = " + listPrice);
        }
        return new InferencePricing(listPrice, floorPrice, tiers, charge);
    }

    /**
     * Returns the discount a stake unlocks.
     *
     * @param staked the user's stake in the deployment's MT
     * @return basis points
     * @throws io.fomo.spi.AssetMismatchException if the stake is of another asset
     */
    public int discountBps(Amount staked) {
        return tiers.discountBps(staked);
    }

    /**
     * Returns the price per unit a user with this stake pays: never below the floor.
     *
     * @param staked the user's stake in the deployment's MT
     * @return the price
     * @throws io.fomo.spi.AssetMismatchException if the stake is of another asset
     */
    public UnitPrice priceFor(Amount staked) {
        return priceAt(discountBps(staked));
    }

    private UnitPrice priceAt(int bps) {
        UnitPrice p = tierPrices.get(bps);
        return p != null ? p : discounted(bps);
    }

    /** {@code max(floor, list · (1 − bps/10⁴))}, the product rounded in the charge direction. */
    private UnitPrice discounted(int bps) {
        BigDecimal factor = Share.ONE.fraction().subtract(Share.ofBps("discountBps", bps).fraction());
        UnitPrice discounted = UnitPrice.of(listPrice.quote(), listPrice.decimals(),
                listPrice.value().multiply(factor), charge);
        return discounted.compareTo(floorPrice) < 0 ? floorPrice : discounted;
    }

    /**
     * Prices a call whose list charge is already known (token-priced usage: tokens at a model's prices,
     * or a metered cost): the staking discount for the user's stake applies to the list charge, and the
     * result is never below the floor, which for a charge is the list charge scaled by
     * {@code floorPrice / listPrice}. Each candidate is rounded once, to the charge's asset decimals, in
     * this pricing's charge direction (UP by default: what a user pays rounds up); the larger is paid.
     *
     * @param listCharge the charge before discount, not negative
     * @param staked     the user's stake in the deployment's MT
     * @return what the user pays, in the list charge's asset
     * @throws io.fomo.spi.AssetMismatchException if the stake is of another asset than the tiers'
     */
    public Amount chargeFor(Amount listCharge, Amount staked) {
        Objects.requireNonNull(listCharge, "listCharge");
        int bps = discountBps(staked);
        BigDecimal factor = Share.ONE.fraction().subtract(Share.ofBps("discountBps", bps).fraction());
        Amount discounted = listCharge.multipliedBy(factor, charge);
        if (listPrice.value().signum() == 0) {
            return discounted;
        }
        BigDecimal floor = listCharge.value().multiply(floorPrice.value())
                .divide(listPrice.value(), listCharge.asset().decimals(), charge);
        return discounted.max(Amount.of(listCharge.asset(), floor));
    }

    /**
     * Prices a number of units of usage for a user.
     *
     * @param units  the units used, not negative
     * @param staked the user's stake in the deployment's MT
     * @return the price paid and the charge
     * @throws InvalidArgumentException if units is negative or the stake is of another asset
     */
    public UsageCharge charge(long units, Amount staked) {
        int bps = discountBps(staked);
        UnitPrice price = priceAt(bps);
        return new UsageCharge(units, bps, price, price.charge(units, charge));
    }

    /**
     * Returns the list price.
     *
     * @return the list price
     */
    public UnitPrice listPrice() {
        return listPrice;
    }

    /**
     * Returns the floor price.
     *
     * @return the floor
     */
    public UnitPrice floorPrice() {
        return floorPrice;
    }

    /**
     * Returns the discount tiers.
     *
     * @return the tiers
     */
    public DiscountTiers tiers() {
        return tiers;
    }

    /**
     * Returns the rounding of prices and charges.
     *
     * @return the rounding (UP unless chosen otherwise)
     */
    public RoundingMode chargeRounding() {
        return charge;
    }

    /**
     * Two pricings are equal when their prices, floors, tiers and rounding are.
     *
     * @param other the other object
     * @return true if equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof InferencePricing p && p.listPrice.equals(listPrice) && p.floorPrice.equals(floorPrice)
                && p.tiers.equals(tiers) && p.charge == charge;
    }

    @Override
    public int hashCode() {
        return Objects.hash(listPrice, floorPrice, tiers, charge);
    }

    @Override
    public String toString() {
        return "InferencePricing[list=" + listPrice + ", floor=" + floorPrice + ", " + tiers + ", charge " + charge + "]";
    }
}
