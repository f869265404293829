package io.fomo.examples.journal;

import io.fomo.jdbc.PostgresEventJournal;
import io.fomo.jdbc.PostgresSnapshotStore;
import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.jdbc.SqliteSnapshotStore;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.SnapshotStore;
import io.fomo.spi.StorageException;
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
 * a journal that cannot be opened is a {@link StorageException} (the database unreachable, the file
 * read-only or damaged), its message without the password. Close what was opened with
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
    /** {@code password=...} in any case, in a URL query or a libpq keyword list, up to its separator. */
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password\\s*=\\s*)[^&;\\s]*");
    /** The password of a URI's user information, as in {@code postgresql://user:secret@host/db}. */
    private static final Pattern USERINFO = Pattern.compile("(//|^|:)([^/?#@\\s:]*):[^/?#@\\s]*@");
    /** A PostgreSQL URI with user information: scheme, user, password, and the rest from the host on. */
    private static final Pattern WITH_USERINFO =
            Pattern.compile("(?:jdbc:)?postgresql://([^/?#@\\s:]*)(?::([^/?#@\\s]*))?@(.*)");

    private Journals() {
    }

    /**
     * Opens the journal a spec names, creating an SQLite file or PostgreSQL tables that do not exist yet.
     *
     * @param spec {@code memory}, {@code sqlite:PATH} or {@code postgresql://HOST[:PORT]/DATABASE[?PARAMS]}
     * @return the journal; an SQLite or PostgreSQL journal holds a connection until {@link #close closed}
     * @throws InvalidArgumentException if the spec has none of the accepted forms
     * @throws StorageException         if the file or database cannot be opened
     * @throws NullPointerException     if the spec is null
     */
    public static EventJournal open(String spec) {
        return open(spec, Mode.CREATE);
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
     * @throws StorageException         if the file or database cannot be opened
     * @throws NullPointerException     if the spec is null
     */
    public static EventJournal openExisting(String spec) {
        return open(spec, Mode.EXISTING);
    }

    /**
     * Opens the journal a spec names for reading only, as a replay does: an SQLite file must exist and is
     * opened read-only ({@link SqliteEventJournal#openReadOnly}), so a journal on a read-only file, folder
     * or file system can be read, and nothing is created or changed; an append fails with
     * {@link StorageException.Kind#READ_ONLY}. A PostgreSQL journal is opened as by {@link #openExisting};
     * {@code memory} gives an empty journal.
     *
     * @param spec {@code memory}, {@code sqlite:PATH} or {@code postgresql://HOST[:PORT]/DATABASE[?PARAMS]}
     * @return the journal; an SQLite or PostgreSQL journal holds a connection until {@link #close closed}
     * @throws InvalidArgumentException if the spec has none of the accepted forms, or names an SQLite
     *                                  file that does not exist
     * @throws StorageException         if the file or database cannot be opened for reading
     * @throws NullPointerException     if the spec is null
     */
    public static EventJournal openReadOnly(String spec) {
        return open(spec, Mode.READ_ONLY);
    }

    /** What an open may do to an SQLite file. */
    private enum Mode {
        CREATE, EXISTING, READ_ONLY
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
     * Returns a spec, or any text that may quote one (a driver's message), as it may be shown to a user:
     * every {@code password=} parameter in any case and spelling and every password in a URI's user
     * information ({@code postgresql://user:secret@host/db}) masked.
     *
     * @param spec a spec, well-formed or not, or a message
     * @return the text with every password replaced by {@code ***}
     * @throws NullPointerException if the spec is null
     */
    public static String redact(String spec) {
        Objects.requireNonNull(spec, "spec");
        String masked = PASSWORD.matcher(spec).replaceAll("$1***");
        return USERINFO.matcher(masked).replaceAll("$1$2:***@");
    }

    private static EventJournal open(String spec, Mode mode) {
        Objects.requireNonNull(spec, "spec");
        if (spec.equals(MEMORY)) {
            return new InMemoryEventJournal();
        }
        if (spec.startsWith(SQLITE)) {
            return sqlite(spec, mode);
        }
        if (POSTGRES.matcher(spec).matches()) {
            String url = jdbcUrl(spec);
            try {
                return PostgresEventJournal.open(url);
            } catch (StorageException e) {
                // The driver may quote the URL or its parts: no password leaves this method.
                StorageException masked = new StorageException(e.kind(), withoutSecrets(e.getMessage(), spec), null);
                masked.setStackTrace(e.getStackTrace());
                throw masked;
            } catch (InvalidStateException e) {
                throw new InvalidStateException(withoutSecrets(e.getMessage(), spec), e.getCause());
            }
        }
        if (spec.startsWith("postgresql:") || spec.startsWith("jdbc:postgresql:")) {
            throw invalid(spec, "a PostgreSQL journal needs a host and a database: "
                    + "postgresql://HOST[:PORT]/DATABASE[?user=USER&password=PASSWORD]");
        }
        throw invalid(spec, "unknown kind of journal; expected " + USAGE);
    }

    /**
     * The JDBC URL of a PostgreSQL spec. The driver does not read a URI's user information, so
     * {@code postgresql://user:secret@host/db} becomes {@code jdbc:postgresql://host/db?user=user&password=secret}.
     */
    private static String jdbcUrl(String spec) {
        java.util.regex.Matcher m = WITH_USERINFO.matcher(spec);
        if (!m.matches()) {
            return spec.startsWith("jdbc:") ? spec : "jdbc:" + spec;
        }
        String rest = m.group(3);
        StringBuilder params = new StringBuilder("user=").append(m.group(1));
        if (m.group(2) != null) {
            params.append("&password=").append(m.group(2));
        }
        return "jdbc:postgresql://" + rest + (rest.contains("?") ? "&" : "?") + params;
    }

    private static String withoutSecrets(String message, String spec) {
        String masked = redact(message == null ? "" : message);
        java.util.regex.Matcher query = PASSWORD.matcher(spec);
        while (query.find()) {
            String secret = spec.substring(query.end(1), query.end());
            if (!secret.isEmpty()) {
                masked = masked.replace(secret, "***");
            }
        }
        java.util.regex.Matcher info = WITH_USERINFO.matcher(spec);
        if (info.matches() && info.group(2) != null && !info.group(2).isEmpty()) {
            masked = masked.replace(info.group(2), "***");
        }
        return masked;
    }

    private static EventJournal sqlite(String spec, Mode mode) {
        boolean create = mode == Mode.CREATE;
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
        return mode == Mode.READ_ONLY ? SqliteEventJournal.openReadOnly(file) : SqliteEventJournal.open(file);
    }

    /**
     * Opens the snapshot store beside the journal a spec names: the {@code fomo_snapshots} table of the
     * same SQLite file or PostgreSQL database (created empty if missing). A {@code memory} journal has none.
     *
     * @param spec {@code sqlite:PATH} or {@code postgresql://HOST[:PORT]/DATABASE[?PARAMS]}, of an existing journal
     * @return the store; it holds a connection until closed
     * @throws InvalidArgumentException if the spec names no journal that can hold snapshots
     * @throws InvalidStateException    if the file or database cannot be opened
     * @throws NullPointerException     if the spec is null
     */
    public static SnapshotStore openSnapshots(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.startsWith(SQLITE) && !spec.substring(SQLITE.length()).isBlank()) {
            return SqliteSnapshotStore.open(Path.of(spec.substring(SQLITE.length())));
        }
        if (POSTGRES.matcher(spec).matches()) {
            try {
                return PostgresSnapshotStore.open(jdbcUrl(spec));
            } catch (InvalidStateException e) {
                throw new InvalidStateException(withoutSecrets(e.getMessage(), spec), e.getCause());
            }
        }
        throw invalid(spec, "only an SQLite or PostgreSQL journal keeps snapshots");
    }

    private static InvalidArgumentException invalid(String spec, String reason) {
        return InvalidArgumentException.of("journal", '"' + redact(spec) + '"', reason);
    }
}
