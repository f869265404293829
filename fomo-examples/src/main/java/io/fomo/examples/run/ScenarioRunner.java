package io.fomo.examples.run;

import io.fomo.examples.report.DailyRow;
import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioException;
import io.fomo.spi.EventJournal;

/**
 * Runs a scenario through the protocol engine: the glue between the simulation application
 * ({@code fomo simulate}: parsing, outputs, report) and the engine.
 *
 * <p>The contract, which {@code fomo simulate} relies on:
 * <ul>
 *   <li>{@link #validate(Scenario)} checks everything the engine will reject (launch parameters, curve
 *       against targets, ...) without side effects, so that an invalid scenario is reported before any
 *       output is written. It reports a problem as a {@link ScenarioException} located in the file with
 *       {@link Scenario#error(String, RuntimeException)} (JSON paths as in docs/scenarios.md).</li>
 *   <li>{@link #run(Scenario, EventJournal, ProgressListener)} plays {@link ScenarioPlan#of(Scenario)}
 *       day by day, appends every event to the journal (which is empty on entry), tells the listener
 *       after each day, and returns one row per day. An action the protocol rejects (a buy after the
 *       window, a stake before MT exists) is counted in the day's {@link DailyRow#rejectedActions()};
 *       the run goes on. The result depends on the scenario and its seed only: the same inputs give the
 *       same rows and the same state hash, whatever the journal.</li>
 * </ul>
 */
public interface ScenarioRunner {

    /**
     * Checks that the engine accepts the scenario, without side effects.
     *
     * @param scenario the scenario, after command-line overrides
     * @throws ScenarioException if the engine would reject it, located in the scenario file
     */
    void validate(Scenario scenario);

    /**
     * Runs the scenario.
     *
     * @param scenario the scenario, already validated
     * @param journal  an empty journal that receives every event
     * @param progress told after each day
     * @return the rows, rewards and state hash
     * @throws io.fomo.spi.FomoException if the engine or the journal fails
     */
    SimulationResult run(Scenario scenario, EventJournal journal, ProgressListener progress);
}
