package io.fomo.examples.lab;

import io.fomo.spi.InvalidArgumentException;
import java.util.List;
import java.util.Objects;

/**
 * One Monte Carlo run: its index, the seed it ran with ({@link RunSeeds}) and its daily metrics.
 *
 * @param index the run's index, from 0
 * @param seed  the run's seed: {@code fomo simulate --seed <seed>} repeats it alone
 * @param days  one entry per day, from day 0, consecutive
 */
public record Run(int index, long seed, List<DayMetrics> days) {

    /**
     * Checks a run.
     *
     * @param index the run's index, from 0
     * @param seed  the run's seed
     * @param days  one entry per day, from day 0, consecutive
     * @throws InvalidArgumentException if the index is negative or the days are empty or not consecutive
     */
    public Run {
        if (index < 0) {
            throw InvalidArgumentException.of("index", index, "must not be negative");
        }
        days = List.copyOf(Objects.requireNonNull(days, "days"));
        if (days.isEmpty()) {
            throw InvalidArgumentException.of("days", "[]", "a run has at least one day");
        }
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i).day() != i) {
                throw InvalidArgumentException.of("days[" + i + "].day", days.get(i).day(), "must be " + i);
            }
        }
    }
}
