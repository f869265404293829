package io.fomo.examples.report;

import io.fomo.examples.report.DailyColumn.Scope;
import io.fomo.examples.scenario.FlockPricePath;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one deployment at the end of one simulated day: the launch's state, the raise and the
 * curve's price, MT supply and burns, the pool and its price impact, the day's revenue, buybacks and
 * emissions, cumulative treasury and issuer yield, users, staking and its rewards, and the concentration of
 * rewards and of MT holdings. A single-launch run has one row a day; a platform one row a day per deployment.
 *
 * <p>Every amount is exact at its asset's decimals; the ratios have declared scales, each rounded DOWN: the
 * pool and curve prices (FLOCK per MT) at {@value #PRICE_SCALE} decimals, shares, the price impact and the
 * HHI at {@value #SHARE_SCALE}. Amounts marked "that day" are flows of the day; "total" cumulative from day 0.
 * Columns marked platform are the same in every deployment's row of a day.
 *
 * <p>Its columns are declared once, in {@link #COLUMNS}, which the CSV, the terminal table and the report
 * read.
 *
 * @param day               the simulated day, not negative
 * @param deployment        the deployment
 * @param state             the launch's state at the end of the day ({@code NOT_OPENED}, {@code FUNDRAISING},
 *                          {@code LIVE}, ...)
 * @param flockUsd          the day's FLOCK price in USD at {@value FlockPricePath#SCALE} decimals (platform)
 * @param raised            net FLOCK raised (what reached the curve, less refunds)
 * @param curvePrice        the bonding curve's spot price once the launch is open, FLOCK per MT
 * @param mtSupply          MT in existence (zero before graduation)
 * @param mtBurned          MT burned that day
 * @param mtBurnedTotal     MT burned in total
 * @param flockBurned       FLOCK burned that day (platform)
 * @param flockBurnedTotal  FLOCK burned in total (platform)
 * @param poolFlock         the pool's FLOCK reserve, once the pool exists
 * @param poolMt            the pool's MT reserve, once the pool exists
 * @param priceImpact       the price impact of buying MT with {@link #IMPACT_TRADE} in the pool, 0 to 1
 * @param revenueGross      the day's gross inference revenue, USD
 * @param revenueNet        the day's revenue after hard costs, USD
 * @param buybackSpent      USD spent on this deployment's MT and FLOCK buybacks that day
 * @param emissionScheduled FLOCK the emission schedule made available for the day (platform)
 * @param emissionPaid      FLOCK of the global emission paid to this deployment's users that day
 * @param emissionReturned  FLOCK of the day's emission returned to the reserve (platform)
 * @param stakingFlockPaid  FLOCK incentive paid to this deployment's stakers that day
 * @param stakingMtPaid     MT incentive paid to this deployment's stakers that day
 * @param treasuryTotal     the treasury's revenue share in total, USD
 * @param issuerYieldTotal  the issuer's revenue share in total, USD
 * @param activeUsers       users who paid for inference that day
 * @param stakedMt          MT staked at the end of the day
 * @param top10RewardShare  share of all FLOCK rewards so far held by the ten largest earners (platform)
 * @param mtTop10Share      share of the MT held (wallet and stake) by the ten largest holders
 * @param mtHhi             the Herfindahl-Hirschman index of MT holdings, 0 to 1
 * @param rejectedActions   scenario actions the protocol rejected that day (platform)
 */
public record DailyRow(int day, DeploymentId deployment, String state, BigDecimal flockUsd, Amount raised,
        Optional<BigDecimal> curvePrice, Amount mtSupply, Amount mtBurned, Amount mtBurnedTotal, Amount flockBurned,
        Amount flockBurnedTotal, Optional<Amount> poolFlock, Optional<Amount> poolMt, Optional<BigDecimal> priceImpact,
        Amount revenueGross, Amount revenueNet, Amount buybackSpent, Amount emissionScheduled, Amount emissionPaid,
        Amount emissionReturned, Amount stakingFlockPaid, Amount stakingMtPaid, Amount treasuryTotal,
        Amount issuerYieldTotal, int activeUsers, Amount stakedMt, BigDecimal top10RewardShare,
        BigDecimal mtTop10Share, BigDecimal mtHhi, int rejectedActions) {

    /** The decimals of the pool and curve prices (FLOCK per MT). */
    public static final int PRICE_SCALE = 18;
    /** The decimals of shares, the price impact and the HHI. */
    public static final int SHARE_SCALE = 6;
    /** The trade whose price impact the row reports: a buy of MT with 1,000 FLOCK. */
    public static final Amount IMPACT_TRADE = Amount.of(Asset.FLOCK, 1_000);

    /** Every column, in CSV order, declared once for the CSV, the terminal table and the report. */
    public static final List<DailyColumn> COLUMNS = List.of(
            col("day", "", Scope.KEY, "day", 0, DailyRow::day),
            col("deployment", "", Scope.KEY, "deployment", 0, r -> r.deployment().value()),
            col("state", "", Scope.KEY, "state", 0, DailyRow::state),
            col("flock_usd", "USD", Scope.PLATFORM, "FLOCK $", 4, DailyRow::flockUsd),
            col("raised_flock", "FLOCK", Scope.SUM, "raised FLOCK", 0, DailyRow::raised),
            col("mt_supply", "MT", Scope.DEPLOYMENT, "MT supply", 0, DailyRow::mtSupply),
            col("mt_burned", "MT", Scope.DEPLOYMENT, null, 6, DailyRow::mtBurned),
            col("mt_burned_total", "MT", Scope.DEPLOYMENT, "MT burned", 2, DailyRow::mtBurnedTotal),
            col("flock_burned", "FLOCK", Scope.PLATFORM, null, 6, DailyRow::flockBurned),
            col("flock_burned_total", "FLOCK", Scope.PLATFORM, null, 6, DailyRow::flockBurnedTotal),
            col("pool_flock", "FLOCK", Scope.SUM, null, 6, DailyRow::poolFlock),
            col("pool_mt", "MT", Scope.DEPLOYMENT, null, 6, DailyRow::poolMt),
            col("pool_price_flock_per_mt", "FLOCK/MT", Scope.DEPLOYMENT, "FLOCK/MT", 6, DailyRow::poolPrice),
            col("revenue_gross_usd", "USD", Scope.SUM, "revenue $", 2, DailyRow::revenueGross),
            col("revenue_net_usd", "USD", Scope.SUM, null, 2, DailyRow::revenueNet),
            col("buyback_usd", "USD", Scope.SUM, "buyback $", 2, DailyRow::buybackSpent),
            col("emission_scheduled_flock", "FLOCK", Scope.PLATFORM, null, 6, DailyRow::emissionScheduled),
            col("emission_paid_flock", "FLOCK", Scope.SUM, "emitted FLOCK", 2, DailyRow::emissionPaid),
            col("emission_returned_flock", "FLOCK", Scope.PLATFORM, null, 6, DailyRow::emissionReturned),
            col("treasury_usd_total", "USD", Scope.SUM, null, 2, DailyRow::treasuryTotal),
            col("issuer_yield_usd_total", "USD", Scope.SUM, "issuer $", 2, DailyRow::issuerYieldTotal),
            col("active_users", "count", Scope.SUM, "users", 0, DailyRow::activeUsers),
            col("staked_mt", "MT", Scope.DEPLOYMENT, null, 6, DailyRow::stakedMt),
            col("top10_reward_share", "share", Scope.PLATFORM, "top10", 3, DailyRow::top10RewardShare),
            col("rejected_actions", "count", Scope.PLATFORM, null, 0, DailyRow::rejectedActions),
            col("curve_price_flock_per_mt", "FLOCK/MT", Scope.DEPLOYMENT, null, 8, DailyRow::curvePrice),
            col("price_impact_1000_flock", "share", Scope.DEPLOYMENT, null, 6, DailyRow::priceImpact),
            col("staking_flock_paid", "FLOCK", Scope.SUM, null, 6, DailyRow::stakingFlockPaid),
            col("staking_mt_paid", "MT", Scope.DEPLOYMENT, null, 6, DailyRow::stakingMtPaid),
            col("mt_top10_holder_share", "share", Scope.DEPLOYMENT, null, 6, DailyRow::mtTop10Share),
            col("mt_holder_hhi", "share", Scope.DEPLOYMENT, null, 6, DailyRow::mtHhi));

    private static DailyColumn col(String name, String unit, Scope scope, String heading, int decimals,
            java.util.function.Function<DailyRow, Object> value) {
        return new DailyColumn(name, unit, scope, Optional.ofNullable(heading), decimals, value);
    }

    /**
     * Checks the row.
     *
     * @param day               the simulated day, not negative
     * @param deployment        the deployment
     * @param state             the launch's state, a name without commas, quotes or control characters
     * @param flockUsd          the day's FLOCK price, positive
     * @param raised            net FLOCK raised
     * @param curvePrice        the curve's spot price, if open
     * @param mtSupply          MT in existence
     * @param mtBurned          MT burned that day
     * @param mtBurnedTotal     MT burned in total
     * @param flockBurned       FLOCK burned that day
     * @param flockBurnedTotal  FLOCK burned in total
     * @param poolFlock         the pool's FLOCK reserve, if any
     * @param poolMt            the pool's MT reserve, if any (together with the FLOCK reserve)
     * @param priceImpact       the price impact of {@link #IMPACT_TRADE}, if the pool exists
     * @param revenueGross      gross revenue, USD
     * @param revenueNet        net revenue, USD, not above gross
     * @param buybackSpent      buybacks, USD
     * @param emissionScheduled FLOCK scheduled
     * @param emissionPaid      FLOCK paid to users
     * @param emissionReturned  FLOCK returned to the reserve
     * @param stakingFlockPaid  FLOCK paid to stakers
     * @param stakingMtPaid     MT paid to stakers
     * @param treasuryTotal     treasury in total, USD
     * @param issuerYieldTotal  issuer yield in total, USD
     * @param activeUsers       paying users, not negative
     * @param stakedMt          MT staked
     * @param top10RewardShare  0 to 1
     * @param mtTop10Share      0 to 1
     * @param mtHhi             0 to 1
     * @param rejectedActions   not negative
     * @throws InvalidArgumentException if a value has the wrong asset or is out of range
     */
    public DailyRow {
        if (day < 0) {
            throw InvalidArgumentException.of("day", day, "must not be negative");
        }
        Objects.requireNonNull(deployment, "deployment");
        Asset mt = Asset.modelToken(deployment);
        Objects.requireNonNull(state, "state");
        if (state.isBlank() || state.chars().anyMatch(c -> c == ',' || c == '"' || c < 0x20)) {
            throw InvalidArgumentException.of("state", '"' + state + '"',
                    "must be a non-blank name without commas, quotes or control characters");
        }
        Objects.requireNonNull(flockUsd, "flockUsd");
        asset("raised", raised, Asset.FLOCK);
        Objects.requireNonNull(curvePrice, "curvePrice");
        asset("mtSupply", mtSupply, mt);
        asset("mtBurned", mtBurned, mt);
        asset("mtBurnedTotal", mtBurnedTotal, mt);
        asset("flockBurned", flockBurned, Asset.FLOCK);
        asset("flockBurnedTotal", flockBurnedTotal, Asset.FLOCK);
        Objects.requireNonNull(poolFlock, "poolFlock");
        Objects.requireNonNull(poolMt, "poolMt");
        if (poolFlock.isPresent() != poolMt.isPresent()) {
            throw InvalidArgumentException.of("pool", poolFlock + " / " + poolMt, "both reserves or neither");
        }
        poolFlock.ifPresent(a -> asset("poolFlock", a, Asset.FLOCK));
        poolMt.ifPresent(a -> asset("poolMt", a, mt));
        Objects.requireNonNull(priceImpact, "priceImpact");
        asset("revenueGross", revenueGross, Asset.USD);
        asset("revenueNet", revenueNet, Asset.USD);
        asset("buybackSpent", buybackSpent, Asset.USD);
        asset("emissionScheduled", emissionScheduled, Asset.FLOCK);
        asset("emissionPaid", emissionPaid, Asset.FLOCK);
        asset("emissionReturned", emissionReturned, Asset.FLOCK);
        asset("stakingFlockPaid", stakingFlockPaid, Asset.FLOCK);
        asset("stakingMtPaid", stakingMtPaid, mt);
        asset("treasuryTotal", treasuryTotal, Asset.USD);
        asset("issuerYieldTotal", issuerYieldTotal, Asset.USD);
        if (activeUsers < 0) {
            throw InvalidArgumentException.of("activeUsers", activeUsers, "must not be negative");
        }
        asset("stakedMt", stakedMt, mt);
        share("top10RewardShare", top10RewardShare);
        share("mtTop10Share", mtTop10Share);
        share("mtHhi", mtHhi);
        if (rejectedActions < 0) {
            throw InvalidArgumentException.of("rejectedActions", rejectedActions, "must not be negative");
        }
    }

    /**
     * Starts a row whose amounts are all zero, with no pool and the FLOCK price at its minimum.
     *
     * @param day        the simulated day, not negative
     * @param deployment the deployment
     * @param state      the launch's state at the end of the day, such as {@code FUNDRAISING} or {@code LIVE}
     * @return the builder
     */
    public static Builder builder(int day, DeploymentId deployment, String state) {
        return new Builder(day, deployment, state);
    }

    /**
     * Returns the deployment's model token.
     *
     * @return the MT asset
     */
    public Asset mtAsset() {
        return Asset.modelToken(deployment);
    }

    /**
     * Returns the pool's spot price: FLOCK reserve / MT reserve, rounded DOWN to {@value #PRICE_SCALE} decimals.
     *
     * @return FLOCK per MT, or empty before the pool exists
     */
    public Optional<BigDecimal> poolPrice() {
        return poolFlock.map(f -> f.value().divide(poolMt.orElseThrow().value(), PRICE_SCALE, RoundingMode.DOWN));
    }

    /**
     * Returns the day's hard costs taken from revenue: gross less net.
     *
     * @return USD
     */
    public Amount costs() {
        return revenueGross.minus(revenueNet);
    }

    private static void asset(String field, Amount a, Asset asset) {
        Objects.requireNonNull(a, field);
        if (!a.asset().equals(asset)) {
            throw InvalidArgumentException.of(field, a, "must be " + asset.symbol());
        }
    }

    private static void share(String field, BigDecimal v) {
        Objects.requireNonNull(v, field);
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw InvalidArgumentException.of(field, v.toPlainString(), "must be from 0 to 1");
        }
    }

    /** Builds a {@link DailyRow}; each setter checks the asset and sign of its value. */
    public static final class Builder {

        private final int day;
        private final DeploymentId deployment;
        private final String state;
        private final Asset mt;
        private BigDecimal flockUsd = FlockPricePath.MIN_PRICE.setScale(FlockPricePath.SCALE);
        private Amount raised = Amount.zero(Asset.FLOCK);
        private BigDecimal curvePrice;
        private Amount mtSupply;
        private Amount mtBurned;
        private Amount mtBurnedTotal;
        private Amount flockBurned = Amount.zero(Asset.FLOCK);
        private Amount flockBurnedTotal = Amount.zero(Asset.FLOCK);
        private Amount poolFlock;
        private Amount poolMt;
        private BigDecimal priceImpact;
        private Amount revenueGross = Amount.zero(Asset.USD);
        private Amount revenueNet = Amount.zero(Asset.USD);
        private Amount buybackSpent = Amount.zero(Asset.USD);
        private Amount emissionScheduled = Amount.zero(Asset.FLOCK);
        private Amount emissionPaid = Amount.zero(Asset.FLOCK);
        private Amount emissionReturned = Amount.zero(Asset.FLOCK);
        private Amount stakingFlockPaid = Amount.zero(Asset.FLOCK);
        private Amount stakingMtPaid;
        private Amount treasuryTotal = Amount.zero(Asset.USD);
        private Amount issuerYieldTotal = Amount.zero(Asset.USD);
        private int activeUsers;
        private Amount stakedMt;
        private BigDecimal top10RewardShare = BigDecimal.ZERO.setScale(SHARE_SCALE);
        private BigDecimal mtTop10Share = BigDecimal.ZERO.setScale(SHARE_SCALE);
        private BigDecimal mtHhi = BigDecimal.ZERO.setScale(SHARE_SCALE);
        private int rejectedActions;

        private Builder(int day, DeploymentId deployment, String state) {
            this.day = day;
            this.deployment = Objects.requireNonNull(deployment, "deployment");
            this.state = state;
            this.mt = Asset.modelToken(deployment);
            this.mtSupply = Amount.zero(mt);
            this.mtBurned = Amount.zero(mt);
            this.mtBurnedTotal = Amount.zero(mt);
            this.stakedMt = Amount.zero(mt);
            this.stakingMtPaid = Amount.zero(mt);
        }

        /**
         * Sets the FLOCK price of the day.
         *
         * @param usd USD per FLOCK, positive, at most {@value FlockPricePath#SCALE} decimals
         * @return this builder
         * @throws InvalidArgumentException if not positive or too precise
         */
        public Builder flockUsd(BigDecimal usd) {
            Objects.requireNonNull(usd, "flockUsd");
            if (usd.signum() <= 0 || usd.stripTrailingZeros().scale() > FlockPricePath.SCALE) {
                throw InvalidArgumentException.of("flockUsd", usd.toPlainString(),
                        "must be positive with at most " + FlockPricePath.SCALE + " decimals");
            }
            this.flockUsd = usd.setScale(FlockPricePath.SCALE);
            return this;
        }

        /**
         * Sets the net FLOCK raised.
         *
         * @param value FLOCK
         * @return this builder
         */
        public Builder raised(Amount value) {
            this.raised = value;
            return this;
        }

        /**
         * Sets the curve's spot price.
         *
         * @param flockPerMt FLOCK per MT, not negative; rounded DOWN to {@value #PRICE_SCALE} decimals
         * @return this builder
         */
        public Builder curvePrice(BigDecimal flockPerMt) {
            this.curvePrice = flockPerMt.setScale(PRICE_SCALE, RoundingMode.DOWN);
            return this;
        }

        /**
         * Sets the MT supply.
         *
         * @param value MT
         * @return this builder
         */
        public Builder mtSupply(Amount value) {
            this.mtSupply = value;
            return this;
        }

        /**
         * Sets the MT burned that day and in total.
         *
         * @param dayBurn MT burned that day
         * @param total   MT burned in total, not less than {@code dayBurn}
         * @return this builder
         * @throws InvalidArgumentException if the total is less than the day's burn
         */
        public Builder mtBurned(Amount dayBurn, Amount total) {
            atLeast("mtBurnedTotal", total, dayBurn);
            this.mtBurned = dayBurn;
            this.mtBurnedTotal = total;
            return this;
        }

        /**
         * Sets the FLOCK burned that day and in total.
         *
         * @param dayBurn FLOCK burned that day
         * @param total   FLOCK burned in total, not less than {@code dayBurn}
         * @return this builder
         * @throws InvalidArgumentException if the total is less than the day's burn
         */
        public Builder flockBurned(Amount dayBurn, Amount total) {
            atLeast("flockBurnedTotal", total, dayBurn);
            this.flockBurned = dayBurn;
            this.flockBurnedTotal = total;
            return this;
        }

        /**
         * Sets the pool's reserves.
         *
         * @param flock     the FLOCK reserve, positive
         * @param mtReserve the MT reserve, positive
         * @return this builder
         * @throws InvalidArgumentException if a reserve is zero
         */
        public Builder pool(Amount flock, Amount mtReserve) {
            if (!flock.isPositive() || !mtReserve.isPositive()) {
                throw InvalidArgumentException.of("pool", flock + " / " + mtReserve, "both reserves must be positive");
            }
            this.poolFlock = flock;
            this.poolMt = mtReserve;
            return this;
        }

        /**
         * Sets the price impact of {@link #IMPACT_TRADE} in the pool.
         *
         * @param impact 0 to 1; rounded DOWN to {@value #SHARE_SCALE} decimals
         * @return this builder
         */
        public Builder priceImpact(BigDecimal impact) {
            this.priceImpact = impact.setScale(SHARE_SCALE, RoundingMode.DOWN);
            return this;
        }

        /**
         * Sets the day's revenue.
         *
         * @param gross USD paid by users
         * @param net   USD after hard costs, not above gross
         * @return this builder
         * @throws InvalidArgumentException if net exceeds gross
         */
        public Builder revenue(Amount gross, Amount net) {
            atLeast("revenueGross", gross, net);
            this.revenueGross = gross;
            this.revenueNet = net;
            return this;
        }

        /**
         * Sets the USD spent on buybacks that day.
         *
         * @param value USD
         * @return this builder
         */
        public Builder buybackSpent(Amount value) {
            this.buybackSpent = value;
            return this;
        }

        /**
         * Sets the day's emission.
         *
         * @param scheduled FLOCK made available (platform)
         * @param paid      FLOCK paid to this deployment's users
         * @param returned  FLOCK returned to the reserve (platform)
         * @return this builder
         */
        public Builder emission(Amount scheduled, Amount paid, Amount returned) {
            this.emissionScheduled = scheduled;
            this.emissionPaid = paid;
            this.emissionReturned = returned;
            return this;
        }

        /**
         * Sets the incentives paid to stakers that day.
         *
         * @param flock FLOCK incentive
         * @param mtPaid MT incentive
         * @return this builder
         */
        public Builder staking(Amount flock, Amount mtPaid) {
            this.stakingFlockPaid = flock;
            this.stakingMtPaid = mtPaid;
            return this;
        }

        /**
         * Sets the cumulative treasury and issuer yield.
         *
         * @param treasury USD
         * @param issuer   USD
         * @return this builder
         */
        public Builder yields(Amount treasury, Amount issuer) {
            this.treasuryTotal = treasury;
            this.issuerYieldTotal = issuer;
            return this;
        }

        /**
         * Sets the number of paying users.
         *
         * @param count not negative
         * @return this builder
         */
        public Builder activeUsers(int count) {
            this.activeUsers = count;
            return this;
        }

        /**
         * Sets the MT staked.
         *
         * @param value MT
         * @return this builder
         */
        public Builder stakedMt(Amount value) {
            this.stakedMt = value;
            return this;
        }

        /**
         * Sets the top-10 share of FLOCK rewards.
         *
         * @param share 0 to 1, rounded DOWN to {@value #SHARE_SCALE} decimals
         * @return this builder
         */
        public Builder top10RewardShare(BigDecimal share) {
            this.top10RewardShare = share.setScale(SHARE_SCALE, RoundingMode.DOWN);
            return this;
        }

        /**
         * Sets the concentration of MT holdings.
         *
         * @param top10 the share of the ten largest holders, 0 to 1
         * @param hhi   the Herfindahl-Hirschman index, 0 to 1
         * @return this builder
         */
        public Builder mtConcentration(BigDecimal top10, BigDecimal hhi) {
            this.mtTop10Share = top10.setScale(SHARE_SCALE, RoundingMode.DOWN);
            this.mtHhi = hhi.setScale(SHARE_SCALE, RoundingMode.DOWN);
            return this;
        }

        /**
         * Sets the number of rejected actions.
         *
         * @param count not negative
         * @return this builder
         */
        public Builder rejectedActions(int count) {
            this.rejectedActions = count;
            return this;
        }

        /**
         * Builds the row.
         *
         * @return the row
         * @throws InvalidArgumentException if a value has the wrong asset or is out of range
         */
        public DailyRow build() {
            return new DailyRow(day, deployment, state, flockUsd, raised, Optional.ofNullable(curvePrice), mtSupply,
                    mtBurned, mtBurnedTotal, flockBurned, flockBurnedTotal, Optional.ofNullable(poolFlock),
                    Optional.ofNullable(poolMt), Optional.ofNullable(priceImpact), revenueGross, revenueNet,
                    buybackSpent, emissionScheduled, emissionPaid, emissionReturned, stakingFlockPaid, stakingMtPaid,
                    treasuryTotal, issuerYieldTotal, activeUsers, stakedMt, top10RewardShare, mtTop10Share, mtHhi,
                    rejectedActions);
        }

        private static void atLeast(String field, Amount big, Amount small) {
            Objects.requireNonNull(big, field);
            Objects.requireNonNull(small, field);
            if (big.asset().equals(small.asset()) && big.isLessThan(small)) {
                throw InvalidArgumentException.of(field, big, "must not be less than " + small);
            }
        }
    }
}
