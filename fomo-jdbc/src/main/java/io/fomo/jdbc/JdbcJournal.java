package io.fomo.jdbc;

import io.fomo.spi.AppendResult;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.SequenceConflictException;
import io.fomo.spi.StorageException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The event journal over one JDBC connection, shared by the SQLite and PostgreSQL adapters.
 *
 * <p>Two tables: {@code <prefix>events} (one row per entry, keyed by its dense sequence number) and
 * {@code <prefix>batches} (one row per idempotency key with the range it wrote). An append is one
 * transaction that first takes the journal's write lock (SQLite: {@code BEGIN IMMEDIATE}, by the connection's transaction mode; PostgreSQL:
 * an exclusive lock on the batches table), so the checks and the writes see one consistent journal even
 * with several processes on one database. Timestamps are stored as epoch seconds plus nanoseconds so
 * they come back exact.
 *
 * <p>Every {@link SQLException} becomes a {@link StorageException} of the kind {@link SqlFailures} finds,
 * its message passed through the adapter's mask so that no password leaves. A failure of the connection
 * class is retried on a new connection as the {@link Reconnect} policy allows; an append is retried whole,
 * and its idempotency key, checked again inside the new transaction, keeps a batch whose commit did reach
 * the database from being written twice.
 */
final class JdbcJournal implements AutoCloseable {

    enum Dialect {
        SQLITE("BLOB"),
        POSTGRESQL("BYTEA");

        private final String blob;

        Dialect(String blob) {
            this.blob = blob;
        }

        /** The column type of a byte string. */
        String blob() {
            return blob;
        }
    }

    /** Opens a new connection to the journal's database. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    /** One attempt of an operation on a connection. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run(Connection c) throws SQLException;
    }

    /** Rows per INSERT statement: 600 parameters, within every SQLite's and PostgreSQL's limit. */
    private static final int ROWS_PER_INSERT = 100;

    private final Connector connector;
    private final Dialect dialect;
    private final String events;
    private final String batches;
    private final String describe;
    private final boolean fullSync;
    private final boolean readOnly;
    private final Reconnect reconnect;
    private final UnaryOperator<String> mask;
    /** The open connection, null after a lost one was discarded (the next operation connects again). */
    private Connection connection;
    private boolean closed;
    private long reconnects;
    /** Read-only over a database without the journal's tables: an empty journal (nothing may create them). */
    private boolean absent;

    /**
     * Connects and prepares the journal (its tables, unless read-only). Fails at once, without retries.
     *
     * @param mask turns any text that may quote the connection's secrets into one that does not
     */
    JdbcJournal(Connector connector, Dialect dialect, String prefix, String describe, boolean fullSync,
            boolean readOnly, Reconnect reconnect, UnaryOperator<String> mask) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.dialect = dialect;
        if (!prefix.matches("[a-z][a-z0-9_]{0,40}")) {
            throw InvalidArgumentException.of("tablePrefix", '"' + prefix + '"',
                    "1 to 41 characters of a-z 0-9 _, starting with a letter");
        }
        this.events = prefix + "events";
        this.batches = prefix + "batches";
        this.describe = describe;
        this.fullSync = fullSync;
        this.readOnly = readOnly;
        this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
        this.mask = Objects.requireNonNull(mask, "mask");
        try {
            this.connection = connectAndPrepare(true);
        } catch (SQLException e) {
            throw failure("cannot open", e);
        }
    }

    private Connection connectAndPrepare(boolean first) throws SQLException {
        Connection c = connector.connect();
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                if (dialect == Dialect.SQLITE) {
                    if (!readOnly) {
                        s.execute("PRAGMA journal_mode=WAL");
                        s.execute(fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
                    }
                    s.execute("PRAGMA busy_timeout=10000");
                }
                if (readOnly && first) {
                    absent = !tableExists(c, events);
                }
                if (!readOnly && first) {
                    s.execute("CREATE TABLE IF NOT EXISTS " + events + " (seq BIGINT PRIMARY KEY, idem_key TEXT NOT NULL, "
                            + "type TEXT NOT NULL, payload " + dialect.blob + " NOT NULL, ts_seconds BIGINT NOT NULL, "
                            + "ts_nanos INTEGER NOT NULL)");
                    s.execute("CREATE TABLE IF NOT EXISTS " + batches + " (idem_key TEXT PRIMARY KEY, "
                            + "first_seq BIGINT NOT NULL, last_seq BIGINT NOT NULL)");
                }
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c, e);
            throw e;
        }
    }

    private boolean tableExists(Connection c, String table) throws SQLException {
        String sql = dialect == Dialect.SQLITE
                ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
                : "SELECT 1 FROM information_schema.tables WHERE table_name = ? AND table_schema = ANY (current_schemas(false))";
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Runs an operation, reconnecting and retrying it on a lost connection as the policy allows.
     */
    private <T> T withRetries(String operation, Attempt<T> attempt) {
        if (closed) {
            throw new InvalidStateException("journal " + describe + " is closed");
        }
        for (int retry = 0; ; retry++) {
            try {
                if (connection == null) {
                    connection = connectAndPrepare(false);
                    reconnects++;
                }
                return attempt.run(connection);
            } catch (SQLException e) {
                StorageException.Kind kind = SqlFailures.classify(e, dialect);
                boolean lost = kind == StorageException.Kind.UNAVAILABLE;
                if (lost && connection != null) {
                    closeQuietly(connection, e);
                    connection = null;
                }
                if (!lost || retry >= reconnect.maxRetries()) {
                    String tries = lost && retry > 0 ? " (after " + retry + " retries)" : "";
                    throw failure(operation + " failed" + tries, e);
                }
                sleep(reconnect.delayBefore(retry), operation, e);
            }
        }
    }

    private void sleep(java.time.Duration d, String operation, SQLException cause) {
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw failure(operation + " interrupted while waiting to reconnect", cause);
        }
    }

    private StorageException failure(String what, SQLException e) {
        StorageException.Kind kind = SqlFailures.classify(e, dialect);
        String message = "journal " + describe + ": " + what + ": " + SqlFailures.describe(kind) + ": "
                + mask.apply(String.valueOf(e.getMessage()));
        // The driver's exception may quote the secret too: it stays out of the chain; its class, SQLState and
        // code are kept in the message instead.
        StorageException out = new StorageException(kind, message + " [" + e.getClass().getSimpleName()
                + ", SQLState " + e.getSQLState() + ", code " + e.getErrorCode() + "]", null);
        out.setStackTrace(e.getStackTrace());
        return out;
    }

    private static void closeQuietly(Connection c, Throwable primary) {
        try {
            c.close();
        } catch (SQLException e) {
            primary.addSuppressed(e);
        }
    }

    /** How many times a lost connection was replaced since the journal was opened. */
    synchronized long reconnects() {
        return reconnects;
    }

    synchronized AppendResult append(long expectedSequence, EventId idempotencyKey, List<JournalEntry> caller) {
        List<JournalEntry> batch = EventJournal.checkAppend(expectedSequence, idempotencyKey, caller);
        if (absent) {
            throw new StorageException(StorageException.Kind.READ_ONLY, "journal " + describe
                    + ": append failed: read-only: the journal was opened for reading only", null);
        }
        boolean[] commitSent = {false};
        return withRetries("append", c -> appendOnce(c, expectedSequence, idempotencyKey, batch, commitSent));
    }

    /**
     * One transaction of an append. {@code commitSent} tells a retry that an earlier attempt of this very
     * call sent its commit and lost the answer: finding the key then, with this batch where this call
     * expected it, means that commit went through, and the call did write the batch (once).
     */
    private AppendResult appendOnce(Connection c, long expected, EventId key, List<JournalEntry> batch,
            boolean[] commitSent) throws SQLException {
        boolean ownCommitPossible = commitSent[0];
        try {
            begin(c);
            AppendResult r = appendLocked(c, expected, key, batch, ownCommitPossible);
            commitSent[0] = true;
            c.commit();
            return r;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                // A broken connection: the next operation finds out and replaces it.
            }
        }
    }

    /**
     * Rolls back after a failure. A failed rollback must not hide the failure: SQLite has already rolled
     * back after SQLITE_FULL ("cannot rollback - no transaction is active"), and a lost connection cannot
     * roll back at all (the server does).
     */
    private static void rollbackQuietly(Connection c, Throwable primary) {
        try {
            c.rollback();
        } catch (SQLException e) {
            primary.addSuppressed(e);
        }
    }

    private void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // SQLite connections are opened with transaction_mode=IMMEDIATE: the write lock comes with BEGIN.
            if (dialect == Dialect.POSTGRESQL) {
                s.execute("LOCK TABLE " + batches + " IN EXCLUSIVE MODE");
            }
        }
    }

    private AppendResult appendLocked(Connection c, long expected, EventId key, List<JournalEntry> batch,
            boolean ownCommitPossible) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT first_seq, last_seq FROM " + batches + " WHERE idem_key = ?")) {
            q.setString(1, key.value());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    long first = rs.getLong(1);
                    long last = rs.getLong(2);
                    List<JournalEntry> earlier = new ArrayList<>();
                    for (JournalRecord r : readRange(c, first, (int) (last - first + 1))) {
                        earlier.add(r.entry());
                    }
                    if (!earlier.equals(batch)) {
                        throw InvalidArgumentException.of("idempotencyKey", key,
                                "was used for a different batch at sequences " + first + ".." + last);
                    }
                    if (ownCommitPossible && first == expected + 1) {
                        return AppendResult.written(first, last);
                    }
                    return AppendResult.duplicate(first, last);
                }
            }
        }
        long current = current(c);
        if (current != expected) {
            throw new SequenceConflictException(expected, current);
        }
        // Multi-row INSERTs of at most ROWS_PER_INSERT rows rather than a JDBC batch: the PostgreSQL driver's
        // batch error path on a connection lost mid-batch trips an internal assertion (when assertions are on).
        long seq = current;
        for (int from = 0; from < batch.size(); from += ROWS_PER_INSERT) {
            int to = Math.min(batch.size(), from + ROWS_PER_INSERT);
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(events)
                    .append(" (seq, idem_key, type, payload, ts_seconds, ts_nanos) VALUES ");
            for (int i = from; i < to; i++) {
                sql.append(i == from ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            }
            try (PreparedStatement ins = c.prepareStatement(sql.toString())) {
                int p = 0;
                for (int i = from; i < to; i++) {
                    JournalEntry e = batch.get(i);
                    seq++;
                    ins.setLong(++p, seq);
                    ins.setString(++p, key.value());
                    ins.setString(++p, e.type());
                    ins.setBytes(++p, e.payload());
                    ins.setLong(++p, e.timestamp().getEpochSecond());
                    ins.setInt(++p, e.timestamp().getNano());
                }
                ins.executeUpdate();
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO " + batches + " (idem_key, first_seq, last_seq) VALUES (?, ?, ?)")) {
            ins.setString(1, key.value());
            ins.setLong(2, current + 1);
            ins.setLong(3, current + batch.size());
            ins.executeUpdate();
        }
        return AppendResult.written(current + 1, current + batch.size());
    }

    synchronized List<JournalRecord> read(long fromSequence, int maxCount) {
        EventJournal.checkRead(fromSequence, maxCount);
        if (absent) {
            return withRetries("read", c -> List.of());
        }
        return withRetries("read", c -> readRange(c, fromSequence, maxCount));
    }

    private List<JournalRecord> readRange(Connection c, long from, int max) throws SQLException {
        List<JournalRecord> out = new ArrayList<>(Math.min(max, 4096));
        // SQLite stores what it is given (60001.5 stays a REAL in a BIGINT column) and a driver's getLong
        // truncates it, which would hide an edited row: SQLite says itself, per row, whether the three
        // integer columns hold integers. PostgreSQL's typed columns cannot hold anything else.
        String integral = dialect == Dialect.SQLITE
                ? "(typeof(seq) = 'integer' AND typeof(ts_seconds) = 'integer' AND typeof(ts_nanos) = 'integer')"
                : "1";
        // SQLite's driver hands a text column over as a direct buffer made through a call back into the JVM,
        // twice per row (a third of a replay's read): the key and the type are read as the bytes of their
        // text (CAST AS BLOB gives the bytes that column_text would, whatever the column holds) and decoded
        // here, as the driver decodes them, as UTF-8.
        String texts = dialect == Dialect.SQLITE ? "CAST(idem_key AS BLOB), CAST(type AS BLOB)" : "idem_key, type";
        try (PreparedStatement q = c.prepareStatement("SELECT seq, " + texts + ", payload, ts_seconds, "
                + "ts_nanos, " + integral + " FROM " + events + " WHERE seq > ? ORDER BY seq LIMIT ?")) {
            // "after the previous record", not "from the next integer": a row slipped in between two pages
            // (seq 30000.25 after a page ending at 30000) is read, and refused, instead of skipped.
            q.setLong(1, from - 1);
            q.setInt(2, max);
            q.setFetchSize(Math.min(max, 4096));
            try (ResultSet rs = q.executeQuery()) {
                long previous = from - 1;
                EventId key = null;
                while (rs.next()) {
                    if (rs.getInt(7) != 1) {
                        throw notIntegral(rs, previous);
                    }
                    long seq = rs.getLong(1);
                    if (seq <= previous) {
                        throw new InvalidStateException("journal " + describe + ": the row after sequence "
                                + previous + " has seq = " + seq + ": sequence numbers must increase");
                    }
                    JournalEntry e = JournalEntry.of(text(rs, 3), rs.getBytes(4),
                            Instant.ofEpochSecond(rs.getLong(5), rs.getInt(6)));
                    // The rows of a batch share their key: one checked id for the run, not one per row.
                    String keyText = text(rs, 2);
                    if (key == null || !key.value().equals(keyText)) {
                        key = EventId.of(keyText);
                    }
                    out.add(JournalRecord.of(seq, key, e));
                    previous = seq;
                }
            }
        }
        return out;
    }

    /** Column {@code i} of the row as text: read as text, or (SQLite) as the UTF-8 bytes of its text. */
    private String text(ResultSet rs, int i) throws SQLException {
        if (dialect != Dialect.SQLITE) {
            return rs.getString(i);
        }
        byte[] b = rs.getBytes(i);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** The error for a row whose seq, ts_seconds or ts_nanos is not an integer, naming the first such column. */
    private InvalidStateException notIntegral(ResultSet rs, long previous) throws SQLException {
        String[] names = {"seq", "ts_seconds", "ts_nanos"};
        int[] columns = {1, 5, 6};
        for (int i = 0; i < 3; i++) {
            Object v = rs.getObject(columns[i]);
            if (!(v instanceof Long) && !(v instanceof Integer)) {
                String shown = String.valueOf(v);
                return new InvalidStateException("journal " + describe + ": the row after sequence " + previous
                        + " has " + names[i] + " = " + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown)
                        + ": not an integer");
            }
        }
        return new InvalidStateException("journal " + describe + ": the row after sequence " + previous
                + " holds a sequence number or timestamp that is not an integer");
    }

    synchronized long currentSequence() {
        return withRetries("read", c -> absent ? 0L : current(c));
    }

    private long current(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM " + events)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Connection c = connection;
        connection = null;
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            throw new InvalidStateException("journal " + describe + ": close failed: " + mask.apply(
                    String.valueOf(e.getMessage())));
        }
    }
}
