package io.fomo.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.EventId;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.StorageException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, as a real size limit of the database (SQLite's {@code max_page_count}, which fails a write
 * with SQLITE_FULL exactly as a full disk does): the append is reported as {@code DISK_FULL}, keeps nothing
 * of its batch, and the journal stays readable with everything before it intact.
 */
class SqliteDiskFullTest {

    private static List<JournalEntry> batch(int n, int bytes) {
        List<JournalEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] payload = new byte[bytes];
            ThreadLocalRandom.current().nextBytes(payload);
            out.add(JournalEntry.of("blob", payload, Instant.ofEpochSecond(1_700_000_000L + i)));
        }
        return out;
    }

    @Test
    void anAppendBeyondTheLimitIsDiskFullAndTheJournalStaysReadable(@TempDir Path dir) {
        Path file = dir.resolve("full.db");
        List<JournalEntry> written = new ArrayList<>();
        StorageException full;
        try (SqliteEventJournal j = SqliteEventJournal.builder(file).maxSizeBytes(256 * 1024).open()) {
            int i = 0;
            while (true) {
                List<JournalEntry> b = batch(1 + ThreadLocalRandom.current().nextInt(4),
                        500 + ThreadLocalRandom.current().nextInt(8_000));
                try {
                    j.append(written.size(), EventId.of("b" + i++), b);
                } catch (StorageException e) {
                    full = e;
                    break;
                }
                written.addAll(b);
                assertTrue(i < 10_000, "the size limit never filled");
            }
            assertEquals(StorageException.Kind.DISK_FULL, full.kind(), full.getMessage());
            assertTrue(full.getMessage().contains("disk full"), full.getMessage());
            assertFalse(full.getMessage().contains("cannot rollback"), full.getMessage());
            assertTrue(full.getMessage().startsWith("journal sqlite:" + file + ": append failed: disk full: "),
                    full.getMessage());
            // Nothing of the failed batch, everything before it, on the same journal.
            assertEquals(written.size(), j.currentSequence());
            List<JournalRecord> records = j.read(1);
            assertEquals(written, records.stream().map(JournalRecord::entry).toList());
            // The failed key is unused: with room again (a journal without the limit), it writes.
            String failedKey = "b" + (i - 1);
            try (SqliteEventJournal roomy = SqliteEventJournal.open(file)) {
                List<JournalEntry> small = batch(1, 10);
                assertFalse(roomy.append(written.size(), EventId.of(failedKey), small).isDuplicate());
                assertEquals(written.size() + 1, roomy.currentSequence());
            }
            assertEquals(written.size() + 1, j.read(1).size());
        }
    }

    @Test
    void aTooSmallLimitIsRefused(@TempDir Path dir) {
        assertThrows(io.fomo.spi.InvalidArgumentException.class,
                () -> SqliteEventJournal.builder(dir.resolve("x.db")).maxSizeBytes(65_535));
        assertThrows(io.fomo.spi.InvalidArgumentException.class,
                () -> SqliteEventJournal.builder(dir.resolve("x.db")).maxSizeBytes(-1));
    }
}
