package io.fomo.jdbc;

import io.fomo.spi.EventJournal;
import io.fomo.spi.contract.EventJournalContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AfterContainer;

/** The SQLite journal passes the journal contract; each try gets a new database file. */
@PropertyDefaults(tries = 40)
class SqliteEventJournalTest implements EventJournalContract {

    private static final List<SqliteEventJournal> OPEN = new ArrayList<>();
    private static final TempFolders FOLDERS = new TempFolders();

    /** The durability under test; the relaxed variant overrides it. */
    SqliteEventJournal.Durability durability() {
        return SqliteEventJournal.Durability.POWER_LOSS;
    }

    @Override
    public EventJournal newJournal() {
        Path dir = FOLDERS.make("fomo-sqlite-contract");
        SqliteEventJournal j = SqliteEventJournal.open(dir.resolve("journal.db"), durability());
        synchronized (OPEN) {
            OPEN.add(j);
        }
        return j;
    }

    @AfterContainer
    static void closeAll() {
        synchronized (OPEN) {
            OPEN.forEach(SqliteEventJournal::close);
            OPEN.clear();
        }
        FOLDERS.deleteAll();
    }
}
