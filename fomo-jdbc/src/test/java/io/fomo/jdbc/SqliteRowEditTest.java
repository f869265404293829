package io.fomo.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.EventId;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows edited behind the journal's back the way the {@code sqlite3} tool would: a sequence number or a
 * timestamp that is no longer an integer must not be read as its truncation (which would hide the edit),
 * but fail the read with a typed error naming the column.
 */
class SqliteRowEditTest {

    @TempDir
    Path dir;

    private Path journalWithFiveRows() {
        Path file = dir.resolve("journal.db");
        try (SqliteEventJournal j = SqliteEventJournal.open(file)) {
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 1; i <= 5; i++) {
                j.append(i - 1, EventId.of("k" + i),
                        List.of(JournalEntry.of("t", ("row " + i).getBytes(StandardCharsets.UTF_8), at)));
            }
        }
        return file;
    }

    private static void edit(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate(sql), sql);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "update fomo_events set seq = 3.5 where seq = 3|seq",
        "update fomo_events set seq = 'three' where seq = 3|seq",
        "update fomo_events set ts_seconds = ts_seconds + 0.5 where seq = 3|ts_seconds",
        "update fomo_events set ts_nanos = 0.25 where seq = 3|ts_nanos"})
    void aNonIntegerColumnIsAnErrorNotATruncation(String edit) throws Exception {
        String[] parts = edit.split("\\|");
        Path file = journalWithFiveRows();
        edit(file, parts[0]);
        try (SqliteEventJournal j = SqliteEventJournal.open(file)) {
            InvalidStateException e = assertThrows(InvalidStateException.class, () -> j.read(1, 100));
            // (a text sorts after every number, so the row before it is not always 2)
            assertTrue(e.getMessage().contains(" has " + parts[1] + " = "), e.getMessage());
            assertTrue(e.getMessage().contains("not an integer"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"update fomo_events set seq = 3.0 where seq = 3", "update fomo_events set seq = '3' where seq = 3"})
    void aValueSqliteStoresAsTheSameIntegerReadsAsBefore(String edit) throws Exception {
        Path file = journalWithFiveRows();
        edit(file, edit);
        try (SqliteEventJournal j = SqliteEventJournal.open(file)) {
            List<JournalRecord> rows = j.read(1, 100);
            assertEquals(5, rows.size());
            assertEquals(3, rows.get(2).sequence());
            assertEquals("row 3", new String(rows.get(2).entry().payload(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void aRowSlippedInAfterAPageEndIsReadAndRefusedNotSkipped(int pageEnd) throws Exception {
        Path file = journalWithFiveRows();
        edit(file, "insert into fomo_events select seq + 0.25, idem_key, type, payload, ts_seconds, ts_nanos "
                + "from fomo_events where seq = " + pageEnd);
        try (SqliteEventJournal j = SqliteEventJournal.open(file)) {
            List<JournalRecord> page = j.read(1, pageEnd);
            assertEquals(pageEnd, page.size());
            assertEquals(pageEnd, page.get(pageEnd - 1).sequence());
            // The next page starts after the last record read, so the extra row comes first and is refused.
            InvalidStateException e = assertThrows(InvalidStateException.class, () -> j.read(pageEnd + 1, 100));
            assertTrue(e.getMessage().contains(" has seq = " + pageEnd + ".25"), e.getMessage());
        }
    }
}
