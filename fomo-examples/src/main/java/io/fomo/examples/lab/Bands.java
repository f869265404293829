package io.fomo.examples.lab;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The p5/p50/p95 {@link Band} of every {@link Metric} on every day across a set of runs of one scenario.
 * A day's band of a metric is taken over the runs that have a value that day; it is absent when none has
 * (the pool's metrics before any run's pool exists).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Bands {

    private final int days;
    private final EnumMap<Metric, List<Optional<Band>>> bands;

    private Bands(int days, EnumMap<Metric, List<Optional<Band>>> bands) {
        this.days = days;
        this.bands = bands;
    }

    /**
     * Computes the bands of some runs.
     *
     * @param runs at least one run, all of the same number of days
     * @return the bands
     * @throws InvalidArgumentException if there are no runs or their lengths differ
     */
    public static Bands of(List<Run> runs) {
        Objects.requireNonNull(runs, "runs");
        if (runs.isEmpty()) {
            throw InvalidArgumentException.of("runs", "[]", "bands need at least one run");
        }
        int days = runs.get(0).days().size();
        for (Run r : runs) {
            if (r.days().size() != days) {
                throw InvalidArgumentException.of("runs[" + r.index() + "].days", r.days().size(),
                        "every run must have " + days + " days");
            }
        }
        EnumMap<Metric, List<Optional<Band>>> bands = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            List<Optional<Band>> perDay = new ArrayList<>(days);
            for (int d = 0; d < days; d++) {
                List<BigDecimal> values = new ArrayList<>(runs.size());
                for (Run r : runs) {
                    r.days().get(d).value(m).ifPresent(values::add);
                }
                perDay.add(values.isEmpty() ? Optional.empty() : Optional.of(Band.of(values)));
            }
            bands.put(m, List.copyOf(perDay));
        }
        return new Bands(days, bands);
    }

    /**
     * Returns the number of days.
     *
     * @return the days of every run
     */
    public int days() {
        return days;
    }

    /**
     * Returns the band of a metric on a day.
     *
     * @param metric the metric
     * @param day    the day, from 0 to {@code days() - 1}
     * @return the band, or empty when no run had a value
     * @throws InvalidArgumentException if the day is out of range
     */
    public Optional<Band> band(Metric metric, int day) {
        if (day < 0 || day >= days) {
            throw InvalidArgumentException.of("day", day, "must be from 0 to " + (days - 1));
        }
        return bands.get(Objects.requireNonNull(metric, "metric")).get(day);
    }
}
