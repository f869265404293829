package io.fomo.examples.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path tmp;

    private static String resource(String name) throws IOException {
        try (InputStream in = HtmlReportTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String chartJsVersion() throws IOException {
        Properties p = new Properties();
        p.load(new java.io.StringReader(resource("META-INF/maven/org.webjars.npm/chart.js/pom.properties")));
        return p.getProperty("version");
    }

    @Test
    void theReportInlinesChartJsAndItsLicense() throws IOException {
        String html = HtmlReport.render(SampleRun.SCENARIO, SampleRun.result());
        String version = chartJsVersion();
        assertTrue(version.startsWith("4."), version);
        String umd = resource("META-INF/resources/webjars/chart.js/" + version + "/dist/chart.umd.js");
        String code = umd.substring(0, umd.indexOf("//# sourceMappingURL"));
        assertTrue(html.contains("<script>\n" + code), "the whole UMD build, inline");
        assertFalse(html.contains("<script src"), "nothing is loaded from elsewhere");
        assertTrue(html.contains("Chart.js v" + version + " (https://www.chartjs.org)"));
        assertTrue(html.contains("Permission is hereby granted, free of charge"), "the MIT notice");
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(html.contains("<title>FOMO simulation: t</title>"));
        for (String id : List.of("chart-supply", "chart-price", "chart-emissions", "chart-yield", "chart-earners",
                "chart-lorenz")) {
            assertTrue(html.contains("<canvas id=\"" + id + "\"></canvas>"), id);
        }
        assertTrue(html.contains("body.setAttribute('data-rendered', drawn === 6 ? 'true' : 'false');"));
        assertTrue(html.contains("<code>" + SampleRun.HASH + "</code>"));
    }

    @Test
    void theChartDataAreTheRowsCutToDisplayDecimals() {
        // By hand from SampleRun: pool price 1000/300000 = 0.00333333|3; in USD at 0.3: 0.00099999|99;
        // emission 9847.000000000000000001 FLOCK at 0.3 USD = 2954.10|...; treasury 13.575 -> 13.57.
        // Lorenz over 0, 0.25, 5.5, 10 (total 15.75): the poorest 0, 1, 2, 3, 4 of 4 hold 0, 0, 0.25, 5.75, 15.75.
        List<String> lorenz = new ArrayList<>();
        for (int k = 0; k <= 100; k++) {
            lorenz.add(k < 50 ? "0" : k < 75 ? "0.015873" : k < 100 ? "0.365079" : "1");
        }
        String expected = "{\"days\":[0,1,2,3,4],"
                + "\"mtSupply\":[0,0,1000000,999987.5,999987.5],"
                + "\"mtBurned\":[0,0,0,12.5,0],"
                + "\"poolPrice\":[null,null,0.002,0.0025,0.00333333],"
                + "\"poolPriceUsd\":[null,null,0.00052,0.00065625,0.00099999],"
                + "\"emissionUsd\":[0,0,2340,0,2954.1],"
                + "\"buybackUsd\":[0,0,54.3,0,0],"
                + "\"treasuryUsd\":[0,0,13.57,13.57,13.57],"
                + "\"issuerUsd\":[0,0,22.62,22.62,22.62],"
                + "\"earners\":[\"a\",\"b\",\"c\",\"d\"],"
                + "\"earnings\":[10,5.5,0.25,0],"
                + "\"lorenz\":[" + String.join(",", lorenz) + "]}";
        assertEquals(expected, HtmlReport.data(SampleRun.result()));
        assertTrue(HtmlReport.render(SampleRun.SCENARIO, SampleRun.result())
                .contains("<script type=\"application/json\" id=\"fomo-data\">" + expected + "</script>"));
    }

    @Test
    void theSameRunGivesTheSameBytes() throws IOException {
        Path a = tmp.resolve("a.html");
        Path b = tmp.resolve("b.html");
        HtmlReport.write(a, SampleRun.SCENARIO, SampleRun.result());
        HtmlReport.write(b, SampleRun.SCENARIO, SampleRun.result());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void textFromTheScenarioCannotBreakOutOfThePage() {
        Scenario s = ScenarioParser.parse("s.json", ScenarioTexts.withField(
                "\"description\": \"</script><img src=x onerror=alert(1)> & 'q'\""));
        Map<AccountId, Amount> rewards = Map.of(AccountId.of("a</script>"), Amount.of(Asset.FLOCK, 1));
        String html = HtmlReport.render(s, new SimulationResult(SampleRun.rows(), rewards, 1, SampleRun.HASH));
        assertTrue(html.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;"));
        assertTrue(html.contains("\"earners\":[\"a\\u003c/script\\u003e\"]"));
        assertFalse(html.contains("<img"));
        assertEquals(3 + 1, html.split("</script>", -1).length, "exactly the three script elements end");
    }
}
