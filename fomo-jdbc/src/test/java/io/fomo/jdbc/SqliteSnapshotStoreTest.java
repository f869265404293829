package io.fomo.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.InvalidStateException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.EventId;
import io.fomo.spi.Snapshot;
import io.fomo.spi.SnapshotStore;
import io.fomo.spi.contract.SnapshotStoreContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AfterContainer;

/** The SQLite snapshot store passes the snapshot contract; each try gets a new database file. */
@PropertyDefaults(tries = 25)
class SqliteSnapshotStoreTest implements SnapshotStoreContract {

    private static final List<SqliteSnapshotStore> OPEN = new ArrayList<>();
    private static final TempFolders FOLDERS = new TempFolders();

    @Override
    public SnapshotStore newStore() {
        Path dir = FOLDERS.make("fomo-sqlite-snapshots");
        SqliteSnapshotStore s = SqliteSnapshotStore.open(dir.resolve("journal.db"));
        synchronized (OPEN) {
            OPEN.add(s);
        }
        return s;
    }

    @AfterContainer
    static void closeAll() {
        synchronized (OPEN) {
            OPEN.forEach(SqliteSnapshotStore::close);
            OPEN.clear();
        }
        FOLDERS.deleteAll();
    }

    /**
     * The snapshot table lives in the journal's own file beside its tables; a snapshot saved before the
     * file is closed is there when it is opened again.
     *
     * @throws IOException if the temporary folder cannot be made
     */
    @Example
    void aSnapshotOutlivesTheConnectionAndSharesTheJournalsFile() throws IOException {
        Path file = FOLDERS.make("fomo-sqlite-snapshots").resolve("journal.db");
        Snapshot s = new Snapshot(2, "cd".repeat(32), 1, "fomo-state/1", "state".getBytes(StandardCharsets.UTF_8));
        try (SqliteEventJournal journal = SqliteEventJournal.open(file);
                SqliteSnapshotStore store = SqliteSnapshotStore.open(file)) {
            journal.append(0, EventId.of("a"), List.of(JournalEntry.of("t", new byte[] {1}, Instant.EPOCH),
                    JournalEntry.of("t", new byte[] {2}, Instant.EPOCH)));
            store.save(s);
        }
        try (SqliteEventJournal journal = SqliteEventJournal.open(file);
                SqliteSnapshotStore store = SqliteSnapshotStore.open(file)) {
            assertEquals(2, journal.currentSequence());
            assertEquals(s, store.latest().orElseThrow());
        }
    }

    /**
     * A row that is no snapshot (its head edited with the sqlite3 tool) is a typed error naming its
     * sequence, never a raw exception.
     *
     * @throws Exception if the file cannot be prepared
     */
    @Example
    void anEditedRowIsATypedError() throws Exception {
        Path file = FOLDERS.make("fomo-sqlite-snapshots").resolve("journal.db");
        try (SqliteSnapshotStore store = SqliteSnapshotStore.open(file)) {
            store.save(new Snapshot(9, "cd".repeat(32), 1, "fomo-state/1", new byte[] {1}));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE fomo_snapshots SET head = 'nothex' WHERE seq = 9");
        }
        try (SqliteSnapshotStore store = SqliteSnapshotStore.open(file)) {
            InvalidStateException e = assertThrows(InvalidStateException.class, store::latest);
            assertTrue(e.getMessage().contains("sequence 9"), e.getMessage());
        }
    }
}
