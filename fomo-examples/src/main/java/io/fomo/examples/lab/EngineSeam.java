package io.fomo.examples.lab;

import io.fomo.examples.simulate.DailyRow;
import io.fomo.examples.simulate.EngineScenarioRunner;
import io.fomo.examples.simulate.ProgressListener;
import io.fomo.examples.simulate.Scenario;
import io.fomo.examples.simulate.ScenarioParser;
import io.fomo.examples.simulate.SimulationResult;
import io.fomo.spi.Amount;
import io.fomo.spi.InMemoryEventJournal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;

/**
 * The one place where the lab (Monte Carlo runs and sweeps) meets the simulator: parsing and validating a
 * scenario text, and running a parsed scenario with a seed into {@link DayMetrics}. Nothing else in this
 * package touches the simulator's classes besides the {@link Scenario} type it passes along, so a change of
 * the simulator's packages or row type is a change of this file.
 *
 * <p>Each run has its own engine, its own {@link InMemoryEventJournal} (dropped after the run: a Monte Carlo
 * run is regenerated from its scenario and seed, so no SQLite journal is written), its own chain gateway,
 * price feed and clock. A {@link Scenario} is immutable, so one may be shared by runs on many threads.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class EngineSeam {

    private EngineSeam() {
    }

    /**
     * Parses a scenario text with the simulator's parser (its messages, located in the text).
     *
     * @param fileName the file's name, used in messages and as the base of the relative paths it holds
     * @param json     the scenario
     * @return the scenario
     * @throws io.fomo.examples.simulate.ScenarioException if the text is not a valid scenario
     */
    public static Scenario parse(String fileName, String json) {
        return ScenarioParser.parse(fileName, json);
    }

    /**
     * Reads and parses a scenario file with the simulator's parser (its checks of size, encoding and
     * content, its messages).
     *
     * @param file the file
     * @return the scenario
     * @throws io.fomo.examples.simulate.ScenarioException if the file cannot be read or is not valid
     */
    public static Scenario parse(java.nio.file.Path file) {
        return ScenarioParser.parse(file);
    }

    /**
     * Runs the engine's own checks on a scenario (launch parameters, first buy, emission) without side
     * effects, as {@code fomo simulate} does before it writes anything.
     *
     * @param scenario the scenario, after any override of its seed or days
     * @throws io.fomo.examples.simulate.ScenarioException if the engine would reject it
     */
    public static void validate(Scenario scenario) {
        new EngineScenarioRunner().validate(scenario);
    }

    /**
     * Runs a scenario with a seed (in place of the scenario's own) and returns the key metrics of each day.
     * The result depends on the scenario and the seed only.
     *
     * @param scenario a scenario that {@link #validate} accepted
     * @param seed     the seed of every random draw of this run
     * @return one entry per day, from day 0
     * @throws io.fomo.spi.FomoException if the engine fails
     */
    public static List<DayMetrics> run(Scenario scenario, long seed) {
        Objects.requireNonNull(scenario, "scenario");
        SimulationResult result = new EngineScenarioRunner()
                .run(scenario.withSeed(seed), new InMemoryEventJournal(), ProgressListener.NONE);
        List<DayMetrics> days = new ArrayList<>(result.rows().size());
        BigDecimal emitted = BigDecimal.ZERO;
        for (DailyRow r : result.rows()) {
            emitted = emitted.add(r.emissionPaid().value());
            EnumMap<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
            v.put(Metric.FLOCK_USD, r.flockUsd());
            v.put(Metric.RAISED_FLOCK, plain(r.raised()));
            r.poolPrice().ifPresent(p -> v.put(Metric.POOL_PRICE, p));
            r.poolFlock().ifPresent(p -> v.put(Metric.POOL_FLOCK, plain(p)));
            r.poolMt().ifPresent(p -> v.put(Metric.POOL_MT, plain(p)));
            v.put(Metric.REVENUE_GROSS_USD, plain(r.revenueGross()));
            v.put(Metric.REVENUE_NET_USD, plain(r.revenueNet()));
            v.put(Metric.BUYBACK_USD, plain(r.buybackSpent()));
            v.put(Metric.FLOCK_EMITTED, plain(r.emissionPaid()));
            v.put(Metric.FLOCK_EMITTED_TOTAL, emitted);
            v.put(Metric.FLOCK_BURNED, plain(r.flockBurned()));
            v.put(Metric.FLOCK_BURNED_TOTAL, plain(r.flockBurnedTotal()));
            v.put(Metric.MT_SUPPLY, plain(r.mtSupply()));
            v.put(Metric.MT_BURNED_TOTAL, plain(r.mtBurnedTotal()));
            v.put(Metric.STAKED_MT, plain(r.stakedMt()));
            v.put(Metric.ACTIVE_USERS, BigDecimal.valueOf(r.activeUsers()));
            v.put(Metric.TREASURY_USD_TOTAL, plain(r.treasuryTotal()));
            v.put(Metric.ISSUER_YIELD_USD_TOTAL, plain(r.issuerYieldTotal()));
            v.put(Metric.TOP10_REWARD_SHARE, r.top10RewardShare());
            days.add(DayMetrics.of(r.day(), r.state(), v));
        }
        return days;
    }

    /**
     * Returns the calendar date of a simulated day (day 0 is the simulator's genesis, in UTC).
     *
     * @param day the simulated day, not negative
     * @return the date
     */
    public static LocalDate date(int day) {
        return LocalDate.ofInstant(EngineScenarioRunner.GENESIS, ZoneOffset.UTC).plusDays(day);
    }

    private static BigDecimal plain(Amount a) {
        return a.value();
    }
}
