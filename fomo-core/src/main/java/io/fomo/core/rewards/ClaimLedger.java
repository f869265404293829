package io.fomo.core.rewards;

import io.fomo.core.internal.Balances;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Claimable reward balances (FOMO-SPEC §3.4): one FLOCK balance per user, summed over every deployment
 * and epoch, and one MT balance per (user, deployment), since MT rewards stay per MT.
 *
 * <p>This is state, not a value: it is mutable so that crediting an epoch of a million pairs and each
 * claim cost time in proportion to their own size, not to the ledger's. Every operation either completes
 * or throws before changing anything. Conservation, exactly, per asset:
 * {@code credited == claimed + outstanding}.
 *
 * <p>This class is not thread-safe; confine it to the engine's thread or copy it.
 */
public final class ClaimLedger {

    private final Asset rewardAsset;
    private final Balances<AccountId> flock;
    private final Map<DeploymentId, Balances<AccountId>> mt;
    private BigInteger flockCredited;
    private BigInteger flockClaimed;
    private final Map<DeploymentId, BigInteger[]> mtTotals;
    /** The deployment credited last, and its entries in {@link #mt} and {@link #mtTotals} (never removed). */
    private DeploymentId lastDeployment;
    private Balances<AccountId> lastMt;
    private BigInteger[] lastTotals;

    private ClaimLedger(Asset rewardAsset, Balances<AccountId> flock, Map<DeploymentId, Balances<AccountId>> mt,
            BigInteger flockCredited, BigInteger flockClaimed, Map<DeploymentId, BigInteger[]> mtTotals) {
        this.rewardAsset = rewardAsset;
        this.flock = flock;
        this.mt = mt;
        this.flockCredited = flockCredited;
        this.flockClaimed = flockClaimed;
        this.mtTotals = mtTotals;
    }

    /**
     * Opens an empty ledger.
     *
     * @param rewardAsset the asset of FLOCK rewards
     * @return the ledger
     */
    public static ClaimLedger empty(Asset rewardAsset) {
        return new ClaimLedger(Objects.requireNonNull(rewardAsset, "rewardAsset"), Balances.empty(), new HashMap<>(),
                BigInteger.ZERO, BigInteger.ZERO, new HashMap<>());
    }

    /**
     * Returns an independent copy.
     *
     * @return the copy
     */
    public ClaimLedger copy() {
        Map<DeploymentId, Balances<AccountId>> m = new HashMap<>();
        mt.forEach((k, v) -> m.put(k, v.copy()));
        Map<DeploymentId, BigInteger[]> t = new HashMap<>();
        mtTotals.forEach((k, v) -> t.put(k, v.clone()));
        return new ClaimLedger(rewardAsset, flock.copy(), m, flockCredited, flockClaimed, t);
    }

    /**
     * Credits every payout of a closed epoch.
     *
     * @param epoch the epoch's result
     * @throws io.fomo.spi.AssetMismatchException if the epoch pays another reward asset
     */
    public void credit(EpochResult epoch) {
        Objects.requireNonNull(epoch, "epoch");
        Amount.zero(rewardAsset).requireSameAsset("epoch.rewardAsset", epoch.totalFlockPaid());
        epoch.forEachPayoutUnits(this::creditUnits);
    }

    /**
     * Credits one payout of a closed epoch, as it was decided (a fold of journaled facts).
     *
     * @param deployment the deployment the payout is for
     * @param user       the user
     * @param flockPaid  the FLOCK credited, zero or more, in the reward asset
     * @param mtPaid     the deployment's MT credited, zero or more
     * @throws io.fomo.spi.AssetMismatchException if the FLOCK is in another asset than the reward asset
     */
    public void credit(DeploymentId deployment, AccountId user, Amount flockPaid, Amount mtPaid) {
        Amount.zero(rewardAsset).requireSameAsset("flockPaid", flockPaid);
        creditUnits(Objects.requireNonNull(deployment, "deployment"), Objects.requireNonNull(user, "user"),
                flockPaid.units(), mtPaid.units());
    }

    private void creditUnits(DeploymentId dep, AccountId user, BigInteger f, BigInteger m) {
        if (f.signum() > 0) {
            flock.add(user, f);
            flockCredited = flockCredited.add(f);
        }
        if (m.signum() > 0) {
            // An epoch's payouts come deployment by deployment: look its two entries up once per run.
            if (!dep.equals(lastDeployment)) {
                lastMt = mt.computeIfAbsent(dep, k -> Balances.empty());
                lastTotals = mtTotals.computeIfAbsent(dep, k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
                lastDeployment = dep;
            }
            lastMt.add(user, m);
            lastTotals[0] = lastTotals[0].add(m);
        }
    }

    /**
     * Returns a user's claimable FLOCK.
     *
     * @param user the user
     * @return the balance
     */
    public Amount flockBalance(AccountId user) {
        return Amount.ofUnits(rewardAsset, flock.get(Objects.requireNonNull(user, "user")));
    }

    /**
     * Returns a user's claimable MT of one deployment.
     *
     * @param user       the user
     * @param deployment the deployment
     * @return the balance
     */
    public Amount mtBalance(AccountId user, DeploymentId deployment) {
        Balances<AccountId> m = mt.get(Objects.requireNonNull(deployment, "deployment"));
        Objects.requireNonNull(user, "user");
        return Amount.ofUnits(Asset.modelToken(deployment), m == null ? BigInteger.ZERO : m.get(user));
    }

    /**
     * Claims a user's whole FLOCK balance.
     *
     * @param user the user
     * @return the amount claimed, positive
     * @throws InvalidStateException if the balance is zero
     */
    public Amount claimFlock(AccountId user) {
        BigInteger v = flock.take(Objects.requireNonNull(user, "user"));
        if (v == null) {
            throw InvalidStateException.of("user", user, "has no claimable " + rewardAsset.symbol());
        }
        flockClaimed = flockClaimed.add(v);
        return Amount.ofUnits(rewardAsset, v);
    }

    /**
     * Claims a user's whole MT balance of one deployment.
     *
     * @param user       the user
     * @param deployment the deployment
     * @return the amount claimed, positive, in the deployment's MT
     * @throws InvalidStateException if the balance is zero
     */
    public Amount claimMt(AccountId user, DeploymentId deployment) {
        Objects.requireNonNull(user, "user");
        Balances<AccountId> m = mt.get(Objects.requireNonNull(deployment, "deployment"));
        BigInteger v = m == null ? null : m.take(user);
        if (v == null) {
            throw InvalidStateException.of("user", user, "has no claimable MT of " + deployment);
        }
        BigInteger[] t = mtTotals.get(deployment);
        t[1] = t[1].add(v);
        return Amount.ofUnits(Asset.modelToken(deployment), v);
    }

    /**
     * Returns every positive claimable balance in an asset (the reward asset, or a deployment's MT), by
     * account in code-point order: what a chain's Merkle distributor publishes at an epoch close.
     *
     * @param asset the asset
     * @return the balances, all positive, in the asset
     */
    public java.util.SortedMap<AccountId, Amount> balances(Asset asset) {
        Balances<AccountId> b = balancesOf(asset);
        TreeMap<AccountId, Amount> out = new TreeMap<>();
        if (b != null) {
            // Only positive balances are held.
            b.forEachHeld((user, v) -> out.put(user, Amount.ofUnits(asset, v)));
        }
        return out;
    }

    /**
     * Returns everything ever credited in an asset (the reward asset or a deployment's MT).
     *
     * @param asset the asset
     * @return the credited total
     */
    public Amount credited(Asset asset) {
        return total(asset, 0);
    }

    /**
     * Returns everything ever claimed in an asset.
     *
     * @param asset the asset
     * @return the claimed total
     */
    public Amount claimed(Asset asset) {
        return total(asset, 1);
    }

    /**
     * Returns the sum of the balances in an asset: by conservation, what was credited less what was claimed,
     * which the ledger keeps (so this costs nothing per account).
     *
     * @param asset the asset
     * @return the outstanding total
     */
    public Amount outstanding(Asset asset) {
        return credited(asset).minus(claimed(asset));
    }

    /**
     * Returns the sum of the {@code n} largest balances in an asset (the reward asset or a deployment's MT),
     * or of all of them if fewer accounts hold one: how concentrated the claimable rewards are, without
     * listing every balance. Equal balances count as often as they are held.
     *
     * @param asset the asset
     * @param n     how many of the largest balances to add up, positive
     * @return the sum, in the asset
     * @throws InvalidArgumentException if {@code n} is not positive
     */
    public Amount largestBalancesSum(Asset asset, int n) {
        Objects.requireNonNull(asset, "asset");
        if (n < 1) {
            throw InvalidArgumentException.of("n", n, "must be positive");
        }
        Balances<AccountId> b = balancesOf(asset);
        return b == null ? Amount.zero(asset) : Amount.ofUnits(asset, b.largestSum(n));
    }

    /**
     * The deployment whose model token {@code asset} is, among those ever credited, or null ({@link
     * Asset#modelToken} is one-to-one: a model token names one deployment).
     */
    private DeploymentId deploymentOf(Asset asset) {
        for (DeploymentId d : mtTotals.keySet()) {
            if (Asset.modelToken(d).equals(asset)) {
                return d;
            }
        }
        return null;
    }

    /** The balances in {@code asset}: the FLOCK ones, a deployment's MT ones, or null if none were credited. */
    private Balances<AccountId> balancesOf(Asset asset) {
        Objects.requireNonNull(asset, "asset");
        if (asset.equals(rewardAsset)) {
            return flock;
        }
        DeploymentId d = deploymentOf(asset);
        return d == null ? null : mt.get(d);
    }

    private Amount total(Asset asset, int which) {
        Objects.requireNonNull(asset, "asset");
        if (asset.equals(rewardAsset)) {
            return Amount.ofUnits(asset, which == 0 ? flockCredited : flockClaimed);
        }
        DeploymentId d = deploymentOf(asset);
        return d == null ? Amount.zero(asset) : Amount.ofUnits(asset, mtTotals.get(d)[which]);
    }

    @Override
    public String toString() {
        return "ClaimLedger[users=" + flock.held() + ", flockCredited=" + flockCredited + ", flockClaimed="
                + flockClaimed + "]";
    }

    /**
     * Returns every user's claimable FLOCK, in user order (users with nothing to claim are absent).
     *
     * @return an unmodifiable sorted copy
     */
    public SortedMap<AccountId, Amount> flockBalances() {
        return Collections.unmodifiableSortedMap(balances(rewardAsset));
    }

    /**
     * Returns every user's claimable MT of one deployment, in user order (users with nothing to claim are
     * absent).
     *
     * @param deployment the deployment
     * @return an unmodifiable sorted copy
     */
    public SortedMap<AccountId, Amount> mtBalances(DeploymentId deployment) {
        TreeMap<AccountId, Amount> out = new TreeMap<>();
        Balances<AccountId> m = mt.get(Objects.requireNonNull(deployment, "deployment"));
        if (m != null) {
            m.forEachHeld((u, v) -> out.put(u, Amount.ofUnits(Asset.modelToken(deployment), v)));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * Restores a ledger, as a snapshot of the engine's state holds it. For FLOCK and for each deployment's MT,
     * what was credited must equal what was claimed plus what is outstanding.
     *
     * @param rewardAsset   the asset of FLOCK rewards
     * @param flockBalances claimable FLOCK per user, each positive
     * @param mtBalances    claimable MT per deployment and user, each positive
     * @param flockCredited FLOCK credited so far
     * @param flockClaimed  FLOCK claimed so far
     * @param mtCredited    MT credited so far, per deployment that was ever credited
     * @param mtClaimed     MT claimed so far, per deployment: the same keys
     * @return the ledger
     * @throws NullPointerException     if an argument or an element is null
     * @throws InvalidArgumentException if a balance is zero, an asset is out of place, the keys differ, or
     *                                  credited differs from claimed plus outstanding
     */
    public static ClaimLedger restore(Asset rewardAsset, Map<AccountId, Amount> flockBalances,
            Map<DeploymentId, ? extends Map<AccountId, Amount>> mtBalances, Amount flockCredited, Amount flockClaimed,
            Map<DeploymentId, Amount> mtCredited, Map<DeploymentId, Amount> mtClaimed) {
        ClaimLedger l = empty(rewardAsset);
        Amount.zero(rewardAsset).requireSameAsset("flockCredited", Objects.requireNonNull(flockCredited, "flockCredited"));
        Amount.zero(rewardAsset).requireSameAsset("flockClaimed", Objects.requireNonNull(flockClaimed, "flockClaimed"));
        BigInteger out = BigInteger.ZERO;
        for (Map.Entry<AccountId, Amount> e : Objects.requireNonNull(flockBalances, "flockBalances").entrySet()) {
            AccountId u = Objects.requireNonNull(e.getKey(), "flockBalances key");
            Amount v = Objects.requireNonNull(e.getValue(), "flockBalances." + u);
            Amount.zero(rewardAsset).requireSameAsset("flockBalances." + u, v);
            if (!v.isPositive()) {
                throw InvalidArgumentException.of("flockBalances." + u, v, "must be positive");
            }
            l.flock.add(u, v.units());
            out = out.add(v.units());
        }
        if (!flockCredited.units().equals(flockClaimed.units().add(out))) {
            throw InvalidArgumentException.of("flockCredited", flockCredited, "must equal claimed " + flockClaimed
                    + " plus outstanding " + Amount.ofUnits(rewardAsset, out));
        }
        l.flockCredited = flockCredited.units();
        l.flockClaimed = flockClaimed.units();
        Objects.requireNonNull(mtCredited, "mtCredited");
        Objects.requireNonNull(mtClaimed, "mtClaimed");
        if (!mtCredited.keySet().equals(mtClaimed.keySet())
                || !mtCredited.keySet().containsAll(Objects.requireNonNull(mtBalances, "mtBalances").keySet())) {
            throw InvalidArgumentException.of("mtClaimed", mtClaimed.keySet(), "must name the deployments of "
                    + "mtCredited " + mtCredited.keySet() + ", which include those of mtBalances");
        }
        for (Map.Entry<DeploymentId, Amount> e : mtCredited.entrySet()) {
            DeploymentId d = Objects.requireNonNull(e.getKey(), "mtCredited key");
            Asset mtAsset = Asset.modelToken(d);
            Amount credited = Objects.requireNonNull(e.getValue(), "mtCredited." + d);
            Amount claimed = Objects.requireNonNull(mtClaimed.get(d), "mtClaimed." + d);
            Amount.zero(mtAsset).requireSameAsset("mtCredited." + d, credited);
            Amount.zero(mtAsset).requireSameAsset("mtClaimed." + d, claimed);
            BigInteger sum = BigInteger.ZERO;
            Map<AccountId, Amount> users = mtBalances.get(d);
            if (users != null && !users.isEmpty()) {
                Balances<AccountId> m = Balances.empty();
                for (Map.Entry<AccountId, Amount> u : users.entrySet()) {
                    AccountId user = Objects.requireNonNull(u.getKey(), "mtBalances." + d + " key");
                    Amount v = Objects.requireNonNull(u.getValue(), "mtBalances." + d + "." + user);
                    Amount.zero(mtAsset).requireSameAsset("mtBalances." + d + "." + user, v);
                    if (!v.isPositive()) {
                        throw InvalidArgumentException.of("mtBalances." + d + "." + user, v, "must be positive");
                    }
                    m.add(user, v.units());
                    sum = sum.add(v.units());
                }
                l.mt.put(d, m);
            }
            if (!credited.units().equals(claimed.units().add(sum))) {
                throw InvalidArgumentException.of("mtCredited." + d, credited, "must equal claimed " + claimed
                        + " plus outstanding " + Amount.ofUnits(mtAsset, sum));
            }
            l.mtTotals.put(d, new BigInteger[] {credited.units(), claimed.units()});
        }
        return l;
    }
}
