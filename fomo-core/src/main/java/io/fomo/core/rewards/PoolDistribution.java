package io.fomo.core.rewards;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * The result of paying one reward pool: each participant's payout, the dust carried to the pool's next
 * epoch, and what no one could receive (returned to the pool's source).
 *
 * <p>Invariant: {@code sum(payouts) + dust + returned == pool}, exactly. Either everything is returned
 * (no participant has a positive score) or nothing is.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PoolDistribution {

    private final Amount pool;
    private final Map<AccountId, Amount> payouts;
    private final Amount dust;
    private final Amount returned;

    PoolDistribution(Amount pool, Map<AccountId, Amount> payouts, Amount dust, Amount returned) {
        this.pool = pool;
        this.payouts = Collections.unmodifiableMap(payouts);
        this.dust = dust;
        this.returned = returned;
    }

    /**
     * Returns the pool that was paid.
     *
     * @return the pool
     */
    public Amount pool() {
        return pool;
    }

    /**
     * Returns every participant's payout, in ascending account order (zero for those without score).
     *
     * @return an unmodifiable map
     */
    public Map<AccountId, Amount> payouts() {
        return payouts;
    }

    /**
     * Returns one participant's payout.
     *
     * @param account the participant
     * @return the payout
     * @throws InvalidArgumentException if the account did not participate
     */
    public Amount payoutOf(AccountId account) {
        Amount a = payouts.get(Objects.requireNonNull(account, "account"));
        if (a == null) {
            throw InvalidArgumentException.of("account", account, "did not participate in this pool");
        }
        return a;
    }

    /**
     * Returns the rounding remainder, carried to the same pool next epoch.
     *
     * @return the dust
     */
    public Amount dust() {
        return dust;
    }

    /**
     * Returns what no one could receive (no participant had a positive score).
     *
     * @return the returned amount
     */
    public Amount returned() {
        return returned;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolDistribution d && d.pool.equals(pool) && d.payouts.equals(payouts)
                && d.dust.equals(dust) && d.returned.equals(returned);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pool, payouts, dust, returned);
    }

    @Override
    public String toString() {
        return "PoolDistribution[pool=" + pool + ", payouts=" + payouts + ", dust=" + dust + ", returned="
                + returned + "]";
    }
}
