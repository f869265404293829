package io.fomo.examples.lab;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Percentiles by the <b>nearest-rank</b> method on exact decimals: for {@code n} values sorted ascending
 * (by numeric value, {@link BigDecimal#compareTo}), the {@code p}-th percentile ({@code 0 < p <= 100}) is the
 * value of rank {@code k = ceil(p * n / 100)} (1-based), computed in integers. The result is always one of
 * the values themselves: nothing is interpolated, so nothing is rounded.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * Returns the 1-based nearest rank of a percentile.
     *
     * @param p the percentile, 1 to 100
     * @param n the number of values, positive
     * @return {@code ceil(p * n / 100)}, from 1 to {@code n}
     * @throws InvalidArgumentException if {@code p} or {@code n} is out of range
     */
    public static int rank(int p, int n) {
        if (p < 1 || p > 100) {
            throw InvalidArgumentException.of("p", p, "must be from 1 to 100");
        }
        if (n < 1) {
            throw InvalidArgumentException.of("n", n, "must be positive");
        }
        long k = ((long) p * n + 99) / 100;
        return (int) k;
    }

    /**
     * Returns a percentile of some values by the nearest-rank method.
     *
     * @param p      the percentile, 1 to 100
     * @param values the values, at least one, none null
     * @return the value of rank {@link #rank(int, int)} in ascending order
     * @throws InvalidArgumentException if {@code p} is out of range or there are no values
     */
    public static BigDecimal nearestRank(int p, Collection<BigDecimal> values) {
        Objects.requireNonNull(values, "values");
        List<BigDecimal> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            throw InvalidArgumentException.of("values", "[]", "a percentile needs at least one value");
        }
        sorted.forEach(v -> Objects.requireNonNull(v, "value"));
        sorted.sort(BigDecimal::compareTo);
        return sorted.get(rank(p, sorted.size()) - 1);
    }
}
