package io.fomo.spi;

/**
 * Raised by {@link EventJournal#append} when the caller's expected sequence number is not the journal's
 * current one: another writer appended first (optimistic concurrency). Nothing was written; the caller
 * re-reads the journal from its position, re-decides, and appends again. Its code is
 * {@link ErrorCode#INVALID_STATE}.
 */
public final class SequenceConflictException extends InvalidStateException {

    private static final long serialVersionUID = 1L;

    /** The sequence number the caller expected the journal to be at. */
    private final long expectedSequence;
    /** The journal's sequence number when the append was refused. */
    private final long actualSequence;

    /**
     * Creates the error.
     *
     * @param expectedSequence the sequence number the caller expected the journal to be at
     * @param actualSequence   the sequence number the journal was at
     */
    public SequenceConflictException(long expectedSequence, long actualSequence) {
        super(describe("expectedSequence", expectedSequence, "the journal is at sequence " + actualSequence
                + (expectedSequence < actualSequence ? " (another append came first)" : " (the caller is ahead of it)")));
        this.expectedSequence = expectedSequence;
        this.actualSequence = actualSequence;
    }

    /**
     * Returns the sequence number the caller expected.
     *
     * @return the expected sequence number
     */
    public long expectedSequence() {
        return expectedSequence;
    }

    /**
     * Returns the sequence number the journal was at when the append was rejected.
     *
     * @return the actual sequence number
     */
    public long actualSequence() {
        return actualSequence;
    }
}
