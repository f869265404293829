package io.fomo.examples.run;

import static io.fomo.examples.scenario.ScenarioTexts.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.report.DailyCsv;
import io.fomo.examples.report.DailyRow;
import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioException;
import io.fomo.examples.scenario.ScenarioParser;
import io.fomo.examples.scenario.ScenarioTexts;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.ManualClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineScenarioRunnerTest {

    @TempDir
    Path tmp;

    private final EngineScenarioRunner runner = new EngineScenarioRunner();

    static Scenario shipped(String name) {
        return ScenarioParser.parse(Path.of(System.getProperty("fomo.scenarios.dir", "scenarios"), name + ".json"));
    }

    private SimulationResult run(Scenario s) {
        runner.validate(s);
        return runner.run(s, new InMemoryEventJournal(), ProgressListener.NONE);
    }

    private static Amount flock(String v) {
        return Amount.parse(Asset.FLOCK, v);
    }

    @Test
    void aFailedRaiseRefundsItsSupportersAndPaysNoEmission() {
        SimulationResult r = run(shipped("failed-raise"));
        List<DailyRow> rows = r.rows();
        assertEquals(30, rows.size());
        // Net raise by hand: every buy loses 1.5%: 40,000 -> 39,400; +60,000 -> 59,100; +1,500 -> 1,477.5;
        // +10,000 -> 9,850; +2,500 -> 2,462.5; +30,000 -> 29,550.
        List<String> raised = List.of("39400", "98500", "99977.5", "109827.5", "109827.5", "112290", "141840");
        for (int d = 0; d < 7; d++) {
            assertEquals("FUNDRAISING", rows.get(d).state(), "day " + d);
            assertEquals(flock(raised.get(d)), rows.get(d).raised(), "day " + d);
        }
        // Day 7: the window has closed below the 300,000 min target; everyone redeemed what reached the curve.
        for (int d = 7; d < 30; d++) {
            assertEquals("FAILED", rows.get(d).state());
            assertEquals(Amount.zero(Asset.FLOCK), rows.get(d).raised());
        }
        assertEquals(1, rows.get(8).rejectedActions(), "the late buy of day 8");
        for (DailyRow row : rows) {
            assertTrue(row.mtSupply().isZero(), "no MT is minted");
            assertTrue(row.poolPrice().isEmpty());
            // CONSTANT 5,000 FLOCK a day, received by no one.
            assertEquals(flock("5000"), row.emissionScheduled());
            assertEquals(flock("5000"), row.emissionReturned());
            assertEquals(Amount.zero(Asset.FLOCK), row.emissionPaid());
        }
        assertEquals(List.of(), List.copyOf(r.flockRewards().keySet()));
    }

    @Test
    void aSellOutGraduatesAtOnceAndOpensThePoolAtTheFinalPrice() {
        // S = 400,000 MT, T = 800,000 FLOCK, p0 = 1: the final price is (T/S)^2/p0 = 4 (docs/launch.md); the
        // pool gets 50% of the raise, 400,000 FLOCK, and 400,000 / 4 = 100,000 MT.
        Scenario s = ScenarioParser.parse("s.json", ScenarioTexts.MINIMAL
                .replace("\"minTarget\": \"1000\"", "\"minTarget\": \"400000\"")
                .replace("\"maxTarget\": \"2000\"", "\"maxTarget\": \"800000\"")
                .replace("\"startPrice\": \"0.001\"", "\"startPrice\": \"1\"")
                .replace("\"supporters\": []", "\"supporters\": [ { \"id\": \"s\", \"buys\": [ { \"day\": 0, \"flock\": \"900000\" } ] } ]")
                .replace("\"days\": 30", "\"days\": 3"));
        SimulationResult r = run(s);
        for (DailyRow row : r.rows()) {
            assertEquals("LIVE", row.state());
            assertEquals(flock("800000"), row.raised());
            assertEquals(Amount.of(s.launches().get(0).mtAsset(), 1_000_000), row.mtSupply());
            assertEquals(flock("400000"), row.poolFlock().orElseThrow());
            assertEquals(Amount.of(s.launches().get(0).mtAsset(), 100_000), row.poolMt().orElseThrow());
            assertEquals(new BigDecimal("4.000000000000000000"), row.poolPrice().orElseThrow());
            // Nobody uses the deployment: the usage gate returns the whole default emission to the reserve.
            assertEquals(row.emissionScheduled(), row.emissionReturned());
            assertTrue(row.emissionScheduled().isPositive());
        }
    }

    @Test
    void aGrowingLaunchKeepsItsSupplyAccounted() {
        SimulationResult r = run(shipped("qwen-alice").withDays(20));
        Amount supply = Amount.of(r.last().mtSupply().asset(), 1_000_000);
        int live = 0;
        for (DailyRow row : r.rows()) {
            if (row.state().equals("LIVE")) {
                live++;
                assertEquals(flock("800000"), row.raised(), "the max target, exactly");
                assertEquals(supply, row.mtSupply().plus(row.mtBurnedTotal()), "day " + row.day());
                assertTrue(row.revenueGross().isPositive());
            }
        }
        assertTrue(live > 10, "graduated within the 7-day window");
        assertTrue(r.last().mtBurnedTotal().isPositive(), "buybacks burned MT");
        assertTrue(r.last().stakedMt().isPositive());
        assertTrue(r.flockRewards().size() > 10);
    }

    @Test
    void theSameScenarioAndSeedGiveTheSameRunOnEveryJournalAndTheJournalReplays() {
        long seed = ThreadLocalRandom.current().nextLong();
        Scenario s = shipped("whale-vs-users").withDays(5).withSeed(seed);
        SimulationResult memory = run(s);
        Path db = tmp.resolve("journal.db");
        SimulationResult sqlite;
        try (SqliteEventJournal journal = SqliteEventJournal.open(db)) {
            sqlite = runner.run(s, journal, ProgressListener.NONE);
        }
        assertEquals(DailyCsv.format(memory.rows()), DailyCsv.format(sqlite.rows()), "seed " + seed);
        assertEquals(memory.stateHash(), sqlite.stateHash());
        assertEquals(memory.events(), sqlite.events());
        assertEquals(memory.flockRewards(), sqlite.flockRewards());
        try (SqliteEventJournal journal = SqliteEventJournal.open(db)) {
            FomoProtocol replayed = FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                    .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(EngineScenarioRunner.GENESIS))
                    .autoDispatch(false).build();
            assertEquals(memory.stateHash(), replayed.stateHash());
        }
        SimulationResult other = run(s.withSeed(seed + 1));
        assertNotEquals(memory.stateHash(), other.stateHash(), "another seed draws other users");
    }

    @Test
    void progressIsToldAfterEveryDay() {
        StringBuilder days = new StringBuilder();
        int[] finished = {0};
        runner.run(shipped("failed-raise").withDays(4), new InMemoryEventJournal(), new ProgressListener() {
            @Override
            public void dayDone(int day, int total) {
                days.append(day).append('/').append(total).append(' ');
            }

            @Override
            public void finished() {
                finished[0]++;
            }
        });
        assertEquals("0/4 1/4 2/4 3/4 ", days.toString());
        assertEquals(1, finished[0]);
    }

    @Test
    void aJournalThatIsNotEmptyIsRefused() {
        InMemoryEventJournal used = new InMemoryEventJournal();
        Scenario s = shipped("failed-raise").withDays(2);
        runner.run(s, used, ProgressListener.NONE);
        InvalidStateException e = assertThrows(InvalidStateException.class,
                () -> runner.run(s, used, ProgressListener.NONE));
        assertTrue(e.getMessage().endsWith("a simulation needs an empty journal"), e.getMessage());
    }

    @Test
    void theEnginesOwnRejectionsAreLocatedInTheScenario() {
        String base = ScenarioTexts.MINIMAL.replace("\"minTarget\": \"1000\"", "\"minTarget\": \"400000\"")
                .replace("\"maxTarget\": \"2000\"", "\"maxTarget\": \"800000\"")
                .replace("\"startPrice\": \"0.001\"", "\"startPrice\": \"1\"");
        // 400,001 FLOCK at the start of the curve buys about 264,000 MT: more than the 25% first-buy cap.
        String firstBuy = base.replace("\"maxTarget\": \"800000\",", "\"maxTarget\": \"800000\", \"firstBuy\": \"400001\",");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> runner.validate(ScenarioParser.parse("s.json", firstBuy)));
        assertEquals("$.launch.firstBuy", e.path());
        assertEquals(at(firstBuy, "\"400001\""), e.line() + ":" + e.column());
        assertTrue(e.problem().startsWith("rejected by the model: firstBuy = "), e.problem());
        // A linear curve from 0.5 with slope 0.000005 over 400,000 MT raises 400,000 * (0.5 + 1) = 600,000 at most.
        String linear = base.replace("{ \"type\": \"CONSTANT_PRODUCT\", \"startPrice\": \"1\" }",
                "{ \"type\": \"LINEAR\", \"startPrice\": \"0.5\", \"slope\": \"0.000005\" }");
        ScenarioException t = assertThrows(ScenarioException.class,
                () -> runner.validate(ScenarioParser.parse("s.json", linear)));
        assertEquals("$.launch.maxTarget", t.path());
        assertEquals(at(linear, "\"800000\""), t.line() + ":" + t.column());
        String flood = base.replace("\"name\": \"t\",", "\"name\": \"t\",\n  \"emission\": { \"type\": \"CONSTANT\", "
                + "\"ratePerDay\": \"100000000\" },");
        ScenarioException f = assertThrows(ScenarioException.class,
                () -> runner.validate(ScenarioParser.parse("s.json", flood)));
        assertEquals("$.emission", f.path());
        assertTrue(f.problem().contains("emits more than the FLOCK supply"), f.problem());
        String free = base.replace("\"listPrice\": \"0.002\", \"floorPrice\": \"0.001\"", "\"listPrice\": \"0\", "
                + "\"floorPrice\": \"0\"").replace("\"name\": \"t\",", "\"name\": \"t\",\n  \"users\": { \"count\": 1, "
                + "\"dailySpendUsd\": { \"mean\": \"1\" } },");
        ScenarioException p = assertThrows(ScenarioException.class,
                () -> runner.validate(ScenarioParser.parse("s.json", free)));
        assertEquals("$.pricing.listPrice", p.path());
        assertEquals(at(free, "\"0\""), p.line() + ":" + p.column());
    }

    /**
     * A day's calls go in one batch; when the batch is refused (here: a behaviour paid first under the ids of
     * every other user of that day), its calls are submitted one by one, so each refused call counts once
     * and the others are still paid.
     */
    @Test
    void aRefusedUsageBatchIsSubmittedCallByCallAndEachRefusalCountsOnce() {
        Scenario s = shipped("qwen-alice").withDays(40);
        List<DailyRow> plain = run(s).rows();
        int day = plain.size() - 1;
        int active = plain.get(day).activeUsers();
        assertTrue(active > 10, "users paid on day " + day + ": " + active);
        io.fomo.examples.scenario.Launch launch = s.launches().get(0);
        io.fomo.examples.scenario.UsageModel users = launch.users().orElseThrow();
        DailyBehaviour payFirst = d -> {
            if (d.day() == day) {
                for (int i = 0; i < users.maxCount(); i += 2) {
                    io.fomo.spi.AccountId u = users.userId(i);
                    d.submit(new io.fomo.core.engine.Command.RecordUsage(io.fomo.spi.EventId.of("pay-" + day + "-"
                            + u.value()), launch.deployment(), u, 1));
                }
            }
        };
        EngineScenarioRunner withBehaviour = new EngineScenarioRunner(() -> List.of(payFirst));
        withBehaviour.validate(s);
        List<DailyRow> rows = withBehaviour.run(s, new InMemoryEventJournal(), ProgressListener.NONE).rows();
        int refused = rows.get(day).rejectedActions() - plain.get(day).rejectedActions();
        assertTrue(refused > 0, "some of the day's calls had their ids taken: " + refused);
        assertTrue(rows.get(day).activeUsers() > 0, "the others were paid");
        assertEquals(active, rows.get(day).activeUsers() + refused, "every call is either paid or counted refused");
        assertEquals(plain.get(day - 1), rows.get(day - 1), "nothing changed before that day");
    }

    /** Call by call, a run decides the same: the same daily rows, with a batch per paid call in its journal. */
    @Test
    void callByCallDecidesWhatBatchesDecideInMoreRecords() {
        Scenario s = shipped("qwen-alice").withDays(40);
        runner.validate(s);
        InMemoryEventJournal batched = new InMemoryEventJournal();
        InMemoryEventJournal oneByOne = new InMemoryEventJournal();
        SimulationResult a = runner.run(s, batched, ProgressListener.NONE);
        SimulationResult b = runner.callByCall().run(s, oneByOne, ProgressListener.NONE);
        assertEquals(a.rows(), b.rows());
        int paid = a.rows().stream().mapToInt(DailyRow::activeUsers).sum();
        assertTrue(paid > 100, "paid calls: " + paid);
        // A paid call journals command, facts and seal (no intent); so does a day's batch of them.
        long usageDays = a.rows().stream().filter(r -> r.activeUsers() > 0).count();
        assertEquals(3L * paid - 3L * usageDays, oneByOne.currentSequence() - batched.currentSequence());
        assertNotEquals(a.stateHash(), b.stateHash(), "the number of commands differs");
    }

    /**
     * The top-10 reward share of each day is the share of the ten largest claimable FLOCK balances in their
     * total, as the engine holds them after that day's close, also on days when the largest holders claim
     * (which the runner follows without asking the engine for every balance every day). A behaviour reads
     * every balance at the start of the next day, before anything else moves, and the largest holder claims
     * every third day.
     */
    @Test
    void theTopTenShareIsThatOfTheTenLargestClaimableBalancesAlsoWhenTheLargestClaim() {
        Scenario s = shipped("qwen-alice").withDays(40);
        java.util.Map<Integer, BigDecimal> expected = new java.util.HashMap<>();
        int[] claims = {0};
        DailyBehaviour checkThenClaim = d -> {
            java.util.List<java.math.BigInteger> held = new java.util.ArrayList<>();
            java.util.SortedMap<io.fomo.spi.AccountId, Amount> balances = d.protocol().claimableBalances(Asset.FLOCK);
            balances.values().forEach(a -> held.add(a.units()));
            held.sort(java.util.Comparator.reverseOrder());
            java.math.BigInteger total = held.stream().reduce(java.math.BigInteger.ZERO, java.math.BigInteger::add);
            java.math.BigInteger top = held.stream().limit(10).reduce(java.math.BigInteger.ZERO,
                    java.math.BigInteger::add);
            if (d.day() > 0) {
                expected.put(d.day() - 1, total.signum() == 0 ? BigDecimal.ZERO.setScale(DailyRow.SHARE_SCALE)
                        : new BigDecimal(top).divide(new BigDecimal(total), DailyRow.SHARE_SCALE,
                                java.math.RoundingMode.DOWN));
            }
            if (d.day() % 3 == 0 && !balances.isEmpty()) {
                io.fomo.spi.AccountId largest = java.util.Collections.max(balances.entrySet(),
                        java.util.Map.Entry.comparingByValue()).getKey();
                assertTrue(d.submit(new io.fomo.core.engine.Command.ClaimRewards(largest)), "claim of " + largest);
                claims[0]++;
            }
        };
        EngineScenarioRunner withBehaviour = new EngineScenarioRunner(() -> List.of(checkThenClaim));
        withBehaviour.validate(s);
        List<DailyRow> rows = withBehaviour.run(s, new InMemoryEventJournal(), ProgressListener.NONE).rows();
        assertTrue(claims[0] > 5, "claims: " + claims[0]);
        assertTrue(expected.values().stream().anyMatch(v -> v.signum() > 0), "some rewards were held: " + expected);
        for (java.util.Map.Entry<Integer, BigDecimal> e : expected.entrySet()) {
            assertEquals(e.getValue(), rows.get(e.getKey()).top10RewardShare(), "day " + e.getKey());
        }
        assertEquals(s.days() - 1, expected.size());
    }
}
