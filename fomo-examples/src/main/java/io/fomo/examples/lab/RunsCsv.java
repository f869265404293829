package io.fomo.examples.lab;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * {@code runs.csv}: one row per run and day, runs in index order, days in order. Columns: {@code run},
 * {@code seed} (the run's seed), {@code day}, {@code state}, then one column per {@link Metric} in its
 * declared order, each a plain decimal at the metric's scale (empty when the day has no value). A header
 * row first; {@code \n} line endings; UTF-8; no field needs quoting. The same runs give the same bytes.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class RunsCsv {

    private RunsCsv() {
    }

    /**
     * Returns the header row, without its line ending.
     *
     * @return the column names
     */
    public static String header() {
        return "run,seed,day,state" + metricColumns();
    }

    /**
     * Formats runs.
     *
     * @param runs the runs, in the order to write
     * @return the CSV text, ending with a newline
     */
    public static String format(List<Run> runs) {
        Objects.requireNonNull(runs, "runs");
        StringBuilder b = new StringBuilder(header()).append('\n');
        for (Run r : runs) {
            appendRows(b, r.index() + "," + r.seed() + ",", r);
        }
        return b.toString();
    }

    /** {@code ,col1,col2,...} for every metric. */
    static String metricColumns() {
        StringBuilder b = new StringBuilder();
        for (Metric m : Metric.values()) {
            b.append(',').append(m.column());
        }
        return b.toString();
    }

    /** One line per day of a run, each starting with {@code prefix} (which ends with a comma). */
    static void appendRows(StringBuilder b, String prefix, Run r) {
        for (DayMetrics d : r.days()) {
            b.append(prefix).append(d.day()).append(',').append(d.state());
            for (Metric m : Metric.values()) {
                b.append(',');
                d.value(m).map(BigDecimal::toPlainString).ifPresent(b::append);
            }
            b.append('\n');
        }
    }
}
