package io.fomo.core.revenue;

import io.fomo.core.math.Share;
import io.fomo.core.math.Waterfall;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The weights that route net inference revenue (FOMO-SPEC §3.1): MT buyback and burn, FLOCK buyback
 * and burn, treasury and issuer yield, in basis points that sum to exactly 10,000.
 *
 * <p>The defaults [DEFAULT] are 40% / 20% / 15% / 25%. The plan built from the weights
 * ({@link #waterfall(Asset, RoundingMode)}) gives MT buyback, FLOCK buyback and issuer their share of
 * the net, rounded in the given direction, and the treasury the rest: its own share plus the rounding
 * dust of the three other steps.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RevenueWeights {

    /** Recipient name of the MT buyback-and-burn budget. */
    public static final String MT_BUYBACK = "mtBuyback";
    /** Recipient name of the FLOCK buyback-and-burn budget. */
    public static final String FLOCK_BUYBACK = "flockBuyback";
    /** Recipient name of the protocol treasury, which also takes the dust. */
    public static final String TREASURY = "treasury";
    /** Recipient name of the issuer (operator) yield. */
    public static final String ISSUER = "issuer";

    private final int mtBuybackBps;
    private final int flockBuybackBps;
    private final int treasuryBps;
    private final int issuerBps;

    private RevenueWeights(Builder b) {
        this.mtBuybackBps = b.mtBuybackBps;
        this.flockBuybackBps = b.flockBuybackBps;
        this.treasuryBps = b.treasuryBps;
        this.issuerBps = b.issuerBps;
    }

    /**
     * Returns the default weights [DEFAULT]: MT buyback 4,000, FLOCK buyback 2,000, treasury 1,500,
     * issuer 2,500 bps.
     *
     * @return the default weights
     */
    public static RevenueWeights defaults() {
        return builder().build();
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the MT buyback weight.
     *
     * @return basis points
     */
    public int mtBuybackBps() {
        return mtBuybackBps;
    }

    /**
     * Returns the FLOCK buyback weight.
     *
     * @return basis points
     */
    public int flockBuybackBps() {
        return flockBuybackBps;
    }

    /**
     * Returns the treasury weight (the treasury also takes the dust).
     *
     * @return basis points
     */
    public int treasuryBps() {
        return treasuryBps;
    }

    /**
     * Returns the issuer yield weight.
     *
     * @return basis points
     */
    public int issuerBps() {
        return issuerBps;
    }

    /**
     * Builds the routing plan for amounts of one asset: shares of the base for MT buyback, FLOCK buyback
     * and issuer, in that order, then the rest to the treasury.
     *
     * @param asset    the revenue asset
     * @param rounding the direction of each share (DOWN for payouts)
     * @return the plan
     * @throws InvalidArgumentException if the rounding is UNNECESSARY
     */
    public Waterfall waterfall(Asset asset, RoundingMode rounding) {
        return Waterfall.builder(asset, rounding)
                .shareOfBase(MT_BUYBACK, Share.ofBps(MT_BUYBACK, mtBuybackBps))
                .shareOfBase(FLOCK_BUYBACK, Share.ofBps(FLOCK_BUYBACK, flockBuybackBps))
                .shareOfBase(ISSUER, Share.ofBps(ISSUER, issuerBps))
                .rest(TREASURY)
                .build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RevenueWeights w && w.mtBuybackBps == mtBuybackBps
                && w.flockBuybackBps == flockBuybackBps && w.treasuryBps == treasuryBps && w.issuerBps == issuerBps;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mtBuybackBps, flockBuybackBps, treasuryBps, issuerBps);
    }

    @Override
    public String toString() {
        return "RevenueWeights[mtBuyback=" + mtBuybackBps + ", flockBuyback=" + flockBuybackBps + ", treasury="
                + treasuryBps + ", issuer=" + issuerBps + " bps]";
    }

    /**
     * Builds {@link RevenueWeights}; each setter rejects a value outside 0..10,000 bps at once and
     * {@link #build()} rejects weights that do not sum to exactly 10,000.
     *
     * <p>Instances are not thread-safe.
     */
    public static final class Builder {
        private int mtBuybackBps = 4_000;
        private int flockBuybackBps = 2_000;
        private int treasuryBps = 1_500;
        private int issuerBps = 2_500;

        private Builder() {
        }

        /**
         * Sets the MT buyback weight.
         *
         * @param bps basis points, 0 to 10,000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder mtBuybackBps(int bps) {
            this.mtBuybackBps = checked(MT_BUYBACK, bps);
            return this;
        }

        /**
         * Sets the FLOCK buyback weight.
         *
         * @param bps basis points, 0 to 10,000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder flockBuybackBps(int bps) {
            this.flockBuybackBps = checked(FLOCK_BUYBACK, bps);
            return this;
        }

        /**
         * Sets the treasury weight.
         *
         * @param bps basis points, 0 to 10,000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder treasuryBps(int bps) {
            this.treasuryBps = checked(TREASURY, bps);
            return this;
        }

        /**
         * Sets the issuer yield weight.
         *
         * @param bps basis points, 0 to 10,000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder issuerBps(int bps) {
            this.issuerBps = checked(ISSUER, bps);
            return this;
        }

        /**
         * Builds the weights.
         *
         * @return the weights
         * @throws InvalidArgumentException if the four weights do not sum to exactly 10,000 bps
         */
        public RevenueWeights build() {
            long sum = (long) mtBuybackBps + flockBuybackBps + treasuryBps + issuerBps;
            if (sum != Share.BPS_WHOLE) {
                throw InvalidArgumentException.of("weights", mtBuybackBps + "+" + flockBuybackBps + "+"
                        + treasuryBps + "+" + issuerBps + " = " + sum, "must sum to exactly 10000 bps");
            }
            return new RevenueWeights(this);
        }

        private static int checked(String field, int bps) {
            if (bps < 0 || bps > Share.BPS_WHOLE) {
                throw InvalidArgumentException.of(field, bps, "must be between 0 and 10000 bps");
            }
            return bps;
        }
    }
}
