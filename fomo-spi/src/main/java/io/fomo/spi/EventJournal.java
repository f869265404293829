package io.fomo.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's storage: one global, append-only sequence of {@link JournalEntry entries}. The engine's
 * state is the fold of the journal, so the journal is the only thing an engine must persist.
 *
 * <h2>Sequence numbers</h2>
 * Entries are numbered from 1, densely: the n-th entry ever appended has sequence number n, and no
 * number is skipped or reused. {@link #currentSequence()} is the number of the last entry, 0 for an
 * empty journal.
 *
 * <h2>Appending</h2>
 * {@link #append} writes a batch atomically (all entries or none) and only if the journal is at the
 * caller's expected sequence number (optimistic concurrency). Its checks run in this order, and each
 * rejection writes nothing and leaves the idempotency key unused:
 * <ol>
 *   <li>The batch must not be empty ({@link InvalidArgumentException}) or hold a null entry
 *       ({@link NullPointerException}); the expected sequence must not be negative
 *       ({@link InvalidArgumentException}).</li>
 *   <li>If the idempotency key was used by an earlier successful append: when that batch had equal
 *       entries, in the same order, the call is a retry and returns
 *       {@link AppendResult#duplicate(long, long) the earlier batch's sequence numbers} marked as a
 *       duplicate, writing nothing, whatever the expected sequence; when the entries differ, the call
 *       is rejected with {@link InvalidArgumentException}. Returning the earlier result for a different
 *       batch would tell the caller that events it never stored were stored, so it is refused.</li>
 *   <li>If the expected sequence is not the current sequence, the call is rejected with
 *       {@link SequenceConflictException} naming both.</li>
 *   <li>Otherwise the batch is written at {@code expectedSequence + 1 ... expectedSequence + size}.</li>
 * </ol>
 * Appends are linearizable: of several concurrent appends with the same expected sequence, at most one
 * succeeds.
 *
 * <h2>Reading</h2>
 * {@link #read(long, int)} returns entries in sequence order from a given number; reading from
 * {@code currentSequence() + 1} or later gives an empty list, which is how a reader knows it has caught
 * up. Appended entries are never changed or removed.
 *
 * <h2>Snapshots</h2>
 * Snapshots are not part of this interface: they live beside it, in a {@link SnapshotStore} (state at a
 * sequence number), which needs nothing more of a journal than dense, stable sequence numbers.
 *
 * <h2>Storage failures</h2>
 * A failure of the storage itself (an unreachable database, a full disk, a read-only file or database,
 * damaged data) is a {@link StorageException} with its {@link StorageException.Kind kind}, never one of
 * the four rejection {@link FomoException}s, and never shows a password. An append that fails with it
 * wrote its whole batch or nothing; retrying it with the same idempotency key is always safe (a batch
 * that did reach the storage is answered as written or as a duplicate, never written twice). Adapters
 * over a server may reconnect and retry on their own, within bounds they document, before giving up.
 *
 * <h2>Closing</h2>
 * A journal over a database or a file holds a connection until {@link #close() closed}, so it is
 * {@link AutoCloseable}: open it in a try-with-resources block. Closing twice is harmless; any other
 * call on a closed journal may fail with {@link InvalidStateException}.
 *
 * <p>Implementations are thread-safe. Every adapter passes the contract test kit
 * {@code io.fomo.spi.contract.EventJournalContract} shipped in this module's test jar.
 */
public interface EventJournal extends AutoCloseable {

    /** The largest page {@link #read(long)} asks {@link #read(long, int)} for. */
    int DEFAULT_PAGE_SIZE = 1_000;

    /**
     * Appends a batch atomically if the journal is at the expected sequence number.
     *
     * @param expectedSequence the sequence number the caller last saw ({@link #currentSequence()}),
     *                         0 for an empty journal
     * @param idempotencyKey   identifies this batch; a retry with the same key and entries is answered
     *                         with the earlier result and writes nothing
     * @param batch            the entries, at least one; written in list order
     * @return the sequence numbers of the batch, marked as a duplicate if nothing was written
     * @throws InvalidArgumentException  if the batch is empty, the expected sequence is negative, or the
     *                                   key was used for a batch with different entries
     * @throws NullPointerException      if an argument or an entry of the batch is null
     * @throws SequenceConflictException if the journal is not at the expected sequence number
     * @throws StorageException          if the storage fails (unreachable, full, read-only, damaged); the
     *                                   batch was written whole or not at all, and a retry with the same key
     *                                   never writes it twice
     */
    AppendResult append(long expectedSequence, EventId idempotencyKey, List<JournalEntry> batch);

    /**
     * Reads at most {@code maxCount} records, in order, starting at a sequence number.
     *
     * @param fromSequence the first sequence number to read, 1 or more
     * @param maxCount     the largest number of records to return, 1 or more
     * @return the records {@code fromSequence ... min(currentSequence, fromSequence + maxCount - 1)};
     *         empty if {@code fromSequence > currentSequence()}; never null, unmodifiable
     * @throws InvalidArgumentException if {@code fromSequence} or {@code maxCount} is less than 1
     * @throws StorageException         if the storage cannot be read
     */
    List<JournalRecord> read(long fromSequence, int maxCount);

    /**
     * Reads every record from a sequence number to the end, page by page.
     *
     * <p>The result is a gap-free run starting at {@code fromSequence}; it ends at the current
     * sequence of some moment during the call (appends made meanwhile may or may not be included).
     *
     * @param fromSequence the first sequence number to read, 1 or more
     * @return the records from {@code fromSequence} on; empty if {@code fromSequence > currentSequence()};
     *         never null, unmodifiable
     * @throws InvalidArgumentException if {@code fromSequence} is less than 1
     */
    default List<JournalRecord> read(long fromSequence) {
        List<JournalRecord> all = new ArrayList<>();
        long next = fromSequence;
        while (true) {
            List<JournalRecord> page = read(next, DEFAULT_PAGE_SIZE);
            all.addAll(page);
            if (page.size() < DEFAULT_PAGE_SIZE) {
                return List.copyOf(all);
            }
            next += page.size();
        }
    }

    /**
     * Returns the sequence number of the last entry.
     *
     * @return the current sequence number, 0 for an empty journal
     * @throws StorageException if the storage cannot be read
     */
    long currentSequence();

    /**
     * Releases what the journal holds (a connection, a file). The default, for journals that hold
     * nothing, does nothing.
     *
     * @throws InvalidStateException if the underlying resource fails to close
     */
    @Override
    default void close() {
    }

    /**
     * The first step of {@link #append}'s checks, the same for every journal: the idempotency key and the
     * batch are present, the batch is not empty and holds no null entry, the expected sequence is not
     * negative. An implementation calls it before anything else and works on the list it returns.
     *
     * @param expectedSequence the caller's expected current sequence
     * @param idempotencyKey   the batch's key
     * @param batch            the caller's batch
     * @return one immutable snapshot of the batch, so the checks and the write see the same entries
     * @throws NullPointerException     if the key, the batch or an entry is null
     * @throws InvalidArgumentException if the batch is empty or the expected sequence negative
     */
    static List<JournalEntry> checkAppend(long expectedSequence, EventId idempotencyKey, List<JournalEntry> batch) {
        java.util.Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        java.util.Objects.requireNonNull(batch, "batch");
        // One copy, checked and then handed out read-only (the array is never seen elsewhere).
        JournalEntry[] copy = batch.toArray(new JournalEntry[0]);
        for (int i = 0; i < copy.length; i++) {
            java.util.Objects.requireNonNull(copy[i], "batch[" + i + "]");
        }
        if (copy.length == 0) {
            throw InvalidArgumentException.of("batch", "[]", "must hold at least one entry");
        }
        if (expectedSequence < 0) {
            throw InvalidArgumentException.of("expectedSequence", expectedSequence, "must not be negative");
        }
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(copy));
    }

    /**
     * The argument checks of {@link #read(long, int)}, the same for every journal.
     *
     * @param fromSequence the first sequence number asked for
     * @param maxCount     the most records asked for
     * @throws InvalidArgumentException if either is below 1
     */
    static void checkRead(long fromSequence, int maxCount) {
        if (fromSequence < 1) {
            throw InvalidArgumentException.of("fromSequence", fromSequence, "must be 1 or more");
        }
        if (maxCount < 1) {
            throw InvalidArgumentException.of("maxCount", maxCount, "must be 1 or more");
        }
    }
}
