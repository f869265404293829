package io.fomo.examples.journal;

import io.fomo.jdbc.PostgresEventJournal;
import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Opens an event journal named by a one-string spec, as the command line takes it:
 * <ul>
 *   <li>{@code memory}: a new, empty {@link InMemoryEventJournal};</li>
 *   <li>{@code sqlite:PATH}: a {@link SqliteEventJournal} in the file PATH (relative to the working
 *       folder unless absolute);</li>
 *   <li>{@code postgresql://HOST[:PORT]/DATABASE[?PARAMS]} (or the same with {@code jdbc:} in front): a
 *       {@link PostgresEventJournal} over the JDBC URL {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?PARAMS]};
 *       PARAMS are the driver's, for example {@code user=fomo&password=fomo}, and
 *       {@code currentSchema=NAME} keeps several journals apart in one database.</li>
 * </ul>
 * A malformed spec is an {@link InvalidArgumentException} naming the spec (with any password masked);
 * a journal that cannot be opened is an {@link InvalidStateException}. Close what was opened with
 * {@link #close(EventJournal)}.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class Journals {

    /** The accepted forms, as shown in error messages. */
    public static final String USAGE = "memory, sqlite:PATH or postgresql://HOST[:PORT]/DATABASE[?user=USER&password=PASSWORD]";

    private static final String MEMORY = "memory";
    private static final String SQLITE = "sqlite:";
    private static final Pattern POSTGRES = Pattern.compile("(?:jdbc:)?postgresql://[^/?#\\s]+/[^/?#\\s]+(?:\\?\\S*)?");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

    private Journals() {
    }

    /**
     * Opens the journal a spec names, creating an SQLite file or PostgreSQL tables that do not exist yet.
     *
     * @param spec {@code memory}, {@code sqlite:PATH} or {@code postgresql://HOST[:PORT]/DATABASE[?PARAMS]}
     * @return the journal; an SQLite or PostgreSQL journal holds a connection until {@link #close closed}
     * @throws InvalidArgumentException if the spec has none of the accepted forms
     * @throws InvalidStateException    if the file or database cannot be opened
     * @throws NullPointerException     if the spec is null
     */
    public static EventJournal open(String spec) {
        return open(spec, true);
    }

    /**
     * Opens the journal a spec names, for reading one that was written before: an SQLite spec must name
     * an existing file (no empty file is created). PostgreSQL tables are created if missing, empty, as by
     * {@link #open(String)}; {@code memory} gives an empty journal.
     *
     * @param spec {@code memory}, {@code sqlite:PATH} or {@code postgresql://HOST[:PORT]/DATABASE[?PARAMS]}
     * @return the journal; an SQLite or PostgreSQL journal holds a connection until {@link #close closed}
     * @throws InvalidArgumentException if the spec has none of the accepted forms, or names an SQLite
     *                                  file that does not exist
     * @throws InvalidStateException    if the file or database cannot be opened
     * @throws NullPointerException     if the spec is null
     */
    public static EventJournal openExisting(String spec) {
        return open(spec, false);
    }

    /**
     * Releases what a journal opened here holds: closes an SQLite or PostgreSQL journal's connection;
     * does nothing for any other journal.
     *
     * @param journal a journal, typically from {@link #open(String)}
     * @throws InvalidStateException if closing the connection fails
     * @throws NullPointerException  if the journal is null
     */
    public static void close(EventJournal journal) {
        Objects.requireNonNull(journal, "journal").close();
    }

    /**
     * Returns a spec as it may be shown to a user: any {@code password=} parameter masked.
     *
     * @param spec a spec, well-formed or not
     * @return the spec with every password replaced by {@code ***}
     * @throws NullPointerException if the spec is null
     */
    public static String redact(String spec) {
        Objects.requireNonNull(spec, "spec");
        return PASSWORD.matcher(spec).replaceAll("$1***");
    }

    private static EventJournal open(String spec, boolean create) {
        Objects.requireNonNull(spec, "spec");
        if (spec.equals(MEMORY)) {
            return new InMemoryEventJournal();
        }
        if (spec.startsWith(SQLITE)) {
            return sqlite(spec, create);
        }
        if (POSTGRES.matcher(spec).matches()) {
            return PostgresEventJournal.open(spec.startsWith("jdbc:") ? spec : "jdbc:" + spec);
        }
        if (spec.startsWith("postgresql:") || spec.startsWith("jdbc:postgresql:")) {
            throw invalid(spec, "a PostgreSQL journal needs a host and a database: "
                    + "postgresql://HOST[:PORT]/DATABASE[?user=USER&password=PASSWORD]");
        }
        throw invalid(spec, "unknown kind of journal; expected " + USAGE);
    }

    private static EventJournal sqlite(String spec, boolean create) {
        String location = spec.substring(SQLITE.length());
        if (location.isBlank()) {
            throw invalid(spec, "sqlite: needs a file, as in sqlite:fomo.db");
        }
        Path file;
        try {
            file = Path.of(location);
        } catch (InvalidPathException e) {
            throw invalid(spec, "not a file path: " + e.getMessage());
        }
        if (Files.isDirectory(file)) {
            throw invalid(spec, "is a folder, not a database file");
        }
        if (!create && !Files.isRegularFile(file)) {
            throw invalid(spec, "no such file " + file.toAbsolutePath());
        }
        Path folder = file.toAbsolutePath().getParent();
        if (create && folder != null && !Files.isDirectory(folder)) {
            throw invalid(spec, "the folder " + folder + " does not exist");
        }
        return SqliteEventJournal.open(file);
    }

    private static InvalidArgumentException invalid(String spec, String reason) {
        return InvalidArgumentException.of("journal", '"' + redact(spec) + '"', reason);
    }
}
