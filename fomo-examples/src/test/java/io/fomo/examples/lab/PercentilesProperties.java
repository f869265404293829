package io.fomo.examples.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The nearest-rank percentile against its definition, and the bands built from it. */
class PercentilesProperties {

    @Provide
    Arbitrary<List<BigDecimal>> values() {
        Arbitrary<BigDecimal> v = Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), new BigDecimal("1000000"))
                .ofScale(6);
        // Many ties: draw from a few values half of the time.
        Arbitrary<BigDecimal> tied = Arbitraries.of(new BigDecimal("1.000000"), new BigDecimal("2.000000"),
                new BigDecimal("-3.500000"));
        return Arbitraries.oneOf(v, tied).list().ofMinSize(1).ofMaxSize(300);
    }

    /**
     * The definition: x is a value; at least ceil(p·n/100) values are at most x, and fewer than that are
     * below x.
     */
    @Property
    void theResultIsTheValueWhoseRankIsTheCeilingOfPTimesNOverAHundred(@ForAll("values") List<BigDecimal> values,
            @ForAll @IntRange(min = 1, max = 100) int p) {
        BigDecimal x = Percentiles.nearestRank(p, values);
        assertTrue(values.contains(x), "a value of the set");
        int n = values.size();
        long atMost = values.stream().filter(v -> v.compareTo(x) <= 0).count();
        long below = values.stream().filter(v -> v.compareTo(x) < 0).count();
        // ceil(p·n/100) by the definition, in exact decimal arithmetic.
        int rank = new BigDecimal(p).multiply(new BigDecimal(n)).divide(new BigDecimal(100))
                .setScale(0, java.math.RoundingMode.CEILING).intValueExact();
        assertTrue(atMost >= rank, atMost + " values <= x, rank " + rank);
        assertTrue(below < rank, below + " values < x, rank " + rank);
    }

    @Property
    void theOrderOfTheValuesDoesNotMatter(@ForAll("values") List<BigDecimal> values,
            @ForAll @IntRange(min = 1, max = 100) int p, @ForAll long shuffle) {
        List<BigDecimal> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, new java.util.Random(shuffle));
        assertEquals(0, Percentiles.nearestRank(p, values).compareTo(Percentiles.nearestRank(p, shuffled)));
    }

    @Property
    void aBandIsOrderedAndCountsItsValues(@ForAll("values") List<BigDecimal> values) {
        Band b = Band.of(values);
        assertEquals(values.size(), b.n());
        assertTrue(b.p5().compareTo(b.p50()) <= 0 && b.p50().compareTo(b.p95()) <= 0);
        assertEquals(b.p50(), Percentiles.nearestRank(50, values));
    }

    @Property
    void oneValueIsEveryPercentile(@ForAll @Size(min = 1, max = 1) List<@IntRange(min = -5, max = 5) Integer> one,
            @ForAll @IntRange(min = 1, max = 100) int p) {
        BigDecimal v = BigDecimal.valueOf(one.get(0));
        assertEquals(v, Percentiles.nearestRank(p, List.of(v)));
    }

    /** The worked example of the nearest-rank method (Wikipedia, "Percentile"): 15, 20, 35, 40, 50. */
    @Example
    void theTextbookExample() {
        List<BigDecimal> v = List.of(new BigDecimal(35), new BigDecimal(20), new BigDecimal(15), new BigDecimal(50),
                new BigDecimal(40));
        assertEquals(new BigDecimal(15), Percentiles.nearestRank(5, v));
        assertEquals(new BigDecimal(20), Percentiles.nearestRank(30, v));
        assertEquals(new BigDecimal(20), Percentiles.nearestRank(40, v));
        assertEquals(new BigDecimal(35), Percentiles.nearestRank(50, v));
        assertEquals(new BigDecimal(50), Percentiles.nearestRank(100, v));
    }

    @Example
    void outOfRangeInputsAreRefused() {
        assertThrows(InvalidArgumentException.class, () -> Percentiles.nearestRank(0, List.of(BigDecimal.ONE)));
        assertThrows(InvalidArgumentException.class, () -> Percentiles.nearestRank(101, List.of(BigDecimal.ONE)));
        assertThrows(InvalidArgumentException.class, () -> Percentiles.nearestRank(50, List.of()));
        assertThrows(InvalidArgumentException.class, () -> Band.of(List.of()));
    }
}
