package io.fomo.examples.simulate;

import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inference pricing of a scenario (FOMO-SPEC §3.2): a list price and a floor per unit of usage in USD,
 * and discount tiers by staked MT (absent: the SDK's default tiers; an empty list: no discounts).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PricingSettings {

    /**
     * One discount tier.
     *
     * @param minStake    the MT a user must have staked
     * @param discountBps the discount off the list price, in bps
     */
    public record Tier(Amount minStake, int discountBps) {

        /**
         * Checks the tier.
         *
         * @param minStake the MT a user must have staked
         * @param discountBps the discount off the list price, in bps
         * @throws InvalidArgumentException if the discount is outside 0..10,000 bps
         */
        public Tier {
            Objects.requireNonNull(minStake, "minStake");
            if (discountBps < 0 || discountBps > 10_000) {
                throw InvalidArgumentException.of("discountBps", discountBps, "must be from 0 to 10000");
            }
        }
    }

    private final BigDecimal listPrice;
    private final BigDecimal floorPrice;
    private final List<Tier> tiers;

    /**
     * Returns pricing settings, checked by building the model's pricing once.
     *
     * @param listPrice  USD per unit, not negative, at most {@link UnitPrice#DEFAULT_DECIMALS} decimals
     * @param floorPrice USD per unit, not above the list price
     * @param tiers      the tiers, or null for the SDK's default tiers
     * @param mtAsset    the model token the tiers are staked in
     * @throws InvalidArgumentException if the model rejects the prices or tiers
     */
    public PricingSettings(BigDecimal listPrice, BigDecimal floorPrice, List<Tier> tiers, Asset mtAsset) {
        this.listPrice = Objects.requireNonNull(listPrice, "listPrice");
        this.floorPrice = Objects.requireNonNull(floorPrice, "floorPrice");
        this.tiers = tiers == null ? null : List.copyOf(tiers);
        toPricing(mtAsset);
    }

    /**
     * Returns the list price per unit, in USD.
     *
     * @return the list price
     */
    public BigDecimal listPrice() {
        return listPrice;
    }

    /**
     * Returns the minimum price per unit, in USD.
     *
     * @return the floor
     */
    public BigDecimal floorPrice() {
        return floorPrice;
    }

    /**
     * Returns the tiers the scenario sets.
     *
     * @return the tiers, or empty when the SDK's default tiers apply
     */
    public Optional<List<Tier>> tiers() {
        return Optional.ofNullable(tiers);
    }

    /**
     * Returns the model's pricing (charges rounded UP).
     *
     * @param mtAsset the model token stakes are counted in
     * @return the pricing
     * @throws InvalidArgumentException if the model rejects the prices or tiers
     */
    public InferencePricing toPricing(Asset mtAsset) {
        Objects.requireNonNull(mtAsset, "mtAsset");
        DiscountTiers discount;
        if (tiers == null) {
            discount = DiscountTiers.defaults(mtAsset);
        } else {
            DiscountTiers.Builder b = DiscountTiers.builder(mtAsset);
            for (Tier t : tiers) {
                b.tier(t.minStake(), t.discountBps());
            }
            discount = b.build();
        }
        return InferencePricing.of(UnitPrice.of(Asset.USD, UnitPrice.DEFAULT_DECIMALS, listPrice),
                UnitPrice.of(Asset.USD, UnitPrice.DEFAULT_DECIMALS, floorPrice), discount);
    }
}
