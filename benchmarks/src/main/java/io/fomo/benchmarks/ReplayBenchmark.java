package io.fomo.benchmarks;

import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.run.EngineScenarioRunner;
import io.fomo.examples.run.ProgressListener;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rebuilds the protocol's state from a journal: {@link FomoProtocol.Builder#build()} on a non-empty
 * journal replays every record: each batch's seal checked against the hash chain, each {@code command}
 * and its {@code facts} decoded and the facts folded into the state (nothing is decided again: that is
 * the audit's job, {@code JournalAudit.verify}), the intents the facts make compared to the journaled
 * ones, confirmations clearing the outbox (docs/journal.md).
 *
 * <p>The journal is a real one: in {@code @Setup}, the shipped {@code qwen-alice} scenario runs for 365
 * days with {@code users} users and a seed drawn at run time (deposits, a fair launch that graduates,
 * supporter buys, stakes, gmFLOCK locks, one {@code RecordUsage} per active user and day (the runner's
 * {@code callByCall()} shape: an integrator recording each call as it happens; {@code fomo simulate} settles
 * a day's calls as one usage batch, twelve times fewer records), 365 epoch
 * closes with their quotes, burns and buybacks, every intent and confirmation). The same records are
 * copied, batch by batch under their own idempotency keys, into an SQLite file
 * ({@link SqliteEventJournal}, in the temporary folder). The setup checks that a replay ends on the run's
 * state hash.
 *
 * <p>Results read as <b>events per second</b>: the {@code events} counter ({@link AuxCounters}) counts
 * the journal records replayed (genesis, commands, intents, confirmations), and JMH reports its rate.
 * <ul>
 *   <li>{@link #memory}: replay from an {@link InMemoryEventJournal}.</li>
 *   <li>{@link #sqlite}: replay from the SQLite file (a fresh connection per replay).</li>
 *   <li>{@link #readMemory} and {@link #readSqlite}: the baselines, reading the same pages of 1,000 records
 *       and touching each payload without applying anything: the journal's own speed, the ceiling of a
 *       replay.</li>
 * </ul>
 *
 * <p>The fork runs with the JVM options the {@code fomo} launcher gives every batch run, {@code fomo replay}
 * among them: the throughput collector ({@code -XX:+UseParallelGC}) and a 1 GB young generation
 * ({@code -Xmn1g}), as {@link SimulationBenchmark} does. A replay stores the new values of a long-lived state
 * (balances, claims) on every fact, which G1's write barriers make dearer: in the same conditions both
 * threads of a replay took 10–15% more CPU under G1 (docs/benchmarks.md, "Replay under the launcher's
 * collector"). An engine embedded in a service runs under that service's collector; to measure it so, pass
 * {@code -jvmArgsAppend -XX:+UseG1GC}, which replaces these options.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ReplayBenchmark -p users=1000
 * -rf json -rff benchmarks/target/jmh-replay.json} ({@code -p users=100} is the smallest journal).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmn1g"})
public class ReplayBenchmark {

    /** The journals, built once per trial. */
    @State(Scope.Benchmark)
    public static class Journals {
        /** Users of the scenario: 100 as shipped, 1,000 for a longer journal. */
        @Param({"100", "1000"})
        public int users;

        InMemoryEventJournal memory;
        Path sqliteFile;
        String stateHash;
        long events;

        /** Creates the state; JMH calls {@link #build()}. */
        public Journals() {
        }

        /** Runs the scenario into memory and copies its journal to SQLite. */
        @Setup
        public void build() throws IOException {
            long seed = Seeds.fresh("ReplayBenchmark.Journals(" + users + ")").nextLong();
            memory = new InMemoryEventJournal();
            SimulationResult result = new EngineScenarioRunner().callByCall().run(
                    Scenarios.qwenAlice(365, users).withSeed(seed), memory, ProgressListener.NONE);
            stateHash = result.stateHash();
            events = memory.currentSequence();
            sqliteFile = Files.createTempFile("fomo-replay-", ".db");
            Files.delete(sqliteFile);
            try (SqliteEventJournal sqlite = SqliteEventJournal.open(sqliteFile,
                    SqliteEventJournal.Durability.PROCESS_CRASH)) {
                copy(memory, sqlite);
            }
            check(replay(memory), "memory");
            try (SqliteEventJournal sqlite = SqliteEventJournal.open(sqliteFile)) {
                check(replay(sqlite), "sqlite");
            }
            System.out.println("# journal: " + events + " events, state-hash " + stateHash);
        }

        private void check(FomoProtocol replayed, String where) {
            if (!replayed.stateHash().equals(stateHash) || replayed.sequence() != events) {
                throw new IllegalStateException("replay from " + where + " ended at " + replayed.sequence() + " / "
                        + replayed.stateHash() + ", not " + events + " / " + stateHash);
            }
        }

        /** Deletes the SQLite file. */
        @TearDown
        public void delete() {
            try {
                Files.deleteIfExists(sqliteFile);
                Files.deleteIfExists(Path.of(sqliteFile + "-wal"));
                Files.deleteIfExists(Path.of(sqliteFile + "-shm"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Counts the events replayed, so that JMH reports events per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        /** Journal records replayed in this iteration. */
        public long events;

        /** Creates the counter. */
        public Events() {
        }

        /** Resets the counter for each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    /** Creates the benchmark; JMH instantiates it. */
    public ReplayBenchmark() {
    }

    /**
     * Replays the in-memory journal.
     *
     * @param j      the journals
     * @param events the counter
     * @return the rebuilt protocol
     */
    @Benchmark
    public FomoProtocol memory(Journals j, Events events) {
        FomoProtocol p = replay(j.memory);
        events.events += p.sequence();
        return p;
    }

    /**
     * Replays the SQLite journal, opening it first.
     *
     * @param j      the journals
     * @param events the counter
     * @return the rebuilt protocol's sequence
     */
    @Benchmark
    public long sqlite(Journals j, Events events) {
        try (SqliteEventJournal sqlite = SqliteEventJournal.open(j.sqliteFile)) {
            long s = replay(sqlite).sequence();
            events.events += s;
            return s;
        }
    }

    /**
     * Baseline: reads the in-memory journal page by page without applying it.
     *
     * @param j      the journals
     * @param events the counter
     * @return a digest of the payloads' lengths
     */
    @Benchmark
    public long readMemory(Journals j, Events events) {
        return read(j.memory, events);
    }

    /**
     * Baseline: opens the SQLite journal and reads it page by page without applying it.
     *
     * @param j      the journals
     * @param events the counter
     * @return a digest of the payloads' lengths
     */
    @Benchmark
    public long readSqlite(Journals j, Events events) {
        try (SqliteEventJournal sqlite = SqliteEventJournal.open(j.sqliteFile)) {
            return read(sqlite, events);
        }
    }

    static FomoProtocol replay(EventJournal journal) {
        return FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(EngineScenarioRunner.GENESIS))
                .autoDispatch(false).build();
    }

    private static long read(EventJournal journal, Events events) {
        long digest = 0;
        long next = 1;
        while (true) {
            List<JournalRecord> page = journal.read(next, EventJournal.DEFAULT_PAGE_SIZE);
            for (JournalRecord r : page) {
                digest += r.entry().payload().length + r.entry().type().length();
                next = r.sequence() + 1;
            }
            events.events += page.size();
            if (page.size() < EventJournal.DEFAULT_PAGE_SIZE) {
                return digest;
            }
        }
    }

    /** Copies a journal, one append per run of records sharing an idempotency key (as they were written). */
    static void copy(EventJournal from, EventJournal to) {
        long next = 1;
        long written = 0;
        EventId key = null;
        List<JournalEntry> batch = new ArrayList<>();
        while (true) {
            List<JournalRecord> page = from.read(next, EventJournal.DEFAULT_PAGE_SIZE);
            for (JournalRecord r : page) {
                if (key != null && !r.idempotencyKey().equals(key)) {
                    written = to.append(written, key, batch).lastSequence();
                    batch = new ArrayList<>();
                }
                key = r.idempotencyKey();
                batch.add(r.entry());
                next = r.sequence() + 1;
            }
            if (page.size() < EventJournal.DEFAULT_PAGE_SIZE) {
                break;
            }
        }
        if (!batch.isEmpty()) {
            to.append(written, key, batch);
        }
    }
}
