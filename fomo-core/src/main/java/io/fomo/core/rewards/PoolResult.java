package io.fomo.core.rewards;

import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;
import java.util.Objects;

/**
 * How one pool of one deployment was paid in an epoch.
 *
 * <p>Invariant: {@code paid + dust + returned == budget == fresh + carriedIn}, exactly. The dust is
 * carried to the same pool next epoch; what is returned goes back to the pool's source (the emission
 * reserve for {@link PoolKind#GLOBAL_FLOCK}, the staking-incentive budget or the MT incentives allocation
 * for the other two).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PoolResult {

    private final DeploymentId deployment;
    private final PoolKind kind;
    private final Amount fresh;
    private final Amount carriedIn;
    private final Amount paid;
    private final Amount dust;
    private final Amount returned;

    PoolResult(DeploymentId deployment, PoolKind kind, Amount fresh, Amount carriedIn, Amount paid, Amount dust,
            Amount returned) {
        this.deployment = deployment;
        this.kind = kind;
        this.fresh = fresh;
        this.carriedIn = carriedIn;
        this.paid = paid;
        this.dust = dust;
        this.returned = returned;
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
     * Returns the pool.
     *
     * @return the kind
     */
    public PoolKind kind() {
        return kind;
    }

    /**
     * Returns the budget new in this epoch.
     *
     * @return the fresh budget
     */
    public Amount fresh() {
        return fresh;
    }

    /**
     * Returns the dust carried in from the previous epoch.
     *
     * @return the carried dust
     */
    public Amount carriedIn() {
        return carriedIn;
    }

    /**
     * Returns the whole budget: fresh plus carried in.
     *
     * @return the budget
     */
    public Amount budget() {
        return fresh.plus(carriedIn);
    }

    /**
     * Returns the sum of the payouts.
     *
     * @return the paid amount
     */
    public Amount paid() {
        return paid;
    }

    /**
     * Returns the rounding remainder carried to the next epoch.
     *
     * @return the dust
     */
    public Amount dust() {
        return dust;
    }

    /**
     * Returns what no one could receive, going back to the pool's source.
     *
     * @return the returned amount
     */
    public Amount returned() {
        return returned;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolResult r && r.deployment.equals(deployment) && r.kind == kind && r.fresh.equals(fresh)
                && r.carriedIn.equals(carriedIn) && r.paid.equals(paid) && r.dust.equals(dust)
                && r.returned.equals(returned);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deployment, kind, fresh, carriedIn, paid, dust, returned);
    }

    @Override
    public String toString() {
        return "PoolResult[" + deployment + " " + kind + ": budget=" + budget() + ", paid=" + paid + ", dust=" + dust
                + ", returned=" + returned + "]";
    }
}
