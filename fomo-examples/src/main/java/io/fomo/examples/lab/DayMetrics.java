package io.fomo.examples.lab;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Metric}s of one simulated day of one run: the day, the launch's state at its end, and one
 * exact value per metric at the metric's scale (absent for the pool's metrics before the pool exists).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DayMetrics {

    private final int day;
    private final String state;
    private final EnumMap<Metric, BigDecimal> values;

    /**
     * Returns a day's metrics.
     *
     * @param day    the simulated day, not negative
     * @param state  the launch's state at the end of the day, such as {@code LIVE}: no commas, quotes or
     *               control characters
     * @param values the value of each metric that has one, each with at most the metric's scale of decimals
     * @return the metrics, each value set to exactly its metric's scale
     * @throws InvalidArgumentException if the day is negative, the state blank or not CSV-safe, or a value
     *                                  has more decimals than its metric's scale
     */
    public static DayMetrics of(int day, String state, Map<Metric, BigDecimal> values) {
        if (day < 0) {
            throw InvalidArgumentException.of("day", day, "must not be negative");
        }
        Objects.requireNonNull(state, "state");
        if (state.isBlank() || state.length() > 64 || state.chars().anyMatch(c -> c == ',' || c == '"' || c < 0x20)) {
            throw InvalidArgumentException.of("state", '"' + state.substring(0, Math.min(64, state.length())) + '"',
                    "must be a non-blank name of at most 64 characters without commas, quotes or control characters");
        }
        EnumMap<Metric, BigDecimal> copy = new EnumMap<>(Metric.class);
        for (Map.Entry<Metric, BigDecimal> e : values.entrySet()) {
            Metric m = Objects.requireNonNull(e.getKey(), "metric");
            BigDecimal v = Objects.requireNonNull(e.getValue(), m.column());
            if (v.stripTrailingZeros().scale() > m.scale()) {
                throw InvalidArgumentException.of(m.column(), v.toPlainString(),
                        "must have at most " + m.scale() + " decimals");
            }
            copy.put(m, v.setScale(m.scale())); // exact: never more decimals than the scale (checked above)
        }
        return new DayMetrics(day, state, copy);
    }

    private DayMetrics(int day, String state, EnumMap<Metric, BigDecimal> values) {
        this.day = day;
        this.state = state;
        this.values = values;
    }

    /**
     * Returns the simulated day.
     *
     * @return the day, from 0
     */
    public int day() {
        return day;
    }

    /**
     * Returns the launch's state at the end of the day.
     *
     * @return the state's name
     */
    public String state() {
        return state;
    }

    /**
     * Returns a metric's value.
     *
     * @param metric the metric
     * @return the value at exactly the metric's scale, or empty (the pool's metrics before the pool exists)
     */
    public Optional<BigDecimal> value(Metric metric) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(metric, "metric")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DayMetrics d && d.day == day && d.state.equals(state) && d.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, state, values);
    }

    @Override
    public String toString() {
        return "DayMetrics[day=" + day + ", state=" + state + ", " + values + "]";
    }
}
