package io.fomo.meter;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an ingestion did: per deployment, and what it did not bill (unmapped models, failed calls).
 *
 * @param deployments per deployment id, in order
 * @param unmapped    calls under an unmapped model, per model id (counted, never billed)
 * @param failed      failed calls (a status that is not a success; never billed)
 * @param skipped     items that bill nothing by nature (stream chunks before the usage chunk, error bodies)
 */
public record IngestSummary(SortedMap<String, DeploymentSummary> deployments, SortedMap<String, Long> unmapped,
        long failed, long skipped) {

    /**
     * Copies the maps into unmodifiable ones.
     *
     * @param deployments per deployment id
     * @param unmapped    per unmapped model id
     * @param failed      failed calls
     * @param skipped     skipped items
     */
    public IngestSummary {
        deployments = Collections.unmodifiableSortedMap(new TreeMap<>(deployments));
        unmapped = Collections.unmodifiableSortedMap(new TreeMap<>(unmapped));
    }

    /**
     * Returns the unmapped calls over every model.
     *
     * @return the count
     */
    public long unmappedCalls() {
        return unmapped.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Returns the duplicates over every deployment.
     *
     * @return the count
     */
    public long duplicates() {
        return deployments.values().stream().mapToLong(DeploymentSummary::duplicates).sum();
    }

    /**
     * Returns the calls billed over every deployment.
     *
     * @return the count
     */
    public long billed() {
        return deployments.values().stream().mapToLong(DeploymentSummary::calls).sum();
    }
}
