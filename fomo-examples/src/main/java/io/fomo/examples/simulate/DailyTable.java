package io.fomo.examples.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compact fixed-width table of the daily state for the terminal. Up to {@value #FULL_LIMIT} rows are all
 * shown; a longer run shows every {@value #STRIDE}th row and the last. Numbers are display values: cut
 * (rounded DOWN) to the decimals of their column and grouped by thousands with commas; the exact values
 * are in the CSV. Columns: day, state, raised FLOCK, MT supply, MT burned (total), pool price (FLOCK per
 * MT, "-" before the pool exists), FLOCK price in USD, revenue (gross, that day), buybacks (that day),
 * FLOCK emitted (paid that day), issuer yield (total), paying users, top-10 reward share.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class DailyTable {

    /** The most rows shown in full. */
    public static final int FULL_LIMIT = 60;
    /** The stride of rows shown for longer runs. */
    public static final int STRIDE = 7;

    private static final String[] HEADS = {"day", "state", "raised FLOCK", "MT supply", "MT burned", "FLOCK/MT",
        "FLOCK $", "revenue $", "buyback $", "emitted FLOCK", "issuer $", "users", "top10"};
    private static final int[] WIDTHS = {4, 11, 13, 11, 12, 11, 8, 11, 10, 13, 12, 6, 6};

    private DailyTable() {
    }

    /**
     * Returns the rows the table shows.
     *
     * @param rows all rows
     * @return all of them when at most {@value #FULL_LIMIT}, otherwise every {@value #STRIDE}th from the
     *         first, and the last
     */
    public static List<DailyRow> selection(List<DailyRow> rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.size() <= FULL_LIMIT) {
            return List.copyOf(rows);
        }
        List<DailyRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += STRIDE) {
            out.add(rows.get(i));
        }
        if ((rows.size() - 1) % STRIDE != 0) {
            out.add(rows.get(rows.size() - 1));
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
        StringBuilder b = new StringBuilder();
        line(b, HEADS);
        int width = 0;
        for (int w : WIDTHS) {
            width += w + 1;
        }
        b.append("-".repeat(width - 1)).append('\n');
        for (DailyRow r : selection(rows)) {
            line(b, new String[] {
                Integer.toString(r.day()),
                r.state(),
                number(r.raised().value(), 0),
                number(r.mtSupply().value(), 0),
                number(r.mtBurnedTotal().value(), 2),
                r.poolPrice().map(p -> number(p, 6)).orElse("-"),
                number(r.flockUsd(), 4),
                number(r.revenueGross().value(), 2),
                number(r.buybackSpent().value(), 2),
                number(r.emissionPaid().value(), 2),
                number(r.issuerYieldTotal().value(), 2),
                Integer.toString(r.activeUsers()),
                number(r.top10RewardShare().movePointRight(2), 1) + "%",
            });
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (i > 0) {
                b.append(' ');
            }
            if (i == 1) {
                b.append(c).append(" ".repeat(Math.max(0, WIDTHS[i] - c.length())));
            } else {
                b.append(" ".repeat(Math.max(0, WIDTHS[i] - c.length()))).append(c);
            }
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == ' ') {
            end--;
        }
        b.setLength(end);
        b.append('\n');
    }

    /** A non-negative value cut to {@code decimals} and grouped by thousands. */
    static String number(BigDecimal v, int decimals) {
        String plain = v.setScale(decimals, RoundingMode.DOWN).toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                g.append(',');
            }
            g.append(whole.charAt(i));
        }
        return dot < 0 ? g.toString() : g + plain.substring(dot);
    }
}
