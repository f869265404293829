package io.fomo.examples.lab;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The p5, p50 and p95 of one metric on one day across runs, by {@link Percentiles#nearestRank}, and the
 * number of runs that had a value ({@code n}; a run without the pool yet has no pool price that day).
 *
 * @param n   the number of values, positive
 * @param p5  the 5th percentile
 * @param p50 the median (nearest rank)
 * @param p95 the 95th percentile
 */
public record Band(int n, BigDecimal p5, BigDecimal p50, BigDecimal p95) {

    /**
     * Checks a band.
     *
     * @param n   the number of values, positive
     * @param p5  the 5th percentile
     * @param p50 the median
     * @param p95 the 95th percentile
     * @throws InvalidArgumentException if {@code n} is not positive or the percentiles are out of order
     */
    public Band {
        if (n < 1) {
            throw InvalidArgumentException.of("n", n, "must be positive");
        }
        Objects.requireNonNull(p5, "p5");
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p95, "p95");
        if (p5.compareTo(p50) > 0 || p50.compareTo(p95) > 0) {
            throw InvalidArgumentException.of("band", p5 + " / " + p50 + " / " + p95, "must satisfy p5 <= p50 <= p95");
        }
    }

    /**
     * Returns the band of some values.
     *
     * @param values at least one value
     * @return the band
     * @throws InvalidArgumentException if there are no values
     */
    public static Band of(Collection<BigDecimal> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw InvalidArgumentException.of("values", "[]", "a band needs at least one value");
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.forEach(v -> Objects.requireNonNull(v, "value"));
        sorted.sort(BigDecimal::compareTo);
        int n = sorted.size();
        return new Band(n, sorted.get(Percentiles.rank(5, n) - 1), sorted.get(Percentiles.rank(50, n) - 1),
                sorted.get(Percentiles.rank(95, n) - 1));
    }
}
