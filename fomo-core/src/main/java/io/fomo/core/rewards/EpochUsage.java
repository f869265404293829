package io.fomo.core.rewards;

import io.fomo.core.internal.Slots;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One epoch's activity: each deployment's net revenue, age and incentive budgets, and each
 * (user, deployment) pair's paid spend, stake and gmFLOCK.
 *
 * <p>Built for scale: pairs are held in parallel arrays, ordered once at {@link Builder#build()} by
 * deployment and account (one sort of the distinct accounts, then two counting sorts of the pairs), so an
 * epoch of a million pairs needs no object per pair beyond its numbers (and, while it is built, one map
 * entry per distinct user). The order in which pairs are added never matters.
 * A staker with no spend may be listed (spend zero): the stake counts in the deployment's total stake,
 * but earns nothing.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EpochUsage {

    final Asset spendAsset;
    final Asset rewardAsset;
    /** Deployments in ascending order, and their data. */
    final DeploymentId[] deployments;
    final BigInteger[] netRevenue;
    final long[] ageDays;
    final Amount[] flockIncentive;
    final Amount[] mtIncentive;
    /** Pairs of deployment d are [offset[d], offset[d+1]), sorted by account. */
    final int[] offset;
    final AccountId[] account;
    final int[] userRank;
    final BigInteger[] spend;
    final BigInteger[] stake;
    /** gmFLOCK per pair, or null when no pair holds any. */
    final BigDecimal[] gm;
    /** Distinct users in ascending order. */
    final AccountId[] users;

    private EpochUsage(Asset spendAsset, Asset rewardAsset, DeploymentId[] deployments, BigInteger[] netRevenue,
            long[] ageDays, Amount[] flockIncentive, Amount[] mtIncentive, int[] offset, AccountId[] account,
            int[] userRank, BigInteger[] spend, BigInteger[] stake, BigDecimal[] gm, AccountId[] users) {
        this.spendAsset = spendAsset;
        this.rewardAsset = rewardAsset;
        this.deployments = deployments;
        this.netRevenue = netRevenue;
        this.ageDays = ageDays;
        this.flockIncentive = flockIncentive;
        this.mtIncentive = mtIncentive;
        this.offset = offset;
        this.account = account;
        this.userRank = userRank;
        this.spend = spend;
        this.stake = stake;
        this.gm = gm;
        this.users = users;
    }

    /**
     * Starts an epoch's activity.
     *
     * @param spendAsset  the asset of spend and net revenue (USD)
     * @param rewardAsset the asset of the global and FLOCK incentive pools (FLOCK)
     * @return a builder
     */
    public static Builder builder(Asset spendAsset, Asset rewardAsset) {
        return new Builder(spendAsset, rewardAsset);
    }

    /**
     * Returns the deployments, in ascending order.
     *
     * @return an unmodifiable list
     */
    public List<DeploymentId> deployments() {
        return List.of(deployments);
    }

    /**
     * Returns the number of (user, deployment) pairs.
     *
     * @return the pair count
     */
    public int pairCount() {
        return account.length;
    }

    /**
     * Returns the distinct users, in ascending order.
     *
     * @return an unmodifiable list
     */
    public List<AccountId> users() {
        return List.of(users);
    }

    /**
     * Returns a user's combined base score under <em>global</em> normalisation: the sum over deployments of
     * {@code usage_share(u, m) · revenue_share(m)}, where {@code revenue_share(m)} is the deployment's share
     * of the epoch's net revenue. When each deployment's net revenue equals its paid spend (no hard costs,
     * or costs a fixed fraction of spend), this is the user's total spend over everyone's total spend, so
     * moving or splitting spend between deployments cannot change it (docs/emissions-and-rewards.md).
     *
     * @param user the user
     * @param mc   the precision and rounding of the single division
     * @return the score, 0 to 1; zero when there is no net revenue
     */
    public BigDecimal combinedBaseScore(AccountId user, MathContext mc) {
        BigInteger[] f = combinedBaseScoreFraction(Objects.requireNonNull(user, "user"));
        return f[1].signum() == 0 ? BigDecimal.ZERO : new BigDecimal(f[0]).divide(new BigDecimal(f[1]), mc);
    }

    /** The combined base score as an exact fraction {numerator, denominator}; denominator 0 if undefined. */
    BigInteger[] combinedBaseScoreFraction(AccountId user) {
        BigInteger totalNet = BigInteger.ZERO;
        for (BigInteger n : netRevenue) {
            totalNet = totalNet.add(n);
        }
        BigInteger num = BigInteger.ZERO;
        BigInteger den = BigInteger.ONE;
        for (int d = 0; d < deployments.length; d++) {
            int i = find(d, user);
            if (i < 0 || spend[i].signum() == 0) {
                continue;
            }
            BigInteger s = BigInteger.ZERO;
            for (int j = offset[d]; j < offset[d + 1]; j++) {
                s = s.add(spend[j]);
            }
            // num/den + spend_i/s * net_d  (over totalNet at the end)
            BigInteger termNum = spend[i].multiply(netRevenue[d]);
            num = num.multiply(s).add(termNum.multiply(den));
            den = den.multiply(s);
        }
        return new BigInteger[] {num, den.multiply(totalNet)};
    }

    /** Index of the user's pair in deployment d, or -1. */
    int find(int d, AccountId user) {
        int lo = offset[d];
        int hi = offset[d + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = account[mid].compareTo(user);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    int deploymentIndex(DeploymentId id) {
        return Arrays.binarySearch(deployments, id);
    }

    /**
     * Collects an epoch's activity. Every call validates its arguments before changing anything, so a
     * rejected call leaves the builder as it was.
     */
    public static final class Builder {
        private final Asset spendAsset;
        private final Asset rewardAsset;
        private final Map<DeploymentId, Integer> depIndex = new HashMap<>();
        private final List<DeploymentId> deps = new ArrayList<>();
        private final List<BigInteger> net = new ArrayList<>();
        private final List<Long> ages = new ArrayList<>();
        private final List<Amount> flockInc = new ArrayList<>();
        private final List<Amount> mtInc = new ArrayList<>();
        /** Zero of each declared deployment's MT, to check stakes without building the asset per pair. */
        private final List<Amount> mtZero = new ArrayList<>();
        private final Amount spendZero;
        private int n;
        private int[] pairDep = new int[16];
        private AccountId[] pairAccount = new AccountId[16];
        private BigInteger[] pairSpend = new BigInteger[16];
        private BigInteger[] pairStake = new BigInteger[16];
        private BigDecimal[] pairGm;

        private Builder(Asset spendAsset, Asset rewardAsset) {
            this.spendAsset = Objects.requireNonNull(spendAsset, "spendAsset");
            this.rewardAsset = Objects.requireNonNull(rewardAsset, "rewardAsset");
            this.spendZero = Amount.zero(spendAsset);
        }

        /**
         * Declares a deployment with only net revenue (age 0, no incentive budgets).
         *
         * @param id         the deployment
         * @param netRevenue its net revenue in the epoch, in the spend asset
         * @return this builder
         * @throws InvalidArgumentException if the deployment is already declared
         */
        public Builder deployment(DeploymentId id, Amount netRevenue) {
            return deployment(id, netRevenue, 0, Amount.zero(rewardAsset),
                    Amount.zero(Asset.modelToken(Objects.requireNonNull(id, "deployment"))));
        }

        /**
         * Declares a deployment.
         *
         * @param id             the deployment
         * @param netRevenue     its net revenue in the epoch, in the spend asset
         * @param ageDays        its age in whole days, not negative
         * @param flockIncentive this epoch's per-MT FLOCK incentive budget, in the reward asset
         * @param mtIncentive    this epoch's per-MT token incentive budget, in the deployment's MT
         * @return this builder
         * @throws InvalidArgumentException if the deployment is already declared or an argument is invalid
         */
        public Builder deployment(DeploymentId id, Amount netRevenue, long ageDays, Amount flockIncentive,
                Amount mtIncentive) {
            Objects.requireNonNull(id, "deployment");
            Objects.requireNonNull(netRevenue, "netRevenue");
            Objects.requireNonNull(flockIncentive, "flockIncentive");
            Objects.requireNonNull(mtIncentive, "mtIncentive");
            if (depIndex.containsKey(id)) {
                throw InvalidArgumentException.of("deployment", id, "is already declared in this epoch");
            }
            if (ageDays < 0) {
                throw InvalidArgumentException.of("ageDays", ageDays, "must not be negative");
            }
            spendZero.requireSameAsset("netRevenue", netRevenue);
            Amount.zero(rewardAsset).requireSameAsset("flockIncentive", flockIncentive);
            Amount zeroMt = Amount.zero(Asset.modelToken(id));
            zeroMt.requireSameAsset("mtIncentive", mtIncentive);
            depIndex.put(id, deps.size());
            mtZero.add(zeroMt);
            deps.add(id);
            net.add(netRevenue.units());
            ages.add(ageDays);
            flockInc.add(flockIncentive);
            mtInc.add(mtIncentive);
            return this;
        }

        /**
         * Adds a (user, deployment) pair without gmFLOCK.
         *
         * @param deployment a declared deployment
         * @param user       the user
         * @param spend      the user's paid spend on it, in the spend asset
         * @param stake      the user's stake of its MT
         * @return this builder
         * @throws InvalidArgumentException if the deployment is not declared or an asset is wrong
         */
        public Builder usage(DeploymentId deployment, AccountId user, Amount spend, Amount stake) {
            return usage(deployment, user, spend, stake, BigDecimal.ZERO);
        }

        /**
         * Adds a (user, deployment) pair. Each pair may be added once; a repeat is rejected at
         * {@link #build()}.
         *
         * @param deployment a declared deployment
         * @param user       the user
         * @param spend      the user's paid spend on it, in the spend asset
         * @param stake      the user's stake of its MT
         * @param gmFlock    the user's gmFLOCK holding, not negative
         * @return this builder
         * @throws InvalidArgumentException if the deployment is not declared or an argument is invalid
         */
        public Builder usage(DeploymentId deployment, AccountId user, Amount spend, Amount stake,
                BigDecimal gmFlock) {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(spend, "spend");
            Objects.requireNonNull(stake, "stake");
            Limits.decimal("gmFlock", gmFlock);
            Integer d = depIndex.get(deployment);
            if (d == null) {
                throw InvalidArgumentException.of("deployment", deployment, "is not declared in this epoch");
            }
            spendZero.requireSameAsset("spend", spend);
            mtZero.get(d).requireSameAsset("stake", stake);
            if (gmFlock.signum() < 0) {
                throw InvalidArgumentException.of("gmFlock", gmFlock.toPlainString(), "must not be negative");
            }
            if (n == pairDep.length) {
                int cap = n * 2;
                pairDep = Arrays.copyOf(pairDep, cap);
                pairAccount = Arrays.copyOf(pairAccount, cap);
                pairSpend = Arrays.copyOf(pairSpend, cap);
                pairStake = Arrays.copyOf(pairStake, cap);
                if (pairGm != null) {
                    pairGm = Arrays.copyOf(pairGm, cap);
                }
            }
            if (gmFlock.signum() != 0 && pairGm == null) {
                pairGm = new BigDecimal[pairDep.length];
                Arrays.fill(pairGm, 0, n, BigDecimal.ZERO);
            }
            pairDep[n] = d;
            pairAccount[n] = user;
            pairSpend[n] = spend.units();
            pairStake[n] = stake.units();
            if (pairGm != null) {
                pairGm[n] = gmFlock;
            }
            n++;
            return this;
        }

        /**
         * Sorts and freezes the activity.
         *
         * @return the epoch's activity
         * @throws InvalidArgumentException if a (user, deployment) pair was added twice
         */
        public EpochUsage build() {
            int dn = deps.size();
            DeploymentId[] sortedDeps = deps.toArray(new DeploymentId[0]);
            Arrays.sort(sortedDeps);
            int[] rankOfDecl = new int[dn];
            for (int i = 0; i < dn; i++) {
                rankOfDecl[depIndex.get(sortedDeps[i])] = i;
            }
            // 1. Distinct accounts (by equals), sorted once; each pair's user rank.
            AccountId[] acc = pairAccount;
            Slots<AccountId> firstSeen = Slots.empty();
            int[] distinctOf = new int[n];
            for (int i = 0; i < n; i++) {
                distinctOf[i] = firstSeen.slotOf(acc[i]);
            }
            int un = firstSeen.size();
            // Distinct accounts sort without ties, so sorting the accounts themselves gives each its rank.
            // (Accounts that came in account order, as a day's calls often do, sort in one pass.)
            AccountId[] distinct = firstSeen.keys().toArray(new AccountId[0]);
            Arrays.sort(distinct);
            int[] rankOfDistinct = new int[un];
            for (int r = 0; r < un; r++) {
                rankOfDistinct[firstSeen.find(distinct[r])] = r;
            }
            // 2. Pairs ordered by user rank (a stable counting sort), then stably by deployment rank: each
            //    deployment's pairs end up in account order. Linear in the pairs.
            int[] byRank = new int[n];
            int[] start = new int[un + 1];
            for (int i = 0; i < n; i++) {
                start[rankOfDistinct[distinctOf[i]] + 1]++;
            }
            for (int r = 0; r < un; r++) {
                start[r + 1] += start[r];
            }
            for (int i = 0; i < n; i++) {
                byRank[start[rankOfDistinct[distinctOf[i]]]++] = i;
            }
            int[] offset = new int[dn + 1];
            for (int i = 0; i < n; i++) {
                offset[rankOfDecl[pairDep[i]] + 1]++;
            }
            for (int d = 0; d < dn; d++) {
                offset[d + 1] += offset[d];
            }
            int[] next = Arrays.copyOf(offset, dn);
            AccountId[] account = new AccountId[n];
            int[] userRank = new int[n];
            BigInteger[] spend = new BigInteger[n];
            BigInteger[] stake = new BigInteger[n];
            BigDecimal[] gm = pairGm == null ? null : new BigDecimal[n];
            for (int j = 0; j < n; j++) {
                int i = byRank[j];
                int pos = next[rankOfDecl[pairDep[i]]]++;
                account[pos] = acc[i];
                userRank[pos] = rankOfDistinct[distinctOf[i]];
                spend[pos] = pairSpend[i];
                stake[pos] = pairStake[i];
                if (gm != null) {
                    gm[pos] = pairGm[i];
                }
            }
            for (int d = 0; d < dn; d++) {
                for (int p = offset[d] + 1; p < offset[d + 1]; p++) {
                    if (userRank[p] == userRank[p - 1]) {
                        throw InvalidArgumentException.of("usage", sortedDeps[d] + "/" + account[p],
                                "the (deployment, user) pair was added twice");
                    }
                }
            }
            BigInteger[] netSorted = new BigInteger[dn];
            long[] ageSorted = new long[dn];
            Amount[] fi = new Amount[dn];
            Amount[] mi = new Amount[dn];
            for (int k = 0; k < dn; k++) {
                int r = rankOfDecl[k];
                netSorted[r] = net.get(k);
                ageSorted[r] = ages.get(k);
                fi[r] = flockInc.get(k);
                mi[r] = mtInc.get(k);
            }
            return new EpochUsage(spendAsset, rewardAsset, sortedDeps, netSorted, ageSorted, fi, mi, offset, account,
                    userRank, spend, stake, gm, distinct);
        }
    }
}
