package io.fomo.core.revenue;

import io.fomo.core.math.Share;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Inference discounts unlocked by staking a deployment's MT (FOMO-SPEC §3.2): a staker gets the discount
 * of the highest tier whose minimum stake they reach. Defaults [DEFAULT]: at least 1,000 MT gives 10%,
 * 10,000 gives 20%, 50,000 gives 30%.
 *
 * <p>Tiers must have strictly rising minimum stakes and non-falling discounts (staking more never costs
 * more); each discount is 0 to 10,000 bps.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DiscountTiers {

    private final Asset stakeAsset;
    private final List<Tier> tiers;

    private DiscountTiers(Asset stakeAsset, List<Tier> tiers) {
        this.stakeAsset = stakeAsset;
        this.tiers = List.copyOf(tiers);
    }

    /**
     * Returns the default tiers for a deployment's MT.
     *
     * @param stakeAsset the MT staked
     * @return 1,000 MT: 1,000 bps; 10,000 MT: 2,000 bps; 50,000 MT: 3,000 bps
     */
    public static DiscountTiers defaults(Asset stakeAsset) {
        return builder(stakeAsset).tier(Amount.of(stakeAsset, 1_000), 1_000).tier(Amount.of(stakeAsset, 10_000), 2_000)
                .tier(Amount.of(stakeAsset, 50_000), 3_000).build();
    }

    /**
     * Returns tiers that give no discount.
     *
     * @param stakeAsset the MT staked
     * @return no tiers
     */
    public static DiscountTiers none(Asset stakeAsset) {
        return new DiscountTiers(Objects.requireNonNull(stakeAsset, "stakeAsset"), List.of());
    }

    /**
     * Starts a builder with no tiers.
     *
     * @param stakeAsset the MT staked
     * @return a builder
     */
    public static Builder builder(Asset stakeAsset) {
        return new Builder(stakeAsset);
    }

    /**
     * Returns the discount of a stake: the discount of the highest tier reached, 0 if none.
     *
     * @param staked the stake, of the stake asset
     * @return basis points
     * @throws io.fomo.spi.AssetMismatchException if the asset differs
     */
    public int discountBps(Amount staked) {
        Objects.requireNonNull(staked, "staked");
        if (!staked.asset().equals(stakeAsset)) {
            throw new io.fomo.spi.AssetMismatchException("staked", stakeAsset, staked.asset());
        }
        int bps = 0;
        for (Tier t : tiers) {
            if (staked.compareTo(t.minStake) >= 0) {
                bps = t.discountBps;
            }
        }
        return bps;
    }

    /**
     * Returns the tiers in rising order.
     *
     * @return an unmodifiable list
     */
    public List<Tier> tiers() {
        return tiers;
    }

    /**
     * Returns the MT asset the tiers are measured in.
     *
     * @return the asset
     */
    public Asset stakeAsset() {
        return stakeAsset;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DiscountTiers d && d.stakeAsset.equals(stakeAsset) && d.tiers.equals(tiers);
    }

    @Override
    public int hashCode() {
        return stakeAsset.hashCode() * 31 + tiers.hashCode();
    }

    @Override
    public String toString() {
        return "DiscountTiers" + tiers;
    }

    /**
     * One tier: a minimum stake and its discount.
     *
     * <p>This class is immutable and thread-safe.
     */
    public static final class Tier {
        private final Amount minStake;
        private final int discountBps;

        private Tier(Amount minStake, int discountBps) {
            this.minStake = minStake;
            this.discountBps = discountBps;
        }

        /**
         * Returns the least stake that reaches the tier.
         *
         * @return the minimum stake
         */
        public Amount minStake() {
            return minStake;
        }

        /**
         * Returns the discount.
         *
         * @return basis points
         */
        public int discountBps() {
            return discountBps;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tier t && t.minStake.equals(minStake) && t.discountBps == discountBps;
        }

        @Override
        public int hashCode() {
            return minStake.hashCode() * 31 + discountBps;
        }

        @Override
        public String toString() {
            return ">=" + minStake.toPlainString() + ":" + discountBps + "bps";
        }
    }

    /**
     * Builds {@link DiscountTiers}, rejecting a tier out of order as it is added.
     *
     * <p>Instances are not thread-safe.
     */
    public static final class Builder {
        private final Asset stakeAsset;
        private final List<Tier> tiers = new ArrayList<>();

        private Builder(Asset stakeAsset) {
            this.stakeAsset = Objects.requireNonNull(stakeAsset, "stakeAsset");
        }

        /**
         * Adds a tier above the previous ones.
         *
         * @param minStake    the least stake, of the stake asset, more than the previous tier's
         * @param discountBps the discount, 0 to 10,000 bps, not less than the previous tier's
         * @return this builder
         * @throws InvalidArgumentException if out of order or range, or of another asset
         */
        public Builder tier(Amount minStake, int discountBps) {
            Objects.requireNonNull(minStake, "minStake");
            String field = "tiers[" + tiers.size() + "]";
            if (!minStake.asset().equals(stakeAsset)) {
                throw new io.fomo.spi.AssetMismatchException(field + ".minStake", stakeAsset, minStake.asset());
            }
            if (discountBps < 0 || discountBps > Share.BPS_WHOLE) {
                throw InvalidArgumentException.of(field + ".discountBps", discountBps, "must be between 0 and 10000");
            }
            if (!tiers.isEmpty()) {
                Tier last = tiers.get(tiers.size() - 1);
                if (!minStake.isGreaterThan(last.minStake)) {
                    throw InvalidArgumentException.of(field + ".minStake", minStake.toPlainString(),
                            "must be more than the previous tier's " + last.minStake.toPlainString());
                }
                if (discountBps < last.discountBps) {
                    throw InvalidArgumentException.of(field + ".discountBps", discountBps,
                            "must not be less than the previous tier's " + last.discountBps);
                }
            }
            tiers.add(new Tier(minStake, discountBps));
            return this;
        }

        /**
         * Builds the tiers.
         *
         * @return the tiers
         */
        public DiscountTiers build() {
            return new DiscountTiers(stakeAsset, tiers);
        }
    }
}
