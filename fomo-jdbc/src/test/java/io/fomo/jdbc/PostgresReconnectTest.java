package io.fomo.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AppendResult;
import io.fomo.spi.EventId;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.StorageException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL journal after the database restarts ({@code pg_ctl stop -m fast}, then {@code pg_ctl start}
 * on the same port), against a real server of its own: appends in flight reconnect and are retried, every
 * acknowledged append is in the journal exactly once, and later appends succeed on the same journal object.
 */
class PostgresReconnectTest {

    /** A password the trust-authenticated test server ignores: it must never appear in a message. */
    private static final String SECRET = "s3cret-Pw9";

    private static RestartablePostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = RestartablePostgres.start("reconnect");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String url() {
        return server.url() + "&password=" + SECRET;
    }

    private static String prefix() {
        return "r" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    }

    private static JournalEntry entry(int i) {
        return JournalEntry.of("n", ByteBuffer.allocate(4).putInt(i).array(), Instant.ofEpochSecond(1_700_000_000L + i));
    }

    @Test
    void appendsRideThroughARestartExactlyOnce() throws Exception {
        int total = 60 + ThreadLocalRandom.current().nextInt(40);
        int restartAt = 10 + ThreadLocalRandom.current().nextInt(30);
        // About 20 s of retries: a restart on this shared machine takes a few seconds.
        Reconnect patient = new Reconnect(40, Duration.ofMillis(50), Duration.ofMillis(500));
        try (PostgresEventJournal j = PostgresEventJournal.open(url(), prefix(), patient)) {
            List<Integer> acknowledged = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger duplicates = new AtomicInteger();
            AtomicReference<Throwable> broken = new AtomicReference<>();
            Thread appender = new Thread(() -> {
                try {
                    for (int i = 0; i < total; i++) {
                        for (int attempt = 0; ; attempt++) {
                            try {
                                AppendResult r = j.append(i, EventId.of("k" + i), List.of(entry(i)));
                                assertEquals(i + 1, r.firstSequence());
                                if (r.isDuplicate()) {
                                    duplicates.incrementAndGet();
                                }
                                acknowledged.add(i);
                                break;
                            } catch (StorageException e) {
                                // Retries spent while the server was down: the caller retries with the same key.
                                assertEquals(StorageException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
                                assertFalse(e.getMessage().contains(SECRET), e.getMessage());
                                failures.incrementAndGet();
                                assertTrue(attempt < 5, "append " + i + " kept failing: " + e.getMessage());
                            }
                        }
                    }
                } catch (Throwable t) {
                    broken.set(t);
                }
            }, "appender");
            appender.start();
            while (acknowledged.size() < restartAt && appender.isAlive()) {
                Thread.sleep(5);
            }
            server.stop();
            int whileDown = acknowledged.size();
            Thread.sleep(ThreadLocalRandom.current().nextInt(100, 800));
            server.startAgain();
            appender.join(180_000);
            assertFalse(appender.isAlive(), "the appender never finished");
            if (broken.get() != null) {
                throw new AssertionError("the appender failed", broken.get());
            }
            assertTrue(whileDown < total, "the restart came after the last append");
            assertTrue(j.reconnects() >= 1, "no reconnect happened");
            // Every append acknowledged, once, in order, on the journal opened before the restart.
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                expected.add(i);
            }
            assertEquals(expected, acknowledged);
            assertEquals(total, j.currentSequence());
            List<JournalRecord> records = j.read(1);
            assertEquals(total, records.size());
            for (int i = 0; i < total; i++) {
                assertEquals(i + 1, records.get(i).sequence());
                assertEquals("k" + i, records.get(i).idempotencyKey().value());
                assertEquals(entry(i), records.get(i).entry());
            }
            // A later append succeeds without reopening.
            assertFalse(j.append(total, EventId.of("after"), List.of(entry(total))).isDuplicate());
            System.out.printf("reconnect: %d appends, restart after %d, %d reconnects, %d failed calls retried by "
                    + "the caller, %d answered as duplicates%n", total, whileDown, j.reconnects(), failures.get(),
                    duplicates.get());
        }
    }

    @Test
    void withoutRetriesADownServerIsUnavailableAndTheJournalRecoversWhenItIsBack() throws Exception {
        try (PostgresEventJournal j = PostgresEventJournal.open(url(), prefix(), Reconnect.NONE)) {
            j.append(0, EventId.of("a"), List.of(entry(0)));
            server.stop();
            try {
                StorageException e = assertThrows(StorageException.class,
                        () -> j.append(1, EventId.of("b"), List.of(entry(1))));
                assertEquals(StorageException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
                assertTrue(e.getMessage().startsWith("journal jdbc:postgresql://127.0.0.1:"), e.getMessage());
                assertTrue(e.getMessage().contains("password=***"), e.getMessage());
                assertFalse(e.getMessage().contains(SECRET), e.getMessage());
                StorageException read = assertThrows(StorageException.class, j::currentSequence);
                assertEquals(StorageException.Kind.UNAVAILABLE, read.kind(), read.getMessage());
                StorageException open = assertThrows(StorageException.class, () -> PostgresEventJournal.open(url()));
                assertEquals(StorageException.Kind.UNAVAILABLE, open.kind(), open.getMessage());
                assertFalse(open.getMessage().contains(SECRET), open.getMessage());
            } finally {
                server.startAgain();
            }
            assertEquals(1, j.currentSequence());
            assertFalse(j.append(1, EventId.of("b"), List.of(entry(1))).isDuplicate());
            assertEquals(List.of(entry(0), entry(1)), j.read(1).stream().map(JournalRecord::entry).toList());
        }
    }
}
