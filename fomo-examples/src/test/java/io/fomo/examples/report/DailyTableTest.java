package io.fomo.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DailyTableTest {

    /** Each column as wide as its widest cell or heading; labels left-aligned, numbers right-aligned. */
    private static String line(String... cells) {
        return String.format(Locale.ROOT, "%3s %-10s %-11s %7s %12s %9s %9s %8s %9s %9s %13s %8s %5s %6s",
                (Object[]) cells).stripTrailing() + "\n";
    }

    @Test
    void aShortRunShowsEveryDayCutToTheColumnsDecimals() {
        String expected = line("day", "deployment", "state", "FLOCK $", "raised FLOCK", "MT supply", "MT burned",
                "FLOCK/MT", "revenue $", "buyback $", "emitted FLOCK", "issuer $", "users", "top10")
                + "-".repeat(132) + "\n"
                + line("0", "t", "FUNDRAISING", "0.2500", "500", "0", "0.00", "-", "0.00", "0.00", "0.00", "0.00", "0",
                        "0.0%")
                + line("1", "t", "FUNDRAISING", "0.2500", "1,500", "0", "0.00", "-", "0.00", "0.00", "0.00", "0.00", "0",
                        "0.0%")
                + line("2", "t", "LIVE", "0.2600", "1,500", "1,000,000", "0.00", "0.002000", "100.50", "54.30",
                        "9,000.00", "22.62", "3", "100.0%")
                + line("3", "t", "LIVE", "0.2625", "1,500", "999,987", "12.50", "0.002500", "10.00", "0.00", "0.00",
                        "22.62", "1", "100.0%")
                + line("4", "t", "LIVE", "0.3000", "1,500", "999,987", "12.50", "0.003333", "0.00", "0.00", "9,847.00",
                        "22.62", "2", "98.7%");
        assertEquals(expected, DailyTable.format(SampleRun.rows()));
    }

    private static List<DailyRow> days(int n) {
        List<DailyRow> rows = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            rows.add(DailyRow.builder(d, SampleRun.DEPLOYMENT, "LIVE").build());
        }
        return rows;
    }

    private static List<Integer> shown(int n) {
        return DailyTable.selection(days(n)).stream().map(DailyRow::day).toList();
    }

    @Test
    void aLongRunShowsEverySeventhDayAndTheLast() {
        assertEquals(60, shown(60).size());
        assertEquals(List.of(0, 7, 14, 21, 28, 35, 42, 49, 56, 60), shown(61));
        assertEquals(List.of(0, 7, 14, 21, 28, 35, 42, 49, 56, 63), shown(64));
        assertEquals(List.of(0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 64), shown(65));
        assertEquals(2 + 54, DailyTable.format(days(372)).split("\n").length,
                "header, rule, days 0..371 step 7: 54 rows, the last (371 = 7 * 53) among them");
        assertEquals(2 + 54 + 1, DailyTable.format(days(373)).split("\n").length,
                "header, rule, days 0..371 step 7, and day 372");
    }

    @Test
    void numbersAreCutAndGrouped() {
        assertEquals("0", DailyTable.number(BigDecimal.ZERO, 0));
        assertEquals("999", DailyTable.number(new BigDecimal("999.999"), 0));
        assertEquals("1,000.99", DailyTable.number(new BigDecimal("1000.999"), 2));
        assertEquals("12,345,678.1", DailyTable.number(new BigDecimal("12345678.19"), 1));
        assertEquals("100,000", DailyTable.number(new BigDecimal("100000"), 0));
    }
}
