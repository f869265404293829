package io.fomo.examples.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.InvalidArgumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyCsvTest {

    @TempDir
    Path tmp;

    private static final String Z18 = "0.000000000000000000";
    private static final String Z6 = "0.000000";
    /** The columns after rejected_actions: no curve or impact in SampleRun, no staking paid, no MT holders. */
    private static final String TAIL = ",,," + Z18 + "," + Z18 + "," + Z6 + "," + Z6;

    /** Written by hand from SampleRun: every amount at its asset's decimals, pool price = FLOCK / MT cut to 18. */
    private static final String EXPECTED = String.join("\n",
            DailyCsv.HEADER,
            "0,t,FUNDRAISING,0.25000000,500.000000000000000000," + Z18 + "," + Z18 + "," + Z18 + "," + Z18 + "," + Z18
                    + ",,,," + Z6 + "," + Z6 + "," + Z6 + "," + Z18 + "," + Z18 + "," + Z18 + "," + Z6 + "," + Z6
                    + ",0," + Z18 + ",0.000000,0" + TAIL,
            "1,t,FUNDRAISING,0.25000000,1500.000000000000000000," + Z18 + "," + Z18 + "," + Z18 + "," + Z18 + "," + Z18
                    + ",,,," + Z6 + "," + Z6 + "," + Z6 + "," + Z18 + "," + Z18 + "," + Z18 + "," + Z6 + "," + Z6
                    + ",0," + Z18 + ",0.000000,1" + TAIL,
            "2,t,LIVE,0.26000000,1500.000000000000000000,1000000.000000000000000000," + Z18 + "," + Z18 + "," + Z18
                    + "," + Z18 + ",760.000000000000000000,380000.000000000000000000,0.002000000000000000,"
                    + "100.500000,90.500000,54.300000,10000.000000000000000000,9000.000000000000000000,"
                    + "1000.000000000000000000,13.575000,22.625000,3,1000.000000000000000000,1.000000,0" + TAIL,
            "3,t,LIVE,0.26250000,1500.000000000000000000,999987.500000000000000000,12.500000000000000000,"
                    + "12.500000000000000000,40.000000000000000000,40.000000000000000000,800.000000000000000000,"
                    + "320000.000000000000000000,0.002500000000000000,10.000000," + Z6 + "," + Z6 + ","
                    + "9923.400000000000000000," + Z18 + ",9923.400000000000000000,13.575000,22.625000,1,"
                    + "1000.000000000000000000,1.000000,0" + TAIL,
            "4,t,LIVE,0.30000000,1500.000000000000000000,999987.500000000000000000," + Z18 + ",12.500000000000000000,"
                    + Z18 + ",40.000000000000000000,1000.000000000000000000,300000.000000000000000000,"
                    + "0.003333333333333333,0.000001,0.000001," + Z6 + ",9847.000000000000000001,"
                    + "9847.000000000000000001," + Z18 + ",13.575000,22.625000,2,1000.000000000000000001,0.987654,0" + TAIL,
            "");

    @Test
    void rowsFormatToExactlyTheseBytes() throws IOException {
        assertEquals(EXPECTED, DailyCsv.format(SampleRun.rows()));
        Path f = tmp.resolve("daily.csv");
        DailyCsv.write(f, SampleRun.rows());
        assertArrayEquals(EXPECTED.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f));
    }

    @Test
    void theHeaderNamesThirtyOneColumnsAndEveryRowHasThem() {
        String[] lines = DailyCsv.format(SampleRun.rows()).split("\n", -1);
        assertEquals(31, lines[0].split(",", -1).length);
        for (int i = 1; i < lines.length - 1; i++) {
            assertEquals(31, lines[i].split(",", -1).length, lines[i]);
        }
        assertEquals("", lines[lines.length - 1]);
    }

    @Test
    void daysMustIncrease() {
        List<DailyRow> rows = SampleRun.rows();
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> DailyCsv.format(List.of(rows.get(1), rows.get(0))));
        assertEquals("rows = day 0: days must not decrease (after day 1)", e.getMessage());
        assertEquals(DailyCsv.HEADER + "\n", DailyCsv.format(List.of()));
    }
}
