package io.fomo.core.rewards;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
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
     * Returns a carry-over with the given dust, as a previous epoch (or another system being migrated)
     * left it. Zero amounts are dropped, so the result equals the one an epoch close would hand on.
     *
     * @param global the dust of the split across deployments, in the reward asset, not negative
     * @param pools  per deployment, the dust of each pool: {@link PoolKind#GLOBAL_FLOCK} and
     *               {@link PoolKind#FLOCK_INCENTIVE} in the reward asset, {@link PoolKind#MT_INCENTIVE} in the
     *               deployment's MT ({@link Asset#modelToken})
     * @return the carry-over
     * @throws InvalidArgumentException if an amount is of the wrong asset
     */
    public static CarryOver of(Amount global, Map<DeploymentId, Map<PoolKind, Amount>> pools) {
        Objects.requireNonNull(global, "global");
        Objects.requireNonNull(pools, "pools");
        Map<DeploymentId, Map<PoolKind, Amount>> copy = new TreeMap<>();
        for (Map.Entry<DeploymentId, Map<PoolKind, Amount>> e : pools.entrySet()) {
            DeploymentId dep = Objects.requireNonNull(e.getKey(), "pools key");
            Map<PoolKind, Amount> kinds = newPoolMap();
            for (Map.Entry<PoolKind, Amount> k : Objects.requireNonNull(e.getValue(), "pools." + dep).entrySet()) {
                PoolKind kind = Objects.requireNonNull(k.getKey(), "pools." + dep + " key");
                Amount dust = Objects.requireNonNull(k.getValue(), "pools." + dep + "." + kind);
                Asset asset = kind == PoolKind.MT_INCENTIVE ? Asset.modelToken(dep) : global.asset();
                Amount.zero(asset).requireSameAsset("carry." + dep + "." + kind, dust);
                if (dust.isPositive()) {
                    kinds.put(kind, dust);
                }
            }
            if (!kinds.isEmpty()) {
                copy.put(dep, kinds);
            }
        }
        return new CarryOver(global, copy);
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
