package io.fomo.core.staking;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SortedMap;

/**
 * The stake positions at the close of an epoch: what scoring reads. Later stakes and unstakes make new
 * books and never change a snapshot.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class StakeSnapshot {

    private final long epoch;
    private final StakeBook book;

    StakeSnapshot(long epoch, StakeBook book) {
        this.epoch = epoch;
        this.book = book;
    }

    /**
     * Returns the epoch the snapshot closes.
     *
     * @return the epoch number
     */
    public long epoch() {
        return epoch;
    }

    /**
     * Returns a user's stake in a deployment at the close.
     *
     * @param user       the staker
     * @param deployment the deployment
     * @return the stake
     */
    public Amount stakeOf(AccountId user, DeploymentId deployment) {
        return book.stakeOf(user, deployment);
    }

    /**
     * Returns a deployment's total stake at the close.
     *
     * @param deployment the deployment
     * @return the total
     */
    public Amount totalStaked(DeploymentId deployment) {
        return book.totalStaked(deployment);
    }

    /**
     * Returns a user's stake share at the close.
     *
     * @param user       the staker
     * @param deployment the deployment
     * @param mc         the precision of the quotient
     * @return the share, 0 to 1
     */
    public BigDecimal stakeShare(AccountId user, DeploymentId deployment, MathContext mc) {
        return book.stakeShare(user, deployment, mc);
    }

    /**
     * Returns a deployment's stakers at the close.
     *
     * @param deployment the deployment
     * @return an unmodifiable map in account order
     */
    public SortedMap<AccountId, Amount> stakers(DeploymentId deployment) {
        return book.stakers(deployment);
    }

    @Override
    public String toString() {
        return "StakeSnapshot[epoch=" + epoch + ", " + book + "]";
    }
}
