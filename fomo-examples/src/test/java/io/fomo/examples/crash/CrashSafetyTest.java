package io.fomo.examples.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fomo.core.engine.FomoProtocol;
import io.fomo.examples.journal.Journals;
import io.fomo.jdbc.PostgresEventJournal;
import io.fomo.jdbc.PostgresTestDatabase;
import io.fomo.jdbc.Reconnect;
import io.fomo.jdbc.RestartablePostgres;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.ManualClock;
import io.fomo.spi.StorageException;
import io.fomo.spi.TokenIntent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the engine over each durable journal adapter: a child JVM ({@link CrashWorker})
 * appends {@link CrashScript} through the engine and is killed with SIGKILL at a random point, 50 times
 * over one journal; it resumes on the same journal each time. After every kill:
 * <ol>
 *   <li>every command the worker acknowledged (printed ACK for, after {@code submit} returned) is in
 *       the journal, and the journal's commands are exactly the script's first n, in order;</li>
 *   <li>no batch is half-written: every idempotency key holds one contiguous run of records; each
 *       command's run is entry for entry what an uninterrupted run writes for that command (the command
 *       and all its intents); each confirmation run holds confirmations only, each of an intent
 *       journaled before and confirmed once, and is keyed by its first and last intent;</li>
 *   <li>the journal replays, and its state hash equals that of an uninterrupted in-memory run over the
 *       same n commands; its pending intents are exactly those journaled and not confirmed.</li>
 * </ol>
 * The kill point is random on every run (no seed): either at a random instant from the start of the
 * worker (while it opens the journal, replays or writes), or a random moment after a random number of
 * fresh acknowledgements. The worker dispatches intents at once (autoDispatch on) to a chain rebuilt
 * from the journal's confirmations, so confirmation batches, and the re-dispatch after a crash between
 * a command and its confirmations, are covered too.
 */
class CrashSafetyTest {

    private static final int KILLS = 50;
    private static final long PATIENCE_SECONDS = 60;

    @Test
    void sqliteJournalKeepsEveryAcknowledgedCommandThroughFiftySigkills(@TempDir Path dir) throws Exception {
        new Campaign("sqlite:" + dir.resolve("crash.db"), dir).run();
    }

    @Test
    void postgresJournalKeepsEveryAcknowledgedCommandThroughFiftySigkills(@TempDir Path dir) throws Exception {
        String url = PostgresTestDatabase.url();
        String schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String spec = url.substring("jdbc:".length()) + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            new Campaign(spec, dir).run();
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new AssertionError("cannot drop schema " + schema + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The engine against PostgreSQL through a database restart: a writer thread submits the script through
     * one engine over one journal while the server is stopped ({@code pg_ctl stop -m fast}) and started again
     * on the same port, at a random point of the run. Every command is acknowledged (a submit that gave up
     * with {@link StorageException} is retried with the same id, as an integrator would), the journal
     * holds each once (checked as after a kill), and both the live engine's and the replayed state hash
     * equal an uninterrupted in-memory run's over the same commands.
     */
    @Test
    void postgresJournalKeepsEveryAcknowledgedCommandThroughADatabaseRestart(@TempDir Path dir) throws Exception {
        try (RestartablePostgres server = RestartablePostgres.start("crash-restart")) {
            int total = 60 + ThreadLocalRandom.current().nextInt(60);
            int restartAfter = 5 + ThreadLocalRandom.current().nextInt(total - 20);
            Campaign campaign = new Campaign(server.url().substring("jdbc:".length()), dir);
            // About 20 s of reconnecting: a restart on a busy machine takes a few seconds.
            PostgresEventJournal journal = PostgresEventJournal.open(server.url(), "fomo_",
                    new Reconnect(40, Duration.ofMillis(50), Duration.ofMillis(500)));
            try {
                ManualClock clock = ManualClock.startingAt(CrashScript.T0);
                FomoProtocol engine = CrashScript.engine(journal, new InMemoryChainGateway(), clock, true);
                List<Integer> acks = Collections.synchronizedList(new ArrayList<>());
                AtomicInteger givenUp = new AtomicInteger();
                AtomicReference<Throwable> broken = new AtomicReference<>();
                // The writer waits after its restartAfter-th acknowledgement until the server is down, so that
                // the restart falls among the commands however fast they run.
                java.util.concurrent.CountDownLatch serverStopped = new java.util.concurrent.CountDownLatch(1);
                Thread writer = new Thread(() -> {
                    try {
                        for (int i = 0; i < total; i++) {
                            for (int attempt = 0; ; attempt++) {
                                try {
                                    CrashScript.submit(engine, clock, i);
                                    acks.add(i);
                                    if (acks.size() == restartAfter) {
                                        serverStopped.await(60, TimeUnit.SECONDS);
                                    }
                                    break;
                                } catch (StorageException e) {
                                    givenUp.incrementAndGet();
                                    assertTrue(attempt < 5, "command " + i + " kept failing: " + e.getMessage());
                                }
                            }
                        }
                    } catch (Throwable t) {
                        broken.set(t);
                    }
                }, "crash-restart-writer");
                writer.start();
                while (acks.size() < restartAfter && writer.isAlive()) {
                    Thread.sleep(2);
                }
                server.stop();
                serverStopped.countDown();
                int before = acks.size();
                Thread.sleep(ThreadLocalRandom.current().nextInt(50, 1000));
                server.startAgain();
                writer.join(TimeUnit.SECONDS.toMillis(300));
                assertFalse(writer.isAlive(), "the writer never finished");
                if (broken.get() != null) {
                    throw new AssertionError("the writer failed", broken.get());
                }
                assertTrue(before < total, "the restart came after the last command");
                assertTrue(journal.reconnects() >= 1, "the journal never reconnected");
                campaign.acknowledged.addAll(acks);
                assertEquals(total, acks.size());
                assertEquals(total, campaign.check(0));
                campaign.reference.advanceTo(total);
                assertEquals(campaign.reference.protocol.stateHash(), engine.stateHash(),
                        "the engine that lived through the restart differs from an uninterrupted run");
                System.out.printf("crash safety through a PostgreSQL restart: %d commands, restart after %d, "
                        + "%d reconnects, %d submits gave up and were retried%n", total, before, journal.reconnects(),
                        givenUp.get());
            } finally {
                journal.close();
            }
        }
    }

    /** Fifty kill-and-check rounds over one journal. */
    private static final class Campaign {
        private final String spec;
        private final Path dir;
        private final Reference reference = new Reference();
        private final TreeSet<Integer> acknowledged = new TreeSet<>();
        private int earlyKills;
        private int journalAheadOfAcks;
        private Optional<Path> sqliteLibrary;

        Campaign(String spec, Path dir) {
            this.spec = spec;
            this.dir = dir;
        }

        void run() throws Exception {
            int journaled = 0;
            for (int round = 0; round < KILLS; round++) {
                List<Integer> acks = killOnce(round, journaled);
                acknowledged.addAll(acks);
                int n = check(round);
                if (n > maxAcknowledged() + 1) {
                    journalAheadOfAcks++;
                }
                journaled = n;
            }
            assertTrue(journaled > 0, "the worker never got a command into the journal in " + KILLS + " runs");
            System.out.printf("crash safety %s: %d kills (%d early), %d commands journaled, %d acknowledged, "
                    + "%d kills left a command journaled but not acknowledged%n", Journals.redact(spec), KILLS,
                    earlyKills, journaled, acknowledged.size(), journalAheadOfAcks);
        }

        private int maxAcknowledged() {
            return acknowledged.isEmpty() ? -1 : acknowledged.last();
        }

        /** Starts the worker, kills it at a random point, returns the indices it acknowledged. */
        private List<Integer> killOnce(int round, int journaled) throws Exception {
            Path err = dir.resolve("worker-" + round + ".err");
            Process p = new ProcessBuilder(workerCommand()).redirectError(err.toFile()).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> pump(p, lines), "crash-worker-stdout-" + round);
            reader.setDaemon(true);
            reader.start();
            List<Integer> acks = new ArrayList<>();
            try {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                if (random.nextInt(5) == 0) {
                    // Anywhere from JVM start through opening the journal and replay, or else within a few
                    // milliseconds of the first new writes.
                    earlyKills++;
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextLong(800));
                    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                        String line = lines.poll(left, TimeUnit.NANOSECONDS);
                        if (line == null) {
                            break;
                        }
                        if (line.equals(EOF)) {
                            fail("worker ended before it was killed (round " + round + "): " + stderr(err));
                        }
                        record(line, acks);
                        if (line.startsWith("READY ")) {
                            Thread.sleep(random.nextLong(6));
                            break;
                        }
                    }
                } else {
                    int fresh = 1 + random.nextInt(5);
                    while (fresh > 0) {
                        String line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
                        if (line == null || line.equals(EOF)) {
                            fail("worker ended or stalled before it was killed (round " + round + "): " + stderr(err));
                        }
                        if (line.startsWith("ACK ") && ack(line) >= journaled) {
                            fresh--;
                        }
                        record(line, acks);
                    }
                    Thread.sleep(random.nextLong(6));
                }
                if (!p.isAlive()) {
                    fail("worker ended by itself with status " + p.exitValue() + " (round " + round + "): " + stderr(err));
                }
                // SIGKILL through the process handle: Process.destroyForcibly would also close our end of
                // the worker's stdout and lose the acknowledgements still in the pipe.
                assertTrue(p.toHandle().destroyForcibly(), "SIGKILL not sent");
                assertTrue(p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), "worker survived SIGKILL");
                assertEquals(137, p.exitValue(), "exit status of a SIGKILLed worker");
            } finally {
                if (p.isAlive()) {
                    p.toHandle().destroyForcibly();
                }
            }
            // Whatever the worker printed before it died is still in the pipe: drain it.
            for (String line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS); !EOF.equals(line);
                    line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                if (line == null) {
                    fail("the worker's output never ended (round " + round + ")");
                }
                record(line, acks);
            }
            return acks;
        }

        private static void record(String line, List<Integer> acks) {
            if (line.startsWith("ACK ")) {
                acks.add(ack(line));
            } else if (!line.startsWith("READY ")) {
                fail("unexpected worker output: " + line);
            }
        }

        private static int ack(String line) {
            String[] parts = line.split(" ");
            int index = Integer.parseInt(parts[1]);
            assertEquals(CrashScript.id(index).value(), parts[2], line);
            return index;
        }

        /** Checks the journal after a kill; returns the number of script commands it holds. */
        private int check(int round) {
            if (spec.startsWith("sqlite:") && !java.nio.file.Files.exists(Path.of(spec.substring("sqlite:".length())))) {
                // Killed before the worker created the database: nothing can have been acknowledged.
                assertTrue(acknowledged.isEmpty(), "round " + round + ": acknowledged commands but no database");
                return 0;
            }
            EventJournal journal = Journals.openExisting(spec);
            try {
                List<JournalRecord> records = journal.read(1);
                String where = "round " + round + ", " + records.size() + " records";
                Map<String, List<JournalEntry>> runs = runs(records, where);
                List<String> commandKeys = new ArrayList<>();
                Set<String> intents = new LinkedHashSet<>();
                Set<String> confirmed = new HashSet<>();
                for (Map.Entry<String, List<JournalEntry>> run : runs.entrySet()) {
                    String key = run.getKey();
                    List<JournalEntry> entries = run.getValue();
                    // Every batch ends with its seal (the hash chain); the chain itself differs from the
                    // uninterrupted run's wherever confirmations fell elsewhere, so seals are compared by
                    // replay (below), and the rest entry for entry.
                    assertEquals("seal", entries.get(entries.size() - 1).type(), where + ": batch " + key
                            + " does not end with its seal (half-written?)");
                    entries = entries.subList(0, entries.size() - 1);
                    if (key.startsWith("~confirm:")) {
                        checkConfirmations(key, entries, intents, confirmed, where);
                        continue;
                    }
                    if (!key.equals("~genesis")) {
                        commandKeys.add(key);
                        assertEquals(CrashScript.id(commandKeys.size() - 1).value(), key,
                                where + ": the journal's commands are not the script's prefix");
                    }
                    reference.advanceTo(commandKeys.size());
                    List<JournalEntry> expected = reference.batch(key);
                    assertEquals(expected.subList(0, expected.size() - 1), entries, where + ": batch " + key
                            + " differs from what an uninterrupted run writes (half-written?)");
                    for (JournalEntry e : entries) {
                        if (e.type().equals("intent")) {
                            intents.add(Payloads.field(e, "id"));
                        }
                    }
                }
                int n = commandKeys.size();
                for (int a : acknowledged) {
                    assertTrue(a < n, where + ": command " + a + " was acknowledged but the journal holds only "
                            + n + " commands");
                }
                if (records.isEmpty()) {
                    return 0;
                }
                assertEquals("~genesis", records.get(0).idempotencyKey().value(), where);
                FomoProtocol replayed = FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                        .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(CrashScript.T0))
                        .autoDispatch(false).build();
                reference.advanceTo(n);
                assertEquals(n, replayed.commandCount(), where);
                assertEquals(records.size(), replayed.sequence(), where);
                assertEquals(reference.protocol.stateHash(), replayed.stateHash(),
                        where + ": replayed state differs from an uninterrupted run over " + n + " commands");
                Set<String> pending = new LinkedHashSet<>(intents);
                pending.removeAll(confirmed);
                List<String> outbox = new ArrayList<>();
                for (TokenIntent t : replayed.pendingIntents()) {
                    outbox.add(t.id().value());
                }
                assertEquals(new ArrayList<>(pending), outbox, where + ": pending intents after replay");
                return n;
            } finally {
                Journals.close(journal);
            }
        }

        /** Groups records by idempotency key, requiring each key to be one contiguous run. */
        private static Map<String, List<JournalEntry>> runs(List<JournalRecord> records, String where) {
            Map<String, List<JournalEntry>> runs = new java.util.LinkedHashMap<>();
            String previous = null;
            long expected = 1;
            for (JournalRecord r : records) {
                assertEquals(expected++, r.sequence(), where + ": sequence numbers are not dense");
                String key = r.idempotencyKey().value();
                if (!key.equals(previous)) {
                    assertTrue(runs.put(key, new ArrayList<>()) == null,
                            where + ": key " + key + " holds two separate runs of records");
                    previous = key;
                }
                runs.get(key).add(r.entry());
            }
            return runs;
        }

        private static void checkConfirmations(String key, List<JournalEntry> entries, Set<String> intents,
                Set<String> confirmed, String where) {
            List<String> ids = new ArrayList<>();
            for (JournalEntry e : entries) {
                assertEquals("confirmation", e.type(), where + ": batch " + key);
                String id = Payloads.field(e, "intent");
                assertTrue(intents.contains(id), where + ": " + key + " confirms " + id + ", never journaled");
                assertTrue(confirmed.add(id), where + ": " + id + " confirmed twice");
                assertEquals("CONFIRMED", Payloads.field(e, "status"), where + ": " + id);
                ids.add(id);
            }
            assertEquals("~confirm:" + ids.get(0) + ".." + ids.get(ids.size() - 1), key, where);
        }

        private List<String> workerCommand() throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            // Short-lived JVMs: the client compiler only. Temporary files go to the test's folder.
            List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Djava.io.tmpdir=" + dir));
            Optional<Path> sqlite = sqliteLibrary();
            if (sqlite.isPresent()) {
                command.add("-Dorg.sqlite.lib.path=" + sqlite.get().getParent());
                command.add("-Dorg.sqlite.lib.name=" + sqlite.get().getFileName());
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashWorker.class.getName(), spec));
            return command;
        }

        /**
         * Extracts sqlite-jdbc's native library once, so the workers load it instead of each extracting
         * its own copy (a fifth of a worker's start); empty where the jar has none for this platform.
         */
        private Optional<Path> sqliteLibrary() throws IOException {
            if (sqliteLibrary == null) {
                String name = System.mapLibraryName("sqlitejdbc");
                String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS()
                        + "/" + name;
                try (java.io.InputStream in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        sqliteLibrary = Optional.empty();
                    } else {
                        Path folder = Files.createDirectories(dir.resolve("native"));
                        Files.copy(in, folder.resolve(name));
                        sqliteLibrary = Optional.of(folder.resolve(name));
                    }
                }
            }
            return sqliteLibrary;
        }
    }

    private static final String EOF = "\u0000EOF";

    private static void pump(Process p, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("stdout failed: " + e);
        } finally {
            lines.add(EOF);
        }
    }

    private static String stderr(Path err) {
        try {
            return Files.readString(err);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    /** The uninterrupted run: one in-memory engine that only ever moves forward through the script. */
    private static final class Reference {
        final InMemoryEventJournal journal = new InMemoryEventJournal();
        final ManualClock clock = ManualClock.startingAt(CrashScript.T0);
        final FomoProtocol protocol = CrashScript.engine(journal, new InMemoryChainGateway(), clock, false);
        private final Map<String, List<JournalEntry>> batches = new HashMap<>();
        private long read;
        private int submitted;

        void advanceTo(int n) {
            while (submitted < n) {
                CrashScript.submit(protocol, clock, submitted++);
            }
            for (JournalRecord r : journal.read(read + 1)) {
                batches.computeIfAbsent(r.idempotencyKey().value(), k -> new ArrayList<>()).add(r.entry());
                read = r.sequence();
            }
        }

        List<JournalEntry> batch(String key) {
            return Optional.ofNullable(batches.get(key)).orElseThrow(() -> new AssertionError(
                    "the uninterrupted run wrote no batch " + key));
        }
    }

}
