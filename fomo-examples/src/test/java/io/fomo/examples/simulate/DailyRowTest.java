package io.fomo.examples.simulate;

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
        DailyRow r = DailyRow.builder(0, "CREATED", MT).build();
        assertEquals(Amount.zero(MT), r.mtSupply());
        assertEquals(Amount.zero(Asset.FLOCK), r.raised());
        assertTrue(r.poolPrice().isEmpty());
        assertTrue(r.poolFlock().isEmpty());
        assertEquals(new BigDecimal("0.000000"), r.top10RewardShare());
    }

    @Test
    void thePoolPriceIsCutToEighteenDecimals() {
        DailyRow r = DailyRow.builder(0, "LIVE", MT).pool(SampleRun.flock("2"), SampleRun.mt("3")).build();
        assertEquals(new BigDecimal("0.666666666666666666"), r.poolPrice().orElseThrow());
    }

    @Test
    void everyFieldChecksItsAssetAndRange() {
        DailyRow.Builder b = DailyRow.builder(1, "LIVE", MT);
        rejects("day = -1: must not be negative", () -> DailyRow.builder(-1, "LIVE", MT));
        rejects("state = \"a,b\": must be a non-blank name without commas, quotes or control characters",
                () -> DailyRow.builder(0, "a,b", MT));
        rejects("mtAsset = FLOCK: must be the deployment's model token", () -> DailyRow.builder(0, "LIVE", Asset.FLOCK));
        rejects("raised = 1.000000 USD: must be an amount of FLOCK", () -> b.raised(SampleRun.usd("1")));
        rejects("mtSupply = 1.000000000000000000 FLOCK: must be an amount of MT-t", () -> b.mtSupply(SampleRun.flock("1")));
        rejects("mtBurnedTotal = 1.000000000000000000 MT-t: must not be less than 2.000000000000000000 MT-t",
                () -> b.mtBurned(SampleRun.mt("2"), SampleRun.mt("1")));
        rejects("revenueGross = 1.000000 USD: must not be less than 2.000000 USD",
                () -> b.revenue(SampleRun.usd("1"), SampleRun.usd("2")));
        rejects("pool = 0.000000000000000000 FLOCK / 1.000000000000000000 MT-t: both reserves must be positive",
                () -> b.pool(Amount.zero(Asset.FLOCK), SampleRun.mt("1")));
        rejects("flockUsd = 0.000000001: must be positive with at most 8 decimals", () -> b.flockUsd(new BigDecimal("0.000000001")));
        rejects("top10RewardShare = 1.5: must be from 0 to 1 with at most 6 decimals",
                () -> b.top10RewardShare(new BigDecimal("1.5")));
        rejects("activeUsers = -1: must not be negative", () -> b.activeUsers(-1));
    }

    @Test
    void aResultNeedsConsecutiveDaysFlockRewardsAndAHexHash() {
        List<DailyRow> rows = SampleRun.rows();
        rejects("rows = []: a run has at least one day", () -> new SimulationResult(List.of(), Map.of(), 0, SampleRun.HASH));
        rejects("rows[1].day = 2: must be 1",
                () -> new SimulationResult(List.of(rows.get(0), rows.get(2)), Map.of(), 0, SampleRun.HASH));
        rejects("stateHash = \"ABC\": must be 64 lowercase hex digits",
                () -> new SimulationResult(rows, Map.of(), 0, "ABC"));
        rejects("events = -1: must not be negative", () -> new SimulationResult(rows, Map.of(), -1, SampleRun.HASH));
        SimulationResult r = SampleRun.result();
        assertEquals(List.of("a", "b", "c", "d"), r.flockRewards().keySet().stream().map(k -> k.value()).toList());
        assertEquals(4, r.last().day());
    }
}
