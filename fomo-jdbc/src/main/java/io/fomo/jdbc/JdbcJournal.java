package io.fomo.jdbc;

import io.fomo.spi.AppendResult;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.SequenceConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The event journal over one JDBC connection, shared by the SQLite and PostgreSQL adapters.
 *
 * <p>Two tables: {@code <prefix>events} (one row per entry, keyed by its dense sequence number) and
 * {@code <prefix>batches} (one row per idempotency key with the range it wrote). An append is one
 * transaction that first takes the journal's write lock (SQLite: {@code BEGIN IMMEDIATE}, by the connection's transaction mode; PostgreSQL:
 * an exclusive lock on the batches table), so the checks and the writes see one consistent journal even
 * with several processes on one database. Timestamps are stored as epoch seconds plus nanoseconds so
 * they come back exact.
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

    private final Connection connection;
    private final Dialect dialect;
    private final String events;
    private final String batches;
    private final String describe;

    JdbcJournal(Connection connection, Dialect dialect, String prefix, String describe, boolean fullSync)
            throws SQLException {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.dialect = dialect;
        if (!prefix.matches("[a-z][a-z0-9_]{0,40}")) {
            throw InvalidArgumentException.of("tablePrefix", '"' + prefix + '"',
                    "1 to 41 characters of a-z 0-9 _, starting with a letter");
        }
        this.events = prefix + "events";
        this.batches = prefix + "batches";
        this.describe = describe;
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            if (dialect == Dialect.SQLITE) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute(fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + events + " (seq BIGINT PRIMARY KEY, idem_key TEXT NOT NULL, "
                    + "type TEXT NOT NULL, payload " + dialect.blob + " NOT NULL, ts_seconds BIGINT NOT NULL, "
                    + "ts_nanos INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS " + batches + " (idem_key TEXT PRIMARY KEY, "
                    + "first_seq BIGINT NOT NULL, last_seq BIGINT NOT NULL)");
        }
    }

    synchronized AppendResult append(long expectedSequence, EventId idempotencyKey, List<JournalEntry> batch) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            throw InvalidArgumentException.of("batch", "[]", "must hold at least one entry");
        }
        for (int i = 0; i < batch.size(); i++) {
            Objects.requireNonNull(batch.get(i), "batch[" + i + "]");
        }
        if (expectedSequence < 0) {
            throw InvalidArgumentException.of("expectedSequence", expectedSequence, "must not be negative");
        }
        try {
            begin();
            boolean done = false;
            try {
                AppendResult r = appendLocked(expectedSequence, idempotencyKey, batch);
                connection.commit();
                done = true;
                return r;
            } finally {
                if (!done) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new InvalidStateException("journal " + describe + ": append failed: " + e.getMessage(), e);
        }
    }

    private void begin() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            // SQLite connections are opened with transaction_mode=IMMEDIATE: the write lock comes with BEGIN.
            if (dialect == Dialect.POSTGRESQL) {
                s.execute("LOCK TABLE " + batches + " IN EXCLUSIVE MODE");
            }
        }
    }

    private AppendResult appendLocked(long expected, EventId key, List<JournalEntry> batch) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT first_seq, last_seq FROM " + batches + " WHERE idem_key = ?")) {
            q.setString(1, key.value());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    long first = rs.getLong(1);
                    long last = rs.getLong(2);
                    List<JournalEntry> earlier = new ArrayList<>();
                    for (JournalRecord r : readRange(first, (int) (last - first + 1))) {
                        earlier.add(r.entry());
                    }
                    if (!earlier.equals(batch)) {
                        throw InvalidArgumentException.of("idempotencyKey", key,
                                "was used for a different batch at sequences " + first + ".." + last);
                    }
                    return AppendResult.duplicate(first, last);
                }
            }
        }
        long current = current();
        if (current != expected) {
            throw new SequenceConflictException(expected, current);
        }
        try (PreparedStatement ins = connection.prepareStatement("INSERT INTO " + events
                + " (seq, idem_key, type, payload, ts_seconds, ts_nanos) VALUES (?, ?, ?, ?, ?, ?)")) {
            long seq = current;
            for (JournalEntry e : batch) {
                seq++;
                ins.setLong(1, seq);
                ins.setString(2, key.value());
                ins.setString(3, e.type());
                ins.setBytes(4, e.payload());
                ins.setLong(5, e.timestamp().getEpochSecond());
                ins.setInt(6, e.timestamp().getNano());
                ins.addBatch();
            }
            ins.executeBatch();
        }
        try (PreparedStatement ins = connection.prepareStatement(
                "INSERT INTO " + batches + " (idem_key, first_seq, last_seq) VALUES (?, ?, ?)")) {
            ins.setString(1, key.value());
            ins.setLong(2, current + 1);
            ins.setLong(3, current + batch.size());
            ins.executeUpdate();
        }
        return AppendResult.written(current + 1, current + batch.size());
    }

    synchronized List<JournalRecord> read(long fromSequence, int maxCount) {
        if (fromSequence < 1) {
            throw InvalidArgumentException.of("fromSequence", fromSequence, "must be 1 or more");
        }
        if (maxCount < 1) {
            throw InvalidArgumentException.of("maxCount", maxCount, "must be 1 or more");
        }
        try {
            return readRange(fromSequence, maxCount);
        } catch (SQLException e) {
            throw new InvalidStateException("journal " + describe + ": read failed: " + e.getMessage(), e);
        }
    }

    private List<JournalRecord> readRange(long from, int max) throws SQLException {
        List<JournalRecord> out = new ArrayList<>(Math.min(max, 4096));
        try (PreparedStatement q = connection.prepareStatement("SELECT seq, idem_key, type, payload, ts_seconds, "
                + "ts_nanos FROM " + events + " WHERE seq >= ? ORDER BY seq LIMIT ?")) {
            q.setLong(1, from);
            q.setInt(2, max);
            q.setFetchSize(Math.min(max, 4096));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    JournalEntry e = JournalEntry.of(rs.getString(3), rs.getBytes(4),
                            Instant.ofEpochSecond(rs.getLong(5), rs.getInt(6)));
                    out.add(JournalRecord.of(rs.getLong(1), EventId.of(rs.getString(2)), e));
                }
            }
        }
        return out;
    }

    synchronized long currentSequence() {
        try {
            return current();
        } catch (SQLException e) {
            throw new InvalidStateException("journal " + describe + ": read failed: " + e.getMessage(), e);
        }
    }

    private long current() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM " + events)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new InvalidStateException("journal " + describe + ": close failed: " + e.getMessage(), e);
        }
    }
}
