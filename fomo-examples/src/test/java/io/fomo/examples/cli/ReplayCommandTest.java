package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.engine.FomoProtocol;
import io.fomo.examples.crash.CrashScript;
import io.fomo.examples.journal.Journals;
import io.fomo.jdbc.PostgresTestDatabase;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    /** What the writing engine saw; the replay must print the same. */
    private static final class Written {
        long events;
        long commands;
        String hash;
        String head;
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

        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** Writes the first n commands of the crash script through an engine that dispatches to a chain. */
    private static Written write(String spec, int n) {
        EventJournal journal = Journals.open(spec);
        try {
            ManualClock clock = ManualClock.startingAt(CrashScript.T0);
            FomoProtocol protocol = CrashScript.engine(journal, new InMemoryChainGateway(), clock, true);
            for (int i = 0; i < n; i++) {
                CrashScript.submit(protocol, clock, i);
            }
            Written w = new Written();
            w.events = protocol.sequence();
            w.commands = protocol.commandCount();
            w.hash = protocol.stateHash();
            w.head = protocol.headHash();
            return w;
        } finally {
            Journals.close(journal);
        }
    }

    private static void assertReplays(String spec, Written w) {
        Run run = new Run("replay", "--journal", spec);
        assertEquals(0, run.status, run.err);
        assertEquals(List.of("events: " + w.events, "commands: " + w.commands, "head: " + w.head,
                "state-hash: " + w.hash), run.lines());
        assertTrue(w.hash.matches("[0-9a-f]{64}"));
        assertEquals("", run.err);
    }

    @Test
    void replayOfAnSqliteJournalPrintsTheWritersEventCountAndStateHash(@TempDir Path dir) {
        String spec = "sqlite:" + dir.resolve("written.db");
        // 43 commands: the launch graduates, five epochs close, rewards are claimed.
        Written w = write(spec, 43);
        assertEquals(43, w.commands);
        assertReplays(spec, w);
        // Replaying writes nothing: a second replay prints the same.
        assertReplays(spec, w);
    }

    @Test
    void replayOfAPostgresqlJournalPrintsTheWritersEventCountAndStateHash() throws Exception {
        String url = PostgresTestDatabase.url();
        String schema = "replay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String spec = url.substring("jdbc:".length()) + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            Written w = write(spec, 43);
            assertReplays(spec, w);
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void anUnknownSchemeIsAUsageErrorNamingTheValue() {
        Run run = new Run("replay", "--journal", "ftp://example.org/j");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("journal = \"ftp://example.org/j\": unknown kind of journal; expected memory, "
                + "sqlite:PATH or postgresql://"), run.err);
        assertTrue(run.err.contains("Usage: fomo replay"), run.err);
        assertEquals("", run.out);
    }

    @Test
    void aMemoryJournalHasNothingToReplay() {
        Run run = new Run("replay", "--journal", "memory");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("nothing to replay: the journal memory is empty (a memory journal starts empty "
                + "every time)"), run.err);
        assertEquals("", run.out);
    }

    @Test
    void aMissingSqliteFileIsAUsageErrorAndIsNotCreated(@TempDir Path dir) {
        Path file = dir.resolve("absent.db");
        Run run = new Run("replay", "--journal", "sqlite:" + file);
        assertEquals(2, run.status);
        assertTrue(run.err.contains("journal = \"sqlite:" + file + "\": no such file"), run.err);
        assertFalse(Files.exists(file));
    }

    @Test
    void anEmptySqliteJournalHasNothingToReplay(@TempDir Path dir) {
        String spec = "sqlite:" + dir.resolve("empty.db");
        Journals.close(Journals.open(spec));
        Run run = new Run("replay", "--journal", spec);
        assertEquals(2, run.status);
        assertTrue(run.err.contains("nothing to replay: the journal " + spec + " is empty"), run.err);
    }

    @Test
    void aMissingOrEmptyOptionIsAUsageError() {
        Run missing = new Run("replay");
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("Missing required option: '--journal=<spec>'"), missing.err);
        Run empty = new Run("replay", "--journal", "");
        assertEquals(2, empty.status);
        assertTrue(empty.err.contains("journal = \"\": unknown kind of journal"), empty.err);
    }

    @Test
    void aJournalThatIsNotTheEnginesFailsWithStatusOne(@TempDir Path dir) {
        String spec = "sqlite:" + dir.resolve("foreign.db");
        EventJournal j = Journals.open(spec);
        j.append(0, EventId.of("k"), List.of(JournalEntry.of("hello", new byte[0], Instant.EPOCH)));
        Journals.close(j);
        Run run = new Run("replay", "--journal", spec);
        assertEquals(1, run.status);
        assertEquals("replay of " + spec + " failed: journal integrity (MALFORMED) at sequence 1: the first event is "
                + "'hello', not the genesis\n", run.err);
        assertEquals("", run.out);
    }

    @Test
    void anUnreachableDatabaseFailsWithStatusOneWithoutShowingThePassword() {
        Run run = new Run("replay", "--journal", "postgresql://127.0.0.1:1/fomo?user=u&password=s3cret");
        assertEquals(1, run.status);
        assertTrue(run.err.startsWith("replay of postgresql://127.0.0.1:1/fomo?user=u&password=*** failed: "),
                run.err);
        assertFalse(run.err.contains("s3cret"), run.err);
    }

    /**
     * Replay opens SQLite read-only: the journal's file (0444) and folder (0555) stay exactly as they were,
     * and the replay prints what the writer saw. (As root the permission bits do not restrict; fomo-jdbc's
     * SqliteReadOnlyTest checks a truly read-only folder in a user namespace.)
     */
    @Test
    void replayOfAnSqliteJournalInAReadOnlyFolderChangesNothing(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("ro"));
        Path file = folder.resolve("journal.db");
        String spec = "sqlite:" + file;
        Written w = write(spec, 12 + java.util.concurrent.ThreadLocalRandom.current().nextInt(20));
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertReplays(spec, w);
            assertArrayEquals(before, Files.readAllBytes(file));
        } finally {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aReadOnlyJournalRefusesAppendsAsReadOnly(@TempDir Path dir) {
        String spec = "sqlite:" + dir.resolve("j.db");
        Written w = write(spec, 3);
        EventJournal ro = Journals.openReadOnly(spec);
        try {
            io.fomo.spi.StorageException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.fomo.spi.StorageException.class, () -> ro.append(w.events, EventId.of("x"),
                            List.of(JournalEntry.of("x", new byte[0], Instant.EPOCH))));
            assertEquals(io.fomo.spi.StorageException.Kind.READ_ONLY, e.kind(), e.getMessage());
            assertEquals(w.events, ro.currentSequence());
        } finally {
            Journals.close(ro);
        }
    }
}
