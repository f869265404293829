package io.fomo.core.launch;

import io.fomo.core.math.DecimalPolicy;
import io.fomo.core.math.Share;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Every parameter of one launch (FOMO-SPEC §1): the [DOC] constants and each [DEFAULT], named and
 * validated. Built with {@link #builder()}, which rejects a bad value at the setter that receives it and
 * an inconsistent combination at {@link Builder#build()}, naming the field and the value.
 *
 * <p>Defaults: launch fee 32,768 FLOCK, window 7 days, swap fee 150 bps (100% to the platform, fee rounded
 * UP from the gross input), curve output rounded DOWN, supply 1,000,000 MT of 18 decimals, allocation
 * sale 40% / liquidity 20% / incentives 20% / issuer 10% / treasury 10%, first buy capped at 25% of
 * supply, unsold sale tokens burned, raise split liquidity 50% / hosting reserve 30% / staking-incentive
 * budget 20% (rounding dust to the staking budget), issuer vesting 90-day cliff within 365 days, pool fee
 * 30 bps, overfill partially filled, min-target graduation only after the window, the standard
 * {@link DecimalPolicy}, no anti-sniping fee and no per-wallet cap. The min and max targets and the curve have no default: they are preset per model.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class LaunchParameters {

    /** The launch fee [DOC]: 32,768 FLOCK. */
    public static final Amount DEFAULT_LAUNCH_FEE = Amount.of(Asset.FLOCK, 32_768);
    /** The raise window [DOC]: 7 days. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    /**
     * The longest raise window, cliff or vesting duration accepted: 100 years. Longer ones would overflow
     * the instants computed from them (a window of {@code Long.MAX_VALUE} seconds made the engine's
     * {@code OpenLaunch} fail with an untyped error); see docs/limits.md.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(36_525);
    /** The swap fee [DOC]: 1.5%. */
    public static final int DEFAULT_SWAP_FEE_BPS = 150;
    /** The MT supply of a deployment [DOC]: 1,000,000. */
    public static final long DEFAULT_TOTAL_SUPPLY_TOKENS = 1_000_000L;
    /** The first-buy cap [DOC]: 25% of supply. */
    public static final int DEFAULT_FIRST_BUY_CAP_BPS = 2_500;

    private final Asset mtAsset;
    private final Amount launchFee;
    private final Duration window;
    private final Amount minTarget;
    private final Amount maxTarget;
    private final int swapFeeBps;
    private final int creatorFeeBps;
    private final RoundingMode feeRounding;
    private final BondingCurve curve;
    private final RoundingMode curveRounding;
    private final Amount totalSupply;
    private final Amount saleAllocation;
    private final Amount liquidityAllocation;
    private final Amount incentivesAllocation;
    private final Amount issuerAllocation;
    private final Amount treasuryAllocation;
    private final int firstBuyCapBps;
    private final UnsoldPolicy unsoldPolicy;
    private final int raiseLiquidityBps;
    private final int raiseHostingBps;
    private final int raiseStakingBps;
    private final Duration vestingCliff;
    private final Duration vestingDuration;
    private final int poolFeeBps;
    private final OverfillPolicy overfillPolicy;
    private final boolean graduationOnlyAfterWindow;
    private final DecimalPolicy decimalPolicy;
    private final AntiSniping antiSniping;
    private final Amount walletCap;

    private LaunchParameters(Builder b, BondingCurve curve, Amount[] allocation) {
        this.mtAsset = b.mtAsset;
        this.launchFee = b.launchFee;
        this.window = b.window;
        this.minTarget = b.minTarget;
        this.maxTarget = b.maxTarget;
        this.swapFeeBps = b.swapFeeBps;
        this.creatorFeeBps = b.creatorFeeBps;
        this.feeRounding = b.feeRounding;
        this.curve = curve;
        this.curveRounding = b.curveRounding;
        this.totalSupply = Amount.of(b.mtAsset, b.totalSupplyTokens);
        this.saleAllocation = allocation[0];
        this.liquidityAllocation = allocation[1];
        this.incentivesAllocation = allocation[2];
        this.issuerAllocation = allocation[3];
        this.treasuryAllocation = allocation[4];
        this.firstBuyCapBps = b.firstBuyCapBps;
        this.unsoldPolicy = b.unsoldPolicy;
        this.raiseLiquidityBps = b.raiseLiquidityBps;
        this.raiseHostingBps = b.raiseHostingBps;
        this.raiseStakingBps = b.raiseStakingBps;
        this.vestingCliff = b.vestingCliff;
        this.vestingDuration = b.vestingDuration;
        this.poolFeeBps = b.poolFeeBps;
        this.overfillPolicy = b.overfillPolicy;
        this.graduationOnlyAfterWindow = b.graduationOnlyAfterWindow;
        this.decimalPolicy = b.decimalPolicy;
        this.antiSniping = b.antiSniping;
        this.walletCap = b.walletCap;
    }

    /**
     * Returns a builder for a deployment's launch: its model token is {@code MT-<deployment>}
     * ({@link Asset#modelToken(DeploymentId)}), the one the protocol engine's {@code OpenLaunch} accepts,
     * and every other parameter holds its default; the targets and the curve must still be set.
     *
     * @param deployment the deployment the launch is for
     * @return a new builder
     * @throws InvalidArgumentException if the deployment id does not fit in an asset symbol
     */
    public static Builder builder(DeploymentId deployment) {
        return new Builder().mtAsset(Asset.modelToken(deployment));
    }

    /**
     * Returns a builder holding every default but the model token, for a launch model outside the
     * engine (simulations, conformance vectors): the model token ({@link Builder#mtAsset(Asset)}), the
     * targets and the curve must still be set. For a launch the engine will open, use
     * {@link #builder(DeploymentId)}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the model token of this launch.
     *
     * @return the MT asset
     */
    public Asset mtAsset() {
        return mtAsset;
    }

    /**
     * Returns the launch fee the issuer pays on opening, never refunded.
     *
     * @return the fee in FLOCK
     */
    public Amount launchFee() {
        return launchFee;
    }

    /**
     * Returns the length of the raise window.
     *
     * @return the window
     */
    public Duration window() {
        return window;
    }

    /**
     * Returns the net FLOCK that must reach the curve for a graduation.
     *
     * @return the min target
     */
    public Amount minTarget() {
        return minTarget;
    }

    /**
     * Returns the net FLOCK at which the raise graduates at once.
     *
     * @return the max target
     */
    public Amount maxTarget() {
        return maxTarget;
    }

    /**
     * Returns the swap fee taken from every gross buy.
     *
     * @return the fee in bps
     */
    public int swapFeeBps() {
        return swapFeeBps;
    }

    /**
     * Returns the creator's share of each swap fee; the rest goes to the platform.
     *
     * @return the creator's share in bps of the fee
     */
    public int creatorFeeBps() {
        return creatorFeeBps;
    }

    /**
     * Returns the rounding of the swap fee to a FLOCK base unit.
     *
     * @return the fee rounding (default UP: the user pays)
     */
    public RoundingMode feeRounding() {
        return feeRounding;
    }

    /**
     * Returns the bonding curve of the sale tranche.
     *
     * @return the curve
     */
    public BondingCurve curve() {
        return curve;
    }

    /**
     * Returns the rounding of the curve's MT output.
     *
     * @return the output rounding (default DOWN)
     */
    public RoundingMode curveRounding() {
        return curveRounding;
    }

    /**
     * Returns the MT minted at graduation.
     *
     * @return the total supply
     */
    public Amount totalSupply() {
        return totalSupply;
    }

    /**
     * Returns the sale tranche: the MT the curve sells.
     *
     * @return the sale allocation
     */
    public Amount saleAllocation() {
        return saleAllocation;
    }

    /**
     * Returns the MT reserved for the initial pool.
     *
     * @return the liquidity allocation
     */
    public Amount liquidityAllocation() {
        return liquidityAllocation;
    }

    /**
     * Returns the MT reserved for token incentives.
     *
     * @return the incentives allocation
     */
    public Amount incentivesAllocation() {
        return incentivesAllocation;
    }

    /**
     * Returns the MT vested to the issuer.
     *
     * @return the issuer allocation
     */
    public Amount issuerAllocation() {
        return issuerAllocation;
    }

    /**
     * Returns the MT given to the treasury.
     *
     * @return the treasury allocation
     */
    public Amount treasuryAllocation() {
        return treasuryAllocation;
    }

    /**
     * Returns the cap on the MT the issuer's first buy may take.
     *
     * @return the cap in bps of the total supply
     */
    public int firstBuyCapBps() {
        return firstBuyCapBps;
    }

    /**
     * Returns the cap on the issuer's first buy, in MT (rounded down).
     *
     * @return the first-buy cap
     */
    public Amount firstBuyCap() {
        return Share.ofBps("firstBuyCapBps", firstBuyCapBps).of(totalSupply, RoundingMode.DOWN);
    }

    /**
     * Returns what happens to unsold sale tokens.
     *
     * @return the unsold policy
     */
    public UnsoldPolicy unsoldPolicy() {
        return unsoldPolicy;
    }

    /**
     * Returns the share of the raised net FLOCK that seeds the pool.
     *
     * @return bps of the raise
     */
    public int raiseLiquidityBps() {
        return raiseLiquidityBps;
    }

    /**
     * Returns the share of the raised net FLOCK kept as the hosting reserve.
     *
     * @return bps of the raise
     */
    public int raiseHostingBps() {
        return raiseHostingBps;
    }

    /**
     * Returns the share of the raised net FLOCK that funds staking incentives (it also receives the
     * rounding dust of the split).
     *
     * @return bps of the raise
     */
    public int raiseStakingBps() {
        return raiseStakingBps;
    }

    /**
     * Returns the time after graduation before any issuer MT vests.
     *
     * @return the cliff
     */
    public Duration vestingCliff() {
        return vestingCliff;
    }

    /**
     * Returns the time after graduation over which the issuer MT vests linearly.
     *
     * @return the vesting duration
     */
    public Duration vestingDuration() {
        return vestingDuration;
    }

    /**
     * Returns the swap fee of the graduated pool.
     *
     * @return the pool fee in bps
     */
    public int poolFeeBps() {
        return poolFeeBps;
    }

    /**
     * Returns what a buy past the max target does.
     *
     * @return the overfill policy
     */
    public OverfillPolicy overfillPolicy() {
        return overfillPolicy;
    }

    /**
     * Tells whether a min-target graduation waits for the window to close.
     *
     * @return true when it may be triggered only after the window (the default)
     */
    public boolean graduationOnlyAfterWindow() {
        return graduationOnlyAfterWindow;
    }

    /**
     * Returns the precision and rounding policy of prices.
     *
     * @return the decimal policy
     */
    public DecimalPolicy decimalPolicy() {
        return decimalPolicy;
    }

    /**
     * Returns the anti-sniping raise fee: a fee that starts high at the opening and decays to
     * {@link #swapFeeBps()} over a number of seconds (FOMO-SPEC §6). Default {@link AntiSniping#none()}.
     *
     * @return the setting
     */
    public AntiSniping antiSniping() {
        return antiSniping;
    }

    /**
     * Returns the per-wallet cap on raise purchases: the most net FLOCK (principal, fees excluded) one
     * buyer may put into the curve over the whole raise, the issuer's first buy included (FOMO-SPEC §6).
     *
     * @return the cap in FLOCK, empty when there is none (the default)
     */
    public java.util.Optional<Amount> walletCap() {
        return java.util.Optional.ofNullable(walletCap);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LaunchParameters p && p.antiSniping.equals(antiSniping)
                && Objects.equals(p.walletCap, walletCap) && p.mtAsset.equals(mtAsset) && p.launchFee.equals(launchFee)
                && p.window.equals(window) && p.minTarget.equals(minTarget) && p.maxTarget.equals(maxTarget)
                && p.swapFeeBps == swapFeeBps && p.creatorFeeBps == creatorFeeBps && p.feeRounding == feeRounding
                && p.curve.equals(curve) && p.curveRounding == curveRounding && p.totalSupply.equals(totalSupply)
                && p.saleAllocation.equals(saleAllocation) && p.liquidityAllocation.equals(liquidityAllocation)
                && p.incentivesAllocation.equals(incentivesAllocation)
                && p.issuerAllocation.equals(issuerAllocation) && p.treasuryAllocation.equals(treasuryAllocation)
                && p.firstBuyCapBps == firstBuyCapBps && p.unsoldPolicy == unsoldPolicy
                && p.raiseLiquidityBps == raiseLiquidityBps && p.raiseHostingBps == raiseHostingBps
                && p.raiseStakingBps == raiseStakingBps && p.vestingCliff.equals(vestingCliff)
                && p.vestingDuration.equals(vestingDuration) && p.poolFeeBps == poolFeeBps
                && p.overfillPolicy == overfillPolicy && p.graduationOnlyAfterWindow == graduationOnlyAfterWindow
                && p.decimalPolicy.equals(decimalPolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mtAsset, minTarget, maxTarget, curve, swapFeeBps, window);
    }

    @Override
    public String toString() {
        return "LaunchParameters[" + mtAsset + ", targets " + minTarget + " .. " + maxTarget + ", window "
                + window + ", fee " + swapFeeBps + " bps, " + curve + "]";
    }

    /**
     * Builds {@link LaunchParameters}. Setters reject an out-of-range value at once; {@link #build()}
     * rejects missing targets or curve and inconsistent combinations.
     */
    public static final class Builder {

        private enum CurveKind { GIVEN, CONSTANT_PRODUCT, LINEAR, EXPONENTIAL }

        // No default: an engine launch needs MT-<deployment>, so any fixed default would be rejected there.
        private Asset mtAsset;
        private Amount launchFee = DEFAULT_LAUNCH_FEE;
        private Duration window = DEFAULT_WINDOW;
        private Amount minTarget;
        private Amount maxTarget;
        private int swapFeeBps = DEFAULT_SWAP_FEE_BPS;
        private int creatorFeeBps = 0;
        private RoundingMode feeRounding = RoundingMode.UP;
        private CurveKind curveKind;
        private BondingCurve givenCurve;
        private BigDecimal curveStartPrice;
        private BigDecimal curveSteepness;
        private RoundingMode curveRounding = RoundingMode.DOWN;
        private long totalSupplyTokens = DEFAULT_TOTAL_SUPPLY_TOKENS;
        private int saleBps = 4_000;
        private int liquidityBps = 2_000;
        private int incentivesBps = 2_000;
        private int issuerBps = 1_000;
        private int treasuryBps = 1_000;
        private int firstBuyCapBps = DEFAULT_FIRST_BUY_CAP_BPS;
        private UnsoldPolicy unsoldPolicy = UnsoldPolicy.BURN;
        private int raiseLiquidityBps = 5_000;
        private int raiseHostingBps = 3_000;
        private int raiseStakingBps = 2_000;
        private Duration vestingCliff = Duration.ofDays(90);
        private Duration vestingDuration = Duration.ofDays(365);
        private int poolFeeBps = 30;
        private OverfillPolicy overfillPolicy = OverfillPolicy.PARTIAL_FILL;
        private boolean graduationOnlyAfterWindow = true;
        private DecimalPolicy decimalPolicy = DecimalPolicy.standard();
        private AntiSniping antiSniping = AntiSniping.none();
        private Amount walletCap;

        private Builder() {
        }

        /**
         * Sets the anti-sniping raise fee (default {@link AntiSniping#none()}); its start fee must be at least
         * the base {@link #swapFeeBps(int)} (checked by {@link #build()}).
         *
         * @param setting the setting
         * @return this builder
         */
        public Builder antiSniping(AntiSniping setting) {
            this.antiSniping = Objects.requireNonNull(setting, "antiSniping");
            return this;
        }

        /**
         * Sets a per-wallet cap on raise purchases: the most net FLOCK one buyer may put into the curve over
         * the raise (default: none). A buy that would take a buyer's principal past it is refused
         * (LIMIT_EXCEEDED) and changes nothing.
         *
         * @param cap the cap, positive FLOCK
         * @return this builder
         * @throws InvalidArgumentException if not positive FLOCK
         */
        public Builder walletCap(Amount cap) {
            this.walletCap = positiveFlock("walletCap", cap);
            return this;
        }

        /**
         * Removes the per-wallet cap (the default).
         *
         * @return this builder
         */
        public Builder noWalletCap() {
            this.walletCap = null;
            return this;
        }

        /**
         * Sets the model token; required (no default). The engine requires {@code MT-<deployment>},
         * which {@link LaunchParameters#builder(DeploymentId)} sets.
         *
         * @param asset the MT asset, not FLOCK
         * @return this builder
         * @throws InvalidArgumentException if the asset is FLOCK
         */
        public Builder mtAsset(Asset asset) {
            Objects.requireNonNull(asset, "mtAsset");
            if (asset.equals(Asset.FLOCK)) {
                throw InvalidArgumentException.of("mtAsset", asset, "must not be FLOCK");
            }
            this.mtAsset = asset;
            return this;
        }

        /**
         * Sets the launch fee (default 32,768 FLOCK).
         *
         * @param fee the fee, in FLOCK
         * @return this builder
         * @throws InvalidArgumentException if the fee is not in FLOCK
         */
        public Builder launchFee(Amount fee) {
            this.launchFee = flock("launchFee", fee);
            return this;
        }

        /**
         * Sets the raise window (default 7 days).
         *
         * @param duration the window, positive, at most {@link LaunchParameters#MAX_DURATION}
         * @return this builder
         * @throws InvalidArgumentException if not positive or too long
         */
        public Builder window(Duration duration) {
            this.window = positive("window", duration);
            return this;
        }

        /**
         * Sets the min target (required).
         *
         * @param target net FLOCK, positive
         * @return this builder
         * @throws InvalidArgumentException if not positive FLOCK
         */
        public Builder minTarget(Amount target) {
            this.minTarget = positiveFlock("minTarget", target);
            return this;
        }

        /**
         * Sets the max target (required).
         *
         * @param target net FLOCK, positive
         * @return this builder
         * @throws InvalidArgumentException if not positive FLOCK
         */
        public Builder maxTarget(Amount target) {
            this.maxTarget = positiveFlock("maxTarget", target);
            return this;
        }

        /**
         * Sets the swap fee (default 150 bps).
         *
         * @param bps the fee, 0 to 9,999 bps
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder swapFeeBps(int bps) {
            this.swapFeeBps = bps("swapFeeBps", bps, 9_999);
            return this;
        }

        /**
         * Sets the creator's share of each swap fee (default 0: all to the platform).
         *
         * @param bps the share, 0 to 10,000 bps of the fee
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder creatorFeeBps(int bps) {
            this.creatorFeeBps = bps("creatorFeeBps", bps, 10_000);
            return this;
        }

        /**
         * Sets the rounding of the swap fee (default UP).
         *
         * @param rounding a direction, not UNNECESSARY
         * @return this builder
         * @throws InvalidArgumentException if UNNECESSARY
         */
        public Builder feeRounding(RoundingMode rounding) {
            this.feeRounding = direction("feeRounding", rounding);
            return this;
        }

        /**
         * Uses a ready curve; its tranche must be the sale allocation and its tranche cost must cover the
         * max target.
         *
         * @param curve the curve
         * @return this builder
         */
        public Builder curve(BondingCurve curve) {
            this.givenCurve = Objects.requireNonNull(curve, "curve");
            this.curveKind = CurveKind.GIVEN;
            return this;
        }

        /**
         * Uses a constant-product curve derived at build time from the sale allocation, the max target and
         * this start price ({@link ConstantProductCurve#fromTargets}).
         *
         * @param startPrice FLOCK per MT of the first token, positive
         * @return this builder
         * @throws InvalidArgumentException if not positive
         */
        public Builder constantProductCurve(BigDecimal startPrice) {
            Limits.decimal("startPrice", startPrice);
            return derived(CurveKind.CONSTANT_PRODUCT, startPrice, null);
        }

        /**
         * Uses a linear curve over the sale allocation ({@link LinearCurve}).
         *
         * @param startPrice FLOCK per MT of the first token, positive
         * @param slope      price increase per MT sold, not negative
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder linearCurve(BigDecimal startPrice, BigDecimal slope) {
            Limits.decimal("startPrice", startPrice);
            Limits.decimal("slope", slope);
            if (slope.signum() < 0) {
                throw InvalidArgumentException.of("slope", slope.toPlainString(), "must not be negative");
            }
            return derived(CurveKind.LINEAR, startPrice, slope);
        }

        /**
         * Uses an exponential curve over the sale allocation ({@link ExponentialCurve}).
         *
         * @param startPrice FLOCK per MT of the first token, positive
         * @param rate       growth per MT sold, positive
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder exponentialCurve(BigDecimal startPrice, BigDecimal rate) {
            Limits.decimal("startPrice", startPrice);
            Limits.decimal("rate", rate);
            CurveRules.requirePositive("rate", rate);
            return derived(CurveKind.EXPONENTIAL, startPrice, rate);
        }

        private Builder derived(CurveKind kind, BigDecimal startPrice, BigDecimal steepness) {
            CurveRules.requirePositive("startPrice", startPrice);
            this.curveKind = kind;
            this.curveStartPrice = startPrice;
            this.curveSteepness = steepness;
            this.givenCurve = null;
            return this;
        }

        /**
         * Sets the rounding of the curve's MT output (default DOWN; CEILING favours the buyer).
         *
         * @param rounding a direction, not UNNECESSARY
         * @return this builder
         * @throws InvalidArgumentException if UNNECESSARY
         */
        public Builder curveRounding(RoundingMode rounding) {
            this.curveRounding = direction("curveRounding", rounding);
            return this;
        }

        /**
         * Sets the MT supply in whole tokens (default 1,000,000).
         *
         * @param tokens the supply, positive
         * @return this builder
         * @throws InvalidArgumentException if not positive
         */
        public Builder totalSupply(long tokens) {
            if (tokens <= 0) {
                throw InvalidArgumentException.of("totalSupply", tokens, "must be positive");
            }
            this.totalSupplyTokens = tokens;
            return this;
        }

        /**
         * Sets the MT allocation in bps of the supply (default 4000 / 2000 / 2000 / 1000 / 1000); the five
         * must sum to exactly 10,000 (checked at build).
         *
         * @param sale       the sale tranche, positive
         * @param liquidity  the pool allocation
         * @param incentives the token-incentive allocation
         * @param issuer     the issuer's vested allocation
         * @param treasury   the treasury allocation
         * @return this builder
         * @throws InvalidArgumentException if a value is out of range
         */
        public Builder allocationBps(int sale, int liquidity, int incentives, int issuer, int treasury) {
            if (bps("allocation.sale", sale, 10_000) == 0) {
                throw InvalidArgumentException.of("allocation.sale", sale, "must be positive");
            }
            this.saleBps = sale;
            this.liquidityBps = bps("allocation.liquidity", liquidity, 10_000);
            this.incentivesBps = bps("allocation.incentives", incentives, 10_000);
            this.issuerBps = bps("allocation.issuer", issuer, 10_000);
            this.treasuryBps = bps("allocation.treasury", treasury, 10_000);
            return this;
        }

        /**
         * Sets the first-buy cap (default 2,500 bps of the supply).
         *
         * @param bps the cap, 0 to 10,000 bps of the supply
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder firstBuyCapBps(int bps) {
            this.firstBuyCapBps = bps("firstBuyCapBps", bps, 10_000);
            return this;
        }

        /**
         * Sets what happens to unsold sale tokens (default BURN).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder unsoldPolicy(UnsoldPolicy policy) {
            this.unsoldPolicy = Objects.requireNonNull(policy, "unsoldPolicy");
            return this;
        }

        /**
         * Sets the split of the raised net FLOCK (default 5000 / 3000 / 2000); the three must sum to
         * exactly 10,000 (checked at build) and the liquidity share must be positive.
         *
         * @param liquidity the pool's FLOCK side
         * @param hosting   the hosting reserve
         * @param staking   the staking-incentive budget (also takes the rounding dust)
         * @return this builder
         * @throws InvalidArgumentException if a value is out of range
         */
        public Builder raiseSplitBps(int liquidity, int hosting, int staking) {
            if (bps("raiseSplit.liquidity", liquidity, 10_000) == 0) {
                throw InvalidArgumentException.of("raiseSplit.liquidity", liquidity, "must be positive");
            }
            this.raiseLiquidityBps = liquidity;
            this.raiseHostingBps = bps("raiseSplit.hosting", hosting, 10_000);
            this.raiseStakingBps = bps("raiseSplit.staking", staking, 10_000);
            return this;
        }

        /**
         * Sets the issuer vesting (default cliff 90 days, duration 365 days, both from graduation).
         *
         * @param cliff    time before anything vests, not negative, at most the duration
         * @param duration time over which everything vests linearly, positive
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder vesting(Duration cliff, Duration duration) {
            Objects.requireNonNull(cliff, "vestingCliff");
            positive("vestingDuration", duration);
            if (cliff.isNegative() || cliff.compareTo(duration) > 0) {
                throw InvalidArgumentException.of("vestingCliff", cliff, "must be between 0 and the duration " + duration);
            }
            this.vestingCliff = cliff;
            this.vestingDuration = duration;
            return this;
        }

        /**
         * Sets the swap fee of the graduated pool (default 30 bps).
         *
         * @param bps the fee, 0 to 9,999 bps
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder poolFeeBps(int bps) {
            this.poolFeeBps = bps("poolFeeBps", bps, 9_999);
            return this;
        }

        /**
         * Sets what a buy past the max target does (default PARTIAL_FILL).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder overfillPolicy(OverfillPolicy policy) {
            this.overfillPolicy = Objects.requireNonNull(policy, "overfillPolicy");
            return this;
        }

        /**
         * Sets whether a min-target graduation waits for the window to close (default true).
         *
         * @param onlyAfterWindow true to wait
         * @return this builder
         */
        public Builder graduationOnlyAfterWindow(boolean onlyAfterWindow) {
            this.graduationOnlyAfterWindow = onlyAfterWindow;
            return this;
        }

        /**
         * Sets the decimal policy of prices and transcendental curves (default standard).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder decimalPolicy(DecimalPolicy policy) {
            this.decimalPolicy = Objects.requireNonNull(policy, "decimalPolicy");
            return this;
        }

        /**
         * Builds the parameters.
         *
         * @return the parameters
         * @throws InvalidArgumentException if the model token, a target or the curve is missing, min exceeds max, a bps
         *                                  table does not sum to 10,000, an allocation is not exact at
         *                                  the MT's decimals, or the curve does not fit the sale and max
         *                                  target
         */
        public LaunchParameters build() {
            if (mtAsset == null) {
                throw InvalidArgumentException.of("mtAsset", null, "is required: use LaunchParameters.builder(deployment) "
                        + "for the deployment's MT-<id>, or mtAsset(asset)");
            }
            if (minTarget == null) {
                throw InvalidArgumentException.of("minTarget", null, "is required");
            }
            if (maxTarget == null) {
                throw InvalidArgumentException.of("maxTarget", null, "is required");
            }
            if (minTarget.isGreaterThan(maxTarget)) {
                throw InvalidArgumentException.of("minTarget", minTarget, "must not exceed maxTarget " + maxTarget);
            }
            if (!antiSniping.isOff() && antiSniping.startFeeBps() < swapFeeBps) {
                throw InvalidArgumentException.of("antiSniping.startFeeBps", antiSniping.startFeeBps(),
                        "must be at least the base swapFeeBps " + swapFeeBps + " (the fee decays to it)");
            }
            int allocationSum = saleBps + liquidityBps + incentivesBps + issuerBps + treasuryBps;
            if (allocationSum != 10_000) {
                throw InvalidArgumentException.of("allocation", allocationSum,
                        "sale + liquidity + incentives + issuer + treasury must sum to 10000 bps");
            }
            int splitSum = raiseLiquidityBps + raiseHostingBps + raiseStakingBps;
            if (splitSum != 10_000) {
                throw InvalidArgumentException.of("raiseSplit", splitSum,
                        "liquidity + hosting + staking must sum to 10000 bps");
            }
            Amount supply = Amount.of(mtAsset, totalSupplyTokens);
            Amount[] allocation = {
                exactPart("allocation.sale", supply, saleBps),
                exactPart("allocation.liquidity", supply, liquidityBps),
                exactPart("allocation.incentives", supply, incentivesBps),
                exactPart("allocation.issuer", supply, issuerBps),
                exactPart("allocation.treasury", supply, treasuryBps),
            };
            BondingCurve curve = curve(allocation[0]);
            if (!curve.quoteAsset().equals(Asset.FLOCK)) {
                throw new AssetMismatchException("curve.quoteAsset", Asset.FLOCK, curve.quoteAsset());
            }
            if (!curve.tranche().equals(allocation[0])) {
                throw InvalidArgumentException.of("curve.tranche", curve.tranche(),
                        "must equal the sale allocation " + allocation[0]);
            }
            if (maxTarget.isGreaterThan(curve.trancheCost())) {
                throw InvalidArgumentException.of("maxTarget", maxTarget,
                        "exceeds what the whole tranche raises on the curve, " + curve.trancheCost());
            }
            return new LaunchParameters(this, curve, allocation);
        }

        private BondingCurve curve(Amount tranche) {
            if (curveKind == null) {
                throw InvalidArgumentException.of("curve", null, "is required");
            }
            switch (curveKind) {
                case GIVEN:
                    return givenCurve;
                case CONSTANT_PRODUCT:
                    return ConstantProductCurve.fromTargets(tranche, maxTarget, curveStartPrice);
                case LINEAR:
                    return LinearCurve.of(Asset.FLOCK, curveStartPrice, curveSteepness, tranche, decimalPolicy);
                default:
                    return ExponentialCurve.of(Asset.FLOCK, curveStartPrice, curveSteepness, tranche, decimalPolicy);
            }
        }

        private static Amount exactPart(String field, Amount supply, int bps) {
            BigInteger[] qr = supply.units().multiply(BigInteger.valueOf(bps)).divideAndRemainder(BigInteger.valueOf(10_000));
            if (qr[1].signum() != 0) {
                throw InvalidArgumentException.of(field, bps,
                        "bps of " + supply + " is not exact at " + supply.asset().decimals() + " decimals");
            }
            return Amount.ofUnits(supply.asset(), qr[0]);
        }

        private static Amount flock(String field, Amount amount) {
            Objects.requireNonNull(amount, field);
            if (!amount.asset().equals(Asset.FLOCK)) {
                throw new AssetMismatchException(field, Asset.FLOCK, amount.asset());
            }
            return amount;
        }

        private static Amount positiveFlock(String field, Amount amount) {
            flock(field, amount);
            if (!amount.isPositive()) {
                throw InvalidArgumentException.of(field, amount, "must be positive");
            }
            return amount;
        }

        private static Duration positive(String field, Duration d) {
            Objects.requireNonNull(d, field);
            if (d.isNegative() || d.isZero()) {
                throw InvalidArgumentException.of(field, d, "must be positive");
            }
            if (d.compareTo(MAX_DURATION) > 0) {
                throw InvalidArgumentException.of(field, d, "must be at most " + MAX_DURATION + " (100 years)");
            }
            return d;
        }

        private static int bps(String field, int bps, int max) {
            if (bps < 0 || bps > max) {
                throw InvalidArgumentException.of(field, bps, "must be between 0 and " + max + " bps");
            }
            return bps;
        }

        private static RoundingMode direction(String field, RoundingMode mode) {
            Objects.requireNonNull(mode, field);
            if (mode == RoundingMode.UNNECESSARY) {
                throw InvalidArgumentException.of(field, mode, "a rounding direction is required");
            }
            return mode;
        }
    }
}
