package io.fomo.benchmarks;

import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.run.EngineScenarioRunner;
import io.fomo.examples.run.ProgressListener;
import io.fomo.examples.scenario.Scenario;
import io.fomo.spi.InMemoryEventJournal;
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
 * Runs the shipped {@code qwen-alice} scenario for 365 days through the protocol engine with
 * {@link EngineScenarioRunner}, as {@code fomo simulate} does, with {@code users} users, into an
 * {@link InMemoryEventJournal} (so the number is the engine's and the runner's, not a database's). One
 * operation is one whole run: the launch, the raise, graduation, a year of daily usage (one
 * {@code RecordUsage} per active user and day), stakes, locks and 365 epoch closes, and the daily rows
 * the command line prints (pool, burns, emission, top-10 reward share).
 *
 * <p>The scenario's own seed is replaced by a seed drawn at run time, so that no run is tuned to one
 * draw of the usage. With 10,000 users (all year: the population's cap is raised to 10,000) about 35%
 * are active a day: some 1.27 million journal events.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimulationBenchmark -p users=10000
 * -rf json -rff benchmarks/target/jmh-simulation.json} (single shot: one warm-up run, three measured).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class SimulationBenchmark {

    private static final int DAYS = 365;

    /** Users on the first usage day: 100 as shipped (CI's size), 10,000 for the target. */
    @Param({"100", "10000"})
    public int users;

    private Scenario scenario;
    private final EngineScenarioRunner runner = new EngineScenarioRunner();

    /** Creates the benchmark; JMH instantiates it. */
    public SimulationBenchmark() {
    }

    /** Builds the scenario with a fresh seed. */
    @Setup
    public void scenario() {
        long seed = Seeds.fresh("SimulationBenchmark(" + users + ")").nextLong();
        scenario = Scenarios.qwenAlice(DAYS, users).withSeed(seed);
        runner.validate(scenario);
    }

    /**
     * One run of the scenario.
     *
     * @return the result (its state hash and daily rows)
     */
    @Benchmark
    public SimulationResult simulate() {
        return runner.run(scenario, new InMemoryEventJournal(), ProgressListener.NONE);
    }
}
