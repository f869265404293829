package io.fomo.jdbc;

import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Objects;
import java.util.Properties;

/**
 * The embedded default event journal: one SQLite file, in WAL mode with full synchronous commits, so an
 * append that returned survives a crash of the process or the machine. Several processes may share the
 * file; appends serialise on SQLite's write lock.
 *
 * <p>Storage failures are {@link StorageException}s: {@code DISK_FULL} when the disk or the size limit
 * ({@link Builder#maxSizeBytes}) is reached (SQLITE_FULL; nothing of the batch is kept and the journal
 * stays readable and writable once there is room), {@code READ_ONLY} for a read-only file, folder or
 * journal (SQLITE_READONLY), {@code CORRUPT} for a damaged file or one that is no database,
 * {@code UNAVAILABLE} for a file locked by another process for longer than the 10 s busy timeout.
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
     * @throws StorageException if the file cannot be opened
     */
    public static SqliteEventJournal open(Path file) {
        return builder(file).open();
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
     * @throws StorageException if the file cannot be opened
     */
    public static SqliteEventJournal open(Path file, Durability durability) {
        return builder(file).durability(durability).open();
    }

    /**
     * Opens an existing journal for reading only: nothing is created or changed, and an append fails with
     * {@link StorageException.Kind#READ_ONLY}. It works on a read-only file, folder or file system: the
     * file is opened with SQLite's {@code mode=ro}; where SQLite cannot create its {@code -wal} and
     * {@code -shm} files beside it (a read-only folder) and no {@code -wal} file exists (no writer has the
     * journal open, everything is in the file), it is opened as {@code immutable=1}, which reads the file
     * without locks and creates nothing. A journal with a {@code -wal} file in a read-only folder cannot be
     * read that way and fails with {@code READ_ONLY}.
     *
     * @param file the database file
     * @return the journal
     * @throws StorageException if the file cannot be opened for reading
     */
    public static SqliteEventJournal openReadOnly(Path file) {
        return builder(file).readOnly().open();
    }

    /**
     * Starts the options of a journal in a file: {@link Durability#POWER_LOSS}, writable, no size limit,
     * no retries ({@link Reconnect#NONE}).
     *
     * @param file the database file
     * @return the builder
     * @throws NullPointerException if the file is null
     */
    public static Builder builder(Path file) {
        return new Builder(Objects.requireNonNull(file, "file"));
    }

    /** The options of an SQLite journal; {@link #open()} opens it. Not thread-safe. */
    public static final class Builder {
        private final Path file;
        private Durability durability = Durability.POWER_LOSS;
        private boolean readOnly;
        private long maxSizeBytes;
        private Reconnect reconnect = Reconnect.NONE;

        private Builder(Path file) {
            this.file = file;
        }

        /**
         * Sets what an acknowledged append survives.
         *
         * @param durability the durability
         * @return this builder
         * @throws NullPointerException if the durability is null
         */
        public Builder durability(Durability durability) {
            this.durability = Objects.requireNonNull(durability, "durability");
            return this;
        }

        /**
         * Opens the journal for reading only, as {@link SqliteEventJournal#openReadOnly(Path)} describes.
         *
         * @return this builder
         */
        public Builder readOnly() {
            this.readOnly = true;
            return this;
        }

        /**
         * Caps the database's size (SQLite's {@code max_page_count}, rounded down to whole pages): an append
         * that would grow it further fails with {@link StorageException.Kind#DISK_FULL}, exactly as on a full
         * disk, and keeps nothing of its batch.
         *
         * @param bytes the largest size, at least 64 KiB; 0 for no limit
         * @return this builder
         * @throws InvalidArgumentException if the size is negative or below 64 KiB
         */
        public Builder maxSizeBytes(long bytes) {
            if (bytes != 0 && (bytes < 65_536 || bytes < 0)) {
                throw InvalidArgumentException.of("maxSizeBytes", bytes, "must be 0 (no limit) or at least 65536");
            }
            this.maxSizeBytes = bytes;
            return this;
        }

        /**
         * Sets how operations ride out a file locked by another process for longer than the busy timeout
         * (SQLITE_BUSY): each retry opens the file again.
         *
         * @param reconnect the policy
         * @return this builder
         * @throws NullPointerException if the policy is null
         */
        public Builder reconnect(Reconnect reconnect) {
            this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
            return this;
        }

        /**
         * Opens the journal, creating the file and its tables unless read-only.
         *
         * @return the journal
         * @throws StorageException if the file cannot be opened
         */
        public SqliteEventJournal open() {
            Path absolute = file.toAbsolutePath();
            String shown = "sqlite:" + file;
            boolean immutable = readOnly && !canHoldWal(absolute)
                    && !Files.exists(Path.of(absolute + "-wal"));
            String url = readOnly
                    ? "jdbc:sqlite:file:" + uriPath(absolute) + (immutable ? "?immutable=1" : "?mode=ro")
                    : "jdbc:sqlite:" + absolute;
            Properties p = new Properties();
            p.setProperty("transaction_mode", "IMMEDIATE");
            // SQLite's multi-thread mode (SQLITE_OPEN_NOMUTEX, 0x8000) rather than its serialized mode: the
            // connection is the journal's alone and only used under its lock (and the driver's own lock on the
            // database handle), so SQLite's per-call mutex guarded nothing; taking it cost 15% of a replay's read.
            // Read-only: SQLITE_OPEN_READONLY (1) | SQLITE_OPEN_URI (0x40); else SQLITE_OPEN_READWRITE (2) |
            // SQLITE_OPEN_CREATE (4), the driver's default (which adds SQLITE_OPEN_URI itself).
            p.setProperty("open_mode", String.valueOf((readOnly ? 0x1 | 0x40 : 0x2 | 0x4) | 0x8000));
            if (maxSizeBytes > 0) {
                // The database is created with 4 KiB pages (SQLite's default, never changed here).
                p.setProperty("max_page_count", String.valueOf(maxSizeBytes / 4096));
            }
            return new SqliteEventJournal(new JdbcJournal(() -> DriverManager.getConnection(url, p),
                    JdbcJournal.Dialect.SQLITE, "fomo_", shown, durability == Durability.POWER_LOSS, readOnly,
                    reconnect, t -> t));
        }

        /** Whether SQLite could create its -wal and -shm files beside the database. */
        private static boolean canHoldWal(Path absolute) {
            Path folder = absolute.getParent();
            return folder != null && Files.isWritable(folder);
        }

        /** The path as the path of a {@code file:} URI: {@code ?}, {@code #} and {@code %} escaped. */
        private static String uriPath(Path absolute) {
            String s = absolute.toString();
            StringBuilder b = new StringBuilder(s.length() + 8);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '?' -> b.append("%3f");
                    case '#' -> b.append("%23");
                    case '%' -> b.append("%25");
                    default -> b.append(c);
                }
            }
            return b.toString();
        }
    }
}
