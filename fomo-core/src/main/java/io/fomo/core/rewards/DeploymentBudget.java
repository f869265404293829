package io.fomo.core.rewards;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one deployment's three pools hold in an epoch, and the exponents they are scored with: the input of
 * the second step of an epoch close, {@link DeploymentClose#of}. Made by
 * {@link EpochSplit#budget(DeploymentId, Amount, Amount, CarryOver)}, or rebuilt with {@link #builder} from
 * its numbers where the split was computed in another process (a distributed close ships numbers, not
 * objects).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DeploymentBudget {

    private final DeploymentId deployment;
    private final Asset rewardAsset;
    private final BigDecimal alpha;
    private final BigDecimal alphaIncentive;
    private final Amount[] fresh;
    private final Amount[] carriedIn;

    private DeploymentBudget(Builder b) {
        this.deployment = b.deployment;
        this.rewardAsset = b.rewardAsset;
        this.alpha = b.alpha;
        this.alphaIncentive = b.alphaIncentive;
        this.fresh = b.fresh.clone();
        this.carriedIn = b.carriedIn.clone();
    }

    /**
     * Starts a deployment's budget; every pool starts empty.
     *
     * @param deployment     the deployment
     * @param rewardAsset    the asset of the global and FLOCK incentive pools (FLOCK)
     * @param alpha          α of the global pool, 0 to 1
     * @param alphaIncentive α_i of the incentive pools, 0 to 1
     * @return a builder
     * @throws InvalidArgumentException if an exponent is outside 0 to 1
     */
    public static Builder builder(DeploymentId deployment, Asset rewardAsset, BigDecimal alpha,
            BigDecimal alphaIncentive) {
        return new Builder(deployment, rewardAsset, alpha, alphaIncentive);
    }

    /**
     * Returns the deployment.
     *
     * @return the deployment
     */
    public DeploymentId deployment() {
        return deployment;
    }

    /**
     * Returns the asset of the global and FLOCK incentive pools.
     *
     * @return the reward asset
     */
    public Asset rewardAsset() {
        return rewardAsset;
    }

    /**
     * Returns α, the global pool's exponent.
     *
     * @return α
     */
    public BigDecimal alpha() {
        return alpha;
    }

    /**
     * Returns α_i, the incentive pools' exponent.
     *
     * @return α_i
     */
    public BigDecimal alphaIncentive() {
        return alphaIncentive;
    }

    /**
     * Returns a pool's budget new in this epoch.
     *
     * @param kind the pool
     * @return the fresh budget
     */
    public Amount fresh(PoolKind kind) {
        return fresh[Objects.requireNonNull(kind, "kind").ordinal()];
    }

    /**
     * Returns a pool's dust carried in from the previous epoch.
     *
     * @param kind the pool
     * @return the carried dust
     */
    public Amount carriedIn(PoolKind kind) {
        return carriedIn[Objects.requireNonNull(kind, "kind").ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeploymentBudget b && b.deployment.equals(deployment) && b.rewardAsset.equals(rewardAsset)
                && b.alpha.compareTo(alpha) == 0 && b.alphaIncentive.compareTo(alphaIncentive) == 0
                && java.util.Arrays.equals(b.fresh, fresh) && java.util.Arrays.equals(b.carriedIn, carriedIn);
    }

    @Override
    public int hashCode() {
        // α compares by value: hash its stripped form.
        return Objects.hash(deployment, rewardAsset, alpha.stripTrailingZeros(), alphaIncentive.stripTrailingZeros(),
                java.util.Arrays.hashCode(fresh), java.util.Arrays.hashCode(carriedIn));
    }

    @Override
    public String toString() {
        return "DeploymentBudget[" + deployment + ": alpha=" + alpha.toPlainString() + ", alphaIncentive="
                + alphaIncentive.toPlainString() + ", fresh=" + java.util.Arrays.toString(fresh) + ", carriedIn="
                + java.util.Arrays.toString(carriedIn) + "]";
    }

    /**
     * Collects a deployment's budget. Every call validates its arguments before changing anything.
     */
    public static final class Builder {
        private final DeploymentId deployment;
        private final Asset rewardAsset;
        private final BigDecimal alpha;
        private final BigDecimal alphaIncentive;
        private final Amount[] fresh = new Amount[PoolKind.values().length];
        private final Amount[] carriedIn = new Amount[PoolKind.values().length];

        private Builder(DeploymentId deployment, Asset rewardAsset, BigDecimal alpha, BigDecimal alphaIncentive) {
            this.deployment = Objects.requireNonNull(deployment, "deployment");
            this.rewardAsset = Objects.requireNonNull(rewardAsset, "rewardAsset");
            StakingFactor.checkUnit("alpha", alpha);
            StakingFactor.checkUnit("alphaIncentive", alphaIncentive);
            this.alpha = alpha;
            this.alphaIncentive = alphaIncentive;
            for (PoolKind kind : PoolKind.values()) {
                fresh[kind.ordinal()] = Amount.zero(assetOf(kind));
                carriedIn[kind.ordinal()] = fresh[kind.ordinal()];
            }
        }

        private Asset assetOf(PoolKind kind) {
            return kind == PoolKind.MT_INCENTIVE ? Asset.modelToken(deployment) : rewardAsset;
        }

        /**
         * Sets a pool's budget new in this epoch.
         *
         * @param kind   the pool
         * @param amount the budget: the deployment's MT for {@link PoolKind#MT_INCENTIVE}, else the reward asset
         * @return this builder
         * @throws InvalidArgumentException if the asset is wrong
         */
        public Builder fresh(PoolKind kind, Amount amount) {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(amount, "amount");
            fresh[kind.ordinal()].requireSameAsset("fresh." + kind, amount);
            fresh[kind.ordinal()] = amount;
            return this;
        }

        /**
         * Sets a pool's dust carried in from the previous epoch.
         *
         * @param kind   the pool
         * @param amount the dust: the deployment's MT for {@link PoolKind#MT_INCENTIVE}, else the reward asset
         * @return this builder
         * @throws InvalidArgumentException if the asset is wrong
         */
        public Builder carriedIn(PoolKind kind, Amount amount) {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(amount, "amount");
            carriedIn[kind.ordinal()].requireSameAsset("carriedIn." + kind, amount);
            carriedIn[kind.ordinal()] = amount;
            return this;
        }

        /**
         * Freezes the budget.
         *
         * @return the deployment's budget
         */
        public DeploymentBudget build() {
            return new DeploymentBudget(this);
        }
    }
}
