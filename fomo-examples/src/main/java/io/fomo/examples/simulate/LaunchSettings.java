package io.fomo.examples.simulate;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The launch block of a scenario: who launches which deployment, and the launch parameters by the names
 * of FOMO-SPEC §1. The targets and the curve are required (the SDK presets them per model and has no
 * default); every other parameter is optional, and an absent one means "the SDK's default" (the engine
 * applies {@code LaunchParameters}' defaults), so this class never restates a default.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class LaunchSettings {

    /** What happens to unsold sale tokens at a min-target graduation (FOMO-SPEC §1.11). */
    public enum Unsold {
        /** Burned. */
        BURN,
        /** Added to the pool's MT side. */
        LIQUIDITY,
        /** Given to the treasury. */
        TREASURY
    }

    /** The bonding curve shapes of FOMO-SPEC §1.6. */
    public enum CurveType {
        /** Constant product over virtual reserves derived from the sale supply, max target and start price. */
        CONSTANT_PRODUCT,
        /** Linear price {@code p(x) = startPrice + slope·x}. */
        LINEAR,
        /** Exponential price {@code p(x) = startPrice·e^(rate·x)}. */
        EXPONENTIAL
    }

    /**
     * The MT supply allocation in bps; the five parts sum to exactly 10,000.
     *
     * @param sale       the sale tranche
     * @param liquidity  the pool's MT
     * @param incentives token incentives
     * @param issuer     the issuer's vested MT
     * @param treasury   the treasury's MT
     */
    public record Allocation(int sale, int liquidity, int incentives, int issuer, int treasury) {

        /**
         * Checks the parts.
         *
         * @param sale the sale tranche
         * @param liquidity the pool's MT
         * @param incentives token incentives
         * @param issuer the issuer's vested MT
         * @param treasury the treasury's MT
         * @throws InvalidArgumentException if a part is negative or the parts do not sum to 10,000
         */
        public Allocation {
            int sum = 0;
            for (int part : new int[] {sale, liquidity, incentives, issuer, treasury}) {
                if (part < 0 || part > 10_000) {
                    throw InvalidArgumentException.of("allocation", part, "each part must be from 0 to 10000 bps");
                }
                sum += part;
            }
            if (sum != 10_000) {
                throw InvalidArgumentException.of("allocation", sum + " bps in total", "the parts must sum to 10000");
            }
        }
    }

    /**
     * The split of the raised net FLOCK at graduation in bps; the three parts sum to exactly 10,000.
     *
     * @param liquidity the pool's FLOCK side
     * @param hosting   the hosting reserve
     * @param staking   the staking-incentive budget
     */
    public record RaiseSplit(int liquidity, int hosting, int staking) {

        /**
         * Checks the parts.
         *
         * @param liquidity the pool's FLOCK side
         * @param hosting the hosting reserve
         * @param staking the staking-incentive budget
         * @throws InvalidArgumentException if a part is negative or the parts do not sum to 10,000
         */
        public RaiseSplit {
            if (liquidity < 0 || hosting < 0 || staking < 0 || liquidity + hosting + staking != 10_000) {
                throw InvalidArgumentException.of("raiseSplit", liquidity + "/" + hosting + "/" + staking,
                        "the parts must be non-negative and sum to 10000 bps");
            }
        }
    }

    /**
     * The issuer's vesting, in whole days from graduation.
     *
     * @param cliffDays    days before anything vests, not negative
     * @param durationDays days over which everything vests, positive and not shorter than the cliff
     */
    public record Vesting(int cliffDays, int durationDays) {

        /**
         * Checks the days.
         *
         * @param cliffDays days before anything vests, not negative
         * @param durationDays days over which everything vests, positive and not shorter than the cliff
         * @throws InvalidArgumentException if the cliff is negative, the duration not positive, or the
         *                                  cliff longer than the duration
         */
        public Vesting {
            if (cliffDays < 0 || durationDays <= 0 || cliffDays > durationDays) {
                throw InvalidArgumentException.of("vesting", cliffDays + "/" + durationDays,
                        "needs 0 <= cliffDays <= durationDays and durationDays > 0");
            }
        }
    }

    /**
     * The bonding curve: its shape, start price (FLOCK per MT) and steepness.
     *
     * <p>This class is immutable and thread-safe.
     */
    public static final class Curve {

        private final CurveType type;
        private final BigDecimal startPrice;
        private final BigDecimal steepness;

        /**
         * Returns a curve.
         *
         * @param type       the shape
         * @param startPrice the price of the first MT in FLOCK, positive
         * @param steepness  the slope (LINEAR, FLOCK per MT per MT sold, positive) or the rate
         *                   (EXPONENTIAL, per MT sold, positive); null for CONSTANT_PRODUCT
         * @throws InvalidArgumentException if the start price is not positive, or the steepness is missing,
         *                                  not positive, or given for CONSTANT_PRODUCT
         */
        public Curve(CurveType type, BigDecimal startPrice, BigDecimal steepness) {
            this.type = Objects.requireNonNull(type, "type");
            Objects.requireNonNull(startPrice, "startPrice");
            if (startPrice.signum() <= 0) {
                throw InvalidArgumentException.of("startPrice", startPrice.toPlainString(), "must be positive");
            }
            if (type == CurveType.CONSTANT_PRODUCT) {
                if (steepness != null) {
                    throw InvalidArgumentException.of("curve", type, "takes no slope or rate");
                }
            } else if (steepness == null || steepness.signum() <= 0) {
                throw InvalidArgumentException.of(type == CurveType.LINEAR ? "slope" : "rate",
                        steepness == null ? "missing" : steepness.toPlainString(), "must be positive");
            }
            this.startPrice = startPrice;
            this.steepness = steepness;
        }

        /**
         * Returns the shape.
         *
         * @return the curve type
         */
        public CurveType type() {
            return type;
        }

        /**
         * Returns the price of the first MT, in FLOCK, as written in the scenario.
         *
         * @return the start price
         */
        public BigDecimal startPrice() {
            return startPrice;
        }

        /**
         * Returns the slope of a LINEAR curve.
         *
         * @return the slope, or empty for other shapes
         */
        public Optional<BigDecimal> slope() {
            return type == CurveType.LINEAR ? Optional.of(steepness) : Optional.empty();
        }

        /**
         * Returns the rate of an EXPONENTIAL curve.
         *
         * @return the rate, or empty for other shapes
         */
        public Optional<BigDecimal> rate() {
            return type == CurveType.EXPONENTIAL ? Optional.of(steepness) : Optional.empty();
        }

        @Override
        public String toString() {
            return type + "(startPrice " + startPrice.toPlainString()
                    + (steepness == null ? "" : (type == CurveType.LINEAR ? ", slope " : ", rate ")
                    + steepness.toPlainString()) + ")";
        }
    }

    private final DeploymentId deployment;
    private final AccountId issuer;
    private final Amount minTarget;
    private final Amount maxTarget;
    private final Curve curve;
    private final Amount launchFee;
    private final Integer windowDays;
    private final Integer swapFeeBps;
    private final Integer creatorFeeBps;
    private final Long totalSupplyTokens;
    private final Allocation allocation;
    private final Amount firstBuy;
    private final RaiseSplit raiseSplit;
    private final Vesting vesting;
    private final Integer poolFeeBps;
    private final Unsold unsoldPolicy;

    private LaunchSettings(Builder b) {
        this.deployment = b.deployment;
        this.issuer = b.issuer;
        this.minTarget = b.minTarget;
        this.maxTarget = b.maxTarget;
        this.curve = b.curve;
        this.launchFee = b.launchFee;
        this.windowDays = b.windowDays;
        this.swapFeeBps = b.swapFeeBps;
        this.creatorFeeBps = b.creatorFeeBps;
        this.totalSupplyTokens = b.totalSupplyTokens;
        this.allocation = b.allocation;
        this.firstBuy = b.firstBuy;
        this.raiseSplit = b.raiseSplit;
        this.vesting = b.vesting;
        this.poolFeeBps = b.poolFeeBps;
        this.unsoldPolicy = b.unsoldPolicy;
    }

    /**
     * Returns a builder.
     *
     * @param deployment the deployment launched
     * @param issuer     the issuer who opens the launch and pays the fee
     * @return the builder
     */
    public static Builder builder(DeploymentId deployment, AccountId issuer) {
        return new Builder(deployment, issuer);
    }

    /**
     * Returns the deployment launched.
     *
     * @return the deployment id
     */
    public DeploymentId deployment() {
        return deployment;
    }

    /**
     * Returns the model token of the deployment, the asset of every MT amount of the scenario.
     *
     * @return {@code Asset.modelToken(deployment())}
     */
    public Asset mtAsset() {
        return Asset.modelToken(deployment);
    }

    /**
     * Returns the issuer.
     *
     * @return the issuer's account
     */
    public AccountId issuer() {
        return issuer;
    }

    /**
     * Returns the min target: net FLOCK that must reach the curve for a graduation.
     *
     * @return the min target
     */
    public Amount minTarget() {
        return minTarget;
    }

    /**
     * Returns the max target: net FLOCK at which the raise graduates at once.
     *
     * @return the max target
     */
    public Amount maxTarget() {
        return maxTarget;
    }

    /**
     * Returns the bonding curve.
     *
     * @return the curve
     */
    public Curve curve() {
        return curve;
    }

    /**
     * Returns the launch fee, if the scenario sets one.
     *
     * @return the fee in FLOCK, or empty for the SDK default
     */
    public Optional<Amount> launchFee() {
        return Optional.ofNullable(launchFee);
    }

    /**
     * Returns the raise window in days, if set.
     *
     * @return the window, or empty for the SDK default
     */
    public OptionalInt windowDays() {
        return windowDays == null ? OptionalInt.empty() : OptionalInt.of(windowDays);
    }

    /**
     * Returns the swap fee in bps of each gross buy, if set.
     *
     * @return the fee, or empty for the SDK default
     */
    public OptionalInt swapFeeBps() {
        return swapFeeBps == null ? OptionalInt.empty() : OptionalInt.of(swapFeeBps);
    }

    /**
     * Returns the creator's share of each swap fee in bps, if set.
     *
     * @return the share, or empty for the SDK default
     */
    public OptionalInt creatorFeeBps() {
        return creatorFeeBps == null ? OptionalInt.empty() : OptionalInt.of(creatorFeeBps);
    }

    /**
     * Returns the MT supply in whole tokens, if set.
     *
     * @return the supply, or empty for the SDK default
     */
    public OptionalLong totalSupplyTokens() {
        return totalSupplyTokens == null ? OptionalLong.empty() : OptionalLong.of(totalSupplyTokens);
    }

    /**
     * Returns the supply allocation, if set.
     *
     * @return the allocation, or empty for the SDK default
     */
    public Optional<Allocation> allocation() {
        return Optional.ofNullable(allocation);
    }

    /**
     * Returns the issuer's first buy (gross FLOCK), executed when the launch opens.
     *
     * @return the first buy, or empty for none
     */
    public Optional<Amount> firstBuy() {
        return Optional.ofNullable(firstBuy);
    }

    /**
     * Returns the split of the raised FLOCK, if set.
     *
     * @return the split, or empty for the SDK default
     */
    public Optional<RaiseSplit> raiseSplit() {
        return Optional.ofNullable(raiseSplit);
    }

    /**
     * Returns the issuer's vesting, if set.
     *
     * @return the vesting, or empty for the SDK default
     */
    public Optional<Vesting> vesting() {
        return Optional.ofNullable(vesting);
    }

    /**
     * Returns the pool fee in bps, if set.
     *
     * @return the fee, or empty for the SDK default
     */
    public OptionalInt poolFeeBps() {
        return poolFeeBps == null ? OptionalInt.empty() : OptionalInt.of(poolFeeBps);
    }

    /**
     * Returns the unsold-token policy, if set.
     *
     * @return the policy, or empty for the SDK default
     */
    public Optional<Unsold> unsoldPolicy() {
        return Optional.ofNullable(unsoldPolicy);
    }

    /**
     * Builds {@link LaunchSettings}; every setter checks its value, {@link #build()} checks that the
     * required fields are set and the targets are ordered.
     */
    public static final class Builder {

        private final DeploymentId deployment;
        private final AccountId issuer;
        private Amount minTarget;
        private Amount maxTarget;
        private Curve curve;
        private Amount launchFee;
        private Integer windowDays;
        private Integer swapFeeBps;
        private Integer creatorFeeBps;
        private Long totalSupplyTokens;
        private Allocation allocation;
        private Amount firstBuy;
        private RaiseSplit raiseSplit;
        private Vesting vesting;
        private Integer poolFeeBps;
        private Unsold unsoldPolicy;

        private Builder(DeploymentId deployment, AccountId issuer) {
            this.deployment = Objects.requireNonNull(deployment, "deployment");
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            Asset.modelToken(deployment);
        }

        /**
         * Sets the targets.
         *
         * @param min the min target, positive FLOCK
         * @param max the max target, FLOCK, not below the min target
         * @return this builder
         * @throws InvalidArgumentException if a target is not positive FLOCK or max is below min
         */
        public Builder targets(Amount min, Amount max) {
            positiveFlock("minTarget", min);
            positiveFlock("maxTarget", max);
            if (max.isLessThan(min)) {
                throw InvalidArgumentException.of("maxTarget", max, "must not be below minTarget " + min);
            }
            this.minTarget = min;
            this.maxTarget = max;
            return this;
        }

        /**
         * Sets the curve.
         *
         * @param value the curve
         * @return this builder
         */
        public Builder curve(Curve value) {
            this.curve = Objects.requireNonNull(value, "curve");
            return this;
        }

        /**
         * Sets the launch fee.
         *
         * @param value FLOCK, not negative
         * @return this builder
         * @throws InvalidArgumentException if not FLOCK
         */
        public Builder launchFee(Amount value) {
            flock("launchFee", value);
            this.launchFee = value;
            return this;
        }

        /**
         * Sets the raise window.
         *
         * @param days 1 to 365
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder windowDays(int days) {
            this.windowDays = range("windowDays", days, 1, 365);
            return this;
        }

        /**
         * Sets the swap fee.
         *
         * @param bps 0 to 9,999
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder swapFeeBps(int bps) {
            this.swapFeeBps = range("swapFeeBps", bps, 0, 9_999);
            return this;
        }

        /**
         * Sets the creator's share of the swap fee.
         *
         * @param bps 0 to 10,000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder creatorFeeBps(int bps) {
            this.creatorFeeBps = range("creatorFeeBps", bps, 0, 10_000);
            return this;
        }

        /**
         * Sets the MT supply.
         *
         * @param tokens whole tokens, positive
         * @return this builder
         * @throws InvalidArgumentException if not positive
         */
        public Builder totalSupplyTokens(long tokens) {
            if (tokens <= 0) {
                throw InvalidArgumentException.of("totalSupply", tokens, "must be positive");
            }
            this.totalSupplyTokens = tokens;
            return this;
        }

        /**
         * Sets the supply allocation.
         *
         * @param value the allocation
         * @return this builder
         */
        public Builder allocation(Allocation value) {
            this.allocation = Objects.requireNonNull(value, "allocation");
            return this;
        }

        /**
         * Sets the issuer's first buy.
         *
         * @param gross FLOCK, positive
         * @return this builder
         * @throws InvalidArgumentException if not positive FLOCK
         */
        public Builder firstBuy(Amount gross) {
            positiveFlock("firstBuy", gross);
            this.firstBuy = gross;
            return this;
        }

        /**
         * Sets the raise split.
         *
         * @param value the split
         * @return this builder
         */
        public Builder raiseSplit(RaiseSplit value) {
            this.raiseSplit = Objects.requireNonNull(value, "raiseSplit");
            return this;
        }

        /**
         * Sets the issuer's vesting.
         *
         * @param value the vesting
         * @return this builder
         */
        public Builder vesting(Vesting value) {
            this.vesting = Objects.requireNonNull(value, "vesting");
            return this;
        }

        /**
         * Sets the pool fee.
         *
         * @param bps 0 to 9,999
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder poolFeeBps(int bps) {
            this.poolFeeBps = range("poolFeeBps", bps, 0, 9_999);
            return this;
        }

        /**
         * Sets the unsold-token policy.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder unsoldPolicy(Unsold value) {
            this.unsoldPolicy = Objects.requireNonNull(value, "unsoldPolicy");
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws InvalidArgumentException if the targets or the curve are missing
         */
        public LaunchSettings build() {
            if (minTarget == null) {
                throw InvalidArgumentException.of("minTarget", "missing", "the targets are required");
            }
            if (curve == null) {
                throw InvalidArgumentException.of("curve", "missing", "the curve is required");
            }
            return new LaunchSettings(this);
        }

        private static int range(String field, int v, int min, int max) {
            if (v < min || v > max) {
                throw InvalidArgumentException.of(field, v, "must be from " + min + " to " + max);
            }
            return v;
        }

        private static void flock(String field, Amount a) {
            Objects.requireNonNull(a, field);
            if (!a.asset().equals(Asset.FLOCK)) {
                throw InvalidArgumentException.of(field, a, "must be FLOCK");
            }
        }

        private static void positiveFlock(String field, Amount a) {
            flock(field, a);
            if (!a.isPositive()) {
                throw InvalidArgumentException.of(field, a, "must be positive");
            }
        }
    }
}
