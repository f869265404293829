package io.fomo.examples.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.engine.FomoProtocol;
import io.fomo.examples.report.DailyCsv;
import io.fomo.examples.report.DailyRow;
import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioParser;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.ManualClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A launch's {@code "traders"} in a run: the shipped qwen-alice-market scenario, shortened. */
class TradersScenarioTest {

    private static final Path DIR = Path.of(System.getProperty("fomo.scenarios.dir", "scenarios"));
    private static final int DAYS = 130;

    /** The journaled commands by tag: a command entry's payload is UTF-8 lines, the first {@code command=<tag>}. */
    private static Map<String, Integer> typeCounts(InMemoryEventJournal journal) {
        Map<String, Integer> counts = new TreeMap<>();
        long from = 1;
        while (true) {
            List<JournalRecord> batch = journal.read(from, 10_000);
            if (batch.isEmpty()) {
                return counts;
            }
            for (JournalRecord r : batch) {
                if (r.entry().type().equals("command")) {
                    String text = new String(r.entry().payload(), StandardCharsets.UTF_8);
                    int end = text.indexOf('\n');
                    String first = end < 0 ? text : text.substring(0, end);
                    if (first.startsWith("command=")) {
                        counts.merge(first.substring("command=".length()), 1, Integer::sum);
                    }
                }
            }
            from = batch.get(batch.size() - 1).sequence() + 1;
        }
    }

    @Test
    void tradersSwapOnThePoolDeterministicallyAndTheJournalReplaysToTheSameState() {
        Scenario s = ScenarioParser.parse(DIR.resolve("qwen-alice-market.json")).withDays(DAYS);
        EngineScenarioRunner runner = new EngineScenarioRunner();
        runner.validate(s);
        InMemoryEventJournal journalA = new InMemoryEventJournal();
        InMemoryEventJournal journalB = new InMemoryEventJournal();
        SimulationResult a = runner.run(s, journalA, ProgressListener.NONE);
        SimulationResult b = runner.run(s, journalB, ProgressListener.NONE);
        assertEquals(a.stateHash(), b.stateHash());
        assertEquals(DailyCsv.format(a.rows()), DailyCsv.format(b.rows()));

        Map<String, Integer> types = typeCounts(journalA);
        assertTrue(types.getOrDefault("swap", 0) > DAYS, "swaps journaled: " + types);

        // Replaying the journal on a fresh engine gives the state the run ended in.
        FomoProtocol replayed = FomoProtocol.builder().journal(journalA).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(Instant.EPOCH))
                .autoDispatch(false).build();
        assertEquals(a.stateHash(), replayed.stateHash());

        // Every command the traders sent was accepted: the run rejects what the scenario without traders rejects.
        Scenario quiet = ScenarioParser.parse(DIR.resolve("qwen-alice.json")).withDays(DAYS);
        InMemoryEventJournal quietJournal = new InMemoryEventJournal();
        SimulationResult q = runner.run(quiet, quietJournal, ProgressListener.NONE);
        // The issuer's vesting sales claim more often than its one scheduled stake does.
        assertTrue(types.getOrDefault("claim-vested", 0) > typeCounts(quietJournal).getOrDefault("claim-vested", 0),
                "issuer claims journaled: " + types);
        assertEquals(rejected(q), rejected(a));
        assertNotEquals(q.stateHash(), a.stateHash());

        // With traders the pool price falls on some days; without, buybacks only push it up.
        assertTrue(downDays(a) > 0, "down days with traders");
        assertEquals(0, downDays(q), "down days without traders");
    }

    @Test
    void anotherSeedGivesAnotherMarket() {
        Scenario s = ScenarioParser.parse(DIR.resolve("qwen-alice-market.json")).withDays(40);
        EngineScenarioRunner runner = new EngineScenarioRunner();
        assertNotEquals(runner.run(s, s.seed()).stateHash(), runner.run(s, s.seed() + 1).stateHash());
    }

    private static int rejected(SimulationResult r) {
        int n = 0;
        for (DailyRow row : r.rows()) {
            n += row.rejectedActions();
        }
        return n;
    }

    private static int downDays(SimulationResult r) {
        List<BigDecimal> prices = new ArrayList<>();
        for (DailyRow row : r.rows()) {
            row.poolPrice().ifPresent(prices::add);
        }
        int down = 0;
        for (int i = 1; i < prices.size(); i++) {
            if (prices.get(i).compareTo(prices.get(i - 1)) < 0) {
                down++;
            }
        }
        return down;
    }
}
