package io.fomo.jdbc;

import io.fomo.spi.AppendResult;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import java.util.List;

/** The journal operations both JDBC adapters hand to their {@link JdbcJournal}. */
abstract class JdbcBackedJournal implements EventJournal {

    private final JdbcJournal jdbc;

    JdbcBackedJournal(JdbcJournal jdbc) {
        this.jdbc = jdbc;
    }

    final JdbcJournal jdbc() {
        return jdbc;
    }

    @Override
    public final AppendResult append(long expectedSequence, EventId idempotencyKey, List<JournalEntry> batch) {
        return jdbc.append(expectedSequence, idempotencyKey, batch);
    }

    @Override
    public final List<JournalRecord> read(long fromSequence, int maxCount) {
        return jdbc.read(fromSequence, maxCount);
    }

    @Override
    public final long currentSequence() {
        return jdbc.currentSequence();
    }

    /** Closes the connection. */
    @Override
    public final void close() {
        jdbc.close();
    }
}
