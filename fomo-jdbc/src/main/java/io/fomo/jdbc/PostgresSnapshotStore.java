package io.fomo.jdbc;

import io.fomo.spi.InvalidStateException;
import io.fomo.spi.Snapshot;
import io.fomo.spi.SnapshotStore;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Snapshots in a PostgreSQL database, in the table {@code <prefix>snapshots} beside a journal's
 * {@code <prefix>events}. A save is one transaction holding an exclusive lock on the table, so concurrent
 * saves never interleave; passwords in the URL are never shown in a message ({@code password=***}).
 *
 * <p>This class is thread-safe. Close it to release the connection.
 */
public final class PostgresSnapshotStore implements SnapshotStore {

    private final JdbcSnapshots jdbc;

    private PostgresSnapshotStore(JdbcSnapshots jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens (creating the table if needed) the store with the default table prefix {@code fomo_}.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://...} URL, with user and password as parameters if needed
     * @return the store
     * @throws InvalidStateException if the database cannot be reached
     */
    public static PostgresSnapshotStore open(String jdbcUrl) {
        return open(jdbcUrl, "fomo_");
    }

    /**
     * Opens (creating the table if needed) the store whose table starts with a prefix: the prefix of the
     * journal it belongs to.
     *
     * @param jdbcUrl     a {@code jdbc:postgresql://...} URL
     * @param tablePrefix 1 to 41 characters of {@code a-z 0-9 _}, starting with a letter
     * @return the store
     * @throws InvalidStateException    if the database cannot be reached
     * @throws io.fomo.spi.InvalidArgumentException if the prefix is not of that form
     */
    public static PostgresSnapshotStore open(String jdbcUrl, String tablePrefix) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        String shown = PostgresEventJournal.masked(jdbcUrl);
        try {
            return new PostgresSnapshotStore(new JdbcSnapshots(DriverManager.getConnection(jdbcUrl),
                    JdbcJournal.Dialect.POSTGRESQL, tablePrefix, shown, true));
        } catch (SQLException e) {
            throw new InvalidStateException("snapshots " + shown + ": cannot open: " + e.getMessage(), e);
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
