package io.fomo.examples.run.internal;

import io.fomo.spi.AppendResult;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.SequenceConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Monte Carlo journal: the journal of one throwaway run (a Monte Carlo run or a sweep's variant, which
 * is regenerated from its scenario and seed, never replayed). It numbers, checks and counts every batch as
 * an {@link EventJournal} does, but keeps the entries of its <em>last batch only</em>: a run's engine is its
 * journal's only writer and reads back nothing but the batch it has just written at its creation (the
 * genesis), so a run needs no more, and the hundreds of thousands of records of a year of usage are not
 * held in memory (nor copied by the collector) until the run ends.
 *
 * <p>What it does as any journal does: dense sequence numbers from 1; an append at another sequence than
 * the current one is a {@link SequenceConflictException}; an empty batch, a negative sequence or a null
 * entry is refused; a retry of the last batch under its key is answered as a duplicate, and that key with
 * other entries is refused; a key is never written twice. What it does not do, and refuses with an
 * {@link InvalidStateException} instead of answering wrongly: reading a record of an earlier batch (it was
 * not kept), and telling a retry from a conflict for the key of an earlier batch (its entries were not
 * kept). So it is <em>not</em> a journal to keep, replay, audit or share between engines, and it does not
 * claim to pass the SPI's journal contract kit; {@code MonteCarloJournalTest} pins what it does.
 *
 * <p>This class is thread-safe: every method holds the journal's lock.
 */
public final class MonteCarloJournal implements EventJournal {

    /** The sequence and key of every batch written: a key is never written twice. */
    private final Map<EventId, AppendResult> batches = new HashMap<>();
    private long current;
    private EventId lastKey;
    private List<JournalEntry> lastBatch = List.of();
    private long lastFirst;

    /** Creates an empty journal. */
    public MonteCarloJournal() {
    }

    @Override
    public synchronized AppendResult append(long expectedSequence, EventId idempotencyKey, List<JournalEntry> batch) {
        List<JournalEntry> entries = EventJournal.checkAppend(expectedSequence, idempotencyKey, batch);
        AppendResult earlier = batches.get(idempotencyKey);
        if (earlier != null) {
            if (!idempotencyKey.equals(lastKey)) {
                throw new InvalidStateException("idempotencyKey: " + shorten(idempotencyKey.value())
                        + " was used at sequence " + earlier.firstSequence() + ".." + earlier.lastSequence()
                        + "; the Monte Carlo journal keeps only its last batch, so it cannot tell a retry from"
                        + " a conflict");
            }
            if (!lastBatch.equals(entries)) {
                throw InvalidArgumentException.of("idempotencyKey", idempotencyKey,
                        "was used for a different batch at sequence " + earlier);
            }
            return AppendResult.duplicate(earlier.firstSequence(), earlier.lastSequence());
        }
        if (expectedSequence != current) {
            throw new SequenceConflictException(expectedSequence, current);
        }
        lastFirst = current + 1;
        current += entries.size();
        lastKey = idempotencyKey;
        lastBatch = entries;
        AppendResult written = AppendResult.written(lastFirst, current);
        batches.put(idempotencyKey, written);
        return written;
    }

    /**
     * Reads records of the last batch, or nothing past the end.
     *
     * @throws InvalidStateException if {@code fromSequence} is a record of an earlier batch, which this
     *                               journal did not keep
     */
    @Override
    public synchronized List<JournalRecord> read(long fromSequence, int maxCount) {
        EventJournal.checkRead(fromSequence, maxCount);
        if (fromSequence > current) {
            return List.of();
        }
        if (fromSequence < lastFirst) {
            throw new InvalidStateException("fromSequence: " + fromSequence + " is before the last batch ("
                    + lastFirst + ".." + current + "); the Monte Carlo journal keeps no earlier record");
        }
        long to = Math.min(current, fromSequence + maxCount - 1);
        List<JournalRecord> out = new ArrayList<>((int) (to - fromSequence + 1));
        for (long s = fromSequence; s <= to; s++) {
            out.add(JournalRecord.of(s, lastKey, lastBatch.get((int) (s - lastFirst))));
        }
        return List.copyOf(out);
    }

    @Override
    public synchronized long currentSequence() {
        return current;
    }

    private static String shorten(String v) {
        return v.length() > 64 ? v.substring(0, 64) + "..." : v;
    }
}
