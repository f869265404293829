package io.fomo.jdbc;

import io.fomo.spi.InvalidStateException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The event journal in a PostgreSQL database. Appends take an exclusive lock on the journal's batches
 * table for the length of their transaction, so several engines (and processes) on one database never
 * interleave a batch or write one twice.
 *
 * <p>This class is thread-safe. Close it to release the connection.
 */
public final class PostgresEventJournal extends JdbcBackedJournal {

    private PostgresEventJournal(JdbcJournal jdbc) {
        super(jdbc);
    }

    /**
     * Opens (creating the tables if needed) the journal with the default table prefix {@code fomo_}.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://...} URL, with user and password as parameters if needed
     * @return the journal
     * @throws InvalidStateException if the database cannot be reached
     */
    public static PostgresEventJournal open(String jdbcUrl) {
        return open(jdbcUrl, "fomo_");
    }

    /**
     * Opens (creating the tables if needed) the journal whose tables start with a prefix, so that several
     * journals can share one database.
     *
     * @param jdbcUrl     a {@code jdbc:postgresql://...} URL
     * @param tablePrefix 1 to 41 characters of {@code a-z 0-9 _}, starting with a letter
     * @return the journal
     * @throws InvalidStateException if the database cannot be reached
     */
    public static PostgresEventJournal open(String jdbcUrl, String tablePrefix) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        String shown = masked(jdbcUrl);
        try {
            return new PostgresEventJournal(new JdbcJournal(DriverManager.getConnection(jdbcUrl),
                    JdbcJournal.Dialect.POSTGRESQL, tablePrefix, shown, true));
        } catch (SQLException e) {
            throw new InvalidStateException("journal " + shown + ": cannot open: " + e.getMessage(), e);
        }
    }

    /** The URL as it may be shown: every password replaced by {@code ***}. */
    static String masked(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password\\s*=\\s*)[^&;\\s]*", "$1***")
                .replaceAll("(//|^|:)([^/?#@\\s:]*):[^/?#@\\s]*@", "$1$2:***@");
    }
}
