package io.fomo.examples.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioParser;
import io.fomo.examples.scenario.ScenarioTexts;
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
        for (String id : List.of("chart-issuance", "chart-earners", "chart-lorenz", "chart-t-raise", "chart-t-price",
                "chart-t-depth", "chart-t-impact", "chart-t-supply", "chart-t-burns", "chart-t-revenue", "chart-t-users",
                "chart-t-emissions", "chart-t-staked", "chart-t-yield", "chart-t-holders", "chart-t-yields")) {
            assertTrue(html.contains("<canvas id=\"" + id + "\"></canvas>"), id);
        }
        assertEquals(16, HtmlReport.charts(SampleRun.result()));
        assertTrue(html.contains("<body data-rendered=\"pending\" data-expected=\"16\">"));
        assertTrue(html.contains("<code>" + SampleRun.HASH + "</code>"));
    }

    private static JsonNode data(String html) throws IOException {
        String open = "<script type=\"application/json\" id=\"fomo-data\">";
        int from = html.indexOf(open) + open.length();
        return new ObjectMapper().readTree(html.substring(from, html.indexOf("</script>", from)));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.isNull() ? "null" : v.isNumber() ? v.decimalValue().toPlainString() : v.asText()));
        return out;
    }

    @Test
    void theChartDataAreTheColumnsCutToDisplayDecimals() throws IOException {
        JsonNode d = data(HtmlReport.render(SampleRun.SCENARIO, SampleRun.result()));
        assertEquals(List.of("2026-01-15", "2026-01-16", "2026-01-17", "2026-01-18", "2026-01-19"), texts(d.get("dates")));
        JsonNode series = d.get("series");
        // By hand from SampleRun: the pool price 1000/300000 = 0.003333|33 cut to the column's 6 decimals; MT supply
        // 999987.5 cut to 0 decimals; the treasury 13.575 cut to 2.
        assertEquals(List.of("null", "null", "0.002", "0.0025", "0.003333"), texts(series.get("t.pool_price_flock_per_mt")));
        assertEquals(List.of("0", "0", "1000000", "999987", "999987"), texts(series.get("t.mt_supply")));
        assertEquals(List.of("0", "0", "13.57", "13.57", "13.57"), texts(series.get("t.treasury_usd_total")));
        // MT supply is drawn only once minted; costs are gross less net (100.5 - 90.5, 10 - 0).
        assertEquals(List.of("null", "null", "1000000", "999987.5", "999987.5"), texts(series.get("t.mt_supply_live")));
        assertEquals(List.of("0", "0", "10", "10", "0"), texts(series.get("t.costs_usd")));
        // Net issuance: emitted 9000, 0, 9847.000000000000000001 cumulated, less the 40 FLOCK burned from day 3.
        assertEquals(List.of("0", "0", "9000", "9000", "18847"), texts(series.get("platform.emitted_flock_total")));
        assertEquals(List.of("0", "0", "9000", "8960", "18807"), texts(series.get("platform.net_issuance_flock")));
        assertEquals(List.of("a", "b", "c", "d"), texts(series.get("earners.names")));
        assertEquals(List.of("10", "5.5", "0.25", "0"), texts(series.get("earners.flock")));
        // Lorenz over 0, 0.25, 5.5, 10 (total 15.75): the poorest 0, 1, 2, 3, 4 of 4 hold 0, 0, 0.25, 5.75, 15.75.
        List<String> lorenz = new ArrayList<>();
        for (int k = 0; k <= 100; k++) {
            lorenz.add(k < 50 ? "0" : k < 75 ? "0.015873" : k < 100 ? "0.365079" : "1");
        }
        assertEquals(lorenz, texts(series.get("lorenz.share")));
    }

    @Test
    void anAxisIsLogarithmicOnlyWhenItsValuesSpanMoreThanTenTimes() throws IOException {
        JsonNode d = data(HtmlReport.render(SampleRun.SCENARIO, SampleRun.result()));
        java.util.Map<String, JsonNode> charts = new java.util.HashMap<>();
        d.get("charts").forEach(c -> charts.put(c.get("id").asText(), c));
        // Earners 10, 5.5, 0.25: 40x apart. Pool prices 0.002 to 0.003333: not. The Lorenz curve is a share: linear.
        assertTrue(charts.get("chart-earners").get("log").booleanValue());
        assertFalse(charts.get("chart-t-price").get("log").booleanValue());
        assertFalse(charts.get("chart-lorenz").get("log").booleanValue());
        // Every chart has one y axis: one unit, whatever its datasets.
        d.get("charts").forEach(c -> assertTrue(c.get("y").isTextual(), c.toString()));
        assertTrue(charts.get("chart-t-supply").get("fitted").booleanValue(), "MT supply on an axis fitted to its fall");
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
        assertTrue(html.contains("\"earners.names\":[\"a\\u003C/script\\u003E\"]"), "escaped inside the script");
        assertFalse(html.contains("<img"));
        assertEquals(3 + 1, html.split("</script>", -1).length, "exactly the three script elements end");
    }
}
