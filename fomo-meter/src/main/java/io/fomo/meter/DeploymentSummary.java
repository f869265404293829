package io.fomo.meter;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.util.Objects;

/**
 * What one ingestion did for one deployment.
 *
 * @param calls        calls billed now
 * @param inputTokens  their input tokens, cached ones included
 * @param cachedTokens the cached part of the input tokens
 * @param outputTokens their output tokens
 * @param revenue      what they paid, after discount and floor, in USD
 * @param duplicates   records whose request was already billed (nothing added)
 */
public record DeploymentSummary(long calls, long inputTokens, long cachedTokens, long outputTokens, Amount revenue,
        long duplicates) {

    /** Nothing yet. */
    public static final DeploymentSummary EMPTY = new DeploymentSummary(0, 0, 0, 0, Amount.zero(Asset.USD), 0);

    /**
     * Checks the revenue is present.
     *
     * @param calls        calls billed now
     * @param inputTokens  input tokens
     * @param cachedTokens cached input tokens
     * @param outputTokens output tokens
     * @param revenue      what they paid, in USD
     * @param duplicates   records already billed
     */
    public DeploymentSummary {
        Objects.requireNonNull(revenue, "revenue");
    }

    /**
     * Returns the total tokens, input plus output.
     *
     * @return the total
     */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    DeploymentSummary billed(UsageRecord r, Amount paid) {
        return new DeploymentSummary(calls + 1, inputTokens + r.tokens().input(), cachedTokens + r.tokens().cachedInput(),
                outputTokens + r.tokens().output(), revenue.plus(paid), duplicates);
    }

    DeploymentSummary duplicate() {
        return new DeploymentSummary(calls, inputTokens, cachedTokens, outputTokens, revenue, duplicates + 1);
    }
}
