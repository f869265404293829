package io.fomo.examples.lab;

import io.fomo.examples.report.DailyRow;
import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.run.EngineScenarioRunner;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioParser;
import io.fomo.spi.Amount;
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
 * <p>Each run has its own engine, its own journal (a Monte Carlo run is regenerated from its scenario and
 * seed, so no SQLite journal is written, and the run's journal numbers and checks its records without
 * keeping them: {@code io.fomo.examples.run.internal.MonteCarloJournal}), its own chain gateway,
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
     * @throws io.fomo.examples.scenario.ScenarioException if the text is not a valid scenario
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
     * @throws io.fomo.examples.scenario.ScenarioException if the file cannot be read or is not valid
     */
    public static Scenario parse(java.nio.file.Path file) {
        return ScenarioParser.parse(file);
    }

    /**
     * Runs the engine's own checks on a scenario (launch parameters, first buy, emission) without side
     * effects, as {@code fomo simulate} does before it writes anything.
     *
     * @param scenario the scenario, after any override of its seed or days
     * @throws io.fomo.examples.scenario.ScenarioException if the engine would reject it
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
        SimulationResult result = new EngineScenarioRunner().run(scenario, seed);
        int deployments = result.deployments().size();
        List<DayMetrics> days = new ArrayList<>(result.days());
        BigDecimal emitted = BigDecimal.ZERO;
        List<DailyRow> rows = result.rows();
        for (int i = 0; i < rows.size(); i += deployments) {
            List<DailyRow> day = rows.subList(i, i + deployments);
            DailyRow first = day.get(0);
            EnumMap<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
            // Platform-wide values are the same in every deployment's row.
            v.put(Metric.FLOCK_USD, first.flockUsd());
            v.put(Metric.FLOCK_BURNED, plain(first.flockBurned()));
            v.put(Metric.FLOCK_BURNED_TOTAL, plain(first.flockBurnedTotal()));
            v.put(Metric.TOP10_REWARD_SHARE, first.top10RewardShare());
            // FLOCK, USD and counts add up across deployments.
            BigDecimal paid = sum(day, r -> r.emissionPaid().value());
            emitted = emitted.add(paid);
            v.put(Metric.RAISED_FLOCK, sum(day, r -> r.raised().value()));
            v.put(Metric.REVENUE_GROSS_USD, sum(day, r -> r.revenueGross().value()));
            v.put(Metric.REVENUE_NET_USD, sum(day, r -> r.revenueNet().value()));
            v.put(Metric.BUYBACK_USD, sum(day, r -> r.buybackSpent().value()));
            v.put(Metric.FLOCK_EMITTED, paid);
            v.put(Metric.FLOCK_EMITTED_TOTAL, emitted);
            v.put(Metric.ACTIVE_USERS, sum(day, r -> BigDecimal.valueOf(r.activeUsers())));
            v.put(Metric.TREASURY_USD_TOTAL, sum(day, r -> r.treasuryTotal().value()));
            v.put(Metric.ISSUER_YIELD_USD_TOTAL, sum(day, r -> r.issuerYieldTotal().value()));
            if (deployments == 1) {
                // Values in a deployment's own model token (or its price) have no platform total: a platform's
                // runs leave them out (each deployment's report shows them).
                first.poolPrice().ifPresent(p -> v.put(Metric.POOL_PRICE, p));
                first.poolFlock().ifPresent(p -> v.put(Metric.POOL_FLOCK, plain(p)));
                first.poolMt().ifPresent(p -> v.put(Metric.POOL_MT, plain(p)));
                v.put(Metric.MT_SUPPLY, plain(first.mtSupply()));
                v.put(Metric.MT_BURNED_TOTAL, plain(first.mtBurnedTotal()));
                v.put(Metric.STAKED_MT, plain(first.stakedMt()));
            } else {
                v.put(Metric.POOL_FLOCK, sum(day, r -> r.poolFlock().map(Amount::value).orElse(BigDecimal.ZERO)));
            }
            days.add(DayMetrics.of(first.day(), state(day), v));
        }
        return days;
    }

    private static BigDecimal sum(List<DailyRow> rows, java.util.function.Function<DailyRow, BigDecimal> f) {
        BigDecimal s = BigDecimal.ZERO;
        for (DailyRow r : rows) {
            s = s.add(f.apply(r));
        }
        return s.stripTrailingZeros().scale() < 0 ? s.setScale(0) : s.stripTrailingZeros();
    }

    /** One deployment's state, or a platform's count per state ({@code LIVE:2+FAILED:1}), in first-seen order. */
    private static String state(List<DailyRow> day) {
        if (day.size() == 1) {
            return day.get(0).state();
        }
        java.util.LinkedHashMap<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (DailyRow r : day) {
            counts.merge(r.state(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        counts.forEach((state, n) -> b.append(b.length() == 0 ? "" : "+").append(state).append(':').append(n));
        return b.toString();
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
