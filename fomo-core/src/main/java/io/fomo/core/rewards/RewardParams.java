package io.fomo.core.rewards;

import io.fomo.core.emission.AlphaSchedule;
import io.fomo.core.emission.EmissionSchedule;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The parameters of epoch distribution (FOMO-SPEC §3.3, §3.4); each [DEFAULT] is named and validated.
 *
 * <ul>
 *   <li>{@code schedule}: the global emission schedule (required; {@link EmissionSchedule#defaultFlock()}
 *       is the SDK default).</li>
 *   <li>{@code alpha}: α of the global factor across the season, [DEFAULT] constant 0.5.</li>
 *   <li>{@code alphaIncentive}: α_i of the incentive factor, [DEFAULT] constant 0.5.</li>
 *   <li>{@code gm}: the gmFLOCK multiplier, [DEFAULT] none.</li>
 *   <li>{@code ageFactor}: the age weighting of the split across deployments, [DEFAULT] none.</li>
 *   <li>{@code factorScale}: decimals of every staking factor, rounded DOWN, [DEFAULT]
 *       {@value RewardPool#DEFAULT_FACTOR_SCALE}.</li>
 * </ul>
 * The α of an epoch is the schedule's value at the epoch's start.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RewardParams {

    /** The default α and α_i [DEFAULT]: 0.5. */
    public static final BigDecimal DEFAULT_ALPHA = new BigDecimal("0.5");

    private final EmissionSchedule schedule;
    private final AlphaSchedule alpha;
    private final AlphaSchedule alphaIncentive;
    private final GmMultiplier gm;
    private final AgeFactor ageFactor;
    private final int factorScale;

    private RewardParams(Builder b) {
        this.schedule = b.schedule;
        this.alpha = b.alpha;
        this.alphaIncentive = b.alphaIncentive;
        this.gm = b.gm;
        this.ageFactor = b.ageFactor;
        this.factorScale = b.factorScale;
    }

    /**
     * Starts parameters with the defaults and a global emission schedule.
     *
     * @param schedule the global emission schedule
     * @return a builder
     */
    public static Builder builder(EmissionSchedule schedule) {
        return new Builder(schedule);
    }

    /**
     * Returns the global emission schedule.
     *
     * @return the schedule
     */
    public EmissionSchedule schedule() {
        return schedule;
    }

    /**
     * Returns α across the season.
     *
     * @return the α schedule
     */
    public AlphaSchedule alpha() {
        return alpha;
    }

    /**
     * Returns α_i across the season.
     *
     * @return the α_i schedule
     */
    public AlphaSchedule alphaIncentive() {
        return alphaIncentive;
    }

    /**
     * Returns the gmFLOCK multiplier.
     *
     * @return the multiplier
     */
    public GmMultiplier gm() {
        return gm;
    }

    /**
     * Returns the age factor of the split across deployments.
     *
     * @return the age factor
     */
    public AgeFactor ageFactor() {
        return ageFactor;
    }

    /**
     * Returns the decimals of every staking factor.
     *
     * @return the factor scale
     */
    public int factorScale() {
        return factorScale;
    }

    @Override
    public String toString() {
        return "RewardParams[" + schedule + ", alpha=" + alpha + ", alphaIncentive=" + alphaIncentive + ", " + gm
                + ", " + ageFactor + ", factorScale=" + factorScale + "]";
    }

    /**
     * Builds {@link RewardParams}; every setter validates at once.
     */
    public static final class Builder {
        private final EmissionSchedule schedule;
        private AlphaSchedule alpha = AlphaSchedule.constant(DEFAULT_ALPHA);
        private AlphaSchedule alphaIncentive = AlphaSchedule.constant(DEFAULT_ALPHA);
        private GmMultiplier gm = GmMultiplier.none();
        private AgeFactor ageFactor = AgeFactor.none();
        private int factorScale = RewardPool.DEFAULT_FACTOR_SCALE;

        private Builder(EmissionSchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
        }

        /**
         * Sets α across the season.
         *
         * @param value the α schedule
         * @return this builder
         */
        public Builder alpha(AlphaSchedule value) {
            this.alpha = Objects.requireNonNull(value, "alpha");
            return this;
        }

        /**
         * Sets α_i across the season.
         *
         * @param value the α_i schedule
         * @return this builder
         */
        public Builder alphaIncentive(AlphaSchedule value) {
            this.alphaIncentive = Objects.requireNonNull(value, "alphaIncentive");
            return this;
        }

        /**
         * Sets the gmFLOCK multiplier.
         *
         * @param value the multiplier
         * @return this builder
         */
        public Builder gm(GmMultiplier value) {
            this.gm = Objects.requireNonNull(value, "gm");
            return this;
        }

        /**
         * Sets the age factor.
         *
         * @param value the age factor
         * @return this builder
         */
        public Builder ageFactor(AgeFactor value) {
            this.ageFactor = Objects.requireNonNull(value, "ageFactor");
            return this;
        }

        /**
         * Sets the decimals of every staking factor.
         *
         * @param value 0 to 1000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder factorScale(int value) {
            if (value < 0 || value > 1000) {
                throw InvalidArgumentException.of("factorScale", value, "must be between 0 and 1000");
            }
            this.factorScale = value;
            return this;
        }

        /**
         * Returns the parameters.
         *
         * @return the parameters
         */
        public RewardParams build() {
            return new RewardParams(this);
        }
    }
}
