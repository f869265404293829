package io.fomo.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class RewardStatsProperties {

    private static List<Amount> amounts(List<Long> units) {
        List<Amount> out = new ArrayList<>();
        for (long u : units) {
            out.add(Amount.ofUnits(Asset.FLOCK, u));
        }
        return out;
    }

    @Property(tries = 200)
    void theTopShareGrowsWithNAndIsWholeForEveryone(
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 1_000_000_000_000L) Long> units,
            @ForAll @IntRange(min = 1, max = 50) int n) {
        List<Amount> r = amounts(units);
        BigDecimal share = RewardStats.topShare(r, n);
        assertTrue(share.compareTo(RewardStats.topShare(r, n + 1)) <= 0);
        boolean anything = units.stream().anyMatch(u -> u > 0);
        assertEquals(anything ? new BigDecimal("1.000000") : new BigDecimal("0.000000"),
                RewardStats.topShare(r, units.size()));
        List<Amount> shuffled = new ArrayList<>(r);
        Collections.shuffle(shuffled);
        assertEquals(share, RewardStats.topShare(shuffled, n), "order does not matter");
    }

    @Property(tries = 300)
    void theTopShareIsTheSumOfTheNLargestOverTheTotal(
            @ForAll @Size(min = 0, max = 60) List<@LongRange(min = 0, max = 50) Long> units,
            @ForAll @IntRange(min = 1, max = 70) int n) {
        // Small values, so that ties at the cut are common; the reference sorts everything.
        List<Long> sorted = new ArrayList<>(units);
        sorted.sort(Collections.reverseOrder());
        long top = sorted.stream().limit(n).mapToLong(Long::longValue).sum();
        long total = sorted.stream().mapToLong(Long::longValue).sum();
        BigDecimal expected = total == 0 ? new BigDecimal("0.000000")
                : BigDecimal.valueOf(top).divide(BigDecimal.valueOf(total), 6, java.math.RoundingMode.DOWN);
        assertEquals(expected, RewardStats.topShare(amounts(units), n));
    }

    @Property(tries = 200)
    void theLorenzCurveRisesToOneAndStaysUnderTheDiagonal(
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 1_000_000_000_000L) Long> units,
            @ForAll @IntRange(min = 1, max = 100) int steps) {
        List<BigDecimal> curve = RewardStats.lorenz(amounts(units), steps);
        assertEquals(steps + 1, curve.size());
        assertEquals(0, curve.get(0).signum());
        for (int k = 1; k <= steps; k++) {
            assertTrue(curve.get(k).compareTo(curve.get(k - 1)) >= 0);
            // The poorest floor(N·k/steps) of N hold at most their head-count share.
            BigDecimal people = BigDecimal.valueOf((long) units.size() * k / steps)
                    .divide(BigDecimal.valueOf(units.size()), 6, java.math.RoundingMode.UP);
            assertTrue(curve.get(k).compareTo(people) <= 0, curve.get(k) + " > " + people);
        }
        boolean anything = units.stream().anyMatch(u -> u > 0);
        assertEquals(anything ? 0 : -1, curve.get(steps).compareTo(BigDecimal.ONE) == 0 ? 0 : -1);
    }
}
