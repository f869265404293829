package io.fomo.examples.report;

import io.fomo.spi.InvalidArgumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The daily state as CSV: a header row of {@link DailyRow#COLUMNS}' names, then one row per day and
 * deployment; {@code \n} line endings, UTF-8, no quoting (no field can hold a comma). Every number is a
 * plain decimal at a fixed scale (amounts at their asset's decimals, FLOCK and MT 18, USD 6; ratios at the
 * row's scales); cells of absent values (the pool before it exists) are empty. The same rows always give
 * the same bytes.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class DailyCsv {

    /** The header row, which names each column. */
    public static final String HEADER = DailyRow.COLUMNS.stream().map(DailyColumn::name)
            .collect(Collectors.joining(","));

    private DailyCsv() {
    }

    /**
     * Formats rows.
     *
     * @param rows the rows, days not decreasing
     * @return the CSV text, ending with a newline
     * @throws InvalidArgumentException if the days decrease
     */
    public static String format(List<DailyRow> rows) {
        Objects.requireNonNull(rows, "rows");
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        int previous = -1;
        for (DailyRow r : rows) {
            if (r.day() < previous) {
                throw InvalidArgumentException.of("rows", "day " + r.day(), "days must not decrease (after day "
                        + previous + ")");
            }
            previous = r.day();
            for (int i = 0; i < DailyRow.COLUMNS.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(DailyRow.COLUMNS.get(i).csv(r));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * Writes rows to a file, replacing it.
     *
     * @param file the file
     * @param rows the rows
     * @throws IOException if the file cannot be written
     * @throws InvalidArgumentException if the days decrease
     */
    public static void write(Path file, List<DailyRow> rows) throws IOException {
        Files.write(file, format(rows).getBytes(StandardCharsets.UTF_8));
    }
}
