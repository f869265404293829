package io.fomo.spi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference {@link EventJournal}: a list in memory, for tests and simulations. It keeps everything
 * until it is garbage collected.
 *
 * <p>This class is thread-safe: every method holds the journal's lock.
 */
public final class InMemoryEventJournal implements EventJournal {

    private final List<JournalRecord> records = new ArrayList<>();
    private final Map<EventId, AppendResult> batches = new HashMap<>();

    /** Creates an empty journal. */
    public InMemoryEventJournal() {
    }

    @Override
    public synchronized AppendResult append(long expectedSequence, EventId idempotencyKey,
                                            List<JournalEntry> batch) {
        List<JournalEntry> entries = EventJournal.checkAppend(expectedSequence, idempotencyKey, batch);
        AppendResult earlier = batches.get(idempotencyKey);
        if (earlier != null) {
            if (!entriesOf(earlier).equals(entries)) {
                throw InvalidArgumentException.of("idempotencyKey", idempotencyKey,
                        "was used for a different batch at sequence " + earlier);
            }
            return AppendResult.duplicate(earlier.firstSequence(), earlier.lastSequence());
        }
        long current = records.size();
        if (expectedSequence != current) {
            throw new SequenceConflictException(expectedSequence, current);
        }
        for (JournalEntry entry : entries) {
            records.add(JournalRecord.of(records.size() + 1L, idempotencyKey, entry));
        }
        AppendResult written = AppendResult.written(current + 1, records.size());
        batches.put(idempotencyKey, written);
        return written;
    }

    @Override
    public synchronized List<JournalRecord> read(long fromSequence, int maxCount) {
        EventJournal.checkRead(fromSequence, maxCount);
        if (fromSequence > records.size()) {
            return List.of();
        }
        int from = (int) (fromSequence - 1);
        int to = (int) Math.min(records.size(), (long) from + maxCount);
        return List.copyOf(records.subList(from, to));
    }

    @Override
    public synchronized long currentSequence() {
        return records.size();
    }

    private List<JournalEntry> entriesOf(AppendResult result) {
        List<JournalEntry> entries = new ArrayList<>();
        for (long s = result.firstSequence(); s <= result.lastSequence(); s++) {
            entries.add(records.get((int) (s - 1)).entry());
        }
        return entries;
    }
}
