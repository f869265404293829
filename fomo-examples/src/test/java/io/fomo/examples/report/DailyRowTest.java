package io.fomo.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DailyRowTest {

    private static final Asset MT = SampleRun.MT;

    private static void rejects(String message, Executable e) {
        assertEquals(message, assertThrows(InvalidArgumentException.class, e).getMessage());
    }

    @Test
    void aNewRowIsAllZeroWithoutAPool() {
        DailyRow r = DailyRow.builder(0, SampleRun.DEPLOYMENT, "CREATED").build();
        assertEquals(Amount.zero(MT), r.mtSupply());
        assertEquals(Amount.zero(Asset.FLOCK), r.raised());
        assertTrue(r.poolPrice().isEmpty());
        assertTrue(r.poolFlock().isEmpty());
        assertEquals(new BigDecimal("0.000000"), r.top10RewardShare());
    }

    @Test
    void thePoolPriceIsCutToEighteenDecimals() {
        DailyRow r = DailyRow.builder(0, SampleRun.DEPLOYMENT, "LIVE").pool(SampleRun.flock("2"), SampleRun.mt("3")).build();
        assertEquals(new BigDecimal("0.666666666666666666"), r.poolPrice().orElseThrow());
    }

    private static DailyRow.Builder live() {
        return DailyRow.builder(1, SampleRun.DEPLOYMENT, "LIVE");
    }

    @Test
    void everyFieldChecksItsAssetAndRange() {
        rejects("day = -1: must not be negative", () -> DailyRow.builder(-1, SampleRun.DEPLOYMENT, "LIVE").build());
        rejects("state = \"a,b\": must be a non-blank name without commas, quotes or control characters",
                () -> DailyRow.builder(0, SampleRun.DEPLOYMENT, "a,b").build());
        rejects("raised = 1.000000 USD: must be FLOCK", () -> live().raised(SampleRun.usd("1")).build());
        rejects("mtSupply = 1.000000000000000000 FLOCK: must be MT-t", () -> live().mtSupply(SampleRun.flock("1")).build());
        rejects("mtBurnedTotal = 1.000000000000000000 MT-t: must not be less than 2.000000000000000000 MT-t",
                () -> live().mtBurned(SampleRun.mt("2"), SampleRun.mt("1")));
        rejects("revenueGross = 1.000000 USD: must not be less than 2.000000 USD",
                () -> live().revenue(SampleRun.usd("1"), SampleRun.usd("2")));
        rejects("pool = 0.000000000000000000 FLOCK / 1.000000000000000000 MT-t: both reserves must be positive",
                () -> live().pool(Amount.zero(Asset.FLOCK), SampleRun.mt("1")));
        rejects("flockUsd = 0.000000001: must be positive with at most 8 decimals",
                () -> live().flockUsd(new BigDecimal("0.000000001")));
        rejects("top10RewardShare = 1.500000: must be from 0 to 1",
                () -> live().top10RewardShare(new BigDecimal("1.5")).build());
        rejects("mtHhi = 1.000001: must be from 0 to 1",
                () -> live().mtConcentration(BigDecimal.ONE, new BigDecimal("1.000001")).build());
        rejects("activeUsers = -1: must not be negative", () -> live().activeUsers(-1).build());
        rejects("stakingMtPaid = 1.000000000000000000 FLOCK: must be MT-t",
                () -> live().staking(SampleRun.flock("1"), SampleRun.flock("1")).build());
    }

    @Test
    void everyColumnIsReadByTheCsvAndHasAUniqueName() {
        DailyRow r = SampleRun.rows().get(4);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (DailyColumn c : DailyRow.COLUMNS) {
            assertTrue(names.add(c.name()), c.name());
            assertTrue(c.csv(r) != null, c.name());
        }
        assertEquals(DailyRow.COLUMNS.size(), DailyCsv.HEADER.split(",").length);
        // The costs are what revenue lost to them, and the pool price is derived from the reserves.
        assertEquals(SampleRun.usd("0"), r.costs());
        assertEquals(new BigDecimal("0.003333333333333333"), r.poolPrice().orElseThrow());
    }

    @Test
    void aResultNeedsConsecutiveDaysFlockRewardsAndAHexHash() {
        List<DailyRow> rows = SampleRun.rows();
        rejects("rows = []: a run has at least one day", () -> new SimulationResult(List.of(), Map.of(), 0, SampleRun.HASH));
        rejects("rows[1].day = 2: must be 1 for t (rows by day, then deployment, consecutive from day 0)",
                () -> new SimulationResult(List.of(rows.get(0), rows.get(2)), Map.of(), 0, SampleRun.HASH));
        rejects("stateHash = \"ABC\": must be 64 lowercase hex digits",
                () -> new SimulationResult(rows, Map.of(), 0, "ABC"));
        rejects("events = -1: must not be negative", () -> new SimulationResult(rows, Map.of(), -1, SampleRun.HASH));
        SimulationResult r = SampleRun.result();
        assertEquals(List.of("a", "b", "c", "d"), r.flockRewards().keySet().stream().map(k -> k.value()).toList());
        assertEquals(4, r.last().day());
    }
}
