package io.fomo.jdbc;

import io.fomo.spi.InvalidStateException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * The embedded default event journal: one SQLite file, in WAL mode with full synchronous commits, so an
 * append that returned survives a crash of the process or the machine. Several processes may share the
 * file; appends serialise on SQLite's write lock.
 *
 * <p>This class is thread-safe. Close it to release the file.
 */
public final class SqliteEventJournal extends JdbcBackedJournal {

    private SqliteEventJournal(JdbcJournal jdbc) {
        super(jdbc);
    }

    /**
     * Opens (creating if needed) the journal in a file.
     *
     * @param file the database file; its folder must exist
     * @return the journal
     * @throws InvalidStateException if the file cannot be opened
     */
    public static SqliteEventJournal open(Path file) {
        return open(file, Durability.POWER_LOSS);
    }

    /**
     * How far an acknowledged append is guaranteed to survive.
     */
    public enum Durability {
        /** Every commit is synced to disk ({@code synchronous=FULL}): survives a crash of the machine. */
        POWER_LOSS,
        /**
         * Commits reach the operating system, not necessarily the disk ({@code synchronous=NORMAL} in WAL
         * mode): survives the process being killed, may lose the last commits if the machine fails. For
         * journals that can be regenerated, such as a simulation's.
         */
        PROCESS_CRASH
    }

    /**
     * Opens (creating if needed) the journal in a file with a chosen durability.
     *
     * @param file       the database file; its folder must exist
     * @param durability what an acknowledged append survives
     * @return the journal
     * @throws InvalidStateException if the file cannot be opened
     */
    public static SqliteEventJournal open(Path file, Durability durability) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(durability, "durability");
        Properties p = new Properties();
        p.setProperty("transaction_mode", "IMMEDIATE");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            return new SqliteEventJournal(new JdbcJournal(DriverManager.getConnection(url, p),
                    JdbcJournal.Dialect.SQLITE, "fomo_", "sqlite:" + file, durability == Durability.POWER_LOSS));
        } catch (SQLException e) {
            throw new InvalidStateException("journal sqlite:" + file + ": cannot open: " + e.getMessage(), e);
        }
    }
}
