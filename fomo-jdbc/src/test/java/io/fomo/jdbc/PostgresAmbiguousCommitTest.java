package io.fomo.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AppendResult;
import io.fomo.spi.EventId;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The ambiguous append: the server commits, the answer is lost with the connection. The journal reconnects,
 * finds its own batch under the key where it expected it, and reports it written, once; a later call with
 * the same key is a duplicate. Against the real server, through {@link CommitDroppingProxy}.
 */
class PostgresAmbiguousCommitTest {

    private static JournalEntry entry(int i) {
        return JournalEntry.of("n", ("entry " + i).getBytes(StandardCharsets.UTF_8), Instant.ofEpochSecond(1_700_000_000L + i));
    }

    @Test
    void aCommitWhoseAnswerIsLostIsWrittenOnceAndReportedAsWritten() throws Exception {
        String url = PostgresTestDatabase.url();
        URI target = URI.create(url.substring("jdbc:".length()));
        String prefix = "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
        try (CommitDroppingProxy proxy = new CommitDroppingProxy(target.getHost(), target.getPort())) {
            // prepareThreshold=0: the driver sends every COMMIT as text (never as a server-prepared statement's
            // name), so the proxy can recognise it.
            String viaProxy = url.replace(":" + target.getPort() + "/", ":" + proxy.port() + "/")
                    + (url.contains("?") ? "&" : "?") + "prepareThreshold=0";
            try (PostgresEventJournal j = PostgresEventJournal.open(viaProxy, prefix,
                    new Reconnect(10, Duration.ofMillis(20), Duration.ofMillis(200)))) {
                int before = 1 + ThreadLocalRandom.current().nextInt(5);
                List<JournalEntry> written = new ArrayList<>();
                for (int i = 0; i < before; i++) {
                    j.append(i, EventId.of("k" + i), List.of(entry(i)));
                    written.add(entry(i));
                }
                proxy.dropNextCommitAnswer();
                List<JournalEntry> batch = List.of(entry(before), entry(before + 1));
                AppendResult r = j.append(before, EventId.of("ambiguous"), batch);
                assertEquals(1, proxy.dropped(), "no commit answer was lost");
                assertEquals(1, j.reconnects());
                assertFalse(r.isDuplicate(), "this call wrote the batch: " + r);
                assertEquals(before + 1, r.firstSequence());
                assertEquals(before + 2, r.lastSequence());
                written.addAll(batch);
                assertEquals(written, j.read(1).stream().map(JournalRecord::entry).toList());
                assertTrue(j.append(before, EventId.of("ambiguous"), batch).isDuplicate());
                assertEquals(before + 2, j.currentSequence());
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + prefix + "events, " + prefix + "batches");
            }
        }
    }
}
