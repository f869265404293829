package io.fomo.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardStatsTest {

    private static List<Amount> flock(String... values) {
        List<Amount> out = new ArrayList<>();
        for (String v : values) {
            out.add(Amount.parse(Asset.FLOCK, v));
        }
        return out;
    }

    @Test
    void theTopShareCountsTheLargestAmounts() {
        // 12 earners: 10 of 1 and 2 of 5; the top 10 are 5, 5 and eight 1s: 18 of 20 = 0.9.
        List<Amount> r = flock("1", "5", "1", "1", "1", "1", "1", "1", "1", "1", "1", "5");
        assertEquals(new BigDecimal("0.900000"), RewardStats.topShare(r, 10));
        // 1 of 3 = 0.333333|3 cut down.
        assertEquals(new BigDecimal("0.333333"), RewardStats.topShare(flock("1", "1", "1"), 1));
        assertEquals(new BigDecimal("1.000000"), RewardStats.topShare(flock("1", "1", "1"), 10));
        assertEquals(new BigDecimal("0.000000"), RewardStats.topShare(flock("0", "0"), 10));
        assertEquals(new BigDecimal("0.000000"), RewardStats.topShare(List.of(), 10));
        assertEquals("n = 0: must be positive",
                assertThrows(InvalidArgumentException.class, () -> RewardStats.topShare(r, 0)).getMessage());
    }

    @Test
    void aShareIsOfAPartWithinItsTotal() {
        java.math.BigInteger two = java.math.BigInteger.TWO;
        assertEquals(new BigDecimal("0.666666"), RewardStats.share(two, java.math.BigInteger.valueOf(3)));
        assertEquals(new BigDecimal("0.000000"), RewardStats.share(java.math.BigInteger.ZERO, java.math.BigInteger.ZERO));
        assertEquals("part = 3: must be from 0 to the total 2", assertThrows(InvalidArgumentException.class,
                () -> RewardStats.share(java.math.BigInteger.valueOf(3), two)).getMessage());
        assertEquals("part = -1: must be from 0 to the total 2", assertThrows(InvalidArgumentException.class,
                () -> RewardStats.share(java.math.BigInteger.ONE.negate(), two)).getMessage());
        assertEquals(java.math.BigInteger.valueOf(9), RewardStats.largestSum(List.of(java.math.BigInteger.ONE,
                java.math.BigInteger.valueOf(4), java.math.BigInteger.valueOf(5)), 2));
        assertEquals("n = 0: must be positive", assertThrows(InvalidArgumentException.class,
                () -> RewardStats.largestSum(List.of(), 0)).getMessage());
    }

    @Test
    void theRankingIsLargestFirstThenById() {
        List<Map.Entry<AccountId, Amount>> top = RewardStats.ranking(SampleRun.rewards(), 3);
        assertEquals(List.of("a", "b", "c"), top.stream().map(e -> e.getKey().value()).toList());
        Map<AccountId, Amount> tie = Map.of(AccountId.of("z"), Amount.of(Asset.FLOCK, 1), AccountId.of("y"),
                Amount.of(Asset.FLOCK, 1));
        assertEquals(List.of("y", "z"), RewardStats.ranking(tie, 5).stream().map(e -> e.getKey().value()).toList());
        assertEquals(List.of(), RewardStats.ranking(tie, 0));
    }

    @Test
    void theLorenzCurveRisesFromZeroToOne() {
        // Sorted: 0, 1, 1, 2 (total 4). Steps of a quarter: 0, 0, 1/4, 2/4, 4/4.
        assertEquals(List.of(new BigDecimal("0.000000"), new BigDecimal("0.000000"), new BigDecimal("0.250000"),
                new BigDecimal("0.500000"), new BigDecimal("1.000000")), RewardStats.lorenz(flock("2", "1", "0", "1"), 4));
        // Three equal earners in two steps: the poorest floor(3/2) = 1 hold a third.
        assertEquals(List.of(new BigDecimal("0.000000"), new BigDecimal("0.333333"), new BigDecimal("1.000000")),
                RewardStats.lorenz(flock("1", "1", "1"), 2));
    }
}
