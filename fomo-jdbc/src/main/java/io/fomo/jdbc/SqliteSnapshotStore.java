package io.fomo.jdbc;

import io.fomo.spi.InvalidStateException;
import io.fomo.spi.Snapshot;
import io.fomo.spi.SnapshotStore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Snapshots in an SQLite file, in the table {@code fomo_snapshots}: usually the journal's own file, beside
 * {@code fomo_events}, over a connection of its own. Saves are transactions in WAL mode with the journal's
 * durability ({@code synchronous=FULL} unless opened for {@link SqliteEventJournal.Durability#PROCESS_CRASH}).
 *
 * <p>This class is thread-safe. Close it to release the file.
 */
public final class SqliteSnapshotStore implements SnapshotStore {

    private final JdbcSnapshots jdbc;

    private SqliteSnapshotStore(JdbcSnapshots jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens (creating if needed) the snapshot table in a file, with every save synced to disk.
     *
     * @param file the database file; its folder must exist
     * @return the store
     * @throws InvalidStateException if the file cannot be opened
     */
    public static SqliteSnapshotStore open(Path file) {
        return open(file, SqliteEventJournal.Durability.POWER_LOSS);
    }

    /**
     * Opens (creating if needed) the snapshot table in a file with a chosen durability.
     *
     * @param file       the database file; its folder must exist
     * @param durability what a returned save survives
     * @return the store
     * @throws InvalidStateException if the file cannot be opened
     */
    public static SqliteSnapshotStore open(Path file, SqliteEventJournal.Durability durability) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(durability, "durability");
        Properties p = new Properties();
        p.setProperty("transaction_mode", "IMMEDIATE");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            return new SqliteSnapshotStore(new JdbcSnapshots(DriverManager.getConnection(url, p),
                    JdbcJournal.Dialect.SQLITE, "fomo_", "sqlite:" + file,
                    durability == SqliteEventJournal.Durability.POWER_LOSS));
        } catch (SQLException e) {
            throw new InvalidStateException("snapshots sqlite:" + file + ": cannot open: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(Snapshot snapshot) {
        jdbc.save(snapshot);
    }

    @Override
    public Optional<Snapshot> latest() {
        return jdbc.latest();
    }

    @Override
    public Optional<Snapshot> latestAtOrBefore(long sequence) {
        return jdbc.latestAtOrBefore(sequence);
    }

    /** Closes the connection. */
    @Override
    public void close() {
        jdbc.close();
    }
}
