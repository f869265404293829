package io.fomo.jdbc;

import io.fomo.spi.StorageException;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event journal in a PostgreSQL database. Appends take an exclusive lock on the journal's batches
 * table for the length of their transaction, so several engines (and processes) on one database never
 * interleave a batch or write one twice.
 *
 * <p>A lost connection (the server restarting, SQLState class 08 or 57P01..57P03) is replaced: the
 * operation is retried on a new connection as the {@link Reconnect} policy allows
 * ({@link Reconnect#DEFAULT} unless given), so the journal keeps working after the database comes back,
 * without being opened again. Storage failures are {@link StorageException}s: {@code UNAVAILABLE} when the
 * retries are spent, {@code DISK_FULL} for SQLState 53100, {@code READ_ONLY} for 25006 (a standby),
 * {@code CORRUPT} for XX001/XX002. No message shows the password of the URL.
 *
 * <p>This class is thread-safe. Close it to release the connection.
 */
public final class PostgresEventJournal extends JdbcBackedJournal {

    /** {@code password=...} in any case, in a URL query or a libpq keyword list, up to its separator. */
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password\\s*=\\s*)([^&;\\s]*)");
    /** The password of a URI's user information, as in {@code postgresql://user:secret@host/db}. */
    private static final Pattern USERINFO = Pattern.compile("(//|^|:)([^/?#@\\s:]*):([^/?#@\\s]*)@");

    private PostgresEventJournal(JdbcJournal jdbc) {
        super(jdbc);
    }

    /**
     * Opens (creating the tables if needed) the journal with the default table prefix {@code fomo_}.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://...} URL, with user and password as parameters if needed
     * @return the journal
     * @throws StorageException if the database cannot be reached or the tables cannot be created
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
     * @throws StorageException if the database cannot be reached or the tables cannot be created
     */
    public static PostgresEventJournal open(String jdbcUrl, String tablePrefix) {
        return open(jdbcUrl, tablePrefix, Reconnect.DEFAULT);
    }

    /**
     * Opens the journal with a chosen policy for lost connections. The open itself is not retried.
     *
     * @param jdbcUrl     a {@code jdbc:postgresql://...} URL
     * @param tablePrefix 1 to 41 characters of {@code a-z 0-9 _}, starting with a letter
     * @param reconnect   how operations ride out a lost connection
     * @return the journal
     * @throws StorageException if the database cannot be reached or the tables cannot be created
     */
    public static PostgresEventJournal open(String jdbcUrl, String tablePrefix, Reconnect reconnect) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        Objects.requireNonNull(reconnect, "reconnect");
        List<String> secrets = secrets(jdbcUrl);
        java.util.function.UnaryOperator<String> mask = text -> {
            String masked = redact(text);
            for (String s : secrets) {
                masked = masked.replace(s, "***");
            }
            return masked;
        };
        return new PostgresEventJournal(new JdbcJournal(() -> DriverManager.getConnection(jdbcUrl),
                JdbcJournal.Dialect.POSTGRESQL, tablePrefix, mask.apply(jdbcUrl), true, false, reconnect, mask));
    }

    /**
     * Returns how many times a lost connection was replaced by a new one since the journal was opened, for
     * monitoring.
     *
     * @return the number of reconnections, 0 if the first connection never failed
     */
    public long reconnects() {
        return jdbc().reconnects();
    }

    private static String redact(String text) {
        String masked = PASSWORD.matcher(text).replaceAll("$1***");
        return USERINFO.matcher(masked).replaceAll("$1$2:***@");
    }

    /** The literal passwords in a URL, to be masked wherever a driver's message repeats them. */
    private static List<String> secrets(String url) {
        List<String> out = new ArrayList<>();
        for (Pattern p : List.of(PASSWORD, USERINFO)) {
            Matcher m = p.matcher(url);
            while (m.find()) {
                String s = m.group(p == PASSWORD ? 2 : 3);
                if (s.length() >= 1) {
                    out.add(s);
                    try {
                        out.add(java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        // not %-encoded: the literal is masked already
                    }
                }
            }
        }
        return out;
    }

    /** The URL as it may be shown: every password replaced by {@code ***}. */
    static String masked(String jdbcUrl) {
        return redact(jdbcUrl);
    }
}
