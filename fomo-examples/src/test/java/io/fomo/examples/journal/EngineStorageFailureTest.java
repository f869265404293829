package io.fomo.examples.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.engine.Receipt;
import io.fomo.examples.crash.CrashScript;
import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.spi.FomoException;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.ManualClock;
import io.fomo.spi.StorageException;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine passes a storage failure through as a {@link StorageException}, not as one of the four
 * rejection codes: it comes before the commit, so nothing is applied, and the same command id submitted
 * again once the storage is back is written once.
 */
class EngineStorageFailureTest {

    @Test
    void aFullDiskFailsTheSubmitWithNothingAppliedAndTheRetryWritesItOnce(@TempDir Path dir) {
        Path file = dir.resolve("journal.db");
        ManualClock clock = ManualClock.startingAt(CrashScript.T0);
        long limit = 65_536 + 4096L * ThreadLocalRandom.current().nextInt(16);
        int failedAt = -1;
        String hashBefore = null;
        long sequenceBefore = -1;
        long commandsBefore = -1;
        StorageException full = null;
        try (SqliteEventJournal j = SqliteEventJournal.builder(file)
                .durability(SqliteEventJournal.Durability.PROCESS_CRASH).maxSizeBytes(limit).open()) {
            FomoProtocol p = CrashScript.engine(j, new InMemoryChainGateway(), clock, true);
            for (int i = 0; full == null; i++) {
                assertTrue(i < 100_000, "the size limit never filled");
                hashBefore = p.stateHash();
                sequenceBefore = p.sequence();
                commandsBefore = p.commandCount();
                try {
                    CrashScript.submit(p, clock, i);
                } catch (StorageException e) {
                    full = e;
                    failedAt = i;
                }
            }
            assertEquals(StorageException.Kind.DISK_FULL, full.kind(), full.getMessage());
            assertFalse(FomoException.class.isInstance(full));
            assertTrue(full.getMessage().contains("disk full"), full.getMessage());
            // Nothing applied: the engine's state, sequence and command count are as before the submit, and
            // they are the journal's.
            assertEquals(hashBefore, p.stateHash());
            assertEquals(sequenceBefore, p.sequence());
            assertEquals(commandsBefore, p.commandCount());
            assertEquals(sequenceBefore, j.currentSequence());
        }
        // With room again, a new engine replays the same state and the same command id is written once.
        try (SqliteEventJournal j = SqliteEventJournal.open(file)) {
            FomoProtocol p = CrashScript.engine(j, new InMemoryChainGateway(), clock, true);
            assertEquals(hashBefore, p.stateHash());
            Receipt r = p.submit(CrashScript.id(failedAt), CrashScript.command(failedAt));
            assertFalse(r.isDuplicate());
            assertEquals(commandsBefore + 1, p.commandCount());
            assertTrue(p.submit(CrashScript.id(failedAt), CrashScript.command(failedAt)).isDuplicate());
        }
    }

    @Test
    void anEngineOverAReadOnlyJournalReplaysAndASubmitIsReadOnly(@TempDir Path dir) {
        Path file = dir.resolve("journal.db");
        ManualClock clock = ManualClock.startingAt(CrashScript.T0);
        int n = 5 + ThreadLocalRandom.current().nextInt(20);
        String hash;
        try (SqliteEventJournal j = SqliteEventJournal.open(file)) {
            FomoProtocol p = CrashScript.engine(j, new InMemoryChainGateway(), clock, true);
            for (int i = 0; i < n; i++) {
                CrashScript.submit(p, clock, i);
            }
            hash = p.stateHash();
        }
        try (SqliteEventJournal ro = SqliteEventJournal.openReadOnly(file)) {
            FomoProtocol p = CrashScript.engine(ro, new InMemoryChainGateway(), clock, false);
            assertEquals(hash, p.stateHash());
            long sequence = p.sequence();
            clock.set(CrashScript.time(n));
            StorageException e = assertThrows(StorageException.class,
                    () -> p.submit(CrashScript.id(n), CrashScript.command(n)));
            assertEquals(StorageException.Kind.READ_ONLY, e.kind(), e.getMessage());
            assertNotNull(e.getMessage());
            assertEquals(hash, p.stateHash());
            assertEquals(sequence, p.sequence());
        }
    }
}
