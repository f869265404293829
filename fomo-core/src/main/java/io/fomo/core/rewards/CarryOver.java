package io.fomo.core.rewards;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Dust carried from one epoch to the next: the rounding remainder of the split across deployments (added
 * to the next global budget) and of each deployment's three pools (added to the same pool next epoch).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CarryOver {

    private final Amount global;
    private final Map<DeploymentId, Map<PoolKind, Amount>> pools;

    CarryOver(Amount global, Map<DeploymentId, Map<PoolKind, Amount>> pools) {
        this.global = global;
        this.pools = Collections.unmodifiableMap(pools);
    }

    /**
     * Returns an empty carry-over, for the first epoch.
     *
     * @param rewardAsset the asset of the global budget (FLOCK)
     * @return nothing carried
     */
    public static CarryOver empty(Asset rewardAsset) {
        return new CarryOver(Amount.zero(Objects.requireNonNull(rewardAsset, "rewardAsset")), new TreeMap<>());
    }

    /**
     * Returns the dust of the split across deployments, added to the next global budget.
     *
     * @return the global dust
     */
    public Amount global() {
        return global;
    }

    /**
     * Returns the dust carried into one pool of one deployment.
     *
     * @param deployment the deployment
     * @param kind       the pool
     * @return the dust, or empty when nothing is carried
     */
    public java.util.Optional<Amount> dust(DeploymentId deployment, PoolKind kind) {
        Map<PoolKind, Amount> m = pools.get(Objects.requireNonNull(deployment, "deployment"));
        return m == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(m.get(Objects.requireNonNull(kind, "kind")));
    }

    /**
     * Returns the deployments with carried pool dust, in ascending order.
     *
     * @return an unmodifiable set
     */
    public Set<DeploymentId> deployments() {
        return pools.keySet();
    }

    static Map<PoolKind, Amount> newPoolMap() {
        return new EnumMap<>(PoolKind.class);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CarryOver c && c.global.equals(global) && c.pools.equals(pools);
    }

    @Override
    public int hashCode() {
        return Objects.hash(global, pools);
    }

    @Override
    public String toString() {
        return "CarryOver[global=" + global + ", pools=" + pools + "]";
    }
}
