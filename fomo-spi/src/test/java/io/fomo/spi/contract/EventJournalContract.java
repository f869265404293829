package io.fomo.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AppendResult;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.SequenceConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The behaviour every {@link EventJournal} adapter must have. An adapter's test class implements this
 * interface and {@link #newJournal()}; jqwik runs the inherited properties:
 *
 * <pre>{@code
 * class SqliteEventJournalTest implements EventJournalContract {
 *     public EventJournal newJournal() { return SqliteEventJournal.open(tempDatabase()); }
 * }
 * }</pre>
 */
public interface EventJournalContract {

    /**
     * Returns a new, empty journal; called once per try, so it must not share entries with journals
     * returned before.
     *
     * @return the journal under test
     */
    EventJournal newJournal();

    /**
     * Batches of one to five entries each, up to eight batches.
     *
     * @return the arbitrary
     */
    @Provide
    default Arbitrary<List<List<JournalEntry>>> batches() {
        return batch().list().ofMaxSize(8);
    }

    /**
     * One batch: one to five entries.
     *
     * @return the arbitrary
     */
    @Provide
    default Arbitrary<List<JournalEntry>> batch() {
        return SpiArbitraries.journalEntries().list().ofMinSize(1).ofMaxSize(5);
    }

    /**
     * Expected sequence numbers that are wrong by a little or by a lot, either way.
     *
     * @return non-zero offsets from the current sequence
     */
    @Provide
    default Arbitrary<Long> wrongOffsets() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-3, 3).filter(d -> d != 0),
                Arbitraries.longs().between(4, Long.MAX_VALUE / 2),
                Arbitraries.longs().between(-Long.MAX_VALUE / 2, -4));
    }

    // ---------------------------------------------------------------- round trip and density

    /** Appending batches one after the other, then reading from 1, gives back every entry in order. */
    @Property
    default void appendedBatchesReadBackInOrderWithDenseSequenceNumbers(
            @ForAll("batches") List<List<JournalEntry>> batches) {
        EventJournal journal = newJournal();
        assertEquals(0, journal.currentSequence(), "a new journal is empty");
        List<JournalRecord> expected = appendAll(journal, batches);

        List<JournalRecord> read = journal.read(1);
        assertEquals(expected, read);
        for (int i = 0; i < read.size(); i++) {
            assertEquals(i + 1L, read.get(i).sequence(), "sequence numbers are 1-based and dense");
        }
        assertEquals(expected.size(), journal.currentSequence());
    }

    /** Each append reports the range right after the previous one. */
    @Property
    default void appendReportsTheRangeItWrote(@ForAll("batches") List<List<JournalEntry>> batches) {
        EventJournal journal = newJournal();
        long next = 1;
        for (int b = 0; b < batches.size(); b++) {
            int size = batches.get(b).size();
            AppendResult result = journal.append(next - 1, key(b), batches.get(b));
            assertEquals(AppendResult.written(next, next + size - 1), result);
            assertFalse(result.isDuplicate());
            assertEquals(size, result.size());
            assertEquals(result.lastSequence(), journal.currentSequence());
            next += size;
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reading from any sequence number gives the suffix of the journal from there. */
    @Property
    default void readingFromAnySequenceGivesTheSuffix(@ForAll("batches") List<List<JournalEntry>> batches,
                                                     @ForAll @LongRange(min = 1, max = 45) long from) {
        EventJournal journal = newJournal();
        List<JournalRecord> all = appendAll(journal, batches);
        int start = (int) Math.min(from - 1, all.size());
        assertEquals(all.subList(start, all.size()), journal.read(from));
    }

    /** A page is the first {@code maxCount} records of the suffix. */
    @Property
    default void aPageIsAPrefixOfTheSuffix(@ForAll("batches") List<List<JournalEntry>> batches,
                                           @ForAll @LongRange(min = 1, max = 45) long from,
                                           @ForAll @IntRange(min = 1, max = 50) int maxCount) {
        EventJournal journal = newJournal();
        List<JournalRecord> all = appendAll(journal, batches);
        int start = (int) Math.min(from - 1, all.size());
        int end = Math.min(all.size(), start + maxCount);
        assertEquals(all.subList(start, end), journal.read(from, maxCount));
    }

    /** Reading past the end is empty, not an error: that is how a reader knows it has caught up. */
    @Property
    default void readingPastTheEndIsEmpty(@ForAll("batches") List<List<JournalEntry>> batches,
                                          @ForAll @LongRange(min = 1, max = Long.MAX_VALUE - 100) long beyond) {
        EventJournal journal = newJournal();
        appendAll(journal, batches);
        long from = journal.currentSequence() + 1 + (beyond % 100);
        assertEquals(List.of(), journal.read(from));
        assertEquals(List.of(), journal.read(from, 1));
        assertEquals(List.of(), journal.read(Long.MAX_VALUE, Integer.MAX_VALUE));
    }

    /** Reads with a start below 1 or a page size below 1 are rejected with the field named. */
    @Property
    default void badReadArgumentsAreRejected(@ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long from,
                                             @ForAll @IntRange(min = Integer.MIN_VALUE, max = 0) int maxCount) {
        EventJournal journal = newJournal();
        journal.append(0, key(0), List.of(entry("e")));
        assertRejected(() -> journal.read(from), "fromSequence = " + from);
        assertRejected(() -> journal.read(from, 10), "fromSequence = " + from);
        assertRejected(() -> journal.read(1, maxCount), "maxCount = " + maxCount);
    }

    /** Reading more records than one default page gives all of them. */
    @Example
    default void readingBeyondOneDefaultPageGivesEverything() {
        EventJournal journal = newJournal();
        int total = EventJournal.DEFAULT_PAGE_SIZE * 2 + 7;
        List<JournalEntry> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            batch.add(entry("e" + i));
        }
        journal.append(0, key(0), batch);
        List<JournalRecord> read = journal.read(1);
        assertEquals(total, read.size());
        for (int i = 0; i < total; i++) {
            assertEquals(i + 1L, read.get(i).sequence());
            assertEquals(batch.get(i), read.get(i).entry());
        }
        assertEquals(EventJournal.DEFAULT_PAGE_SIZE, journal.read(1, EventJournal.DEFAULT_PAGE_SIZE).size());
        assertEquals(8, journal.read(total - 7L).size());
    }

    // ---------------------------------------------------------------- optimistic concurrency

    /**
     * An append at the wrong expected sequence is rejected naming both numbers, writes nothing, and
     * does not use up its idempotency key.
     */
    @Property
    default void appendAtTheWrongSequenceIsRejectedAndWritesNothing(
            @ForAll("batches") List<List<JournalEntry>> before, @ForAll("batch") List<JournalEntry> batch,
            @ForAll("wrongOffsets") long offset) {
        EventJournal journal = newJournal();
        appendAll(journal, before);
        long current = journal.currentSequence();
        long wrong = current + offset;
        if (wrong < 0) {
            wrong = current + Math.abs(offset);
        }
        List<JournalRecord> snapshot = journal.read(1);
        EventId key = EventId.of("late");
        long expected = wrong;

        SequenceConflictException e = assertThrows(SequenceConflictException.class,
                () -> journal.append(expected, key, batch));
        assertEquals(expected, e.expectedSequence());
        assertEquals(current, e.actualSequence());
        assertEquals(ErrorCode.INVALID_STATE, e.code());
        assertTrue(e.getMessage().contains("expectedSequence = " + expected), e.getMessage());

        assertEquals(current, journal.currentSequence());
        assertEquals(snapshot, journal.read(1));
        AppendResult retried = journal.append(current, key, batch);
        assertFalse(retried.isDuplicate(), "a rejected append leaves its key unused");
        assertEquals(current + 1, retried.firstSequence());
    }

    /** Of many writers appending at the same expected sequence, exactly one wins. */
    @Example
    default void concurrentAppendsAtTheSameSequenceHaveOneWinner() throws Exception {
        EventJournal journal = newJournal();
        journal.append(0, EventId.of("genesis"), List.of(entry("genesis")));
        int writers = 8;
        List<Callable<AppendResult>> tasks = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < writers; w++) {
            EventId key = EventId.of("writer-" + w);
            List<JournalEntry> batch = List.of(entry("w" + w + "a"), entry("w" + w + "b"));
            tasks.add(() -> {
                start.await();
                return journal.append(1, key, batch);
            });
        }
        List<AppendResult> wins = new ArrayList<>();
        int conflicts = 0;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<AppendResult>> futures = new ArrayList<>();
            for (Callable<AppendResult> task : tasks) {
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<AppendResult> f : futures) {
                try {
                    wins.add(f.get());
                } catch (ExecutionException e) {
                    assertTrue(e.getCause() instanceof SequenceConflictException, String.valueOf(e.getCause()));
                    conflicts++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, wins.size(), "exactly one writer wins");
        assertEquals(writers - 1, conflicts);
        assertEquals(AppendResult.written(2, 3), wins.get(0));
        assertEquals(3, journal.currentSequence());
    }

    /** Writers that re-read and retry on conflict all get in, once each, with no gaps. */
    @Example
    default void writersThatRetryOnConflictAllGetInOnce() throws Exception {
        EventJournal journal = newJournal();
        int writers = 6;
        int batchesEach = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int b = 0; b < batchesEach; b++) {
                        EventId key = EventId.of("w" + writer + "-b" + b);
                        List<JournalEntry> batch = List.of(entry(key.value()));
                        while (true) {
                            try {
                                journal.append(journal.currentSequence(), key, batch);
                                break;
                            } catch (SequenceConflictException lost) {
                                // Another writer came first: re-read the position and try again.
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<JournalRecord> all = journal.read(1);
        assertEquals(writers * batchesEach, all.size());
        assertEquals(all.size(), journal.currentSequence());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1L, all.get(i).sequence());
        }
        assertEquals(all.size(), all.stream().map(JournalRecord::idempotencyKey).distinct().count(),
                "every batch is in exactly once");
    }

    // ---------------------------------------------------------------- idempotency

    /**
     * Repeating an append with the same key and equal entries returns the first result marked as a
     * duplicate and writes nothing, whatever expected sequence the retry carries.
     */
    @Property
    default void aRetryWithTheSameKeyReturnsTheFirstResultAndWritesNothing(
            @ForAll("batches") List<List<JournalEntry>> before, @ForAll("batch") List<JournalEntry> batch,
            @ForAll("batches") List<List<JournalEntry>> after, @ForAll @LongRange(min = 0, max = 60) long retryAt) {
        EventJournal journal = newJournal();
        appendAll(journal, before);
        EventId key = EventId.of("the-batch");
        AppendResult first = journal.append(journal.currentSequence(), key, batch);
        appendAll(journal, after, "after-");
        List<JournalRecord> snapshot = journal.read(1);

        AppendResult again = journal.append(retryAt, key, copyOf(batch));
        assertTrue(again.isDuplicate());
        assertEquals(first.firstSequence(), again.firstSequence());
        assertEquals(first.lastSequence(), again.lastSequence());
        assertEquals(AppendResult.duplicate(first.firstSequence(), first.lastSequence()), again);
        assertEquals(snapshot, journal.read(1), "a duplicate writes nothing");
        assertEquals(snapshot.size(), journal.currentSequence());
    }

    /** Reusing a key for a batch with different entries is rejected and writes nothing. */
    @Property
    default void aKeyReusedForADifferentBatchIsRejected(
            @ForAll("batches") List<List<JournalEntry>> before, @ForAll("batch") List<JournalEntry> batch,
            @ForAll("batch") List<JournalEntry> other) {
        EventJournal journal = newJournal();
        appendAll(journal, before);
        EventId key = EventId.of("the-batch");
        journal.append(journal.currentSequence(), key, batch);
        List<JournalEntry> different = other.equals(batch) ? withOneMore(other) : other;
        List<JournalRecord> snapshot = journal.read(1);

        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> journal.append(journal.currentSequence(), key, different));
        assertTrue(e.getMessage().startsWith("idempotencyKey = the-batch"), e.getMessage());
        assertEquals(snapshot, journal.read(1));
        assertEquals(snapshot.size(), journal.currentSequence());
    }

    /** The same entries in another order are a different batch. */
    @Example
    default void entryOrderIsPartOfTheBatch() {
        EventJournal journal = newJournal();
        EventId key = EventId.of("k");
        journal.append(0, key, List.of(entry("a"), entry("b")));
        assertThrows(InvalidArgumentException.class, () -> journal.append(2, key, List.of(entry("b"), entry("a"))));
        assertEquals(2, journal.currentSequence());
    }

    // ---------------------------------------------------------------- all or nothing

    /** A batch with a null entry anywhere is rejected as a whole; nothing is written, the key stays unused. */
    @Property
    default void aBatchWithAnInvalidEntryWritesNothing(@ForAll("batches") List<List<JournalEntry>> before,
                                                       @ForAll("batch") List<JournalEntry> batch,
                                                       @ForAll @IntRange(min = 0, max = 5) int at) {
        EventJournal journal = newJournal();
        appendAll(journal, before);
        List<JournalRecord> snapshot = journal.read(1);
        List<JournalEntry> broken = new ArrayList<>(batch);
        broken.add(Math.min(at, broken.size()), null);
        EventId key = EventId.of("broken");

        assertThrows(NullPointerException.class, () -> journal.append(journal.currentSequence(), key, broken));
        assertEquals(snapshot, journal.read(1));
        assertEquals(snapshot.size(), journal.currentSequence());
        assertFalse(journal.append(journal.currentSequence(), key, batch).isDuplicate(),
                "a rejected append leaves its key unused");
    }

    /** Empty batches and negative expected sequences are rejected; nothing is written. */
    @Property
    default void emptyBatchesAndNegativeSequencesAreRejected(@ForAll("batches") List<List<JournalEntry>> before,
                                                             @ForAll @LongRange(min = Long.MIN_VALUE, max = -1)
                                                             long negative) {
        EventJournal journal = newJournal();
        appendAll(journal, before);
        List<JournalRecord> snapshot = journal.read(1);
        long current = journal.currentSequence();

        assertRejected(() -> journal.append(current, EventId.of("empty"), List.of()), "batch = ");
        assertRejected(() -> journal.append(negative, EventId.of("negative"), List.of(entry("e"))),
                "expectedSequence = " + negative);
        assertEquals(snapshot, journal.read(1));
        assertEquals(current, journal.currentSequence());
    }

    /** The journal keeps its own copy: changing the caller's list afterwards changes nothing stored. */
    @Example
    default void theJournalIsNotAffectedByTheCallersList() {
        EventJournal journal = newJournal();
        List<JournalEntry> batch = new ArrayList<>(List.of(entry("a"), entry("b")));
        journal.append(0, EventId.of("k"), batch);
        batch.set(0, entry("changed"));
        batch.add(entry("c"));
        assertEquals(List.of(entry("a"), entry("b")),
                journal.read(1).stream().map(JournalRecord::entry).toList());
        assertThrows(UnsupportedOperationException.class, () -> journal.read(1).clear());
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The idempotency key the contract uses for the n-th batch of a run.
     *
     * @param n the batch index
     * @return the key
     */
    static EventId key(int n) {
        return EventId.of("batch-" + n);
    }

    /**
     * An entry with a type, a small payload derived from it and a fixed timestamp.
     *
     * @param type the type
     * @return the entry
     */
    static JournalEntry entry(String type) {
        return JournalEntry.of(type, type.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static List<JournalRecord> appendAll(EventJournal journal, List<List<JournalEntry>> batches) {
        return appendAll(journal, batches, "batch-");
    }

    private static List<JournalRecord> appendAll(EventJournal journal, List<List<JournalEntry>> batches,
                                                 String keyPrefix) {
        List<JournalRecord> appended = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            EventId key = EventId.of(keyPrefix + b);
            long sequence = journal.currentSequence();
            journal.append(sequence, key, batches.get(b));
            for (JournalEntry e : batches.get(b)) {
                appended.add(JournalRecord.of(++sequence, key, e));
            }
        }
        return appended;
    }

    private static List<JournalEntry> copyOf(List<JournalEntry> batch) {
        List<JournalEntry> copy = new ArrayList<>();
        for (JournalEntry e : batch) {
            copy.add(JournalEntry.of(e.type(), e.payload(), e.timestamp()));
        }
        return copy;
    }

    private static List<JournalEntry> withOneMore(List<JournalEntry> batch) {
        List<JournalEntry> longer = new ArrayList<>(batch);
        longer.add(entry("one-more"));
        return longer;
    }

    private static void assertRejected(org.junit.jupiter.api.function.Executable call, String messageStart) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }
}
