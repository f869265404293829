package io.fomo.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.math.arbitraries.AllocationCase;
import io.fomo.core.math.arbitraries.MathArbitraries;
import io.fomo.spi.Amount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of pro-rata allocation over random totals (0 to 36 decimals, up to 2^256 units), weights (mixed
 * scales, zeros, ties) and insertion orders. Expected values are computed here with exact BigDecimal
 * arithmetic in base units: with T the total's units, w a weight and W the sum of the weights, the ideal
 * share is T * w / W, its floor is (T * w) div W and its remainder is T * w - floor * W.
 */
class ProRataProperties {

    /** The ideal-share terms of one recipient, computed without the code under test. */
    private static final class Ideal {
        final BigDecimal tw;
        final BigInteger floor;
        final BigDecimal remainder;

        Ideal(BigInteger total, BigDecimal weight, BigDecimal sum) {
            this.tw = new BigDecimal(total).multiply(weight);
            this.floor = tw.divideToIntegralValue(sum).toBigIntegerExact();
            this.remainder = tw.subtract(new BigDecimal(floor).multiply(sum));
        }
    }

    private static BigDecimal sum(Map<String, BigDecimal> weights) {
        return weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, Ideal> ideals(AllocationCase c) {
        Map<String, BigDecimal> w = c.first();
        BigDecimal sum = sum(w);
        Map<String, Ideal> ideals = new TreeMap<>();
        w.forEach((k, v) -> ideals.put(k, new Ideal(c.total().units(), v, sum)));
        return ideals;
    }

    @Property
    void partsPlusDustIsTheWholeExactly(@ForAll AllocationCase c, @ForAll ProRata.Method method) {
        Allocation<String> a = ProRata.allocate(c.total(), c.first(), method);

        Amount sum = a.dust();
        for (Amount part : a.shares().values()) {
            sum = sum.plus(part); // throws on an asset mismatch
        }
        assertEquals(c.total(), sum);
        assertEquals(c.total(), a.total());
        List<String> keys = new ArrayList<>(c.first().keySet());
        Collections.sort(keys);
        assertEquals(keys, new ArrayList<>(a.shares().keySet()), "every recipient, in ascending order");
        Statistics.label("decimals").collect(c.total().asset().decimals() == 6 || c.total().asset().decimals() == 18
                ? "6 or 18" : "other");
        Statistics.label("dust").collect(a.dust().isZero() ? "none" : "some");
    }

    @Property
    void floorWithDustGivesEachExactlyTheFloorOfItsIdealShare(@ForAll AllocationCase c) {
        Allocation<String> a = ProRata.allocate(c.total(), c.first(), ProRata.Method.FLOOR_WITH_DUST);

        BigDecimal w = sum(c.first());
        int positiveRemainders = 0;
        for (Map.Entry<String, Ideal> e : ideals(c).entrySet()) {
            BigDecimal part = new BigDecimal(a.shareOf(e.getKey()).units());
            Ideal ideal = e.getValue();
            // part * W <= T * w < (part + 1) * W
            assertTrue(part.multiply(w).compareTo(ideal.tw) <= 0, () -> e.getKey() + " above its floor");
            assertTrue(ideal.tw.compareTo(part.add(BigDecimal.ONE).multiply(w)) < 0, () -> e.getKey() + " below its floor");
            if (ideal.remainder.signum() > 0) {
                positiveRemainders++;
            }
        }
        BigInteger dust = a.dust().units();
        int positive = positiveRemainders;
        assertTrue(positive == 0 ? dust.signum() == 0 : dust.compareTo(BigInteger.valueOf(positive)) < 0,
                () -> "dust " + dust + " with " + positive + " positive remainders");
        Statistics.label("dust").collect(dust.signum() == 0 ? "0" : "> 0");
    }

    @Property
    void largestRemainderIsWithinOneUnitOfTheIdealShare(@ForAll AllocationCase c) {
        Allocation<String> a = ProRata.allocate(c.total(), c.first(), ProRata.Method.LARGEST_REMAINDER);

        BigDecimal w = sum(c.first());
        for (Map.Entry<String, Ideal> e : ideals(c).entrySet()) {
            BigDecimal part = new BigDecimal(a.shareOf(e.getKey()).units());
            // |part * W - T * w| < W, i.e. part is the floor or the floor + 1 of the ideal share.
            assertTrue(part.multiply(w).subtract(e.getValue().tw).abs().compareTo(w) < 0,
                    () -> e.getKey() + ": " + part + " is a unit or more from its ideal share");
        }
        assertTrue(a.dust().isZero());
    }

    @Property
    void leftoverUnitsGoToTheLargestRemaindersAndTiesToTheSmallerKey(@ForAll AllocationCase c) {
        Allocation<String> a = ProRata.allocate(c.total(), c.first(), ProRata.Method.LARGEST_REMAINDER);

        Map<String, Ideal> ideals = ideals(c);
        List<String> extra = new ArrayList<>();
        List<String> none = new ArrayList<>();
        BigInteger floors = BigInteger.ZERO;
        for (Map.Entry<String, Ideal> e : ideals.entrySet()) {
            BigInteger bonus = a.shareOf(e.getKey()).units().subtract(e.getValue().floor);
            assertTrue(bonus.signum() >= 0 && bonus.compareTo(BigInteger.ONE) <= 0, () -> e.getKey() + " got " + bonus);
            (bonus.signum() > 0 ? extra : none).add(e.getKey());
            floors = floors.add(e.getValue().floor);
        }
        assertEquals(c.total().units().subtract(floors), BigInteger.valueOf(extra.size()), "every leftover unit given");
        boolean tieAtTheCut = false;
        for (String i : extra) {
            for (String j : none) {
                int cmp = ideals.get(i).remainder.compareTo(ideals.get(j).remainder);
                assertTrue(cmp > 0 || cmp == 0 && i.compareTo(j) < 0,
                        () -> i + " got a unit before " + j + " though its remainder is not larger, or equal with a smaller key");
                tieAtTheCut |= cmp == 0;
            }
        }
        Statistics.label("tie at the cut").collect(tieAtTheCut);
    }

    @Property
    void resultsDoNotDependOnInsertionOrder(@ForAll AllocationCase c, @ForAll ProRata.Method method) {
        Allocation<String> first = ProRata.allocate(c.total(), c.first(), method);
        Allocation<String> second = ProRata.allocate(c.total(), c.second(), method);
        LinkedHashMap<String, BigDecimal> reversed = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(c.first().keySet());
        Collections.reverse(keys);
        keys.forEach(k -> reversed.put(k, c.first().get(k)));
        Allocation<String> third = ProRata.allocate(c.total(), reversed, method);
        Allocation<String> hashed = ProRata.allocate(c.total(), new HashMap<>(c.first()), method);

        for (Allocation<String> other : List.of(second, third, hashed)) {
            assertEquals(first, other);
            assertEquals(new ArrayList<>(first.shares().entrySet()), new ArrayList<>(other.shares().entrySet()));
        }
    }

    @Property
    void zeroWeightsGetZero(@ForAll AllocationCase c, @ForAll ProRata.Method method) {
        Allocation<String> a = ProRata.allocate(c.total(), c.first(), method);

        int zeros = 0;
        for (Map.Entry<String, BigDecimal> e : c.first().entrySet()) {
            if (e.getValue().signum() == 0) {
                zeros++;
                assertTrue(a.shareOf(e.getKey()).isZero(), () -> e.getKey() + " weighs 0 but got a share");
            }
        }
        Statistics.label("zero weights").collect(zeros == 0 ? "none" : "some");
    }

    @Provide
    Arbitrary<List<String>> keys() {
        return MathArbitraries.recipientKeys();
    }

    @Provide
    Arbitrary<BigDecimal> positiveWeights() {
        return MathArbitraries.positiveWeights();
    }

    @Provide
    Arbitrary<Amount> totals() {
        return MathArbitraries.totals();
    }

    /** All remainders tie: T = q * n + r gives q + 1 to the r smallest keys and q to the rest. */
    @Property
    void equalWeightsGiveTheLeftoverToTheSmallestKeys(@ForAll("keys") List<String> keys,
            @ForAll("positiveWeights") BigDecimal weight, @ForAll("totals") Amount total) {
        Map<String, BigDecimal> w = new LinkedHashMap<>();
        keys.forEach(k -> w.put(k, weight)); // in the generated, random order
        Allocation<String> lr = ProRata.allocate(total, w, ProRata.Method.LARGEST_REMAINDER);
        Allocation<String> floor = ProRata.allocate(total, w, ProRata.Method.FLOOR_WITH_DUST);

        BigInteger[] qr = total.units().divideAndRemainder(BigInteger.valueOf(keys.size()));
        List<String> sorted = new ArrayList<>(keys);
        Collections.sort(sorted);
        for (int i = 0; i < sorted.size(); i++) {
            BigInteger expected = i < qr[1].intValueExact() ? qr[0].add(BigInteger.ONE) : qr[0];
            assertEquals(expected, lr.shareOf(sorted.get(i)).units(), sorted.get(i));
            assertEquals(qr[0], floor.shareOf(sorted.get(i)).units(), sorted.get(i));
        }
        assertEquals(qr[1], floor.dust().units());
    }

    /**
     * Random Unicode keys, weighted towards the ranges where UTF-16 order and code point order disagree:
     * U+E000..U+FFFF against supplementary characters (two surrogate units).
     */
    @Provide
    Arbitrary<List<String>> unicodeKeys() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0xE000, 0xFFFF)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x20, 0xD7FF)));
        Arbitrary<String> key = codePoint.list().ofMinSize(1).ofMaxSize(3)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
        return key.list().uniqueElements().ofMinSize(2).ofMaxSize(8);
    }

    /** Code point order, computed without the code under test: the decoded code points, compared in order. */
    private static int byCodePoint(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /** The tie law on any text: equal weights give the leftover units to the smallest keys by code point. */
    @Property
    void tiesGoToTheSmallerKeyInCodePointOrder(@ForAll("unicodeKeys") List<String> keys,
            @ForAll @IntRange(min = 1, max = 7) int leftover, @ForAll @IntRange(max = 1000) int each) {
        int extra = leftover % keys.size();
        Map<String, BigDecimal> w = new LinkedHashMap<>();
        keys.forEach(k -> w.put(k, BigDecimal.ONE));
        Amount total = Amount.ofUnits(io.fomo.spi.Asset.of("UNIT", 0),
                BigInteger.valueOf((long) each * keys.size() + extra));

        Allocation<String> lr = ProRata.allocate(total, w, ProRata.Method.LARGEST_REMAINDER);

        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(ProRataProperties::byCodePoint);
        for (int i = 0; i < sorted.size(); i++) {
            assertEquals(BigInteger.valueOf(i < extra ? each + 1 : each), lr.shareOf(sorted.get(i)).units(),
                    "key #" + i + " by code point: " + sorted.get(i).codePoints().boxed().toList());
        }
        assertEquals(sorted, new ArrayList<>(lr.shares().keySet()), "shares in code point order");
    }

    /** Weights are proportions: a common factor, or trailing zeros, change nothing. */
    @Property
    void scalingEveryWeightChangesNothing(@ForAll AllocationCase c, @ForAll ProRata.Method method,
            @ForAll @IntRange(min = 1, max = 1_000_000) int factor, @ForAll @IntRange(min = 0, max = 12) int zeros) {
        Map<String, BigDecimal> scaled = new LinkedHashMap<>();
        c.first().forEach((k, v) -> scaled.put(k, v.multiply(BigDecimal.valueOf(factor)).setScale(v.scale() + zeros)));

        assertEquals(ProRata.allocate(c.total(), c.first(), method), ProRata.allocate(c.total(), scaled, method));
    }

    @Property(tries = 200)
    void allocatingLeavesTheCallersMapAsItWas(@ForAll AllocationCase c, @ForAll ProRata.Method method) {
        LinkedHashMap<String, BigDecimal> w = c.first();
        List<Map.Entry<String, BigDecimal>> before = new ArrayList<>();
        w.forEach((k, v) -> before.add(Map.entry(k, v)));

        ProRata.allocate(c.total(), w, method);

        List<Map.Entry<String, BigDecimal>> after = new ArrayList<>(w.entrySet());
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).getKey(), after.get(i).getKey());
            assertSame(before.get(i).getValue(), after.get(i).getValue());
        }
    }
}
