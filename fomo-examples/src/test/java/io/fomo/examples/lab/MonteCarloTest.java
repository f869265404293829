package io.fomo.examples.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.report.DailyCsv;
import io.fomo.examples.run.EngineScenarioRunner;
import io.fomo.examples.run.ProgressListener;
import io.fomo.examples.scenario.Scenario;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InvalidArgumentException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Monte Carlo runs: derived seeds, independence from the number of threads, agreement with a single run. */
class MonteCarloTest {

    static final Path SCENARIOS = Path.of(System.getProperty("fomo.scenarios.dir", "scenarios"));

    /** The shipped qwen-alice scenario, shortened (the raise and a few live days), with a random seed. */
    static Scenario shortQwen(int days) {
        long seed = ThreadLocalRandom.current().nextLong();
        System.out.println("MonteCarloTest seed = " + seed);
        Scenario s = EngineSeam.parse(SCENARIOS.resolve("qwen-alice.json")).withSeed(seed).withDays(days);
        EngineSeam.validate(s);
        return s;
    }

    @Test
    void theRunsAreTheSameOnOneThreadAndOnThree() {
        Scenario s = shortQwen(12);
        List<Run> one = MonteCarlo.run(s, 5, 1);
        List<Run> three = MonteCarlo.run(s, 5, 3);
        assertEquals(one, three);
        assertEquals(RunsCsv.format(one), RunsCsv.format(three));
        for (int i = 0; i < one.size(); i++) {
            assertEquals(i, one.get(i).index());
            assertEquals(RunSeeds.of(s.seed(), i), one.get(i).seed());
        }
        assertNotEquals(one.get(0).days(), one.get(1).days(), "different seeds draw different runs");
    }

    /** A run is the single-run simulator with the run's seed: its CSV columns carry the same numbers. */
    @Test
    void aRunIsTheSimulatorsRunWithThatSeed() {
        Scenario s = shortQwen(10);
        Run r = MonteCarlo.run(s, 2, 2).get(1);
        String daily = DailyCsv.format(new EngineScenarioRunner().run(s.withSeed(r.seed()), new InMemoryEventJournal(),
                ProgressListener.NONE).rows());
        String[] lines = daily.split("\n");
        List<String> header = List.of(lines[0].split(",", -1));
        for (DayMetrics d : r.days()) {
            String[] row = lines[d.day() + 1].split(",", -1);
            assertEquals(row[header.indexOf("state")], d.state());
            for (Metric m : new Metric[] {Metric.FLOCK_USD, Metric.RAISED_FLOCK, Metric.MT_SUPPLY, Metric.POOL_FLOCK,
                Metric.REVENUE_GROSS_USD, Metric.FLOCK_BURNED_TOTAL, Metric.STAKED_MT, Metric.ACTIVE_USERS,
                Metric.TOP10_REWARD_SHARE}) {
                String expected = row[header.indexOf(m.column())];
                assertEquals(expected, d.value(m).map(java.math.BigDecimal::toPlainString).orElse(""),
                        m.column() + " on day " + d.day());
            }
            String price = row[header.indexOf("pool_price_flock_per_mt")];
            assertEquals(price, d.value(Metric.POOL_PRICE).map(java.math.BigDecimal::toPlainString).orElse(""));
        }
    }

    @Test
    void theEmittedTotalIsTheSumOfTheDays() {
        Run r = MonteCarlo.run(shortQwen(12), 1, 1).get(0);
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (DayMetrics d : r.days()) {
            sum = sum.add(d.value(Metric.FLOCK_EMITTED).orElseThrow());
            assertEquals(0, sum.compareTo(d.value(Metric.FLOCK_EMITTED_TOTAL).orElseThrow()), "day " + d.day());
        }
        assertTrue(sum.signum() > 0, "the emission paid something once the deployment was live");
    }

    @Test
    void theBandsOfTheRunsHoldEveryRunsMedianDay() {
        List<Run> runs = MonteCarlo.run(shortQwen(9), 7, 2);
        Bands bands = Bands.of(runs);
        for (int day = 0; day < 9; day++) {
            Band b = bands.band(Metric.RAISED_FLOCK, day).orElseThrow();
            assertEquals(7, b.n());
            long below = 0;
            for (Run r : runs) {
                java.math.BigDecimal v = r.days().get(day).value(Metric.RAISED_FLOCK).orElseThrow();
                assertTrue(v.compareTo(b.p5()) >= 0 && v.compareTo(b.p95()) <= 0,
                        "with 7 runs p5 is the least value and p95 the largest");
                below += v.compareTo(b.p50()) < 0 ? 1 : 0;
            }
            assertTrue(below < 4, "the median of 7 is the 4th value");
        }
        assertTrue(bands.band(Metric.POOL_PRICE, 0).isEmpty(), "no pool on day 0 of any run");
    }

    @Test
    void countsOutOfRangeAreRefused() {
        Scenario s = shortQwen(2);
        assertThrows(InvalidArgumentException.class, () -> MonteCarlo.run(s, 0, 1));
        assertThrows(InvalidArgumentException.class, () -> MonteCarlo.run(s, MonteCarlo.MAX_RUNS + 1, 1));
        assertThrows(InvalidArgumentException.class, () -> MonteCarlo.run(s, 1, 0));
    }
}
