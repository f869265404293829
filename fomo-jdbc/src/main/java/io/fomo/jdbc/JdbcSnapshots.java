package io.fomo.jdbc;

import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.Snapshot;
import io.fomo.spi.SnapshotStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;

/**
 * The snapshot store over one JDBC connection, shared by the SQLite and PostgreSQL adapters: one table,
 * {@code <prefix>snapshots}, one row per sequence number. A save is one transaction that takes the same
 * kind of write lock as a journal append (SQLite: {@code BEGIN IMMEDIATE}; PostgreSQL: an exclusive lock on
 * the table) and replaces the row of its sequence, so a reader sees a whole snapshot or none.
 */
final class JdbcSnapshots implements SnapshotStore {

    private final Connection connection;
    private final JdbcJournal.Dialect dialect;
    private final String table;
    private final String describe;

    JdbcSnapshots(Connection connection, JdbcJournal.Dialect dialect, String prefix, String describe, boolean fullSync)
            throws SQLException {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.dialect = dialect;
        if (!prefix.matches("[a-z][a-z0-9_]{0,40}")) {
            connection.close();
            throw InvalidArgumentException.of("tablePrefix", '"' + prefix + '"',
                    "1 to 41 characters of a-z 0-9 _, starting with a letter");
        }
        this.table = prefix + "snapshots";
        this.describe = describe;
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            if (dialect == JdbcJournal.Dialect.SQLITE) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute(fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (seq BIGINT PRIMARY KEY, head TEXT NOT NULL, "
                    + "rules INTEGER NOT NULL, format TEXT NOT NULL, state " + dialect.blob() + " NOT NULL)");
        }
    }

    @Override
    public synchronized void save(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        try {
            connection.setAutoCommit(false);
            boolean done = false;
            try {
                if (dialect == JdbcJournal.Dialect.POSTGRESQL) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
                    }
                }
                try (PreparedStatement del = connection.prepareStatement("DELETE FROM " + table + " WHERE seq = ?")) {
                    del.setLong(1, snapshot.sequence());
                    del.executeUpdate();
                }
                try (PreparedStatement ins = connection.prepareStatement("INSERT INTO " + table
                        + " (seq, head, rules, format, state) VALUES (?, ?, ?, ?, ?)")) {
                    ins.setLong(1, snapshot.sequence());
                    ins.setString(2, snapshot.headHash());
                    ins.setInt(3, snapshot.rulesVersion());
                    ins.setString(4, snapshot.format());
                    ins.setBytes(5, snapshot.bytes());
                    ins.executeUpdate();
                }
                connection.commit();
                done = true;
            } finally {
                if (!done) {
                    connection.rollback();
                }
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new InvalidStateException("snapshots " + describe + ": save failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<Snapshot> latest() {
        return query("SELECT seq, head, rules, format, state FROM " + table + " ORDER BY seq DESC LIMIT 1", null);
    }

    @Override
    public synchronized Optional<Snapshot> latestAtOrBefore(long sequence) {
        if (sequence < 0) {
            throw InvalidArgumentException.of("sequence", sequence, "must not be negative");
        }
        return query("SELECT seq, head, rules, format, state FROM " + table
                + " WHERE seq <= ? ORDER BY seq DESC LIMIT 1", sequence);
    }

    private Optional<Snapshot> query(String sql, Long bound) {
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            if (bound != null) {
                q.setLong(1, bound);
            }
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long seq = rs.getLong(1);
                try {
                    return Optional.of(new Snapshot(seq, rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getBytes(5)));
                } catch (RuntimeException e) {
                    throw new InvalidStateException("snapshots " + describe + ": the row at sequence " + seq
                            + " is not a snapshot: " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new InvalidStateException("snapshots " + describe + ": read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new InvalidStateException("snapshots " + describe + ": close failed: " + e.getMessage(), e);
        }
    }
}
