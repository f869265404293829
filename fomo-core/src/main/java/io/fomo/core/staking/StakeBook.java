package io.fomo.core.staking;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.LimitExceededException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * MT stake positions per (user, deployment) (FOMO-SPEC §3.4): each deployment's MT is staked in that
 * deployment's pool, and a user's stake share is their stake over the pool's total.
 *
 * <p>A book is a value: {@link #stake} and {@link #unstake} return a new book and a rejected command
 * leaves this one as it was. {@link #snapshot(long)} labels the book's positions with the epoch they
 * close, for scoring.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class StakeBook {

    private static final StakeBook EMPTY = new StakeBook(Map.of(), Map.of(), Map.of());

    private final Map<DeploymentId, SortedMap<AccountId, Amount>> positions;
    private final Map<DeploymentId, Amount> totals;
    /**
     * The same positions in hash maps, for {@link #stakeOf}: an epoch close and a day's usage look up every
     * user, most of them without a stake, and the sorted map compared account strings some fourteen levels
     * deep for each.
     */
    private final Map<DeploymentId, Map<AccountId, Amount>> index;

    private StakeBook(Map<DeploymentId, SortedMap<AccountId, Amount>> positions, Map<DeploymentId, Amount> totals,
            Map<DeploymentId, Map<AccountId, Amount>> index) {
        this.positions = positions;
        this.totals = totals;
        this.index = index;
    }

    /**
     * Returns the book with no stake.
     *
     * @return the empty book
     */
    public static StakeBook empty() {
        return EMPTY;
    }

    /**
     * Adds to a user's stake in a deployment.
     *
     * @param user       the staker
     * @param deployment the deployment
     * @param amount     positive, in the deployment's MT ({@link Asset#modelToken})
     * @return the new book
     * @throws InvalidArgumentException if the amount is zero or of another asset
     */
    public StakeBook stake(AccountId user, DeploymentId deployment, Amount amount) {
        checked(user, deployment, amount);
        Amount now = stakeOf(user, deployment).plus(amount);
        return with(user, deployment, now, totalStaked(deployment).plus(amount));
    }

    /**
     * Takes back part or all of a user's stake.
     *
     * @param user       the staker
     * @param deployment the deployment
     * @param amount     positive, not more than the stake, in the deployment's MT
     * @return the new book
     * @throws InvalidArgumentException if the amount is zero or of another asset
     * @throws LimitExceededException   if the amount exceeds the stake
     */
    public StakeBook unstake(AccountId user, DeploymentId deployment, Amount amount) {
        checked(user, deployment, amount);
        Amount staked = stakeOf(user, deployment);
        if (amount.isGreaterThan(staked)) {
            throw LimitExceededException.of("amount", amount, "exceeds the stake of " + user + " in " + deployment
                    + " (" + staked + ")");
        }
        return with(user, deployment, staked.minus(amount), totalStaked(deployment).minus(amount));
    }

    /**
     * Returns a user's stake in a deployment.
     *
     * @param user       the staker
     * @param deployment the deployment
     * @return the stake, zero if none
     */
    public Amount stakeOf(AccountId user, DeploymentId deployment) {
        Map<AccountId, Amount> p = index.get(deployment);
        Amount a = p == null ? null : p.get(user);
        if (a != null) {
            return a;
        }
        // The deployment's total is of its MT already: no asset to build for each user without a stake.
        Amount total = totals.get(deployment);
        return Amount.zero(total != null ? total.asset() : Asset.modelToken(deployment));
    }

    /**
     * Returns the total MT staked in a deployment.
     *
     * @param deployment the deployment
     * @return the total, zero if none
     */
    public Amount totalStaked(DeploymentId deployment) {
        return totals.getOrDefault(deployment, Amount.zero(Asset.modelToken(deployment)));
    }

    /**
     * Returns a user's stake share of a deployment's pool, {@code stake / total}: 0 when the pool is
     * empty, exact when the quotient is a finite decimal within the context's precision, and otherwise
     * rounded by the context.
     *
     * @param user       the staker
     * @param deployment the deployment
     * @param mc         the precision and rounding of the quotient
     * @return the share, 0 to 1
     */
    public BigDecimal stakeShare(AccountId user, DeploymentId deployment, MathContext mc) {
        Objects.requireNonNull(mc, "mc");
        Amount total = totalStaked(deployment);
        if (total.isZero()) {
            return BigDecimal.ZERO;
        }
        return stakeOf(user, deployment).value().divide(total.value(), mc).stripTrailingZeros();
    }

    /**
     * Returns the stakers of a deployment and their stakes.
     *
     * @param deployment the deployment
     * @return an unmodifiable map in account order, without zero positions
     */
    public SortedMap<AccountId, Amount> stakers(DeploymentId deployment) {
        SortedMap<AccountId, Amount> p = positions.get(deployment);
        return p == null ? Collections.emptySortedMap() : p;
    }

    /**
     * Returns the book's positions as they stand at the close of an epoch.
     *
     * @param epoch the epoch being closed
     * @return the snapshot
     */
    public StakeSnapshot snapshot(long epoch) {
        return new StakeSnapshot(epoch, this);
    }

    private StakeBook with(AccountId user, DeploymentId deployment, Amount stake, Amount total) {
        TreeMap<AccountId, Amount> p = new TreeMap<>(stakers(deployment));
        if (stake.isZero()) {
            p.remove(user);
        } else {
            p.put(user, stake);
        }
        Map<DeploymentId, SortedMap<AccountId, Amount>> nextPositions = new TreeMap<>(positions);
        Map<DeploymentId, Amount> nextTotals = new TreeMap<>(totals);
        Map<DeploymentId, Map<AccountId, Amount>> nextIndex = new HashMap<>(index);
        if (p.isEmpty()) {
            nextPositions.remove(deployment);
            nextTotals.remove(deployment);
            nextIndex.remove(deployment);
        } else {
            nextPositions.put(deployment, Collections.unmodifiableSortedMap(p));
            nextTotals.put(deployment, total);
            nextIndex.put(deployment, Collections.unmodifiableMap(new HashMap<>(p)));
        }
        return new StakeBook(Collections.unmodifiableMap(nextPositions), Collections.unmodifiableMap(nextTotals),
                Collections.unmodifiableMap(nextIndex));
    }

    private static void checked(AccountId user, DeploymentId deployment, Amount amount) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(amount, "amount");
        Asset mt = Asset.modelToken(deployment);
        if (!amount.asset().equals(mt)) {
            throw new io.fomo.spi.AssetMismatchException("amount", mt, amount.asset());
        }
        if (amount.isZero()) {
            throw InvalidArgumentException.of("amount", amount, "must be positive");
        }
    }

    @Override
    public String toString() {
        return "StakeBook" + positions;
    }

    /**
     * Restores a book from every position, as a snapshot of the engine's state holds them.
     *
     * @param positions every stake, by deployment and user; each positive, in the deployment's MT
     * @return the book
     * @throws NullPointerException     if an argument or an element is null
     * @throws InvalidArgumentException if a stake is zero or of another asset
     */
    public static StakeBook restore(Map<DeploymentId, ? extends Map<AccountId, Amount>> positions) {
        Objects.requireNonNull(positions, "positions");
        Map<DeploymentId, SortedMap<AccountId, Amount>> p = new TreeMap<>();
        Map<DeploymentId, Amount> t = new TreeMap<>();
        Map<DeploymentId, Map<AccountId, Amount>> index = new HashMap<>();
        for (Map.Entry<DeploymentId, ? extends Map<AccountId, Amount>> e : positions.entrySet()) {
            DeploymentId d = Objects.requireNonNull(e.getKey(), "positions key");
            TreeMap<AccountId, Amount> users = new TreeMap<>();
            Amount total = Amount.zero(Asset.modelToken(d));
            for (Map.Entry<AccountId, Amount> u : Objects.requireNonNull(e.getValue(), "positions." + d).entrySet()) {
                checked(u.getKey(), d, u.getValue());
                users.put(u.getKey(), u.getValue());
                total = total.plus(u.getValue());
            }
            if (!users.isEmpty()) {
                p.put(d, Collections.unmodifiableSortedMap(users));
                t.put(d, total);
                index.put(d, Collections.unmodifiableMap(new HashMap<>(users)));
            }
        }
        return new StakeBook(Collections.unmodifiableMap(p), Collections.unmodifiableMap(t),
                Collections.unmodifiableMap(index));
    }
}
