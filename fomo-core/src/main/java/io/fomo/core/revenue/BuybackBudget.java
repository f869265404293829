package io.fomo.core.revenue;

import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;
import java.util.Objects;

/**
 * A deployment's buyback budgets, in the revenue asset (USD): what its routed revenue set aside for the
 * MT buyback and for the FLOCK buyback and has not spent yet. Budgets accumulate from each epoch's
 * {@link RevenueSplit} and shrink only by what a {@link BuybackExecution} spends.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BuybackBudget {

    private final DeploymentId deployment;
    private final Amount mtBudget;
    private final Amount flockBudget;

    private BuybackBudget(DeploymentId deployment, Amount mtBudget, Amount flockBudget) {
        this.deployment = deployment;
        this.mtBudget = mtBudget;
        this.flockBudget = flockBudget;
    }

    /**
     * Returns a budget.
     *
     * @param deployment  the deployment
     * @param mtBudget    the unspent MT buyback budget
     * @param flockBudget the unspent FLOCK buyback budget, of the same asset
     * @return the budget
     * @throws io.fomo.spi.AssetMismatchException if the assets differ
     */
    public static BuybackBudget of(DeploymentId deployment, Amount mtBudget, Amount flockBudget) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(mtBudget, "mtBudget");
        mtBudget.requireSameAsset("flockBudget", flockBudget);
        return new BuybackBudget(deployment, mtBudget, flockBudget);
    }

    /**
     * Adds an epoch's routed buyback parts.
     *
     * @param split the deployment's split for an epoch
     * @return the new budget
     * @throws io.fomo.spi.AssetMismatchException if the split is in another asset
     */
    public BuybackBudget credit(RevenueSplit split) {
        Objects.requireNonNull(split, "split");
        return new BuybackBudget(deployment, mtBudget.plus(split.mtBuyback()), flockBudget.plus(split.flockBuyback()));
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
     * Returns the unspent MT buyback budget.
     *
     * @return the amount
     */
    public Amount mtBudget() {
        return mtBudget;
    }

    /**
     * Returns the unspent FLOCK buyback budget.
     *
     * @return the amount
     */
    public Amount flockBudget() {
        return flockBudget;
    }

    /**
     * Returns both budgets together.
     *
     * @return the sum
     */
    public Amount total() {
        return mtBudget.plus(flockBudget);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BuybackBudget b && b.deployment.equals(deployment) && b.mtBudget.equals(mtBudget)
                && b.flockBudget.equals(flockBudget);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deployment, mtBudget, flockBudget);
    }

    @Override
    public String toString() {
        return "BuybackBudget[" + deployment + ", mt=" + mtBudget + ", flock=" + flockBudget + "]";
    }
}
