package io.fomo.examples.run;

import static io.fomo.examples.scenario.ScenarioTexts.MINIMAL;
import static io.fomo.examples.scenario.ScenarioTexts.withField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.scenario.ScenarioParser;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioPlanTest {

    private static ScenarioPlan plan(String text) {
        return ScenarioPlan.of(ScenarioParser.parse("s.json", text));
    }

    private static List<String> decimals(List<BigDecimal> values) {
        return values.stream().map(BigDecimal::toPlainString).toList();
    }

    @Test
    void aPiecewisePathInterpolatesLinearlyAndFloorsToEightDecimals() {
        ScenarioPlan p = plan(MINIMAL.replace("[ { \"day\": 0, \"usd\": \"0.25\" } ]",
                "[ { \"day\": 0, \"usd\": \"1\" }, { \"day\": 3, \"usd\": \"2\" }, { \"day\": 5, \"usd\": \"1\" } ]"));
        // By hand: 1 + 1/3 = 1.33333333|3, 1 + 2/3 = 1.66666666|6 (floored), then down by 0.5 a day, then flat.
        assertEquals(List.of("1.00000000", "1.33333333", "1.66666666", "2.00000000", "1.50000000", "1.00000000",
                "1.00000000"), decimals(p.flockUsd()).subList(0, 7));
        assertEquals(30, p.flockUsd().size());
        assertEquals("1.00000000", p.flockUsd(29).toPlainString());
    }

    @Test
    void aWalkWithoutVolatilityCompoundsItsDriftFlooringEveryDay() {
        ScenarioPlan p = plan(MINIMAL.replace("[ { \"day\": 0, \"usd\": \"0.25\" } ]",
                "{ \"start\": \"1\", \"dailyVolatilityBps\": 0, \"dailyDriftBps\": 100 }"));
        // By hand: 1.01^1..4 = 1.01, 1.0201, 1.030301, 1.04060401; 1.04060401 * 1.01 = 1.0510100501 -> 1.05101005.
        assertEquals(List.of("1.00000000", "1.01000000", "1.02010000", "1.03030100", "1.04060401", "1.05101005"),
                decimals(p.flockUsd()).subList(0, 6));
        ScenarioPlan down = plan(MINIMAL.replace("[ { \"day\": 0, \"usd\": \"0.25\" } ]",
                "{ \"start\": \"0.00000004\", \"dailyVolatilityBps\": 0, \"dailyDriftBps\": -5000, \"floor\": \"0.00000002\" }"));
        // 4e-8 halves to 2e-8, then 1e-8 is below the floor: it stays at 2e-8.
        assertEquals(List.of("0.00000004", "0.00000002", "0.00000002"), decimals(down.flockUsd()).subList(0, 3));
    }

    @Test
    void thePopulationGrowsByWholeMillionthsUpToItsCap() {
        ScenarioPlan p = plan(withField("\"users\": { \"count\": 100, \"dailySpendUsd\": { \"mean\": \"1\" }, "
                + "\"growthPerDay\": \"0.1\", \"maxCount\": 130 }"));
        // By hand: 100, 110, 121, 133.1 capped at 130.
        assertEquals(List.of(100, 110, 121, 130, 130), List.of(p.launch(0).population(0), p.launch(0).population(1), p.launch(0).population(2),
                p.launch(0).population(3), p.launch(0).population(4)));
        ScenarioPlan slow = plan(withField("\"users\": { \"count\": 3, \"dailySpendUsd\": { \"mean\": \"1\" }, "
                + "\"growthPerDay\": \"0.2\" }"));
        // 3, 3.6, 4.32, 5.184: the fraction of a user is kept, so small populations still grow.
        assertEquals(List.of(3, 3, 4, 5), List.of(slow.launch(0).population(0), slow.launch(0).population(1), slow.launch(0).population(2),
                slow.launch(0).population(3)));
        assertEquals(AccountId.of("user-00004"), slow.scenario().launches().get(0).users().orElseThrow().userId(4));
    }

    @Test
    void alwaysActiveUsersAllSpendWithinTheirRange() {
        ScenarioPlan p = plan(withField("\"users\": { \"count\": 50, \"dailySpendUsd\": { \"min\": \"2\", \"max\": \"2.000003\" } }"));
        List<UsageSpend> day = p.launch(0).usage(4);
        assertEquals(50, day.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(AccountId.of(String.format("user-%02d", i)), day.get(i).account());
            BigDecimal v = day.get(i).spend().value();
            assertTrue(v.compareTo(new BigDecimal("2")) >= 0 && v.compareTo(new BigDecimal("2.000003")) <= 0, v.toString());
        }
    }

    @Test
    void neverActiveUsersSpendNothingAndWhalesKeepToTheirDays() {
        ScenarioPlan p = plan(withField("\"users\": { \"count\": 50, \"dailySpendUsd\": { \"mean\": \"1\" }, "
                + "\"activeProbability\": \"0\", \"whales\": [ { \"id\": \"w\", \"dailySpendUsd\": \"7.5\", "
                + "\"fromDay\": 2, \"toDay\": 3 } ] }"));
        assertEquals(List.of(), p.launch(0).usage(1));
        assertEquals(List.of(new UsageSpend(AccountId.of("w"), Amount.parse(Asset.USD, "7.5"))), p.launch(0).usage(2));
        assertEquals(List.of(new UsageSpend(AccountId.of("w"), Amount.parse(Asset.USD, "7.5"))), p.launch(0).usage(3));
        assertEquals(List.of(), p.launch(0).usage(4));
    }

    @Test
    void listedBuysRunByDayThenInFileOrder() {
        ScenarioPlan p = plan(MINIMAL.replace("\"supporters\": []", "\"supporters\": [ "
                + "{ \"id\": \"a\", \"buys\": [ { \"day\": 2, \"flock\": \"1\" }, { \"day\": 0, \"flock\": \"2\" } ] }, "
                + "{ \"id\": \"b\", \"buys\": [ { \"day\": 0, \"flock\": \"3\" } ] } ]"));
        assertEquals(List.of(buy(0, "a", "2"), buy(0, "b", "3"), buy(2, "a", "1")), p.launch(0).supporterBuys());
        assertEquals(List.of(buy(2, "a", "1")), p.launch(0).supporterBuys(2));
        assertEquals(List.of(), p.launch(0).supporterBuys(1));
    }

    @Test
    void stakesAndLocksAreScheduledOnTheirDay() {
        ScenarioPlan p = plan(withField("\"stakers\": [ { \"account\": \"a\", \"day\": 3, \"mt\": \"5\" } ], "
                + "\"lockers\": [ { \"account\": \"b\", \"day\": 4, \"flock\": \"6\", \"lockDays\": 31 } ]"));
        assertEquals(1, p.launch(0).stakes(3).size());
        assertEquals(List.of(), p.launch(0).stakes(4));
        assertEquals(31, p.locks(4).get(0).lockDays());
        assertEquals(List.of(), p.locks(3));
    }

    @Test
    void daysOutsideTheScenarioAreRejected() {
        ScenarioPlan p = plan(MINIMAL);
        assertEquals("day = 30: must be from 0 to 29",
                assertThrows(InvalidArgumentException.class, () -> p.flockUsd(30)).getMessage());
        assertEquals("usageDay = -1: must be from 0 to 29",
                assertThrows(InvalidArgumentException.class, () -> p.launch(0).usage(-1)).getMessage());
        assertEquals(List.of(), p.launch(0).usage(0));
        assertEquals(0, p.launch(0).population(0));
    }

    private static SupporterBuy buy(int day, String id, String flock) {
        return new SupporterBuy(day, AccountId.of(id), Amount.parse(Asset.FLOCK, flock));
    }
}
