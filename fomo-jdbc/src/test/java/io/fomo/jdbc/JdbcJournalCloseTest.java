package io.fomo.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both JDBC journals are {@link AutoCloseable} through {@link EventJournal}: try-with-resources releases them. */
class JdbcJournalCloseTest {

    private static final JournalEntry ENTRY = JournalEntry.of("note", "x".getBytes(StandardCharsets.UTF_8),
            Instant.parse("2026-01-01T00:00:00Z"));

    private static void closesOnceAndStaysClosed(EventJournal opened, EventJournal reopened) {
        EventJournal used;
        try (EventJournal j = opened) {
            j.append(0, EventId.of("k"), List.of(ENTRY));
            used = j;
        }
        assertThrows(InvalidStateException.class, used::currentSequence);
        used.close();
        try (EventJournal again = reopened) {
            assertEquals(List.of(ENTRY), again.read(1, 10).stream().map(r -> r.entry()).toList());
        }
    }

    @Test
    void sqliteClosesInTryWithResources(@TempDir Path dir) {
        Path file = dir.resolve("j.db");
        closesOnceAndStaysClosed(SqliteEventJournal.open(file), SqliteEventJournal.open(file));
    }

    @Test
    void postgresqlClosesInTryWithResources() throws SQLException {
        String url = PostgresTestDatabase.url();
        String prefix = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "_";
        try {
            closesOnceAndStaysClosed(PostgresEventJournal.open(url, prefix), PostgresEventJournal.open(url, prefix));
        } finally {
            // An external server (FOMO_POSTGRES_URL) keeps no tables of ours.
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + prefix + "events, " + prefix + "batches");
            }
        }
    }
}
