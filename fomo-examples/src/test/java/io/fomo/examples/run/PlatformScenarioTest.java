package io.fomo.examples.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.report.DailyCsv;
import io.fomo.examples.report.DailyRow;
import io.fomo.examples.report.HtmlReport;
import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.scenario.Launch;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioParser;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The shipped platform scenario: four launches on one engine, one of which fails its raise. */
class PlatformScenarioTest {

    private static final Path FILE = Path.of(System.getProperty("fomo.scenarios.dir", "scenarios"), "platform.json");

    @Test
    void theShippedPlatformHasFourLaunchesWithTheirOwnDaysCurvesAndUsers() {
        Scenario s = ScenarioParser.parse(FILE);
        List<Launch> launches = s.launches();
        assertEquals(List.of("qwen-alice", "llama-bob", "mistral-carol", "phi-dave"),
                launches.stream().map(l -> l.deployment().value()).toList());
        assertEquals(List.of(0, 20, 45, 90), launches.stream().map(Launch::startDay).toList());
        assertEquals(List.of("$.launches[0].launch", "$.launches[1].launch", "$.launches[2].launch",
                "$.launches[3].launch"), launches.stream().map(Launch::path).toList());
        // Three curve shapes, and each launch's buys land on its own days.
        assertEquals(3, launches.stream().map(l -> l.parameters().curve().getClass()).distinct().count());
        ScenarioPlan plan = ScenarioPlan.of(s);
        for (int i = 0; i < launches.size(); i++) {
            int start = launches.get(i).startDay();
            assertTrue(plan.launch(i).supporterBuys().stream().allMatch(b -> b.day() >= start), "launch " + i);
        }
    }

    @Test
    void itRunsDeterministicallyAndTheRaiseOfMistralCarolFails() {
        Scenario s = ScenarioParser.parse(FILE).withDays(120);
        EngineScenarioRunner runner = new EngineScenarioRunner();
        runner.validate(s);
        SimulationResult a = runner.run(s, s.seed());
        SimulationResult b = runner.run(s, s.seed());
        assertEquals(a.stateHash(), b.stateHash());
        assertEquals(DailyCsv.format(a.rows()), DailyCsv.format(b.rows()));
        assertEquals(HtmlReport.render(s, a), HtmlReport.render(s, b));

        assertEquals(s.launches().stream().map(Launch::deployment).toList(), a.deployments());
        Map<String, String> states = new TreeMap<>();
        for (DeploymentId d : a.deployments()) {
            List<DailyRow> rows = a.rows(d);
            assertEquals(120, rows.size());
            states.put(d.value(), rows.get(rows.size() - 1).state());
        }
        assertEquals(Map.of("qwen-alice", "LIVE", "llama-bob", "LIVE", "mistral-carol", "FAILED", "phi-dave", "LIVE"),
                states);
        DailyRow carol = a.rows(DeploymentId.of("mistral-carol")).get(119);
        assertEquals(Amount.zero(Asset.FLOCK), carol.raised(), "every supporter was refunded");
        assertFalse(carol.poolFlock().isPresent());
        // Before its start day a launch is not opened.
        assertEquals("NOT_OPENED", a.rows(DeploymentId.of("phi-dave")).get(89).state());
        assertEquals("FUNDRAISING", a.rows(DeploymentId.of("phi-dave")).get(90).state());
    }

    @Test
    void theEmissionIsSharedNotMultiplied() {
        Scenario s = ScenarioParser.parse(FILE).withDays(100);
        SimulationResult r = new EngineScenarioRunner().run(s, s.seed());
        int paidByMoreThanOne = 0;
        Amount paidTotal = Amount.zero(Asset.FLOCK);
        Amount scheduledTotal = Amount.zero(Asset.FLOCK);
        for (int day = 0; day < r.days(); day++) {
            int paying = 0;
            for (DeploymentId d : r.deployments()) {
                DailyRow row = r.rows(d).get(day);
                paidTotal = paidTotal.plus(row.emissionPaid());
                paying += row.emissionPaid().isPositive() ? 1 : 0;
                if (row.poolFlock().isEmpty()) {
                    assertEquals(Amount.zero(Asset.FLOCK), row.emissionPaid(), d + " day " + day + " has no users yet");
                }
            }
            scheduledTotal = scheduledTotal.plus(r.rows(r.deployments().get(0)).get(day).emissionScheduled());
            // A day may pay what earlier days carried over, never more than the schedule gave so far.
            assertFalse(paidTotal.isGreaterThan(scheduledTotal), "day " + day + ": " + paidTotal + " paid of "
                    + scheduledTotal);
            paidByMoreThanOne += paying > 1 ? 1 : 0;
        }
        assertTrue(paidByMoreThanOne > 50, "live deployments share the day's emission: " + paidByMoreThanOne + " days");
    }
}
