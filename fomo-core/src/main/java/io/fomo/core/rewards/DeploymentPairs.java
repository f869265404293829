package io.fomo.core.rewards;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One deployment's (user, deployment) pairs in an epoch: each user's paid spend, stake of the deployment's
 * MT and gmFLOCK, the input of {@link DeploymentClose#of}. Held in parallel arrays sorted by account, so the
 * order in which pairs are added never matters.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DeploymentPairs {

    private final DeploymentId deployment;
    private final Asset spendAsset;
    final AccountId[] account;
    final BigInteger[] spend;
    final BigInteger[] stake;
    /** gmFLOCK per pair, or null when no pair holds any. */
    final BigDecimal[] gm;

    private DeploymentPairs(DeploymentId deployment, Asset spendAsset, AccountId[] account, BigInteger[] spend,
            BigInteger[] stake, BigDecimal[] gm) {
        this.deployment = deployment;
        this.spendAsset = spendAsset;
        this.account = account;
        this.spend = spend;
        this.stake = stake;
        this.gm = gm;
    }

    /**
     * Starts a deployment's pairs.
     *
     * @param deployment the deployment
     * @param spendAsset the asset of spend (USD)
     * @return a builder
     */
    public static Builder builder(DeploymentId deployment, Asset spendAsset) {
        return new Builder(deployment, spendAsset);
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
     * Returns the number of pairs.
     *
     * @return the pair count
     */
    public int size() {
        return account.length;
    }

    /**
     * Returns the users, in ascending order.
     *
     * @return an unmodifiable list
     */
    public List<AccountId> users() {
        return List.of(account);
    }

    /**
     * Returns the sum of the pairs' paid spend: the deployment's {@link DeploymentTotals#paidSpend()}.
     *
     * @return the paid spend, in the spend asset
     */
    public Amount paidSpend() {
        BigInteger s = BigInteger.ZERO;
        for (BigInteger v : spend) {
            s = s.add(v);
        }
        return Amount.ofUnits(spendAsset, s);
    }

    @Override
    public String toString() {
        return "DeploymentPairs[" + deployment + ", pairs=" + account.length + "]";
    }

    /**
     * Collects a deployment's pairs. Every call validates its arguments before changing anything, so a
     * rejected call leaves the builder as it was.
     */
    public static final class Builder {
        private final DeploymentId deployment;
        private final Asset spendAsset;
        private final Amount spendZero;
        private final Amount stakeZero;
        private int n;
        private AccountId[] account = new AccountId[16];
        private BigInteger[] spends = new BigInteger[16];
        private BigInteger[] stakes = new BigInteger[16];
        private BigDecimal[] gm;

        private Builder(DeploymentId deployment, Asset spendAsset) {
            this.deployment = Objects.requireNonNull(deployment, "deployment");
            this.spendAsset = Objects.requireNonNull(spendAsset, "spendAsset");
            this.spendZero = Amount.zero(spendAsset);
            this.stakeZero = Amount.zero(Asset.modelToken(deployment));
        }

        /**
         * Adds a pair without gmFLOCK.
         *
         * @param user  the user
         * @param spend the user's paid spend, in the spend asset
         * @param stake the user's stake of the deployment's MT
         * @return this builder
         * @throws InvalidArgumentException if an asset is wrong
         */
        public Builder pair(AccountId user, Amount spend, Amount stake) {
            return pair(user, spend, stake, BigDecimal.ZERO);
        }

        /**
         * Adds a pair. Each user may be added once; a repeat is rejected at {@link #build()}.
         *
         * @param user    the user
         * @param spend   the user's paid spend, in the spend asset
         * @param stake   the user's stake of the deployment's MT
         * @param gmFlock the user's gmFLOCK holding, not negative
         * @return this builder
         * @throws InvalidArgumentException if an asset is wrong or gmFLOCK is negative
         */
        public Builder pair(AccountId user, Amount spend, Amount stake, BigDecimal gmFlock) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(spend, "spend");
            Objects.requireNonNull(stake, "stake");
            Objects.requireNonNull(gmFlock, "gmFlock");
            spendZero.requireSameAsset("spend", spend);
            stakeZero.requireSameAsset("stake", stake);
            if (gmFlock.signum() < 0) {
                throw InvalidArgumentException.of("gmFlock", gmFlock.toPlainString(), "must not be negative");
            }
            if (n == account.length) {
                int cap = n * 2;
                account = Arrays.copyOf(account, cap);
                spends = Arrays.copyOf(spends, cap);
                stakes = Arrays.copyOf(stakes, cap);
                if (gm != null) {
                    gm = Arrays.copyOf(gm, cap);
                }
            }
            if (gmFlock.signum() != 0 && gm == null) {
                gm = new BigDecimal[account.length];
                Arrays.fill(gm, 0, n, BigDecimal.ZERO);
            }
            account[n] = user;
            spends[n] = spend.units();
            stakes[n] = stake.units();
            if (gm != null) {
                gm[n] = gmFlock;
            }
            n++;
            return this;
        }

        /**
         * Sorts and freezes the pairs.
         *
         * @return the deployment's pairs
         * @throws InvalidArgumentException if a user was added twice
         */
        public DeploymentPairs build() {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            AccountId[] acc = account;
            Arrays.sort(order, (x, y) -> acc[x].compareTo(acc[y]));
            AccountId[] a = new AccountId[n];
            BigInteger[] sp = new BigInteger[n];
            BigInteger[] st = new BigInteger[n];
            BigDecimal[] g = gm == null ? null : new BigDecimal[n];
            for (int j = 0; j < n; j++) {
                int i = order[j];
                a[j] = acc[i];
                sp[j] = spends[i];
                st[j] = stakes[i];
                if (g != null) {
                    g[j] = gm[i];
                }
                if (j > 0 && a[j].equals(a[j - 1])) {
                    throw InvalidArgumentException.of("pair", deployment + "/" + a[j], "the user was added twice");
                }
            }
            return new DeploymentPairs(deployment, spendAsset, a, sp, st, g);
        }
    }
}
