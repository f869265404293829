package io.fomo.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Pro-rata examples worked out by hand; ideal shares are total * weight / sum of weights. */
class ProRataTest {

    private static final Asset POINTS = Asset.of("PTS", 0);

    private static LinkedHashMap<String, BigDecimal> weights(String... keyValuePairs) {
        LinkedHashMap<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValuePairs.length; i += 2) {
            map.put(keyValuePairs[i], new BigDecimal(keyValuePairs[i + 1]));
        }
        return map;
    }

    private static Map<String, Amount> points(String... keyUnitPairs) {
        Map<String, Amount> map = new LinkedHashMap<>();
        for (int i = 0; i < keyUnitPairs.length; i += 2) {
            map.put(keyUnitPairs[i], Amount.ofUnits(POINTS, Long.parseLong(keyUnitPairs[i + 1])));
        }
        return map;
    }

    private static void assertRejected(String message, Executable call) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call);
        assertEquals(message, e.getMessage());
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }

    @Test
    void hundredOneOneOneFloorsTo33EachWithOneDust() {
        Allocation<String> a = ProRata.allocate(Amount.of(POINTS, 100), weights("a", "1", "b", "1", "c", "1"),
                ProRata.Method.FLOOR_WITH_DUST);
        assertEquals(points("a", "33", "b", "33", "c", "33"), a.shares());
        assertEquals(Amount.of(POINTS, 1), a.dust());
        assertEquals(Amount.of(POINTS, 100), a.total());
    }

    @Test
    void hundredOneOneOneLargestRemainderGivesTheTieToTheSmallestKey() {
        // All three remainders are 1/3: the one unit left goes to "a", however the map is ordered.
        for (LinkedHashMap<String, BigDecimal> w : List.of(weights("a", "1", "b", "1", "c", "1"),
                weights("c", "1", "b", "1", "a", "1"), weights("b", "1", "c", "1", "a", "1"))) {
            Allocation<String> a = ProRata.allocate(Amount.of(POINTS, 100), w, ProRata.Method.LARGEST_REMAINDER);
            assertEquals(points("a", "34", "b", "33", "c", "33"), a.shares());
            assertEquals(List.of("a", "b", "c"), new ArrayList<>(a.shares().keySet()), "ascending recipient order");
            assertEquals(Amount.zero(POINTS), a.dust());
        }
    }

    @Test
    void oneUsdcInThirds() {
        Amount one = Amount.parse(Asset.USDC, "1");
        LinkedHashMap<String, BigDecimal> w = weights("x", "5", "y", "5", "z", "5");
        Allocation<String> floor = ProRata.allocate(one, w, ProRata.Method.FLOOR_WITH_DUST);
        assertEquals(Amount.parse(Asset.USDC, "0.333333"), floor.shareOf("z"));
        assertEquals(Amount.parse(Asset.USDC, "0.000001"), floor.dust());
        Allocation<String> lr = ProRata.allocate(one, w, ProRata.Method.LARGEST_REMAINDER);
        assertEquals(Amount.parse(Asset.USDC, "0.333334"), lr.shareOf("x"));
        assertEquals(Amount.parse(Asset.USDC, "0.333333"), lr.shareOf("y"));
    }

    @Test
    void oneFlockOneTwoThree() {
        // 10^18 units / 6 = 166666666666666666.67 (rem 4/6), * 2 = ...333.33 (rem 2/6), * 3 = 5 * 10^17 exactly.
        Allocation<String> lr = ProRata.allocate(Amount.of(Asset.FLOCK, 1), weights("a", "1", "b", "2", "c", "3"),
                ProRata.Method.LARGEST_REMAINDER);
        assertEquals(Amount.parse(Asset.FLOCK, "0.166666666666666667"), lr.shareOf("a"));
        assertEquals(Amount.parse(Asset.FLOCK, "0.333333333333333333"), lr.shareOf("b"));
        assertEquals(Amount.parse(Asset.FLOCK, "0.5"), lr.shareOf("c"));
        Allocation<String> floor = ProRata.allocate(Amount.of(Asset.FLOCK, 1), weights("a", "1", "b", "2", "c", "3"),
                ProRata.Method.FLOOR_WITH_DUST);
        assertEquals(Amount.parse(Asset.FLOCK, "0.166666666666666666"), floor.shareOf("a"));
        assertEquals(Amount.ofUnits(Asset.FLOCK, 1), floor.dust());
    }

    @Test
    void weightsOfDifferentScales() {
        // Sum 3: a = 10 * 0.5 / 3 = 1.67, b = 3.33, c = 5. Floors 1 + 3 + 5 = 9, one unit left, to a.
        LinkedHashMap<String, BigDecimal> w = weights("c", "1.50", "a", "0.5", "b", "1");
        assertEquals(points("a", "1", "b", "3", "c", "5"),
                ProRata.allocate(Amount.of(POINTS, 10), w, ProRata.Method.FLOOR_WITH_DUST).shares());
        assertEquals(points("a", "2", "b", "3", "c", "5"),
                ProRata.allocate(Amount.of(POINTS, 10), w, ProRata.Method.LARGEST_REMAINDER).shares());
    }

    @Test
    void theLargestRemainderNotTheLargestWeightGetsTheUnit() {
        // 2 units by 1:2 -> ideal 0.67 and 1.33: floors 0 and 1; the unit left goes to a (remainder 2/3).
        assertEquals(points("a", "1", "b", "1"), ProRata.allocate(Amount.of(POINTS, 2), weights("a", "1", "b", "2"),
                ProRata.Method.LARGEST_REMAINDER).shares());
    }

    @Test
    void zeroWeightsGetNothingEvenWhenUnitsAreLeft() {
        // 3 units to b and c (a weighs 0): 1.5 each, the tie goes to b.
        LinkedHashMap<String, BigDecimal> w = weights("a", "0", "b", "1", "c", "1");
        Allocation<String> lr = ProRata.allocate(Amount.of(POINTS, 3), w, ProRata.Method.LARGEST_REMAINDER);
        assertEquals(points("a", "0", "b", "2", "c", "1"), lr.shares());
        Allocation<String> floor = ProRata.allocate(Amount.of(POINTS, 3), w, ProRata.Method.FLOOR_WITH_DUST);
        assertEquals(points("a", "0", "b", "1", "c", "1"), floor.shares());
        assertEquals(Amount.of(POINTS, 1), floor.dust());
    }

    @Test
    void tiesFollowTheKeysNaturalOrderNotTheirText() {
        // As integers 9 < 10 (as text "10" < "9"): the unit goes to 9.
        Map<Integer, BigDecimal> w = new LinkedHashMap<>();
        w.put(10, BigDecimal.ONE);
        w.put(9, BigDecimal.ONE);
        Allocation<Integer> a = ProRata.allocate(Amount.of(POINTS, 1), w, ProRata.Method.LARGEST_REMAINDER);
        assertEquals(Amount.of(POINTS, 1), a.shareOf(9));
        assertEquals(Amount.zero(POINTS), a.shareOf(10));
        assertEquals(List.of(9, 10), new ArrayList<>(a.shares().keySet()));
    }

    @Test
    void nothingToDivideGivesZeros() {
        Allocation<String> a = ProRata.allocate(Amount.zero(Asset.USDC), weights("a", "1", "b", "3"),
                ProRata.Method.LARGEST_REMAINDER);
        assertEquals(Amount.zero(Asset.USDC), a.shareOf("a"));
        assertEquals(Amount.zero(Asset.USDC), a.shareOf("b"));
        assertEquals(Amount.zero(Asset.USDC), a.dust());
    }

    @Test
    void rejectsNoRecipients() {
        assertRejected("weights = {}: at least one recipient is required",
                () -> ProRata.allocate(Amount.of(POINTS, 10), Map.<String, BigDecimal>of(), ProRata.Method.FLOOR_WITH_DUST));
    }

    @Test
    void rejectsANegativeWeightNamingTheRecipient() {
        assertRejected("weights[b] = -1: must not be negative", () -> ProRata.allocate(Amount.of(POINTS, 10),
                weights("a", "1", "b", "-1"), ProRata.Method.LARGEST_REMAINDER));
        assertRejected("weights[c] = -0.000000000000000001: must not be negative", () -> ProRata.allocate(
                Amount.of(POINTS, 10), weights("c", "-1E-18"), ProRata.Method.FLOOR_WITH_DUST));
    }

    @Test
    void rejectsAllZeroWeights() {
        assertRejected("weights = {a=0, b=0.00}: must not all be zero", () -> ProRata.allocate(Amount.of(POINTS, 10),
                weights("b", "0.00", "a", "0"), ProRata.Method.LARGEST_REMAINDER));
    }

    @Test
    void rejectsRecipientsThatAreOneInNaturalOrder() {
        // 1.0 and 1.00 are different map keys but equal under compareTo; merging them would lose a
        // weight and make the result depend on iteration order, so either order is rejected.
        Map<BigDecimal, BigDecimal> w = new LinkedHashMap<>();
        w.put(new BigDecimal("1.0"), BigDecimal.ONE);
        w.put(new BigDecimal("1.00"), BigDecimal.valueOf(3));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> ProRata.allocate(Amount.of(POINTS, 8), w, ProRata.Method.LARGEST_REMAINDER));
        assertEquals("weights[1.00] = 3: is the same recipient as 1.0 in natural order (compareTo)", e.getMessage());
        Map<BigDecimal, BigDecimal> reversed = new LinkedHashMap<>();
        reversed.put(new BigDecimal("1.00"), BigDecimal.valueOf(3));
        reversed.put(new BigDecimal("1.0"), BigDecimal.ONE);
        assertThrows(InvalidArgumentException.class,
                () -> ProRata.allocate(Amount.of(POINTS, 8), reversed, ProRata.Method.LARGEST_REMAINDER));
    }

    @Test
    void aRejectedAllocationLeavesTheWeightsAsTheyWere() {
        LinkedHashMap<String, BigDecimal> w = weights("b", "2", "a", "-1.50", "c", "0");
        LinkedHashMap<String, BigDecimal> before = new LinkedHashMap<>(w);
        assertThrows(InvalidArgumentException.class,
                () -> ProRata.allocate(Amount.of(POINTS, 10), w, ProRata.Method.LARGEST_REMAINDER));
        assertEquals(new ArrayList<>(before.entrySet()), new ArrayList<>(w.entrySet()));
        assertEquals("-1.50", w.get("a").toString());
    }

    @Test
    void theAllocationIsImmutableAndAsksForKnownRecipients() {
        Allocation<String> a = ProRata.allocate(Amount.of(POINTS, 5), weights("a", "1"), ProRata.Method.FLOOR_WITH_DUST);
        assertThrows(UnsupportedOperationException.class, () -> a.shares().put("z", Amount.of(POINTS, 1)));
        assertThrows(UnsupportedOperationException.class, () -> a.shares().clear());
        assertRejected("recipient = z: is not part of this allocation", () -> a.shareOf("z"));
        assertEquals(points("a", "5"), a.shares());
        assertEquals(a, ProRata.allocate(Amount.of(POINTS, 5), weights("a", "7"), ProRata.Method.LARGEST_REMAINDER));
        assertEquals(a.hashCode(), ProRata.allocate(Amount.of(POINTS, 5), weights("a", "7"),
                ProRata.Method.LARGEST_REMAINDER).hashCode());
    }
}
