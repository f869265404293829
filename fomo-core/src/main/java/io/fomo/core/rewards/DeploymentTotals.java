package io.fomo.core.rewards;

import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.util.Objects;

/**
 * What the split of an epoch's budget across deployments needs to know of one deployment (the first step
 * of {@link EpochSplit}): its net revenue, its age, and the sum of its pairs' paid spend, which decides the
 * usage gate. A distributed close computes the paid spend with one sum per deployment, before any pair is
 * scored.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DeploymentTotals {

    private final DeploymentId deployment;
    private final Amount netRevenue;
    private final long ageDays;
    private final Amount paidSpend;

    private DeploymentTotals(DeploymentId deployment, Amount netRevenue, long ageDays, Amount paidSpend) {
        this.deployment = deployment;
        this.netRevenue = netRevenue;
        this.ageDays = ageDays;
        this.paidSpend = paidSpend;
    }

    /**
     * Returns one deployment's totals.
     *
     * @param deployment the deployment
     * @param netRevenue its net revenue in the epoch, in the spend asset
     * @param ageDays    its age in whole days, not negative
     * @param paidSpend  the sum of its pairs' paid spend, in the same asset
     * @return the totals
     * @throws InvalidArgumentException if the assets differ or the age is negative
     */
    public static DeploymentTotals of(DeploymentId deployment, Amount netRevenue, long ageDays, Amount paidSpend) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(netRevenue, "netRevenue");
        Objects.requireNonNull(paidSpend, "paidSpend");
        if (ageDays < 0) {
            throw InvalidArgumentException.of("ageDays", ageDays, "must not be negative");
        }
        netRevenue.requireSameAsset("paidSpend", paidSpend);
        return new DeploymentTotals(deployment, netRevenue, ageDays, paidSpend);
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
     * Returns the net revenue in the epoch.
     *
     * @return the net revenue, in the spend asset
     */
    public Amount netRevenue() {
        return netRevenue;
    }

    /**
     * Returns the age in whole days.
     *
     * @return the age
     */
    public long ageDays() {
        return ageDays;
    }

    /**
     * Returns the sum of the pairs' paid spend; zero fails the usage gate.
     *
     * @return the paid spend, in the spend asset
     */
    public Amount paidSpend() {
        return paidSpend;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeploymentTotals t && t.deployment.equals(deployment) && t.netRevenue.equals(netRevenue)
                && t.ageDays == ageDays && t.paidSpend.equals(paidSpend);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deployment, netRevenue, ageDays, paidSpend);
    }

    @Override
    public String toString() {
        return "DeploymentTotals[" + deployment + ": net=" + netRevenue + ", age=" + ageDays + "d, spend=" + paidSpend
                + "]";
    }
}
