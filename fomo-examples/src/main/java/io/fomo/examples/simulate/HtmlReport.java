package io.fomo.examples.simulate;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The simulation report: one self-contained HTML page with a summary and charts of MT supply and
 * burns, the pool price, emissions against buybacks, treasury and issuer yield, and the distribution of
 * rewards across users (the largest earners, and the Lorenz curve). The charts are drawn by Chart.js,
 * inlined from its WebJar with its MIT license notice, so the page works offline.
 *
 * <p>The page is a function of the scenario and the result only (no timestamps, no paths, no
 * randomness): the same run gives the same bytes. When the page has drawn every chart it sets
 * {@code data-rendered="true"} and {@code data-charts="<n>"} on {@code <body>} (on an error,
 * {@code data-rendered="false"} and {@code data-error}), which a headless browser can check.
 *
 * <p>Chart values are display values: token amounts cut (rounded DOWN) to 6 decimals, prices to 8; the
 * exact values are in the CSV.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class HtmlReport {

    /** The number of charts on the page. */
    public static final int CHARTS = 6;
    /** The number of largest earners shown. */
    public static final int TOP_EARNERS = 30;
    /** The number of steps of the Lorenz curve. */
    public static final int LORENZ_STEPS = 100;

    private static final int AMOUNT_DECIMALS = 6;
    private static final int PRICE_DECIMALS = 8;

    private HtmlReport() {
    }

    /**
     * Writes the report, replacing the file.
     *
     * @param file     the file, normally {@code report.html}
     * @param scenario the scenario run
     * @param result   what the run produced
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Scenario scenario, SimulationResult result) throws IOException {
        Files.write(file, render(scenario, result).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the report.
     *
     * @param scenario the scenario run
     * @param result   what the run produced
     * @return the HTML page
     */
    public static String render(Scenario scenario, SimulationResult result) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(result, "result");
        ChartJs lib = ChartJs.get();
        StringBuilder h = new StringBuilder(lib.script().length() + 64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>FOMO simulation: ").append(html(scenario.name())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body data-rendered=\"pending\">\n")
                .append("<h1>FOMO simulation: ").append(html(scenario.name())).append("</h1>\n");
        scenario.description().ifPresent(d -> h.append("<p class=\"description\">").append(html(d)).append("</p>\n"));
        summary(h, scenario, result);
        chart(h, "chart-supply", "MT supply and burns",
                "MT in existence (line) and MT bought back and burned each day (bars, right axis).");
        chart(h, "chart-price", "Pool price",
                "Spot price of the MT/FLOCK pool after each day: FLOCK per MT (left) and USD per MT (right).");
        chart(h, "chart-emissions", "Emissions vs buybacks",
                "FLOCK emission paid to users and stakers each day, valued at that day's FLOCK price, against the "
                        + "USD spent on MT and FLOCK buybacks.");
        chart(h, "chart-yield", "Treasury and issuer yield",
                "Cumulative USD routed to the treasury and to the issuer from net inference revenue.");
        chart(h, "chart-earners", "Largest reward earners",
                "FLOCK rewards earned over the run by the " + TOP_EARNERS + " largest earners.");
        chart(h, "chart-lorenz", "Reward distribution across users",
                "Lorenz curve: share of all FLOCK rewards held by the poorest x% of earners (the diagonal is "
                        + "equal shares).");
        h.append("<footer>\n<p>Exact values, day by day, are in <code>daily.csv</code>; chart values are cut to ")
                .append(AMOUNT_DECIMALS).append(" decimals.</p>\n")
                .append("<p>Charts drawn with Chart.js v").append(html(lib.version()))
                .append(" (https://www.chartjs.org), inlined in this page under its license:</p>\n<pre class=\"license\">")
                .append(html(lib.license().strip())).append("</pre>\n</footer>\n");
        h.append("<script type=\"application/json\" id=\"fomo-data\">").append(data(result)).append("</script>\n");
        h.append("<script>\n").append(lib.script()).append("\n</script>\n");
        h.append("<script>\n").append(DRAW).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, Scenario s, SimulationResult r) {
        DailyRow last = r.last();
        Asset mt = s.launch().mtAsset();
        Amount revenue = Amount.zero(Asset.USD);
        Amount net = Amount.zero(Asset.USD);
        Amount buybacks = Amount.zero(Asset.USD);
        Amount paid = Amount.zero(Asset.FLOCK);
        Amount returned = Amount.zero(Asset.FLOCK);
        for (DailyRow row : r.rows()) {
            revenue = revenue.plus(row.revenueGross());
            net = net.plus(row.revenueNet());
            buybacks = buybacks.plus(row.buybackSpent());
            paid = paid.plus(row.emissionPaid());
            returned = returned.plus(row.emissionReturned());
        }
        h.append("<table class=\"summary\">\n");
        row(h, "Days simulated", Integer.toString(r.rows().size()));
        row(h, "Seed", Long.toString(s.seed()));
        row(h, "Launch", "min target " + DailyTable.number(s.launch().minTarget().value(), 2) + " FLOCK, max target "
                + DailyTable.number(s.launch().maxTarget().value(), 2) + " FLOCK, curve " + s.launch().curve());
        row(h, "Final state", last.state());
        row(h, "FLOCK raised (net)", DailyTable.number(last.raised().value(), 6) + " FLOCK");
        row(h, "MT supply", DailyTable.number(last.mtSupply().value(), 6) + " " + mt.symbol());
        row(h, "MT burned", DailyTable.number(last.mtBurnedTotal().value(), 6) + " " + mt.symbol());
        row(h, "FLOCK burned", DailyTable.number(last.flockBurnedTotal().value(), 6) + " FLOCK");
        row(h, "Pool price", last.poolPrice().map(p -> DailyTable.number(p, 8) + " FLOCK per MT").orElse("no pool"));
        row(h, "Inference revenue", "$" + DailyTable.number(revenue.value(), 2) + " gross, $"
                + DailyTable.number(net.value(), 2) + " after hard costs");
        row(h, "Buybacks", "$" + DailyTable.number(buybacks.value(), 2));
        row(h, "Emission", DailyTable.number(paid.value(), 6) + " FLOCK paid, " + DailyTable.number(returned.value(), 6)
                + " FLOCK returned to the reserve");
        row(h, "Treasury", "$" + DailyTable.number(last.treasuryTotal().value(), 2));
        row(h, "Issuer yield", "$" + DailyTable.number(last.issuerYieldTotal().value(), 2));
        row(h, "MT staked", DailyTable.number(last.stakedMt().value(), 6) + " " + mt.symbol());
        row(h, "Reward earners", r.flockRewards().size() + " (top 10 hold "
                + DailyTable.number(last.top10RewardShare().movePointRight(2), 2) + "%)");
        row(h, "Journal events", Long.toString(r.events()));
        rowHtml(h, "State hash", "<code>" + html(r.stateHash()) + "</code>");
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String name, String text) {
        rowHtml(h, name, html(text));
    }

    private static void rowHtml(StringBuilder h, String name, String valueHtml) {
        h.append("<tr><th>").append(html(name)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static void chart(StringBuilder h, String id, String title, String caption) {
        h.append("<section>\n<h2>").append(html(title)).append("</h2>\n<p class=\"caption\">").append(html(caption))
                .append("</p>\n<div class=\"chart\"><canvas id=\"").append(id).append("\"></canvas></div>\n</section>\n");
    }

    /** The chart data as JSON; numbers are plain decimals, strings escaped so the text is safe in a script. */
    static String data(SimulationResult r) {
        List<DailyRow> rows = r.rows();
        StringBuilder j = new StringBuilder("{");
        series(j, "days", rows, row -> BigDecimal.valueOf(row.day()), 0);
        j.append(',');
        series(j, "mtSupply", rows, row -> row.mtSupply().value(), AMOUNT_DECIMALS);
        j.append(',');
        series(j, "mtBurned", rows, row -> row.mtBurned().value(), AMOUNT_DECIMALS);
        j.append(',');
        series(j, "poolPrice", rows, row -> row.poolPrice().orElse(null), PRICE_DECIMALS);
        j.append(',');
        series(j, "poolPriceUsd", rows, row -> row.poolPrice().map(p -> p.multiply(row.flockUsd())).orElse(null),
                PRICE_DECIMALS);
        j.append(',');
        series(j, "emissionUsd", rows, row -> row.emissionPaid().value().multiply(row.flockUsd()), 2);
        j.append(',');
        series(j, "buybackUsd", rows, row -> row.buybackSpent().value(), 2);
        j.append(',');
        series(j, "treasuryUsd", rows, row -> row.treasuryTotal().value(), 2);
        j.append(',');
        series(j, "issuerUsd", rows, row -> row.issuerYieldTotal().value(), 2);
        j.append(",\"earners\":[");
        List<Map.Entry<AccountId, Amount>> top = RewardStats.ranking(r.flockRewards(), TOP_EARNERS);
        for (int i = 0; i < top.size(); i++) {
            j.append(i == 0 ? "" : ",").append(string(top.get(i).getKey().value()));
        }
        j.append("],\"earnings\":[");
        for (int i = 0; i < top.size(); i++) {
            j.append(i == 0 ? "" : ",").append(number(top.get(i).getValue().value(), AMOUNT_DECIMALS));
        }
        j.append("],\"lorenz\":[");
        List<BigDecimal> lorenz = RewardStats.lorenz(r.flockRewards().values(), LORENZ_STEPS);
        for (int i = 0; i < lorenz.size(); i++) {
            j.append(i == 0 ? "" : ",").append(number(lorenz.get(i), DailyRow.SHARE_SCALE));
        }
        return j.append("]}").toString();
    }

    private static void series(StringBuilder j, String name, List<DailyRow> rows, Function<DailyRow, BigDecimal> value,
            int decimals) {
        j.append('"').append(name).append("\":[");
        for (int i = 0; i < rows.size(); i++) {
            BigDecimal v = value.apply(rows.get(i));
            j.append(i == 0 ? "" : ",").append(v == null ? "null" : number(v, decimals));
        }
        j.append(']');
    }

    private static String number(BigDecimal v, int decimals) {
        BigDecimal cut = v.setScale(decimals, RoundingMode.DOWN);
        return cut.signum() == 0 ? "0" : cut.stripTrailingZeros().toPlainString();
    }

    private static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }

    private static final String STYLE = String.join("\n",
            "body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2rem auto; max-width: 1100px;",
            "       padding: 0 1rem; color: #1d2433; }",
            "h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }",
            "p.description, p.caption { color: #4a5568; }",
            "table.summary { border-collapse: collapse; margin: 1rem 0; }",
            "table.summary th { text-align: left; padding: 0.25rem 1rem 0.25rem 0; font-weight: 600; }",
            "table.summary td { padding: 0.25rem 0; }",
            ".chart { position: relative; height: 340px; }",
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
            "    var blue = '#2b6cb0', red = '#c53030', green = '#2f855a', orange = '#c05621', grey = '#718096';",
            "    function set(label, data, color, extra) {",
            "      var s = { label: label, data: data, borderColor: color, backgroundColor: color, pointRadius: 0,",
            "                borderWidth: 2, spanGaps: false };",
            "      for (var k in extra) { s[k] = extra[k]; }",
            "      return s;",
            "    }",
            "    function axes(left, right) {",
            "      var a = { x: { title: { display: true, text: 'day' } }, y: { title: { display: true, text: left } } };",
            "      if (right) { a.y1 = { position: 'right', grid: { drawOnChartArea: false },",
            "                            title: { display: true, text: right } }; }",
            "      return a;",
            "    }",
            "    function canvas(id) { return document.getElementById(id); }",
            "    var charts = [];",
            "    charts.push(new Chart(canvas('chart-supply'), { type: 'bar', data: { labels: d.days, datasets: [",
            "      set('MT supply', d.mtSupply, blue, { type: 'line', yAxisID: 'y' }),",
            "      set('MT burned that day', d.mtBurned, red, { yAxisID: 'y1' }) ] },",
            "      options: { scales: axes('MT', 'MT burned') } }));",
            "    charts.push(new Chart(canvas('chart-price'), { type: 'line', data: { labels: d.days, datasets: [",
            "      set('FLOCK per MT', d.poolPrice, blue, { yAxisID: 'y' }),",
            "      set('USD per MT', d.poolPriceUsd, green, { yAxisID: 'y1' }) ] },",
            "      options: { scales: axes('FLOCK per MT', 'USD per MT') } }));",
            "    charts.push(new Chart(canvas('chart-emissions'), { type: 'bar', data: { labels: d.days, datasets: [",
            "      set('emission paid (USD value)', d.emissionUsd, orange, { type: 'line' }),",
            "      set('buybacks (USD)', d.buybackUsd, green, {}) ] },",
            "      options: { scales: axes('USD per day') } }));",
            "    charts.push(new Chart(canvas('chart-yield'), { type: 'line', data: { labels: d.days, datasets: [",
            "      set('treasury (USD, total)', d.treasuryUsd, blue, {}),",
            "      set('issuer yield (USD, total)', d.issuerUsd, orange, {}) ] },",
            "      options: { scales: axes('USD') } }));",
            "    charts.push(new Chart(canvas('chart-earners'), { type: 'bar', data: { labels: d.earners, datasets: [",
            "      set('FLOCK earned', d.earnings, blue, {}) ] },",
            "      options: { scales: { x: { title: { display: true, text: 'account' } },",
            "                           y: { title: { display: true, text: 'FLOCK' } } } } }));",
            "    var pct = [], diagonal = [];",
            "    for (var i = 0; i < d.lorenz.length; i++) {",
            "      pct.push(Math.round(100 * i / (d.lorenz.length - 1)) + '%');",
            "      diagonal.push(i / (d.lorenz.length - 1));",
            "    }",
            "    charts.push(new Chart(canvas('chart-lorenz'), { type: 'line', data: { labels: pct, datasets: [",
            "      set('share of rewards', d.lorenz, blue, {}),",
            "      set('equal shares', diagonal, grey, { borderDash: [4, 4], borderWidth: 1 }) ] },",
            "      options: { scales: { x: { title: { display: true, text: 'poorest earners' } },",
            "                           y: { min: 0, max: 1, title: { display: true, text: 'share of rewards' } } } } }));",
            "    var drawn = 0;",
            "    charts.forEach(function (c) { if (c.canvas.width > 0 && c.canvas.height > 0) { drawn++; } });",
            "    body.setAttribute('data-charts', String(drawn));",
            "    body.setAttribute('data-rendered', drawn === " + CHARTS + " ? 'true' : 'false');",
            "  } catch (e) {",
            "    body.setAttribute('data-rendered', 'false');",
            "    body.setAttribute('data-error', String(e && e.message ? e.message : e));",
            "  }",
            "})();",
            "");
}
