package io.fomo.flink;

import io.fomo.core.emission.AlphaSchedule;
import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.rewards.RewardParams;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an epoch close reads: the pairs file (or a folder of them), the optional deployments file, the epoch's
 * times and its exponents. The other reward parameters are the SDK's defaults
 * ({@code RewardParams.builder(EmissionSchedule.defaultFlock())}); the epoch starts with nothing carried in.
 * Without a deployments file, each deployment's net revenue is its pairs' paid spend, its age 0 and its
 * incentive budgets empty. Formats: docs/scale.md.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EpochCloseInput {

    private final String pairs;
    private final String deployments;
    private final long from;
    private final long to;
    private final BigDecimal alpha;
    private final BigDecimal alphaIncentive;

    private EpochCloseInput(String pairs, String deployments, long from, long to, BigDecimal alpha,
            BigDecimal alphaIncentive) {
        this.pairs = pairs;
        this.deployments = deployments;
        this.from = from;
        this.to = to;
        this.alpha = alpha;
        this.alphaIncentive = alphaIncentive;
    }

    /**
     * Returns an input with the default exponents (α = α_i = {@link RewardParams#DEFAULT_ALPHA}).
     *
     * @param pairs       the pairs: a file or a folder of files, a local path or a URI Flink can read
     * @param deployments the deployments file, or null to derive each deployment from its pairs
     * @param from        the epoch's start, seconds from the schedule's origin, not negative
     * @param to          the epoch's end, after {@code from}
     * @return the input
     * @throws InvalidArgumentException if a path is blank or the times are out of order
     */
    public static EpochCloseInput of(String pairs, String deployments, long from, long to) {
        Objects.requireNonNull(pairs, "pairs");
        if (pairs.isBlank()) {
            throw InvalidArgumentException.of("pairs", pairs, "must name a file or folder");
        }
        if (deployments != null && deployments.isBlank()) {
            throw InvalidArgumentException.of("deployments", deployments, "must name a file, or be absent");
        }
        if (from < 0) {
            throw InvalidArgumentException.of("from", from, "must not be negative");
        }
        if (to <= from) {
            throw InvalidArgumentException.of("to", to, "must be after from = " + from);
        }
        return new EpochCloseInput(pairs, deployments, from, to, RewardParams.DEFAULT_ALPHA, RewardParams.DEFAULT_ALPHA);
    }

    /**
     * Returns this input with other exponents.
     *
     * @param alpha          α of the global pools, 0 to 1
     * @param alphaIncentive α_i of the incentive pools, 0 to 1
     * @return the new input
     * @throws InvalidArgumentException if an exponent is outside 0 to 1
     */
    public EpochCloseInput withAlphas(BigDecimal alpha, BigDecimal alphaIncentive) {
        check("alpha", alpha);
        check("alphaIncentive", alphaIncentive);
        return new EpochCloseInput(pairs, deployments, from, to, alpha, alphaIncentive);
    }

    private static void check(String field, BigDecimal v) {
        Objects.requireNonNull(v, field);
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw InvalidArgumentException.of(field, v.toPlainString(), "must be between 0 and 1");
        }
    }

    /**
     * Returns the pairs' location.
     *
     * @return a file or folder
     */
    public String pairs() {
        return pairs;
    }

    /**
     * Returns the deployments file.
     *
     * @return the file, or null when deployments are derived from the pairs
     */
    public String deployments() {
        return deployments;
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
     * Returns α.
     *
     * @return α
     */
    public BigDecimal alpha() {
        return alpha;
    }

    /**
     * Returns α_i.
     *
     * @return α_i
     */
    public BigDecimal alphaIncentive() {
        return alphaIncentive;
    }

    /**
     * Returns the reward parameters the close runs with.
     *
     * @return the parameters
     */
    public RewardParams rewardParams() {
        return params(alpha.toPlainString(), alphaIncentive.toPlainString());
    }

    /** The parameters from the exponents' text: what a task builds from the numbers it was shipped. */
    static RewardParams params(String alpha, String alphaIncentive) {
        return RewardParams.builder(EmissionSchedule.defaultFlock())
                .alpha(AlphaSchedule.constant(new BigDecimal(alpha)))
                .alphaIncentive(AlphaSchedule.constant(new BigDecimal(alphaIncentive))).build();
    }

    @Override
    public String toString() {
        return "EpochCloseInput[pairs=" + pairs + ", deployments=" + deployments + ", " + from + ".." + to + ", alpha="
                + alpha.toPlainString() + ", alphaIncentive=" + alphaIncentive.toPlainString() + "]";
    }
}
