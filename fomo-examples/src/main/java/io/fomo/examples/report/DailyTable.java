package io.fomo.examples.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A compact table of the daily state for the terminal: the columns of {@link DailyRow#COLUMNS} that have a
 * heading, each as wide as its widest cell. Up to {@value #FULL_LIMIT} days are all shown; a longer run
 * shows every {@value #STRIDE}th day and the last (a platform: every deployment's row of those days).
 * Numbers are display values: cut (rounded DOWN) to the column's decimals and grouped by thousands with
 * commas, shares as percentages; {@code -} marks an absent value. The exact values are in the CSV.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class DailyTable {

    /** The most days shown in full. */
    public static final int FULL_LIMIT = 60;
    /** The stride of days shown for longer runs. */
    public static final int STRIDE = 7;

    private DailyTable() {
    }

    /**
     * Returns the rows the table shows.
     *
     * @param rows all rows, by day
     * @return the rows of every day when there are at most {@value #FULL_LIMIT} days, otherwise of every
     *         {@value #STRIDE}th day from the first, and of the last
     */
    public static List<DailyRow> selection(List<DailyRow> rows) {
        Objects.requireNonNull(rows, "rows");
        TreeSet<Integer> days = new TreeSet<>();
        for (DailyRow r : rows) {
            days.add(r.day());
        }
        if (days.size() <= FULL_LIMIT) {
            return List.copyOf(rows);
        }
        List<Integer> ordered = new ArrayList<>(days);
        TreeSet<Integer> shown = new TreeSet<>();
        for (int i = 0; i < ordered.size(); i += STRIDE) {
            shown.add(ordered.get(i));
        }
        shown.add(ordered.get(ordered.size() - 1));
        List<DailyRow> out = new ArrayList<>();
        for (DailyRow r : rows) {
            if (shown.contains(r.day())) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Formats the table.
     *
     * @param rows all rows
     * @return the header, a rule and the selected rows, each line ending with a newline
     */
    public static String format(List<DailyRow> rows) {
        List<DailyColumn> columns = new ArrayList<>();
        for (DailyColumn c : DailyRow.COLUMNS) {
            if (c.heading().isPresent()) {
                columns.add(c);
            }
        }
        List<String[]> lines = new ArrayList<>();
        String[] heads = new String[columns.size()];
        int[] widths = new int[columns.size()];
        for (int i = 0; i < heads.length; i++) {
            heads[i] = columns.get(i).heading().orElseThrow();
            widths[i] = heads[i].length();
        }
        for (DailyRow r : selection(rows)) {
            String[] cells = new String[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(columns.get(i), r);
                widths[i] = Math.max(widths[i], cells[i].length());
            }
            lines.add(cells);
        }
        StringBuilder b = new StringBuilder();
        line(b, heads, widths, columns);
        int width = -1;
        for (int w : widths) {
            width += w + 1;
        }
        b.append("-".repeat(width)).append('\n');
        for (String[] cells : lines) {
            line(b, cells, widths, columns);
        }
        return b.toString();
    }

    private static String cell(DailyColumn c, DailyRow r) {
        Object v = c.read(r);
        if (v == null) {
            return "-";
        }
        if (v instanceof String s) {
            return s;
        }
        if ("share".equals(c.unit()) && v instanceof BigDecimal share) {
            return number(share.movePointRight(2), 1) + "%";
        }
        if (v instanceof Integer i) {
            return Integer.toString(i);
        }
        return number(c.number(r).orElseThrow(), c.displayDecimals());
    }

    private static void line(StringBuilder b, String[] cells, int[] widths, List<DailyColumn> columns) {
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (i > 0) {
                b.append(' ');
            }
            String pad = " ".repeat(Math.max(0, widths[i] - c.length()));
            // Labels (deployment, state) are left-aligned; numbers and the day right-aligned.
            boolean label = columns.get(i).scope() == DailyColumn.Scope.KEY && !"day".equals(columns.get(i).name());
            b.append(label ? c + pad : pad + c);
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        b.setLength(end);
        b.append('\n');
    }

    /**
     * Returns a non-negative value cut to {@code decimals} and grouped by thousands.
     *
     * @param v        the value
     * @param decimals the decimals kept (rounded DOWN)
     * @return the text, such as {@code 1,234.50}
     */
    public static String number(BigDecimal v, int decimals) {
        String plain = v.setScale(decimals, RoundingMode.DOWN).toPlainString();
        boolean negative = plain.startsWith("-");
        if (negative) {
            plain = plain.substring(1);
        }
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder g = new StringBuilder(negative ? "-" : "");
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                g.append(',');
            }
            g.append(whole.charAt(i));
        }
        return dot < 0 ? g.toString() : g + plain.substring(dot);
    }
}
