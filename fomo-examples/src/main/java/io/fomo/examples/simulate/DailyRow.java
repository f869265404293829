package io.fomo.examples.simulate;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a simulation at the end of one day: the launch's state, supply and burns, the pool,
 * the day's revenue, buybacks and emissions, cumulative treasury and issuer yield, users, stake and
 * the concentration of rewards. Every amount is exact at its asset's decimals; the two ratios have
 * declared scales: the pool price is FLOCK per MT at {@value #PRICE_SCALE} decimals rounded DOWN from
 * the reserves, and the top-10 share is at {@value #SHARE_SCALE} decimals (rounded DOWN by
 * {@link RewardStats#topShare}).
 *
 * <p>Amounts marked "that day" are flows of the day; those marked "total" are cumulative from day 0.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DailyRow {

    /** The decimals of the pool price (FLOCK per MT). */
    public static final int PRICE_SCALE = 18;
    /** The decimals of the top-10 reward share. */
    public static final int SHARE_SCALE = 6;

    private final int day;
    private final String state;
    private final BigDecimal flockUsd;
    private final Amount raised;
    private final Amount mtSupply;
    private final Amount mtBurned;
    private final Amount mtBurnedTotal;
    private final Amount flockBurned;
    private final Amount flockBurnedTotal;
    private final Amount poolFlock;
    private final Amount poolMt;
    private final Amount revenueGross;
    private final Amount revenueNet;
    private final Amount buybackSpent;
    private final Amount emissionScheduled;
    private final Amount emissionPaid;
    private final Amount emissionReturned;
    private final Amount treasuryTotal;
    private final Amount issuerYieldTotal;
    private final int activeUsers;
    private final Amount stakedMt;
    private final BigDecimal top10RewardShare;
    private final int rejectedActions;

    private DailyRow(Builder b) {
        this.day = b.day;
        this.state = b.state;
        this.flockUsd = b.flockUsd;
        this.raised = b.raised;
        this.mtSupply = b.mtSupply;
        this.mtBurned = b.mtBurned;
        this.mtBurnedTotal = b.mtBurnedTotal;
        this.flockBurned = b.flockBurned;
        this.flockBurnedTotal = b.flockBurnedTotal;
        this.poolFlock = b.poolFlock;
        this.poolMt = b.poolMt;
        this.revenueGross = b.revenueGross;
        this.revenueNet = b.revenueNet;
        this.buybackSpent = b.buybackSpent;
        this.emissionScheduled = b.emissionScheduled;
        this.emissionPaid = b.emissionPaid;
        this.emissionReturned = b.emissionReturned;
        this.treasuryTotal = b.treasuryTotal;
        this.issuerYieldTotal = b.issuerYieldTotal;
        this.activeUsers = b.activeUsers;
        this.stakedMt = b.stakedMt;
        this.top10RewardShare = b.top10RewardShare;
        this.rejectedActions = b.rejectedActions;
    }

    /**
     * Starts a row whose amounts are all zero, with no pool and the FLOCK price at its minimum.
     *
     * @param day     the simulated day, not negative
     * @param state   the launch's state at the end of the day, such as {@code FUNDRAISING} or {@code LIVE}
     * @param mtAsset the deployment's model token
     * @return the builder
     * @throws InvalidArgumentException if the day is negative, the state blank, or the MT asset is FLOCK or USD
     */
    public static Builder builder(int day, String state, Asset mtAsset) {
        return new Builder(day, state, mtAsset);
    }

    /**
     * Returns the simulated day.
     *
     * @return the day
     */
    public int day() {
        return day;
    }

    /**
     * Returns the launch's state at the end of the day.
     *
     * @return the state's name
     */
    public String state() {
        return state;
    }

    /**
     * Returns the FLOCK price used that day.
     *
     * @return USD per FLOCK at {@value FlockPricePath#SCALE} decimals
     */
    public BigDecimal flockUsd() {
        return flockUsd;
    }

    /**
     * Returns the net FLOCK raised by the launch (what reached the curve, less refunds).
     *
     * @return FLOCK
     */
    public Amount raised() {
        return raised;
    }

    /**
     * Returns the MT in existence.
     *
     * @return MT
     */
    public Amount mtSupply() {
        return mtSupply;
    }

    /**
     * Returns the MT burned that day.
     *
     * @return MT
     */
    public Amount mtBurned() {
        return mtBurned;
    }

    /**
     * Returns the MT burned in total.
     *
     * @return MT
     */
    public Amount mtBurnedTotal() {
        return mtBurnedTotal;
    }

    /**
     * Returns the FLOCK burned that day.
     *
     * @return FLOCK
     */
    public Amount flockBurned() {
        return flockBurned;
    }

    /**
     * Returns the FLOCK burned in total.
     *
     * @return FLOCK
     */
    public Amount flockBurnedTotal() {
        return flockBurnedTotal;
    }

    /**
     * Returns the pool's FLOCK reserve.
     *
     * @return FLOCK, or empty before the pool exists
     */
    public Optional<Amount> poolFlock() {
        return Optional.ofNullable(poolFlock);
    }

    /**
     * Returns the pool's MT reserve.
     *
     * @return MT, or empty before the pool exists
     */
    public Optional<Amount> poolMt() {
        return Optional.ofNullable(poolMt);
    }

    /**
     * Returns the pool's spot price: FLOCK reserve / MT reserve, rounded DOWN to {@value #PRICE_SCALE}
     * decimals.
     *
     * @return FLOCK per MT, or empty before the pool exists
     */
    public Optional<BigDecimal> poolPrice() {
        if (poolFlock == null) {
            return Optional.empty();
        }
        return Optional.of(poolFlock.value().divide(poolMt.value(), PRICE_SCALE, RoundingMode.DOWN));
    }

    /**
     * Returns the gross inference revenue of the day.
     *
     * @return USD
     */
    public Amount revenueGross() {
        return revenueGross;
    }

    /**
     * Returns the day's revenue after hard costs.
     *
     * @return USD
     */
    public Amount revenueNet() {
        return revenueNet;
    }

    /**
     * Returns the USD spent on MT and FLOCK buybacks that day.
     *
     * @return USD
     */
    public Amount buybackSpent() {
        return buybackSpent;
    }

    /**
     * Returns the FLOCK the emission schedule made available for the day.
     *
     * @return FLOCK
     */
    public Amount emissionScheduled() {
        return emissionScheduled;
    }

    /**
     * Returns the FLOCK emission paid to users and stakers for the day.
     *
     * @return FLOCK
     */
    public Amount emissionPaid() {
        return emissionPaid;
    }

    /**
     * Returns the FLOCK emission nobody could receive (no usage), returned to the reserve.
     *
     * @return FLOCK
     */
    public Amount emissionReturned() {
        return emissionReturned;
    }

    /**
     * Returns the treasury's revenue share in total.
     *
     * @return USD
     */
    public Amount treasuryTotal() {
        return treasuryTotal;
    }

    /**
     * Returns the issuer's revenue share (yield) in total.
     *
     * @return USD
     */
    public Amount issuerYieldTotal() {
        return issuerYieldTotal;
    }

    /**
     * Returns the number of users who paid for inference that day.
     *
     * @return the count
     */
    public int activeUsers() {
        return activeUsers;
    }

    /**
     * Returns the MT staked at the end of the day.
     *
     * @return MT
     */
    public Amount stakedMt() {
        return stakedMt;
    }

    /**
     * Returns the share of all FLOCK rewards so far held by the ten largest earners.
     *
     * @return 0 to 1 at {@value #SHARE_SCALE} decimals
     */
    public BigDecimal top10RewardShare() {
        return top10RewardShare;
    }

    /**
     * Returns the number of scenario actions the protocol rejected that day (for example a buy after the
     * window closed).
     *
     * @return the count
     */
    public int rejectedActions() {
        return rejectedActions;
    }

    @Override
    public String toString() {
        return "DailyRow[day " + day + ", " + state + ", supply " + mtSupply + ", revenue " + revenueGross + "]";
    }

    /** Builds a {@link DailyRow}; each setter checks the asset and sign of its value. */
    public static final class Builder {

        private final int day;
        private final String state;
        private final Asset mt;
        private BigDecimal flockUsd = FlockPricePath.MIN_PRICE.setScale(FlockPricePath.SCALE);
        private Amount raised = Amount.zero(Asset.FLOCK);
        private Amount mtSupply;
        private Amount mtBurned;
        private Amount mtBurnedTotal;
        private Amount flockBurned = Amount.zero(Asset.FLOCK);
        private Amount flockBurnedTotal = Amount.zero(Asset.FLOCK);
        private Amount poolFlock;
        private Amount poolMt;
        private Amount revenueGross = Amount.zero(Asset.USD);
        private Amount revenueNet = Amount.zero(Asset.USD);
        private Amount buybackSpent = Amount.zero(Asset.USD);
        private Amount emissionScheduled = Amount.zero(Asset.FLOCK);
        private Amount emissionPaid = Amount.zero(Asset.FLOCK);
        private Amount emissionReturned = Amount.zero(Asset.FLOCK);
        private Amount treasuryTotal = Amount.zero(Asset.USD);
        private Amount issuerYieldTotal = Amount.zero(Asset.USD);
        private int activeUsers;
        private Amount stakedMt;
        private BigDecimal top10RewardShare = BigDecimal.ZERO.setScale(SHARE_SCALE);
        private int rejectedActions;

        private Builder(int day, String state, Asset mtAsset) {
            if (day < 0) {
                throw InvalidArgumentException.of("day", day, "must not be negative");
            }
            Objects.requireNonNull(state, "state");
            if (state.isBlank() || state.chars().anyMatch(c -> c == ',' || c == '"' || c < 0x20)) {
                throw InvalidArgumentException.of("state", '"' + state + '"',
                        "must be a non-blank name without commas, quotes or control characters");
            }
            Objects.requireNonNull(mtAsset, "mtAsset");
            if (mtAsset.equals(Asset.FLOCK) || mtAsset.equals(Asset.USD)) {
                throw InvalidArgumentException.of("mtAsset", mtAsset, "must be the deployment's model token");
            }
            this.day = day;
            this.state = state;
            this.mt = mtAsset;
            this.mtSupply = Amount.zero(mtAsset);
            this.mtBurned = Amount.zero(mtAsset);
            this.mtBurnedTotal = Amount.zero(mtAsset);
            this.stakedMt = Amount.zero(mtAsset);
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
         * @throws InvalidArgumentException if not FLOCK
         */
        public Builder raised(Amount value) {
            this.raised = of("raised", value, Asset.FLOCK);
            return this;
        }

        /**
         * Sets the MT supply.
         *
         * @param value MT
         * @return this builder
         * @throws InvalidArgumentException if not the MT asset
         */
        public Builder mtSupply(Amount value) {
            this.mtSupply = of("mtSupply", value, mt);
            return this;
        }

        /**
         * Sets the MT burned that day and in total.
         *
         * @param day   MT burned that day
         * @param total MT burned in total, not less than {@code day}
         * @return this builder
         * @throws InvalidArgumentException if not the MT asset, or the total is less than the day's burn
         */
        public Builder mtBurned(Amount day, Amount total) {
            this.mtBurned = of("mtBurned", day, mt);
            this.mtBurnedTotal = atLeast("mtBurnedTotal", of("mtBurnedTotal", total, mt), day);
            return this;
        }

        /**
         * Sets the FLOCK burned that day and in total.
         *
         * @param day   FLOCK burned that day
         * @param total FLOCK burned in total, not less than {@code day}
         * @return this builder
         * @throws InvalidArgumentException if not FLOCK, or the total is less than the day's burn
         */
        public Builder flockBurned(Amount day, Amount total) {
            this.flockBurned = of("flockBurned", day, Asset.FLOCK);
            this.flockBurnedTotal = atLeast("flockBurnedTotal", of("flockBurnedTotal", total, Asset.FLOCK), day);
            return this;
        }

        /**
         * Sets the pool's reserves.
         *
         * @param flock the FLOCK reserve, positive
         * @param mtReserve the MT reserve, positive
         * @return this builder
         * @throws InvalidArgumentException if an asset is wrong or a reserve is zero
         */
        public Builder pool(Amount flock, Amount mtReserve) {
            of("poolFlock", flock, Asset.FLOCK);
            of("poolMt", mtReserve, mt);
            if (!flock.isPositive() || !mtReserve.isPositive()) {
                throw InvalidArgumentException.of("pool", flock + " / " + mtReserve, "both reserves must be positive");
            }
            this.poolFlock = flock;
            this.poolMt = mtReserve;
            return this;
        }

        /**
         * Sets the day's revenue.
         *
         * @param gross USD paid by users
         * @param net   USD after hard costs, not above gross
         * @return this builder
         * @throws InvalidArgumentException if not USD, or net exceeds gross
         */
        public Builder revenue(Amount gross, Amount net) {
            this.revenueGross = of("revenueGross", gross, Asset.USD);
            this.revenueNet = of("revenueNet", net, Asset.USD);
            atLeast("revenueGross", gross, net);
            return this;
        }

        /**
         * Sets the USD spent on buybacks that day.
         *
         * @param value USD
         * @return this builder
         * @throws InvalidArgumentException if not USD
         */
        public Builder buybackSpent(Amount value) {
            this.buybackSpent = of("buybackSpent", value, Asset.USD);
            return this;
        }

        /**
         * Sets the day's emission.
         *
         * @param scheduled FLOCK the schedule made available
         * @param paid      FLOCK paid out
         * @param returned  FLOCK returned to the reserve
         * @return this builder
         * @throws InvalidArgumentException if not FLOCK
         */
        public Builder emission(Amount scheduled, Amount paid, Amount returned) {
            this.emissionScheduled = of("emissionScheduled", scheduled, Asset.FLOCK);
            this.emissionPaid = of("emissionPaid", paid, Asset.FLOCK);
            this.emissionReturned = of("emissionReturned", returned, Asset.FLOCK);
            return this;
        }

        /**
         * Sets the cumulative treasury and issuer shares of revenue.
         *
         * @param treasury USD in total
         * @param issuer   USD in total
         * @return this builder
         * @throws InvalidArgumentException if not USD
         */
        public Builder yields(Amount treasury, Amount issuer) {
            this.treasuryTotal = of("treasuryTotal", treasury, Asset.USD);
            this.issuerYieldTotal = of("issuerYieldTotal", issuer, Asset.USD);
            return this;
        }

        /**
         * Sets the number of paying users.
         *
         * @param count not negative
         * @return this builder
         * @throws InvalidArgumentException if negative
         */
        public Builder activeUsers(int count) {
            this.activeUsers = count("activeUsers", count);
            return this;
        }

        /**
         * Sets the MT staked.
         *
         * @param value MT
         * @return this builder
         * @throws InvalidArgumentException if not the MT asset
         */
        public Builder stakedMt(Amount value) {
            this.stakedMt = of("stakedMt", value, mt);
            return this;
        }

        /**
         * Sets the top-10 share of rewards.
         *
         * @param share 0 to 1, at most {@value DailyRow#SHARE_SCALE} decimals
         * @return this builder
         * @throws InvalidArgumentException if out of range or too precise
         */
        public Builder top10RewardShare(BigDecimal share) {
            Objects.requireNonNull(share, "top10RewardShare");
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0
                    || share.stripTrailingZeros().scale() > SHARE_SCALE) {
                throw InvalidArgumentException.of("top10RewardShare", share.toPlainString(),
                        "must be from 0 to 1 with at most " + SHARE_SCALE + " decimals");
            }
            this.top10RewardShare = share.setScale(SHARE_SCALE);
            return this;
        }

        /**
         * Sets the number of rejected actions.
         *
         * @param count not negative
         * @return this builder
         * @throws InvalidArgumentException if negative
         */
        public Builder rejectedActions(int count) {
            this.rejectedActions = count("rejectedActions", count);
            return this;
        }

        /**
         * Builds the row.
         *
         * @return the row
         */
        public DailyRow build() {
            return new DailyRow(this);
        }

        private static Amount of(String field, Amount value, Asset asset) {
            Objects.requireNonNull(value, field);
            if (!value.asset().equals(asset)) {
                throw InvalidArgumentException.of(field, value, "must be an amount of " + asset.symbol());
            }
            return value;
        }

        private static Amount atLeast(String field, Amount value, Amount floor) {
            if (value.isLessThan(floor)) {
                throw InvalidArgumentException.of(field, value, "must not be less than " + floor);
            }
            return value;
        }

        private static int count(String field, int v) {
            if (v < 0) {
                throw InvalidArgumentException.of(field, v, "must not be negative");
            }
            return v;
        }
    }
}
