package io.fomo.examples.run;

import static io.fomo.examples.scenario.ScenarioTexts.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.scenario.ScenarioParser;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The generators are functions of the seed: same seed, same draws; another seed, other draws. */
class ScenarioPlanProperties {

    private static final String RICH = MINIMAL
            .replace("\"supporters\": []", "\"supporters\": { \"count\": 40, \"totalFlock\": \"12345.678901234567890123\", \"days\": 7 }")
            .replace("[ { \"day\": 0, \"usd\": \"0.25\" } ]", "{ \"start\": \"0.25\", \"dailyVolatilityBps\": 500 }")
            .replace("\"name\": \"t\",", "\"name\": \"t\",\n  \"users\": { \"count\": 60, \"dailySpendUsd\": "
                    + "{ \"min\": \"0.01\", \"max\": \"100\" }, \"activeProbability\": \"0.7\", \"growthPerDay\": \"0.05\", "
                    + "\"maxCount\": 200, \"whales\": [ { \"id\": \"w\", \"dailySpendUsd\": \"9\", \"activeProbability\": \"0.5\" } ] },");

    private static ScenarioPlan plan(long seed) {
        return ScenarioPlan.of(ScenarioParser.parse("s.json", RICH).withSeed(seed));
    }

    @Property(tries = 40)
    void theSameSeedGivesTheSameDraws(@ForAll long seed, @ForAll @IntRange(min = 0, max = 29) int day) {
        ScenarioPlan a = plan(seed);
        ScenarioPlan b = plan(seed);
        assertEquals(a.flockUsd(), b.flockUsd());
        assertEquals(a.launch(0).supporterBuys(), b.launch(0).supporterBuys());
        assertEquals(a.launch(0).usage(day), b.launch(0).usage(day));
        // Drawing other days first changes nothing: each usage day has its own stream.
        a.launch(0).usage((day + 7) % 30);
        assertEquals(b.launch(0).usage(day), a.launch(0).usage(day));
    }

    @Property(tries = 40)
    void anotherSeedGivesOtherDraws(@ForAll long seed, @ForAll long other) {
        Assume.that(seed != other);
        ScenarioPlan a = plan(seed);
        ScenarioPlan b = plan(other);
        // Each of these is a sequence of dozens of wide uniform draws: equal sequences would take a
        // collision of probability far below 1e-100.
        assertNotEquals(a.launch(0).usage(0), b.launch(0).usage(0));
        assertNotEquals(a.flockUsd(), b.flockUsd());
        assertNotEquals(a.launch(0).supporterBuys(), b.launch(0).supporterBuys());
    }

    @Property(tries = 60)
    void generatedSupportersShareTheTotalExactly(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int count,
            @ForAll @LongRange(min = 1, max = 10_000_000) long flock, @ForAll @IntRange(min = 1, max = 7) int days) {
        String text = MINIMAL.replace("\"supporters\": []", "\"supporters\": { \"count\": " + count
                + ", \"totalFlock\": \"" + flock + ".000000000000000007\", \"days\": " + days + " }");
        ScenarioPlan p = ScenarioPlan.of(ScenarioParser.parse("s.json", text).withSeed(seed));
        Amount total = Amount.parse(Asset.FLOCK, flock + ".000000000000000007");
        Amount sum = Amount.zero(Asset.FLOCK);
        Set<AccountId> ids = new HashSet<>();
        int previousDay = 0;
        for (SupporterBuy b : p.launch(0).supporterBuys()) {
            sum = sum.plus(b.flock());
            assertTrue(b.flock().isPositive());
            assertTrue(b.day() >= previousDay && b.day() < days, "day " + b.day());
            previousDay = b.day();
            assertTrue(ids.add(b.account()), "one buy per supporter");
        }
        assertEquals(total, sum);
        assertEquals(count, p.launch(0).supporterBuys().size());
    }

    @Property(tries = 40)
    void spendsStayInRangeAndTheWalkMovesAtMostItsVolatility(@ForAll long seed) {
        ScenarioPlan p = plan(seed);
        for (int day = 0; day < 30; day += 9) {
            List<UsageSpend> spends = p.launch(0).usage(day);
            assertTrue(spends.size() <= p.launch(0).population(day) + 1);
            for (UsageSpend s : spends) {
                BigDecimal v = s.spend().value();
                assertTrue(v.compareTo(new BigDecimal("0.01")) >= 0 && v.compareTo(new BigDecimal("100")) <= 0, v.toString());
            }
        }
        List<BigDecimal> prices = p.flockUsd();
        for (int d = 1; d < prices.size(); d++) {
            BigDecimal ratio = prices.get(d).divide(prices.get(d - 1), 12, java.math.RoundingMode.HALF_EVEN);
            // 5% either way, plus the flooring of one unit at 8 decimals on a price near 0.25.
            assertTrue(ratio.compareTo(new BigDecimal("0.9499")) >= 0 && ratio.compareTo(new BigDecimal("1.0501")) <= 0,
                    ratio.toPlainString());
        }
    }
}
