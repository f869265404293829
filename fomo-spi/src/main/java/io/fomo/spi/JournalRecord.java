package io.fomo.spi;

import java.util.Objects;

/**
 * A journaled entry as read back: its sequence number, the idempotency key of the batch it was appended
 * in, and the entry.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JournalRecord {

    private final long sequence;
    private final EventId idempotencyKey;
    private final JournalEntry entry;

    private JournalRecord(long sequence, EventId idempotencyKey, JournalEntry entry) {
        this.sequence = sequence;
        this.idempotencyKey = idempotencyKey;
        this.entry = entry;
    }

    /**
     * Returns a record.
     *
     * @param sequence       the sequence number, 1 or more
     * @param idempotencyKey the key of the batch the entry was appended in
     * @param entry          the entry
     * @return the record
     * @throws InvalidArgumentException if the sequence number is less than 1
     */
    public static JournalRecord of(long sequence, EventId idempotencyKey, JournalEntry entry) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(entry, "entry");
        if (sequence < 1) {
            throw InvalidArgumentException.of("sequence", sequence, "must be 1 or more");
        }
        return new JournalRecord(sequence, idempotencyKey, entry);
    }

    /**
     * Returns the sequence number: 1 for the first entry of a journal, dense.
     *
     * @return the sequence number
     */
    public long sequence() {
        return sequence;
    }

    /**
     * Returns the idempotency key of the batch this entry was appended in.
     *
     * @return the key
     */
    public EventId idempotencyKey() {
        return idempotencyKey;
    }

    /**
     * Returns the entry.
     *
     * @return the entry
     */
    public JournalEntry entry() {
        return entry;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalRecord r && r.sequence == sequence
                && r.idempotencyKey.equals(idempotencyKey) && r.entry.equals(entry);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(sequence) * 31 + idempotencyKey.hashCode()) * 31 + entry.hashCode();
    }

    /**
     * Returns the sequence number, key and entry.
     *
     * @return for example {@code "#7 [cmd-3] PoolSwapped@2026-01-01T00:00:00Z (42 bytes)"}
     */
    @Override
    public String toString() {
        return "#" + sequence + " [" + idempotencyKey + "] " + entry;
    }
}
