package io.fomo.jdbc;

import net.jqwik.api.PropertyDefaults;

/** The SQLite journal with relaxed syncing (the simulation default) keeps the same contract. */
@PropertyDefaults(tries = 20)
class SqliteProcessCrashJournalTest extends SqliteEventJournalTest {

    @Override
    SqliteEventJournal.Durability durability() {
        return SqliteEventJournal.Durability.PROCESS_CRASH;
    }
}
