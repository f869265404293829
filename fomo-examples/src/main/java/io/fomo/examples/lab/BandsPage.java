package io.fomo.examples.lab;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The report of Monte Carlo runs or of a sweep: one self-contained HTML page (Chart.js inlined, works
 * offline) with a table of the last day's p5 / p50 / p95 of every {@link Metric} for each series, and one
 * chart per metric in which each series is a band (p5 to p95, filled) around its median line, over
 * calendar dates (a metric no series has a value for gets a note instead of an empty chart). A metric whose
 * values are all positive and span more than 10× gets a logarithmic axis.
 * The chart data is written by Jackson; chart values are the exact values cut DOWN to
 * {@value #CHART_DECIMALS} decimals (the CSV has them exact). The same inputs give the same bytes.
 *
 * <p>When Chart.js has drawn every chart the page sets {@code data-rendered="true"} and
 * {@code data-charts="<number of charts>"} on {@code <body>} (on a script error
 * {@code data-rendered="false"} and {@code data-error}), for a headless browser to check.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class BandsPage {

    /** The decimals of chart values. */
    public static final int CHART_DECIMALS = 8;
    /**
     * The most charts a page has: one per metric. A metric that no series has a value for on any day (the pool
     * and Model Token metrics of a platform of several launches, which belong to each deployment) gets a note
     * in place of an empty chart.
     */
    public static final int CHARTS = Metric.values().length;

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /**
     * One band per metric: a Monte Carlo set, or one variant of a sweep.
     *
     * @param label the legend's name of the series
     * @param bands its bands
     */
    public record Series(String label, Bands bands) {

        /**
         * Checks a series.
         *
         * @param label the legend's name of the series
         * @param bands its bands
         * @throws InvalidArgumentException if the label is blank
         */
        public Series {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(bands, "bands");
            if (label.isBlank()) {
                throw InvalidArgumentException.of("label", "\"\"", "must not be blank");
            }
        }
    }

    private BandsPage() {
    }

    /**
     * Renders the page.
     *
     * @param title  the page's title, such as {@code FOMO Monte Carlo: qwen-alice}
     * @param intro  sentences under the title: what was run and how the bands are computed
     * @param series at least one series, all of the same number of days
     * @return the HTML page
     * @throws InvalidArgumentException if there is no series or their lengths differ
     */
    public static String render(String title, String intro, List<Series> series) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(intro, "intro");
        Objects.requireNonNull(series, "series");
        if (series.isEmpty()) {
            throw InvalidArgumentException.of("series", "[]", "a report needs at least one series");
        }
        int days = series.get(0).bands().days();
        for (Series s : series) {
            if (s.bands().days() != days) {
                throw InvalidArgumentException.of("series " + s.label(), s.bands().days() + " days",
                        "every series must have " + days + " days");
            }
        }
        io.fomo.examples.report.ChartJs lib = io.fomo.examples.report.ChartJs.get();
        StringBuilder h = new StringBuilder(lib.script().length() + 256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(html(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body data-rendered=\"pending\">\n<h1>").append(html(title)).append("</h1>\n")
                .append("<p class=\"description\">").append(html(intro)).append("</p>\n");
        summary(h, series, days);
        for (Metric m : Metric.values()) {
            h.append("<section>\n<h2>").append(html(m.label())).append(" (").append(html(m.unit()))
                    .append(")</h2>\n");
            if (hasValue(series, m, days)) {
                h.append("<div class=\"chart\"><canvas id=\"chart-").append(m.column())
                        .append("\"></canvas></div>\n");
            } else {
                h.append("<p class=\"empty\">No run has a value for this metric on any day, so there is no chart: ")
                        .append("no run had a pool (its raise failed), or the runs are of a platform of several ")
                        .append("launches, whose pool and Model Token metrics belong to each deployment (a single ")
                        .append("run's report, <code>fomo simulate</code> without <code>--runs</code>, has a ")
                        .append("section per deployment).</p>\n");
            }
            h.append("</section>\n");
        }
        h.append("<footer>\n<p>Exact values are in the CSV; chart values are cut to ").append(CHART_DECIMALS)
                .append(" decimals.</p>\n<p>Charts drawn with Chart.js v").append(html(lib.version()))
                .append(" (https://www.chartjs.org), inlined in this page under its license:</p>\n<pre class=\"license\">")
                .append(html(lib.license().strip())).append("</pre>\n</footer>\n");
        h.append("<script type=\"application/json\" id=\"fomo-data\">").append(data(series, days)).append("</script>\n");
        h.append("<script>\n").append(lib.script()).append("\n</script>\n");
        h.append("<script>\n").append(DRAW).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, List<Series> series, int days) {
        int last = days - 1;
        h.append("<h2>Last day (").append(EngineSeam.date(last)).append(", day ").append(last)
                .append("): p5 / p50 / p95</h2>\n<table class=\"summary\">\n<tr><th>metric</th>");
        for (Series s : series) {
            h.append("<th>").append(html(s.label())).append("</th>");
        }
        h.append("</tr>\n");
        for (Metric m : Metric.values()) {
            h.append("<tr><th>").append(html(m.label())).append(" (").append(html(m.unit())).append(")</th>");
            for (Series s : series) {
                Optional<Band> b = s.bands().band(m, last);
                h.append("<td>").append(b.map(x -> x.p5().toPlainString() + " / " + x.p50().toPlainString() + " / "
                        + x.p95().toPlainString()).orElse("none")).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** Whether any series has a value of {@code m} on any day. */
    static boolean hasValue(List<Series> series, Metric m, int days) {
        for (Series s : series) {
            for (int d = 0; d < days; d++) {
                if (s.bands().band(m, d).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The chart data as JSON, written by Jackson and safe inside a script element. A metric no series has a
     * value for is marked {@code "empty": true} and gets no chart.
     */
    static String data(List<Series> series, int days) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode dates = root.putArray("dates");
        for (int d = 0; d < days; d++) {
            dates.add(EngineSeam.date(d).toString());
        }
        ArrayNode labels = root.putArray("series");
        series.forEach(s -> labels.add(s.label()));
        ArrayNode metrics = root.putArray("metrics");
        for (Metric m : Metric.values()) {
            ObjectNode mj = metrics.addObject();
            mj.put("id", "chart-" + m.column());
            mj.put("unit", m.unit());
            mj.put("empty", !hasValue(series, m, days));
            BigDecimal min = null;
            BigDecimal max = null;
            boolean positive = true;
            ArrayNode bands = mj.putArray("bands");
            for (Series s : series) {
                ObjectNode bj = bands.addObject();
                ArrayNode p5 = bj.putArray("p5");
                ArrayNode p50 = bj.putArray("p50");
                ArrayNode p95 = bj.putArray("p95");
                for (int d = 0; d < days; d++) {
                    Optional<Band> b = s.bands().band(m, d);
                    if (b.isEmpty()) {
                        p5.addNull();
                        p50.addNull();
                        p95.addNull();
                        continue;
                    }
                    Band x = b.get();
                    p5.add(cut(x.p5()));
                    p50.add(cut(x.p50()));
                    p95.add(cut(x.p95()));
                    positive &= x.p5().signum() > 0;
                    min = min == null || x.p5().compareTo(min) < 0 ? x.p5() : min;
                    max = max == null || x.p95().compareTo(max) > 0 ? x.p95() : max;
                }
            }
            mj.put("log", positive && min != null && max.compareTo(min.multiply(TEN)) > 0);
        }
        return io.fomo.examples.report.ScriptJson.write(root);
    }

    private static BigDecimal cut(BigDecimal v) {
        BigDecimal c = v.setScale(Math.min(CHART_DECIMALS, Math.max(0, v.scale())), RoundingMode.DOWN);
        return c.signum() == 0 ? BigDecimal.ZERO : c.stripTrailingZeros();
    }

    private static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String STYLE = String.join("\n",
            "body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2rem auto; max-width: 1100px;",
            "       padding: 0 1rem; color: #1d2433; }",
            "h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }",
            "p.description { color: #4a5568; }",
            "table.summary { border-collapse: collapse; margin: 1rem 0; font-size: 0.85rem; }",
            "table.summary th, table.summary td { text-align: left; padding: 0.2rem 0.8rem 0.2rem 0;",
            "       border-bottom: 1px solid #e2e8f0; vertical-align: top; }",
            ".chart { position: relative; height: 320px; }",
            "p.empty { color: #4a5568; font-style: italic; }",
            "footer { margin-top: 3rem; font-size: 0.8rem; color: #4a5568; }",
            "pre.license { white-space: pre-wrap; }",
            "");

    private static final String DRAW = String.join("\n",
            "(function () {",
            "  var body = document.body;",
            "  try {",
            "    var d = JSON.parse(document.getElementById('fomo-data').textContent);",
            "    Chart.defaults.animation = false;",
            "    Chart.defaults.responsive = true;",
            "    Chart.defaults.maintainAspectRatio = false;",
            "    var colors = ['#2b6cb0', '#c53030', '#2f855a', '#c05621', '#6b46c1', '#b7791f', '#2c7a7b', '#97266d'];",
            "    var drawn = 0;",
            "    var expected = 0;",
            "    d.metrics.forEach(function (m) {",
            "      if (m.empty) { return; }",
            "      expected++;",
            "      var sets = [];",
            "      m.bands.forEach(function (b, i) {",
            "        var c = colors[i % colors.length];",
            "        var name = d.series[i];",
            "        sets.push({ label: name + ' p5', data: b.p5, borderColor: c, borderWidth: 0, pointRadius: 0,",
            "                    fill: false, band: true });",
            "        sets.push({ label: name + ' p5-p95', data: b.p95, borderColor: c, backgroundColor: c + '33',",
            "                    borderWidth: 0, pointRadius: 0, fill: '-1', band: true });",
            "        sets.push({ label: name + ' (median, band p5-p95)', data: b.p50, borderColor: c,",
            "                    backgroundColor: c, borderWidth: 2, pointRadius: 0, fill: false });",
            "      });",
            "      var chart = new Chart(document.getElementById(m.id), { type: 'line',",
            "        data: { labels: d.dates, datasets: sets },",
            "        options: { spanGaps: false, plugins: { legend: { labels: { filter: function (item, data) {",
            "            return !data.datasets[item.datasetIndex].band; } } } },",
            "          scales: { x: { title: { display: true, text: 'date (UTC)' }, ticks: { maxTicksLimit: 12 } },",
            "                    y: { type: m.log ? 'logarithmic' : 'linear',",
            "                         title: { display: true, text: m.unit + (m.log ? ' (log scale)' : '') } } } } });",
            "      if (chart.canvas.width > 0 && chart.canvas.height > 0) { drawn++; }",
            "    });",
            "    body.setAttribute('data-charts', String(drawn));",
            "    body.setAttribute('data-rendered', drawn === expected ? 'true' : 'false');",
            "  } catch (e) {",
            "    body.setAttribute('data-rendered', 'false');",
            "    body.setAttribute('data-error', String(e && e.message ? e.message : e));",
            "  }",
            "})();",
            "");
}
