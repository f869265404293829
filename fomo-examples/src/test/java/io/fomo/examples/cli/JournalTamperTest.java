package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.engine.FomoProtocol;
import io.fomo.examples.crash.CrashScript;
import io.fomo.examples.journal.Journals;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SQLite journal written by an engine, edited in its middle the way an operator with the
 * {@code sqlite3} tool could: every edit makes {@code fomo replay} fail with status 1, a message naming
 * the sequence number, and no state hash; the untouched journal replays to the writer's hash.
 */
class JournalTamperTest {

    @TempDir
    static Path shared;

    private static Path written;
    private static String stateHash;
    private static String head;
    /** Two adjacent three-row batches (command, facts, seal) in the middle of the journal. */
    private static long a;
    private static long b;

    @TempDir
    Path dir;

    @BeforeAll
    static void write() throws SQLException {
        written = shared.resolve("written.db");
        EventJournal journal = Journals.open("sqlite:" + written);
        try {
            ManualClock clock = ManualClock.startingAt(CrashScript.T0);
            FomoProtocol protocol = CrashScript.engine(journal, new InMemoryChainGateway(), clock, true);
            for (int i = 0; i < 60; i++) {
                CrashScript.submit(protocol, clock, i);
            }
            stateHash = protocol.stateHash();
            head = protocol.headHash();
        } finally {
            Journals.close(journal);
        }
        List<long[]> threes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + written); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MIN(seq), COUNT(*), MAX(type = 'command') FROM fomo_events "
                        + "GROUP BY idem_key ORDER BY MIN(seq)")) {
            while (rs.next()) {
                threes.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            }
        }
        for (int i = threes.size() / 2; i + 1 < threes.size(); i++) {
            long[] x = threes.get(i);
            long[] y = threes.get(i + 1);
            if (x[1] == 3 && y[1] == 3 && x[2] == 1 && y[2] == 1) {
                a = x[0];
                b = y[0];
                return;
            }
        }
        throw new AssertionError("no two adjacent three-row command batches in the middle of the journal");
    }

    private static final class Run {
        final int status;
        final String out;
        final String err;

        Run(String... args) {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            this.status = FomoCli.run(new PrintWriter(o), new PrintWriter(e), args);
            this.out = o.toString();
            this.err = e.toString();
        }
    }

    private int copies;

    private Path copy() throws Exception {
        Path p = dir.resolve("edited-" + ++copies + ".db");
        Files.copy(written, p);
        return p;
    }

    private static void sql(Path db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    /** Edits a copy, replays it, and checks the failure names the sequence number and prints no hash. */
    private void rejects(long sequence, String kind, String... statements) throws Exception {
        Path p = copy();
        sql(p, statements);
        Run run = new Run("replay", "--journal", "sqlite:" + p);
        assertEquals(1, run.status, run.out + run.err);
        assertFalse(run.out.contains("state-hash"), run.out);
        assertTrue(run.err.contains("journal integrity (" + kind + ") at sequence " + sequence + ":"), run.err);
    }

    @Test
    void theUntouchedJournalReplaysToTheWritersHashAndHead() {
        Run run = new Run("replay", "--journal", "sqlite:" + written, "--expect-head", head);
        assertEquals(0, run.status, run.err);
        assertTrue(run.out.endsWith("head: " + head + "\nstate-hash: " + stateHash + "\n"), run.out);
    }

    @Test
    void anEditedAmountBreaksTheChainAtItsBatch() throws Exception {
        rejects(a, "CHAIN", "UPDATE fomo_events SET payload = CAST(REPLACE(CAST(payload AS TEXT), 'units=', 'units=9') "
                + "AS BLOB) WHERE seq = " + a);
    }

    @Test
    void anEditedFactBreaksTheChainAtItsBatch() throws Exception {
        rejects(a, "CHAIN", "UPDATE fomo_events SET payload = CAST(REPLACE(CAST(payload AS TEXT), 'USD:6:', 'USD:6:1') "
                + "AS BLOB) WHERE seq = " + (a + 1));
    }

    @Test
    void aSequenceNumberOrTimestampThatIsNoIntegerIsMalformedNotTruncated() throws Exception {
        // SQLite keeps 12.5 in the BIGINT column as it is; read as a long it would look like 12 again.
        rejects(a + 1, "MALFORMED", "UPDATE fomo_events SET seq = " + (a + 1) + ".5 WHERE seq = " + (a + 1));
        rejects(a + 1, "MALFORMED", "UPDATE fomo_events SET ts_seconds = ts_seconds + 0.5 WHERE seq = " + (a + 1));
    }

    @Test
    void aDeletedRowIsAGap() throws Exception {
        rejects(a + 1, "GAP", "DELETE FROM fomo_events WHERE seq = " + (a + 1));
    }

    @Test
    void aDeletedBatchIsAGapAndRenumberingAfterItBreaksTheChain() throws Exception {
        rejects(a, "GAP", "DELETE FROM fomo_events WHERE seq BETWEEN " + a + " AND " + (a + 2));
        rejects(a, "CHAIN", "DELETE FROM fomo_events WHERE seq BETWEEN " + a + " AND " + (a + 2),
                "UPDATE fomo_events SET seq = seq + 1000000 WHERE seq > " + (a + 2),
                "UPDATE fomo_events SET seq = seq - 1000003 WHERE seq > 1000000");
    }

    @Test
    void anInsertedDuplicateRowBreaksTheChain() throws Exception {
        rejects(a, "CHAIN", "UPDATE fomo_events SET seq = seq + 1000000 WHERE seq > " + a,
                "UPDATE fomo_events SET seq = seq - 999999 WHERE seq > 1000000",
                "INSERT INTO fomo_events SELECT seq + 1, idem_key, type, payload, ts_seconds, ts_nanos FROM fomo_events "
                        + "WHERE seq = " + a);
    }

    @Test
    void rowsOrBatchesInAnotherOrderBreakTheChain() throws Exception {
        rejects(a, "CHAIN", "UPDATE fomo_events SET seq = -1 WHERE seq = " + a,
                "UPDATE fomo_events SET seq = " + a + " WHERE seq = " + (a + 1),
                "UPDATE fomo_events SET seq = " + (a + 1) + " WHERE seq = -1");
        rejects(a, "CHAIN", "UPDATE fomo_events SET seq = -seq WHERE seq BETWEEN " + a + " AND " + (b + 2),
                "UPDATE fomo_events SET seq = -seq + 3 WHERE seq BETWEEN " + -(a + 2) + " AND " + -a,
                "UPDATE fomo_events SET seq = -seq - 3 WHERE seq BETWEEN " + -(b + 2) + " AND " + -b);
    }

    @Test
    void aRetypedRowBreaksTheChainAndARetypedSealLeavesItsBatchUnsealed() throws Exception {
        rejects(a, "CHAIN", "UPDATE fomo_events SET type = 'intent' WHERE seq = " + (a + 1));
        rejects(a, "UNSEALED", "UPDATE fomo_events SET type = 'facts' WHERE seq = " + (a + 2));
    }

    @Test
    void aRenamedCommandIdATimestampOrGarbageBreaksTheChain() throws Exception {
        rejects(a, "CHAIN", "UPDATE fomo_events SET idem_key = 'renamed' WHERE seq BETWEEN " + a + " AND " + (a + 2));
        rejects(a, "CHAIN", "UPDATE fomo_events SET ts_nanos = ts_nanos + 1 WHERE seq = " + a);
        rejects(a, "CHAIN", "UPDATE fomo_events SET payload = x'ff00fe' WHERE seq = " + a);
    }

    @Test
    void aJournalCutInsideABatchIsUnsealed() throws Exception {
        rejects(a, "UNSEALED", "DELETE FROM fomo_events WHERE seq > " + (a + 1));
    }

    @Test
    void aJournalCutBetweenBatchesFailsOnlyAgainstTheExpectedHead() throws Exception {
        Path p = copy();
        sql(p, "DELETE FROM fomo_events WHERE seq > " + (a + 2));
        Run plain = new Run("replay", "--journal", "sqlite:" + p);
        assertEquals(0, plain.status, plain.err);
        Run expecting = new Run("replay", "--journal", "sqlite:" + p, "--expect-head", head);
        assertEquals(1, expecting.status);
        assertFalse(expecting.out.contains("state-hash"), expecting.out);
        assertTrue(expecting.err.contains("the head after " + (a + 2) + " events is "), expecting.err);
        assertTrue(expecting.err.contains("expected " + head + " (the journal's tail was cut or replaced)"),
                expecting.err);
    }

    @Test
    void aMalformedExpectedHeadIsAUsageError() {
        Run run = new Run("replay", "--journal", "sqlite:" + written, "--expect-head", "XYZ");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("Invalid value for option '--expect-head': XYZ: must be 64 lowercase hex digits"),
                run.err);
    }

    @Test
    void verifyReportsTheRulesAndThatEveryCommandMatches() {
        Run run = new Run("replay", "--journal", "sqlite:" + written, "--verify");
        assertEquals(0, run.status, run.err);
        assertTrue(run.out.contains("rules: " + FomoProtocol.RULES_VERSION + " (engine " + FomoProtocol.RULES_VERSION
                + ")\nverify: every command decided again matches its journaled facts\n"), run.out);
        assertTrue(run.out.endsWith("state-hash: " + stateHash + "\n"), run.out);
    }
}
