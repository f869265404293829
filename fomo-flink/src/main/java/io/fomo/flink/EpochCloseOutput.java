package io.fomo.flink;

import io.fomo.core.rewards.EpochResult;
import io.fomo.core.rewards.PoolKind;
import io.fomo.core.rewards.PoolResult;
import io.fomo.flink.internal.EpochCsv;
import io.fomo.spi.AccountId;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of an epoch close in base units, whichever engine computed it: every pair's payouts, every
 * user's FLOCK, every pool's accounts and the split. Rows are sorted (pairs by deployment then user, users by
 * account, pools by deployment then kind), so two engines that agree give equal lists and the same files.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EpochCloseOutput {

    /**
     * One pair's payouts.
     *
     * @param deployment the deployment
     * @param user       the user
     * @param flock      global plus FLOCK incentive payout, base units of FLOCK
     * @param mt         MT incentive payout, base units of the deployment's MT
     */
    public record Payout(DeploymentId deployment, AccountId user, BigInteger flock, BigInteger mt) {
        /**
         * Checks the fields.
         *
         * @param deployment the deployment
         * @param user       the user
         * @param flock      FLOCK paid, not negative
         * @param mt         MT paid, not negative
         */
        public Payout {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(user, "user");
            nonNegative("flock", flock);
            nonNegative("mt", mt);
        }
    }

    /**
     * A user's FLOCK over every deployment.
     *
     * @param user  the user
     * @param flock the sum of its FLOCK payouts, base units
     */
    public record UserTotal(AccountId user, BigInteger flock) {
        /**
         * Checks the fields.
         *
         * @param user  the user
         * @param flock FLOCK paid, not negative
         */
        public UserTotal {
            Objects.requireNonNull(user, "user");
            nonNegative("flock", flock);
        }
    }

    /**
     * One pool's accounts, base units of its asset: {@code paid + dust + returned == fresh + carriedIn}.
     *
     * @param deployment the deployment
     * @param kind       the pool
     * @param fresh      the budget new in the epoch
     * @param carriedIn  the dust carried in
     * @param paid       the sum of payouts
     * @param dust       the remainder carried to the next epoch
     * @param returned   what goes back to the pool's source
     */
    public record Pool(DeploymentId deployment, PoolKind kind, BigInteger fresh, BigInteger carriedIn, BigInteger paid,
            BigInteger dust, BigInteger returned) {
        /**
         * Checks the fields.
         *
         * @param deployment the deployment
         * @param kind       the pool
         * @param fresh      not negative
         * @param carriedIn  not negative
         * @param paid       not negative
         * @param dust       not negative
         * @param returned   not negative
         */
        public Pool {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(kind, "kind");
            nonNegative("fresh", fresh);
            nonNegative("carriedIn", carriedIn);
            nonNegative("paid", paid);
            nonNegative("dust", dust);
            nonNegative("returned", returned);
        }
    }

    private static final Comparator<Payout> PAYOUT_ORDER = Comparator.comparing(Payout::deployment)
            .thenComparing(Payout::user);
    private static final Comparator<Pool> POOL_ORDER = Comparator.comparing(Pool::deployment)
            .thenComparing(Pool::kind);

    private final long from;
    private final long to;
    private final BigDecimal alpha;
    private final BigDecimal alphaIncentive;
    private final BigInteger scheduled;
    private final BigInteger carriedIn;
    private final BigInteger splitDust;
    private final BigInteger unassigned;
    private final List<Payout> payouts;
    private final List<UserTotal> users;
    private final List<Pool> pools;

    private EpochCloseOutput(long from, long to, BigDecimal alpha, BigDecimal alphaIncentive, BigInteger scheduled,
            BigInteger carriedIn, BigInteger splitDust, BigInteger unassigned, List<Payout> payouts,
            List<UserTotal> users, List<Pool> pools) {
        this.from = from;
        this.to = to;
        this.alpha = alpha;
        this.alphaIncentive = alphaIncentive;
        this.scheduled = scheduled;
        this.carriedIn = carriedIn;
        this.splitDust = splitDust;
        this.unassigned = unassigned;
        List<Payout> p = new ArrayList<>(payouts);
        p.sort(PAYOUT_ORDER);
        List<UserTotal> u = new ArrayList<>(users);
        u.sort(Comparator.comparing(UserTotal::user));
        List<Pool> q = new ArrayList<>(pools);
        q.sort(POOL_ORDER);
        this.payouts = List.copyOf(p);
        this.users = List.copyOf(u);
        this.pools = List.copyOf(q);
    }

    private static void nonNegative(String field, BigInteger v) {
        Objects.requireNonNull(v, field);
        if (v.signum() < 0) {
            throw InvalidArgumentException.of(field, v, "must not be negative");
        }
    }

    /**
     * Returns the outcome of a close in one JVM.
     *
     * @param result the result of {@code EpochDistributor.close}
     * @return the outcome
     */
    public static EpochCloseOutput of(EpochResult result) {
        Objects.requireNonNull(result, "result");
        List<Payout> payouts = new ArrayList<>();
        result.forEachPayout((d, u, f, m) -> payouts.add(new Payout(d, u, f.units(), m.units())));
        List<UserTotal> users = new ArrayList<>();
        for (AccountId u : result.users()) {
            users.add(new UserTotal(u, result.flockRewardOf(u).units()));
        }
        List<Pool> pools = new ArrayList<>();
        for (PoolResult p : result.pools()) {
            pools.add(new Pool(p.deployment(), p.kind(), p.fresh().units(), p.carriedIn().units(), p.paid().units(),
                    p.dust().units(), p.returned().units()));
        }
        return new EpochCloseOutput(result.from(), result.to(), result.alpha(), result.alphaIncentive(),
                result.scheduled().units(), result.carriedIn().units(), result.splitDust().units(),
                result.unassigned().units(), payouts, users, pools);
    }

    /** Reads the job's output lines back; every file must be present as in {@link #writeTo}. */
    static final class Reader {
        private final List<Payout> payouts = new ArrayList<>();
        private final List<UserTotal> users = new ArrayList<>();
        private final List<Pool> pools = new ArrayList<>();
        private String[] epoch;

        void accept(String file, String line) {
            String[] f = line.split(",", -1);
            switch (file) {
                case EpochCsv.PAYOUTS -> payouts.add(new Payout(DeploymentId.of(f[0]), AccountId.of(f[1]),
                        new BigInteger(f[2]), new BigInteger(f[3])));
                case EpochCsv.USERS -> users.add(new UserTotal(AccountId.of(f[0]), new BigInteger(f[1])));
                case EpochCsv.POOLS -> pools.add(new Pool(DeploymentId.of(f[0]), PoolKind.valueOf(f[1]),
                        new BigInteger(f[2]), new BigInteger(f[3]), new BigInteger(f[4]), new BigInteger(f[5]),
                        new BigInteger(f[6])));
                case EpochCsv.EPOCH -> {
                    if (epoch != null) {
                        throw new IllegalStateException("the job wrote two epoch lines");
                    }
                    epoch = f;
                }
                default -> throw new IllegalStateException("unknown output file " + file);
            }
        }

        EpochCloseOutput build() {
            if (epoch == null) {
                throw new IllegalStateException("the job wrote no epoch line");
            }
            return new EpochCloseOutput(Long.parseLong(epoch[0]), Long.parseLong(epoch[1]), new BigDecimal(epoch[2]),
                    new BigDecimal(epoch[3]), new BigInteger(epoch[4]), new BigInteger(epoch[5]),
                    new BigInteger(epoch[6]), new BigInteger(epoch[7]), payouts, users, pools);
        }
    }

    /** The line of {@link EpochCsv#EPOCH} for a split's numbers. */
    static String epochLine(long from, long to, BigDecimal alpha, BigDecimal alphaIncentive, BigInteger scheduled,
            BigInteger carriedIn, BigInteger splitDust, BigInteger unassigned) {
        return from + "," + to + "," + alpha.toPlainString() + "," + alphaIncentive.toPlainString() + "," + scheduled
                + "," + carriedIn + "," + splitDust + "," + unassigned;
    }

    /** The line of {@link EpochCsv#POOLS} for a pool. */
    static String poolLine(PoolResult p) {
        return p.deployment() + "," + p.kind() + "," + p.fresh().units() + "," + p.carriedIn().units() + ","
                + p.paid().units() + "," + p.dust().units() + "," + p.returned().units();
    }

    /**
     * Writes the four CSV files ({@code payouts.csv}, {@code users.csv}, {@code pools.csv}, {@code epoch.csv})
     * into a folder, each with its header, rows sorted, lines ended by {@code \n}, UTF-8.
     *
     * @param dir the folder, created if absent
     * @throws IOException if a file cannot be written
     */
    public void writeTo(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve(EpochCsv.PAYOUTS), StandardCharsets.UTF_8)) {
            w.write(EpochCsv.PAYOUTS_HEADER + "\n");
            for (Payout p : payouts) {
                w.write(EpochCsv.payoutLine(p.deployment().value(), p.user().value(), p.flock(), p.mt()) + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(EpochCsv.USERS), StandardCharsets.UTF_8)) {
            w.write(EpochCsv.USERS_HEADER + "\n");
            for (UserTotal u : users) {
                w.write(EpochCsv.userLine(u.user().value(), u.flock()) + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(EpochCsv.POOLS), StandardCharsets.UTF_8)) {
            w.write(EpochCsv.POOLS_HEADER + "\n");
            for (Pool p : pools) {
                w.write(p.deployment() + "," + p.kind() + "," + p.fresh() + "," + p.carriedIn() + "," + p.paid() + ","
                        + p.dust() + "," + p.returned() + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(EpochCsv.EPOCH), StandardCharsets.UTF_8)) {
            w.write(EpochCsv.EPOCH_HEADER + "\n");
            w.write(epochLine(from, to, alpha, alphaIncentive, scheduled, carriedIn, splitDust, unassigned) + "\n");
        }
    }

    /**
     * Returns the epoch's start.
     *
     * @return seconds from the schedule's origin
     */
    public long from() {
        return from;
    }

    /**
     * Returns the epoch's end (exclusive).
     *
     * @return seconds from the schedule's origin
     */
    public long to() {
        return to;
    }

    /**
     * Returns α used.
     *
     * @return α
     */
    public BigDecimal alpha() {
        return alpha;
    }

    /**
     * Returns α_i used.
     *
     * @return α_i
     */
    public BigDecimal alphaIncentive() {
        return alphaIncentive;
    }

    /**
     * Returns what the schedule emitted in the epoch, base units of FLOCK.
     *
     * @return the scheduled budget
     */
    public BigInteger scheduled() {
        return scheduled;
    }

    /**
     * Returns the split dust carried in, base units of FLOCK.
     *
     * @return the carried-in global dust
     */
    public BigInteger carriedIn() {
        return carriedIn;
    }

    /**
     * Returns the split dust carried to the next epoch, base units of FLOCK.
     *
     * @return the split dust
     */
    public BigInteger splitDust() {
        return splitDust;
    }

    /**
     * Returns the budget no deployment could receive, base units of FLOCK.
     *
     * @return the unassigned budget
     */
    public BigInteger unassigned() {
        return unassigned;
    }

    /**
     * Returns everything that goes back to the emission reserve: the unassigned budget plus what each global
     * pool returned, base units of FLOCK.
     *
     * @return the amount returned to the reserve
     */
    public BigInteger returnedToReserve() {
        BigInteger sum = unassigned;
        for (Pool p : pools) {
            if (p.kind() == PoolKind.GLOBAL_FLOCK) {
                sum = sum.add(p.returned());
            }
        }
        return sum;
    }

    /**
     * Returns the sum of every FLOCK payout, base units.
     *
     * @return the total FLOCK paid
     */
    public BigInteger totalFlockPaid() {
        BigInteger sum = BigInteger.ZERO;
        for (UserTotal u : users) {
            sum = sum.add(u.flock());
        }
        return sum;
    }

    /**
     * Returns every pair's payouts, by deployment then user.
     *
     * @return an unmodifiable list
     */
    public List<Payout> payouts() {
        return payouts;
    }

    /**
     * Returns every user's FLOCK, by user.
     *
     * @return an unmodifiable list
     */
    public List<UserTotal> users() {
        return users;
    }

    /**
     * Returns every pool's accounts, by deployment then kind.
     *
     * @return an unmodifiable list
     */
    public List<Pool> pools() {
        return pools;
    }

    @Override
    public String toString() {
        return "EpochCloseOutput[" + from + ".." + to + ", pairs=" + payouts.size() + ", users=" + users.size()
                + ", pools=" + pools.size() + "]";
    }
}
