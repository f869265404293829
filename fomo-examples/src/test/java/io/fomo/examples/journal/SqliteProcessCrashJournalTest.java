package io.fomo.examples.journal;

import io.fomo.spi.EventJournal;
import io.fomo.spi.contract.EventJournalContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AfterContainer;

/** The SQLite journal with relaxed syncing (the simulation default) keeps the same contract. */
@PropertyDefaults(tries = 20)
class SqliteProcessCrashJournalTest implements EventJournalContract {

    private static final List<SqliteEventJournal> OPEN = new ArrayList<>();
    private static Path dir;

    @Override
    public synchronized EventJournal newJournal() {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("fomo-sqlite-relaxed");
            }
            SqliteEventJournal j = SqliteEventJournal.open(Files.createTempFile(dir, "journal", ".db"),
                    SqliteEventJournal.Durability.PROCESS_CRASH);
            OPEN.add(j);
            return j;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void closeAll() {
        OPEN.forEach(SqliteEventJournal::close);
        OPEN.clear();
    }
}
