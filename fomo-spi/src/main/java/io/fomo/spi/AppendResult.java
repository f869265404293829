package io.fomo.spi;

/**
 * What {@link EventJournal#append} did: the sequence numbers the batch holds, and whether the call was
 * a duplicate of an earlier append with the same idempotency key (in which case nothing was written and
 * the numbers are those of the earlier append).
 *
 * <p>Equality covers all three fields, so a duplicate's result is not equal to the original's; compare
 * {@link #firstSequence()} and {@link #lastSequence()} to match them.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AppendResult {

    private final long firstSequence;
    private final long lastSequence;
    private final boolean duplicate;

    private AppendResult(long firstSequence, long lastSequence, boolean duplicate) {
        this.firstSequence = firstSequence;
        this.lastSequence = lastSequence;
        this.duplicate = duplicate;
    }

    /**
     * Returns the result of an append that wrote its batch.
     *
     * @param firstSequence the sequence number of the batch's first entry, 1 or more
     * @param lastSequence  the sequence number of the batch's last entry, not less than the first
     * @return the result
     * @throws InvalidArgumentException if the range is empty or starts below 1
     */
    public static AppendResult written(long firstSequence, long lastSequence) {
        return of(firstSequence, lastSequence, false);
    }

    /**
     * Returns the result of an append that found its idempotency key already used for the same batch.
     *
     * @param firstSequence the sequence number of the earlier batch's first entry, 1 or more
     * @param lastSequence  the sequence number of the earlier batch's last entry, not less than the first
     * @return the result
     * @throws InvalidArgumentException if the range is empty or starts below 1
     */
    public static AppendResult duplicate(long firstSequence, long lastSequence) {
        return of(firstSequence, lastSequence, true);
    }

    private static AppendResult of(long firstSequence, long lastSequence, boolean duplicate) {
        if (firstSequence < 1) {
            throw InvalidArgumentException.of("firstSequence", firstSequence, "must be 1 or more");
        }
        if (lastSequence < firstSequence) {
            throw InvalidArgumentException.of("lastSequence", lastSequence,
                    "must not be less than firstSequence " + firstSequence);
        }
        return new AppendResult(firstSequence, lastSequence, duplicate);
    }

    /**
     * Returns the sequence number of the batch's first entry.
     *
     * @return the first sequence number
     */
    public long firstSequence() {
        return firstSequence;
    }

    /**
     * Returns the sequence number of the batch's last entry; the journal's current sequence right after
     * a written append.
     *
     * @return the last sequence number
     */
    public long lastSequence() {
        return lastSequence;
    }

    /**
     * Returns the number of entries in the batch.
     *
     * @return {@code lastSequence - firstSequence + 1}
     */
    public long size() {
        return lastSequence - firstSequence + 1;
    }

    /**
     * Tells whether the append was a duplicate that wrote nothing.
     *
     * @return true when the idempotency key had been used for the same batch before
     */
    public boolean isDuplicate() {
        return duplicate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppendResult r && r.firstSequence == firstSequence
                && r.lastSequence == lastSequence && r.duplicate == duplicate;
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(firstSequence) * 31 + Long.hashCode(lastSequence)) * 31 + (duplicate ? 1 : 0);
    }

    /**
     * Returns the range and, for a duplicate, says so.
     *
     * @return for example {@code "3..5"} or {@code "3..5 (duplicate)"}
     */
    @Override
    public String toString() {
        return firstSequence + ".." + lastSequence + (duplicate ? " (duplicate)" : "");
    }
}
