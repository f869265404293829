package io.fomo.core.revenue;

import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;
import java.util.SortedMap;

/**
 * The result of closing an epoch of a {@link RevenueLedger}: each registered deployment's routed split
 * for the epoch, and the ledger with the next epoch open.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EpochRevenue {

    private final long epoch;
    private final SortedMap<DeploymentId, RevenueSplit> splits;
    private final RevenueLedger next;

    EpochRevenue(long epoch, SortedMap<DeploymentId, RevenueSplit> splits, RevenueLedger next) {
        this.epoch = epoch;
        this.splits = splits;
        this.next = next;
    }

    /**
     * Returns the epoch that was closed.
     *
     * @return the epoch number
     */
    public long epoch() {
        return epoch;
    }

    /**
     * Returns each registered deployment's split, in deployment order (deployments without payments
     * have a zero gross).
     *
     * @return an unmodifiable sorted map
     */
    public SortedMap<DeploymentId, RevenueSplit> splits() {
        return splits;
    }

    /**
     * Returns one deployment's split.
     *
     * @param deployment the deployment
     * @return the split
     * @throws io.fomo.spi.InvalidArgumentException if the deployment is not registered
     */
    public RevenueSplit splitOf(DeploymentId deployment) {
        RevenueSplit s = splits.get(deployment);
        if (s == null) {
            throw io.fomo.spi.InvalidArgumentException.of("deployment", deployment, "is not registered");
        }
        return s;
    }

    /**
     * Returns the ledger after the close, with the next epoch open.
     *
     * @return the next ledger
     */
    public RevenueLedger ledger() {
        return next;
    }

    /**
     * Returns the total gross of the epoch across deployments.
     *
     * @return the total
     */
    public Amount totalGross() {
        Amount t = Amount.zero(next.revenueAsset());
        for (RevenueSplit s : splits.values()) {
            t = t.plus(s.gross());
        }
        return t;
    }

    @Override
    public String toString() {
        return "EpochRevenue[epoch=" + epoch + ", splits=" + splits + "]";
    }
}
