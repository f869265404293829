package io.fomo.examples.lab;

import java.util.List;
import java.util.Objects;

/**
 * {@code sweep.csv}: one row per variant, run and day, in grid order, then run order, then day order.
 * Columns: {@code variant} (its number, from 0), one column {@code set:<path>} per setting with the
 * variant's value (as given, without enclosing quotes), then the columns of {@link RunsCsv} ({@code run},
 * {@code seed}, {@code day}, {@code state}, the metrics). {@code \n} line endings, UTF-8, no field needs
 * quoting (a value holds no comma, quote or control character). The same results give the same bytes.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class SweepCsv {

    private SweepCsv() {
    }

    /**
     * Returns the header row of a sweep, without its line ending.
     *
     * @param settings the sweep's settings
     * @return the column names
     */
    public static String header(List<Sweep.Setting> settings) {
        StringBuilder b = new StringBuilder("variant");
        for (Sweep.Setting s : settings) {
            b.append(",set:").append(s.name());
        }
        return b.append(',').append(RunsCsv.header()).toString();
    }

    /**
     * Formats a sweep's results.
     *
     * @param settings the sweep's settings
     * @param results  its results, in grid order
     * @return the CSV text, ending with a newline
     */
    public static String format(List<Sweep.Setting> settings, List<Sweep.Result> results) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(results, "results");
        StringBuilder b = new StringBuilder(header(settings)).append('\n');
        for (Sweep.Result r : results) {
            StringBuilder variant = new StringBuilder().append(r.variant().index());
            for (int k = 0; k < settings.size(); k++) {
                variant.append(',').append(settings.get(k).shown(r.variant().choices().get(k)));
            }
            for (Run run : r.runs()) {
                RunsCsv.appendRows(b, variant + "," + run.index() + "," + run.seed() + ",", run);
            }
        }
        return b.toString();
    }
}
