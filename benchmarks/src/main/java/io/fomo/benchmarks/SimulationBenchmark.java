package io.fomo.benchmarks;

import io.fomo.examples.lab.MonteCarlo;
import io.fomo.examples.lab.Run;
import io.fomo.examples.run.EngineScenarioRunner;
import io.fomo.examples.run.ProgressListener;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.report.SimulationResult;
import io.fomo.spi.InMemoryEventJournal;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Runs the shipped {@code qwen-alice} scenario for 365 days through the protocol engine, as {@code fomo
 * simulate} does, into an {@link InMemoryEventJournal} (so the number is the engine's and the runner's, not
 * a database's).
 *
 * <ul>
 *   <li>{@link #simulate}: one whole run with {@code users} users: the launch, the raise, graduation, a
 *       year of daily usage (each day's paid calls as one {@code RecordUsageBatch}, one call per active
 *       user), stakes, locks, 365 epoch
 *       closes, and the daily rows the command line prints. Target: 10,000 users in at most 5 s.</li>
 *   <li>{@link #monteCarlo}: {@code runs} Monte Carlo runs ({@code fomo simulate --runs}) of 365 days with
 *       {@code mcUsers} users on {@code threads} threads, as {@link MonteCarlo#run} does them. Target: 100
 *       runs of 1,000 users in at most 60 s. The parallel speed-up is the score at {@code threads=1} over
 *       the score at {@code threads=2}, both from the same invocation (the baseline is the one-thread
 *       case of the same method).</li>
 * </ul>
 *
 * <p>The scenario's own seed is replaced by a seed drawn at run time (printed), so that no run is tuned to
 * one draw of the usage.
 *
 * <p>The fork runs with the JVM options the {@code fomo} launcher gives a batch run: the throughput
 * collector ({@code -XX:+UseParallelGC}) and a 1 GB young generation ({@code -Xmn1g}); passing
 * {@code -jvmArgsAppend} on the command line replaces them (repeat them there to keep them).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimulationBenchmark -p users=10000 -p runs=100
 * -rf json -rff benchmarks/target/jmh-simulation.json} (single shot: one warm-up run, three measured; on a
 * shared machine {@code -wi 0 -i 1}). CI's size: {@code -p users=100 -p runs=4}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmn1g"})
public class SimulationBenchmark {

    private static final int DAYS = 365;

    /** Creates the benchmark; JMH instantiates it. */
    public SimulationBenchmark() {
    }

    /** One run's scenario. */
    @State(Scope.Benchmark)
    public static class Single {

        /** Users on the first usage day: 100 as shipped (CI's size), 10,000 for the target. */
        @Param({"100", "10000"})
        public int users;

        Scenario scenario;
        final EngineScenarioRunner runner = new EngineScenarioRunner();

        /** Creates the state; JMH instantiates it. */
        public Single() {
        }

        /** Builds the scenario with a fresh seed. */
        @Setup
        public void scenario() {
            long seed = Seeds.fresh("SimulationBenchmark.simulate(" + users + ")").nextLong();
            scenario = Scenarios.qwenAlice(DAYS, users).withSeed(seed);
            runner.validate(scenario);
        }
    }

    /** The Monte Carlo scenario, runs and threads. */
    @State(Scope.Benchmark)
    public static class Many {

        /** Users of each run. */
        @Param({"1000"})
        public int mcUsers;

        /** Runs per operation: 100 for the target. */
        @Param({"100"})
        public int runs;

        /** Threads: 1 is the baseline of the speed-up. */
        @Param({"1", "2"})
        public int threads;

        Scenario scenario;

        /** Creates the state; JMH instantiates it. */
        public Many() {
        }

        /** Builds the scenario with a fresh seed. */
        @Setup
        public void scenario() {
            long seed = Seeds.fresh("SimulationBenchmark.monteCarlo(" + mcUsers + ", " + runs + ", " + threads + ")")
                    .nextLong();
            scenario = Scenarios.qwenAlice(DAYS, mcUsers).withSeed(seed);
            new EngineScenarioRunner().validate(scenario);
        }
    }

    /**
     * One run of the scenario.
     *
     * @param s the scenario
     * @return the result (its state hash and daily rows)
     */
    @Benchmark
    public SimulationResult simulate(Single s) {
        return s.runner.run(s.scenario, new InMemoryEventJournal(), ProgressListener.NONE);
    }

    /**
     * {@code runs} Monte Carlo runs on {@code threads} threads.
     *
     * @param m the scenario, runs and threads
     * @return the runs
     */
    @Benchmark
    public List<Run> monteCarlo(Many m) {
        return MonteCarlo.run(m.scenario, m.runs, m.threads);
    }
}
