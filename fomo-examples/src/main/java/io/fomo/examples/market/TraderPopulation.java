package io.fomo.examples.market;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.engine.Command;
import io.fomo.core.engine.Swap;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded trader behaviours on a graduated deployment's MT/FLOCK pool (docs/scenarios.md, "Trader
 * behaviours"): given the day, the pool, the traders' holdings and a seeded random source, it returns the
 * day's {@link Swap} commands (and the {@link Command.Stake} that follows a tier purchase), in the order
 * to submit them. Three roles:
 * <ul>
 *   <li>{@link Role#SUPPORTER}: takes profit. When the pool's spot price reaches {@code profitMultiple}
 *       times its entry price, it sells {@code profitShareBps} of its MT (exact-in), with daily
 *       probability {@code profitProbabilityBps};</li>
 *   <li>{@link Role#TIER_USER}: buys MT to reach the next discount tier above its stake and stakes it. With
 *       daily probability {@code tierProbabilityBps} it buys exactly the MT it lacks (exact-out, paying at
 *       most the quote plus the slippage tolerance) and stakes up to the tier;</li>
 *   <li>{@link Role#NOISE}: with daily probability {@code noiseActivityBps}, buys or sells (even odds) a
 *       FLOCK value drawn uniformly in {@code [0, 2·noiseDailyFlock]}, never more than it holds.</li>
 * </ul>
 * Every swap carries a limit {@code slippageBps} away from its quote (minimum output rounded down, maximum
 * input rounded up). The quotes follow the day's own swaps: each is taken on the pool as the earlier swaps
 * of the day leave it, so the engine, running the commands in order, accepts every one whose trader still
 * holds what the list assumed. Traders act in id order; the day's source gives one seed, and each trader
 * draws from its own stream derived from that seed and its id, so adding a trader never changes what the
 * others draw (only, through the pool, the prices they see); the same inputs and seed give the same
 * commands. No state is kept between days: entries, holdings and stakes come in each day.
 *
 * <p>This class is immutable and thread-safe; the random source passed in is not.
 */
public final class TraderPopulation {

    /** A trader's behaviour. */
    public enum Role {
        /** Takes profit at a multiple of its entry price. */
        SUPPORTER,
        /** Buys MT to reach a discount tier and stakes it. */
        TIER_USER,
        /** Trades a seeded daily flow either way. */
        NOISE
    }

    /**
     * One trader as the day starts.
     *
     * @param id         the account
     * @param role       its behaviour
     * @param flock      the FLOCK it holds
     * @param mt         the MT it holds, unstaked
     * @param staked     the MT it has staked
     * @param entryPrice what it paid per whole MT, in FLOCK (a supporter's average raise price); zero when
     *                   unknown, and then it never takes profit
     */
    public record Trader(AccountId id, Role role, Amount flock, Amount mt, Amount staked, BigDecimal entryPrice) {
        /**
         * Checks the components.
         *
         * @param id         the account
         * @param role       its behaviour
         * @param flock      the FLOCK it holds
         * @param mt         the MT it holds, unstaked
         * @param staked     the MT it has staked
         * @param entryPrice FLOCK per whole MT, not negative
         */
        public Trader {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(flock, "flock");
            Objects.requireNonNull(mt, "mt");
            Objects.requireNonNull(staked, "staked");
            Objects.requireNonNull(entryPrice, "entryPrice");
            if (!flock.asset().equals(Asset.FLOCK)) {
                throw InvalidArgumentException.of("flock", flock, "must be FLOCK");
            }
            if (!staked.asset().equals(mt.asset())) {
                throw InvalidArgumentException.of("staked", staked, "must be of the asset of mt, " + mt.asset());
            }
            if (entryPrice.signum() < 0) {
                throw InvalidArgumentException.of("entryPrice", entryPrice, "must not be negative");
            }
        }
    }

    private static final int W = 10_000;
    private static final MathContext PRICE = new MathContext(34, RoundingMode.DOWN);

    private final DeploymentId deployment;
    private final BigDecimal profitMultiple;
    private final int profitShareBps;
    private final int profitProbabilityBps;
    private final List<Long> tiers;
    private final int tierProbabilityBps;
    private final Amount noiseDailyFlock;
    private final int noiseActivityBps;
    private final int slippageBps;

    private TraderPopulation(Builder b) {
        this.deployment = b.deployment;
        this.profitMultiple = b.profitMultiple;
        this.profitShareBps = b.profitShareBps;
        this.profitProbabilityBps = b.profitProbabilityBps;
        this.tiers = b.tiers;
        this.tierProbabilityBps = b.tierProbabilityBps;
        this.noiseDailyFlock = b.noiseDailyFlock;
        this.noiseActivityBps = b.noiseActivityBps;
        this.slippageBps = b.slippageBps;
    }

    /**
     * Starts a builder holding the defaults of docs/scenarios.md.
     *
     * @param deployment the deployment whose pool the traders trade on
     * @return the builder
     */
    public static Builder builder(DeploymentId deployment) {
        return new Builder(Objects.requireNonNull(deployment, "deployment"));
    }

    /**
     * Returns the commands of one day, in the order to submit them.
     *
     * @param day     the day, 0 or more (recorded in no command; for the caller's streams and logs)
     * @param pool    the deployment's pool as the day starts
     * @param traders the traders, each id once, of the pool's MT
     * @param random  the day's seeded random source
     * @return the swaps (and stakes), possibly none
     * @throws InvalidArgumentException if the day is negative, an id repeats or a trader's MT is not the pool's
     */
    public List<Command> day(long day, ConstantProductPool pool, List<Trader> traders, SplittableRandom random) {
        if (day < 0) {
            throw InvalidArgumentException.of("day", day, "must not be negative");
        }
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(random, "random");
        List<Trader> ordered = new ArrayList<>(Objects.requireNonNull(traders, "traders"));
        ordered.sort(Comparator.comparing(Trader::id));
        Asset mt = pool.other(Asset.FLOCK);
        List<Command> out = new ArrayList<>();
        ConstantProductPool p = pool;
        long daySeed = random.nextLong();
        for (int i = 0; i < ordered.size(); i++) {
            Trader t = ordered.get(i);
            if (i > 0 && ordered.get(i - 1).id().equals(t.id())) {
                throw InvalidArgumentException.of("traders", t.id(), "listed twice");
            }
            if (!t.mt().asset().equals(mt)) {
                throw InvalidArgumentException.of("traders." + t.id().value() + ".mt", t.mt(), "must be " + mt);
            }
            // Each trader's own stream, from the day's seed and its id: adding or removing a trader never
            // changes what the others draw.
            SplittableRandom own = new SplittableRandom(mix(daySeed ^ mix(fnv(t.id().value()))));
            int chance = own.nextInt(W);
            int draw = own.nextInt(2 * W + 1);
            switch (t.role()) {
                case SUPPORTER:
                    p = takeProfit(t, p, chance, out);
                    break;
                case TIER_USER:
                    p = reachTier(t, p, chance, out);
                    break;
                default:
                    p = noise(t, p, chance, draw, out);
                    break;
            }
        }
        return Collections.unmodifiableList(out);
    }

    private ConstantProductPool takeProfit(Trader t, ConstantProductPool p, int chance, List<Command> out) {
        if (chance >= profitProbabilityBps || t.entryPrice().signum() == 0 || !t.mt().isPositive()) {
            return p;
        }
        BigDecimal spot = p.spotPrice(t.mt().asset(), PRICE);
        if (spot.compareTo(t.entryPrice().multiply(profitMultiple)) < 0) {
            return p;
        }
        Amount sell = share(t.mt(), profitShareBps);
        return exactIn(t.id(), sell, p, out);
    }

    private ConstantProductPool reachTier(Trader t, ConstantProductPool p, int chance, List<Command> out) {
        if (chance >= tierProbabilityBps) {
            return p;
        }
        Amount target = null;
        for (long tier : tiers) {
            Amount inMt = Amount.of(t.mt().asset(), tier);
            if (inMt.isGreaterThan(t.staked())) {
                target = inMt;
                break;
            }
        }
        if (target == null) {
            return p;
        }
        Amount need = target.minus(t.staked());
        ConstantProductPool next = p;
        if (need.isGreaterThan(t.mt())) {
            Amount missing = need.minus(t.mt());
            Amount quote;
            try {
                quote = p.amountIn(missing);
            } catch (FomoException e) {
                return p;
            }
            if (quote.isGreaterThan(t.flock())) {
                return p;
            }
            Amount maxIn = Amount.ofUnits(Asset.FLOCK, scale(quote.units(), W + slippageBps, RoundingMode.UP));
            out.add(Swap.exactOut(deployment, t.id(), missing, maxIn));
            next = p.swapExactOut(missing).pool();
        }
        out.add(new Command.Stake(t.id(), deployment, need));
        return next;
    }

    private ConstantProductPool noise(Trader t, ConstantProductPool p, int chance, int draw, List<Command> out) {
        if (chance >= noiseActivityBps) {
            return p;
        }
        // draw in [0, 2W]: even draws buy, odd draws sell; the value is draw/W of the daily mean.
        Amount value = Amount.ofUnits(Asset.FLOCK, scale(noiseDailyFlock.units(), draw, RoundingMode.DOWN));
        if ((draw & 1) == 0) {
            return exactIn(t.id(), value.min(t.flock()), p, out);
        }
        Asset mt = t.mt().asset();
        // MT worth the value at the spot price, rounded down: value·Rmt/Rflock in base units.
        BigInteger units = value.units().multiply(p.reserve(mt).units()).divide(p.reserve(Asset.FLOCK).units());
        return exactIn(t.id(), Amount.ofUnits(mt, units).min(t.mt()), p, out);
    }

    /** An exact-in swap at the quote less the slippage tolerance; nothing when the pool refuses it. */
    private ConstantProductPool exactIn(AccountId who, Amount in, ConstantProductPool p, List<Command> out) {
        if (!in.isPositive()) {
            return p;
        }
        Amount quote;
        try {
            quote = p.amountOut(in);
        } catch (FomoException e) {
            return p;
        }
        if (!quote.isPositive()) {
            return p;
        }
        Amount minOut = Amount.ofUnits(quote.asset(), scale(quote.units(), W - slippageBps, RoundingMode.DOWN));
        out.add(Swap.exactIn(deployment, who, in, minOut));
        return p.swapExactIn(in).pool();
    }

    /** FNV-1a over the id's UTF-8 bytes: a fixed 64-bit digest of the id. */
    private static long fnv(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** The SplitMix64 finaliser: a bijection on 64-bit values. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Amount share(Amount a, int bps) {
        return Amount.ofUnits(a.asset(), scale(a.units(), bps, RoundingMode.DOWN));
    }

    private static BigInteger scale(BigInteger units, int bps, RoundingMode rounding) {
        return new BigDecimal(units.multiply(BigInteger.valueOf(bps))).divide(BigDecimal.valueOf(W), 0, rounding)
                .toBigIntegerExact();
    }

    /**
     * Builds a {@link TraderPopulation}; each setter rejects a bad value at once, naming it.
     *
     * <p>Instances are not thread-safe.
     */
    public static final class Builder {
        private final DeploymentId deployment;
        private BigDecimal profitMultiple = BigDecimal.valueOf(2);
        private int profitShareBps = 2_500;
        private int profitProbabilityBps = 2_000;
        private List<Long> tiers = List.of(1_000L, 10_000L, 50_000L);
        private int tierProbabilityBps = 500;
        private Amount noiseDailyFlock = Amount.of(Asset.FLOCK, 100);
        private int noiseActivityBps = 5_000;
        private int slippageBps = 100;

        private Builder(DeploymentId deployment) {
            this.deployment = deployment;
        }

        /**
         * Sets the multiple of its entry price at which a supporter takes profit (default 2).
         *
         * @param multiple at least 1, at most 10^6
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder profitMultiple(BigDecimal multiple) {
            Objects.requireNonNull(multiple, "profitMultiple");
            if (multiple.compareTo(BigDecimal.ONE) < 0 || multiple.compareTo(BigDecimal.valueOf(1_000_000)) > 0
                    || multiple.scale() > 18) {
                throw InvalidArgumentException.of("profitMultiple", multiple, "must be between 1 and 10^6, "
                        + "at most 18 decimals");
            }
            this.profitMultiple = multiple;
            return this;
        }

        /**
         * Sets the share of its MT a supporter sells when it takes profit (default 2,500 bps).
         *
         * @param bps 1 to 10,000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder profitShareBps(int bps) {
            this.profitShareBps = bps("profitShareBps", bps, 1);
            return this;
        }

        /**
         * Sets the daily probability that a supporter above its multiple sells (default 2,000 bps).
         *
         * @param bps 0 to 10,000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder profitProbabilityBps(int bps) {
            this.profitProbabilityBps = bps("profitProbabilityBps", bps, 0);
            return this;
        }

        /**
         * Sets the stake tiers tier users climb, in whole MT (default 1,000, 10,000, 50,000: the default
         * discount tiers of FOMO-SPEC §3.2).
         *
         * @param wholeTokens strictly increasing positive amounts of whole MT, 1 to 100 of them
         * @return this builder
         * @throws InvalidArgumentException if empty, too long, not increasing or not positive
         */
        public Builder tiers(List<Long> wholeTokens) {
            Objects.requireNonNull(wholeTokens, "tiers");
            if (wholeTokens.isEmpty() || wholeTokens.size() > 100) {
                throw InvalidArgumentException.of("tiers", wholeTokens.size(), "must hold 1 to 100 tiers");
            }
            long previous = 0;
            for (Long v : wholeTokens) {
                if (v == null || v <= previous || v > 1_000_000_000_000L) {
                    throw InvalidArgumentException.of("tiers", String.valueOf(v), "must be positive, at most 10^12 "
                            + "and strictly increasing");
                }
                previous = v;
            }
            this.tiers = List.copyOf(wholeTokens);
            return this;
        }

        /**
         * Sets the daily probability that a tier user climbs a tier (default 500 bps).
         *
         * @param bps 0 to 10,000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder tierProbabilityBps(int bps) {
            this.tierProbabilityBps = bps("tierProbabilityBps", bps, 0);
            return this;
        }

        /**
         * Sets a noise trader's mean daily flow, in FLOCK (default 100).
         *
         * @param mean FLOCK, not negative
         * @return this builder
         * @throws InvalidArgumentException if not FLOCK
         */
        public Builder noiseDailyFlock(Amount mean) {
            Objects.requireNonNull(mean, "noiseDailyFlock");
            if (!mean.asset().equals(Asset.FLOCK)) {
                throw InvalidArgumentException.of("noiseDailyFlock", mean, "must be FLOCK");
            }
            this.noiseDailyFlock = mean;
            return this;
        }

        /**
         * Sets the daily probability that a noise trader trades (default 5,000 bps).
         *
         * @param bps 0 to 10,000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder noiseActivityBps(int bps) {
            this.noiseActivityBps = bps("noiseActivityBps", bps, 0);
            return this;
        }

        /**
         * Sets the tolerance of every swap's limit around its quote (default 100 bps).
         *
         * @param bps 0 to 5,000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder slippageBps(int bps) {
            if (bps < 0 || bps > 5_000) {
                throw InvalidArgumentException.of("slippageBps", bps, "must be between 0 and 5000");
            }
            this.slippageBps = bps;
            return this;
        }

        /**
         * Builds the population's behaviour.
         *
         * @return the population
         */
        public TraderPopulation build() {
            return new TraderPopulation(this);
        }

        private static int bps(String field, int v, int min) {
            if (v < min || v > W) {
                throw InvalidArgumentException.of(field, v, "must be between " + min + " and " + W);
            }
            return v;
        }
    }
}
