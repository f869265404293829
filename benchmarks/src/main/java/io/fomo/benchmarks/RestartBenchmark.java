package io.fomo.benchmarks;

import io.fomo.core.engine.FomoProtocol;
import io.fomo.examples.run.EngineScenarioRunner;
import io.fomo.examples.run.ProgressListener;
import io.fomo.examples.report.SimulationResult;
import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.jdbc.SqliteSnapshotStore;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InMemorySnapshotStore;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.ManualClock;
import io.fomo.spi.Snapshot;
import io.fomo.spi.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Restarts an engine on a journal of at least 1,000,000 records: from the newest snapshot plus the journal's
 * tail ({@link #fromSnapshot}) against the baseline, a full replay of the same journal ({@link #fullReplay}).
 * Target: a restart from a snapshot near the head takes at most 1 s.
 *
 * <p>The journal is built once per trial in {@code @Setup}: the shipped {@code qwen-alice} scenario for 365
 * days with {@code users} users and a seed drawn at run time, each paid call its own {@code RecordUsage}
 * (the runner's {@code callByCall()} shape) (3,000 users give about 1,145,000 records; the
 * setup says so when a smaller {@code users}, as in {@code benchmarks/smoke.sh}, gives fewer than 1,000,000). The snapshot is taken {@code tail} records before the head: the journal's batches up to
 * there are copied into a second journal, an engine replays that copy and stores its snapshot; the copy's
 * seals are the original's, so the snapshot checks out against the full journal. The setup checks that the
 * restart from the snapshot and the full replay end on the same sequence, head and state hash.
 * {@code journal=sqlite} does the same from an SQLite file, the snapshot in its {@code fomo_snapshots} table.
 *
 * <p>What a restart from a snapshot does: reads the snapshot, reads the journal's seal at its sequence and the
 * genesis, checks the snapshot's SHA-256 check line, decodes the state through the models' validating
 * factories, checks its state hash against the recorded one, then folds the tail (every batch verified against the chain and decided again).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RestartBenchmark -rf json
 * -rff benchmarks/target/jmh-restart.json}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class RestartBenchmark {

    /** The journal and its snapshot, built once per trial. */
    @State(Scope.Benchmark)
    public static class Journal {
        /** Users of the scenario: enough for 1,000,000 records over 365 days. */
        @Param({"3000"})
        public int users;

        /** Records between the snapshot and the head. */
        @Param({"10000"})
        public int tail;

        /** Where the journal and the snapshot live: {@code memory} or {@code sqlite}. */
        @Param({"memory"})
        public String journal;

        InMemoryEventJournal memory;
        InMemorySnapshotStore memorySnapshots;
        Path sqliteFile;
        long events;
        String stateHash;

        /** Creates the state; JMH calls {@link #build()}. */
        public Journal() {
        }

        /**
         * Runs the scenario, takes the snapshot {@code tail} records before the head, and checks both restarts.
         *
         * @throws IOException if the SQLite file cannot be made
         */
        @Setup
        public void build() throws IOException {
            long seed = Seeds.fresh("RestartBenchmark.Journal(" + users + ")").nextLong();
            memory = new InMemoryEventJournal();
            SimulationResult result = new EngineScenarioRunner().callByCall().run(
                    Scenarios.qwenAlice(365, users).withSeed(seed), memory, ProgressListener.NONE);
            stateHash = result.stateHash();
            events = memory.currentSequence();
            if (events < 1_000_000) {
                // benchmarks/smoke.sh runs every benchmark at users=100: a small journal, whose numbers mean nothing.
                System.out.println("# only " + events + " records: the target's journal needs 1,000,000 (users=3000)");
            }
            InMemoryEventJournal prefix = new InMemoryEventJournal();
            copy(memory, prefix, events - tail);
            memorySnapshots = new InMemorySnapshotStore();
            Snapshot snapshot = engine(prefix, memorySnapshots).snapshot();
            if ("sqlite".equals(journal)) {
                sqliteFile = Files.createTempFile("fomo-restart-", ".db");
                Files.delete(sqliteFile);
                try (SqliteEventJournal sqlite = SqliteEventJournal.open(sqliteFile,
                        SqliteEventJournal.Durability.PROCESS_CRASH);
                        SqliteSnapshotStore store = SqliteSnapshotStore.open(sqliteFile)) {
                    copy(memory, sqlite, Long.MAX_VALUE);
                    store.save(snapshot);
                }
            } else if (!"memory".equals(journal)) {
                throw new IllegalArgumentException("journal = " + journal + ": memory or sqlite");
            }
            FomoProtocol restarted = fromSnapshot(this);
            FomoProtocol full = fullReplay(this);
            if (restarted.restoredFromSequence() != snapshot.sequence()
                    || !restarted.stateHash().equals(stateHash) || !full.stateHash().equals(stateHash)
                    || !restarted.headHash().equals(full.headHash()) || restarted.sequence() != events) {
                throw new IllegalStateException("restart from the snapshot at " + snapshot.sequence() + " ended at "
                        + restarted.sequence() + " / " + restarted.stateHash() + " (refusal: "
                        + restarted.snapshotRefusal().orElse("none") + "), the full replay at " + full.sequence()
                        + " / " + full.stateHash() + ", the run at " + events + " / " + stateHash);
            }
            System.out.println("# journal: " + events + " records, snapshot at " + snapshot.sequence() + " ("
                    + snapshot.size() + " bytes), state-hash " + stateHash);
        }

        /** Deletes the SQLite file. */
        @TearDown
        public void delete() {
            if (sqliteFile == null) {
                return;
            }
            try {
                Files.deleteIfExists(sqliteFile);
                Files.deleteIfExists(Path.of(sqliteFile + "-wal"));
                Files.deleteIfExists(Path.of(sqliteFile + "-shm"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Creates the benchmark; JMH instantiates it. */
    public RestartBenchmark() {
    }

    /**
     * Restarts from the newest snapshot and folds the journal's tail.
     *
     * @param j the journal
     * @return the restarted protocol
     */
    @Benchmark
    public static FomoProtocol fromSnapshot(Journal j) {
        if (j.sqliteFile != null) {
            try (SqliteEventJournal sqlite = SqliteEventJournal.open(j.sqliteFile);
                    SqliteSnapshotStore store = SqliteSnapshotStore.open(j.sqliteFile)) {
                return engine(sqlite, store);
            }
        }
        return engine(j.memory, j.memorySnapshots);
    }

    /**
     * Baseline: replays the same journal from its start.
     *
     * @param j the journal
     * @return the replayed protocol
     */
    @Benchmark
    public static FomoProtocol fullReplay(Journal j) {
        if (j.sqliteFile != null) {
            try (SqliteEventJournal sqlite = SqliteEventJournal.open(j.sqliteFile)) {
                return engine(sqlite, null);
            }
        }
        return engine(j.memory, null);
    }

    private static FomoProtocol engine(EventJournal journal, SnapshotStore snapshots) {
        FomoProtocol.Builder b = FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(EngineScenarioRunner.GENESIS))
                .autoDispatch(false);
        if (snapshots != null) {
            b.snapshots(snapshots);
        }
        return b.build();
    }

    /** Copies whole batches of a journal while they end at or before {@code upTo}. */
    private static void copy(EventJournal from, EventJournal to, long upTo) {
        long next = 1;
        long written = 0;
        EventId key = null;
        List<JournalEntry> batch = new ArrayList<>();
        while (true) {
            List<JournalRecord> page = from.read(next, EventJournal.DEFAULT_PAGE_SIZE);
            for (JournalRecord r : page) {
                if (key != null && !r.idempotencyKey().equals(key)) {
                    if (written + batch.size() > upTo) {
                        return;
                    }
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
        if (!batch.isEmpty() && written + batch.size() <= upTo) {
            to.append(written, key, batch);
        }
    }
}
