package io.fomo.examples.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fomo.examples.scenario.Launch;
import io.fomo.examples.scenario.Scenario;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The simulation report: one self-contained HTML page that answers a tokenomics designer's questions, for
 * the platform and then for each deployment: the raise (raised against the targets, the curve's price),
 * the pool (depth, price, the price impact of a trade), MT supply and burns, revenue (gross, costs, net)
 * and active users, emissions against buybacks, net FLOCK issuance (emitted against burned), staking
 * (staked MT and its yield), the concentration of MT holdings (top-10 share and HHI) and of rewards (the
 * largest earners, the Lorenz curve), treasury and issuer yield. The charts are drawn by Chart.js, inlined
 * from its WebJar with its MIT license notice, so the page works offline.
 *
 * <p>Chart rules: the x axis shows calendar dates (day 0 is {@code GENESIS}'s date); every chart has one y
 * axis, so no two series in different units share a chart or invite a comparison of their scales; a y axis
 * is logarithmic when the positive values it shows span more than {@value #LOG_SPAN}×; MT supply is drawn
 * on an axis fitted to its range, so a fall of a few percent shows.
 *
 * <p>The chart data are the columns of {@link DailyRow#COLUMNS} (and a few values derived from them),
 * written by Jackson as JSON. The page is a function of the scenario and the result only (no timestamps,
 * no paths, no randomness): the same run gives the same bytes. When the page has drawn every chart it sets
 * {@code data-rendered="true"} and {@code data-charts="<n>"} on {@code <body>} (on an error,
 * {@code data-rendered="false"} and {@code data-error}); {@code data-expected} says how many charts the
 * page has, so a headless browser can check.
 *
 * <p>Chart values are display values, cut (rounded DOWN) to the column's decimals; the exact values are in
 * the CSV.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class HtmlReport {

    /** The number of largest earners shown. */
    public static final int TOP_EARNERS = 30;
    /** The number of steps of the Lorenz curve. */
    public static final int LORENZ_STEPS = 100;
    /** A chart's y axis is logarithmic when its positive values span more than this factor. */
    public static final int LOG_SPAN = 10;
    /** The days over which the staking yield is averaged. */
    public static final int YIELD_DAYS = 7;

    private static final LocalDate DAY_ZERO = LocalDate.of(2026, 1, 15);
    private static final MathContext MC = new MathContext(34, RoundingMode.DOWN);
    private static final int RATIO_DECIMALS = 6;
    private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

    private static final String BLUE = "#2b6cb0";
    private static final String RED = "#c53030";
    private static final String GREEN = "#2f855a";
    private static final String ORANGE = "#c05621";
    private static final String PURPLE = "#6b46c1";
    private static final String GREY = "#718096";
    private static final String[] PALETTE = {BLUE, ORANGE, GREEN, PURPLE, RED, "#2c7a7b", "#b7791f", "#97266d"};

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
     * Returns the number of charts the report of a run has.
     *
     * @param result what the run produced
     * @return the number of charts
     */
    public static int charts(SimulationResult result) {
        return new Page(null, Objects.requireNonNull(result, "result")).chartCount();
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
        return new Page(scenario, result).page();
    }

    /** The calendar date of a simulated day. */
    static String date(int day) {
        return DAY_ZERO.plusDays(day).toString();
    }

    /** One page being built: the HTML, the charts and the data they draw. */
    private static final class Page {

        private final Scenario scenario;
        private final SimulationResult result;
        private final StringBuilder h = new StringBuilder();
        private final ObjectNode series = NODES.objectNode();
        private final ArrayNode charts = NODES.arrayNode();

        Page(Scenario scenario, SimulationResult result) {
            this.scenario = scenario;
            this.result = result;
            build();
        }

        int chartCount() {
            return charts.size();
        }

        String page() {
            ChartJs lib = ChartJs.get();
            StringBuilder page = new StringBuilder(lib.script().length() + h.length() + 256 * 1024);
            String name = html(scenario.name());
            page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<title>FOMO simulation: ").append(name).append("</title>\n")
                    .append("<style>\n").append(STYLE).append("</style>\n</head>\n")
                    .append("<body data-rendered=\"pending\" data-expected=\"").append(charts.size()).append("\">\n")
                    .append("<h1>FOMO simulation: ").append(name).append("</h1>\n");
            scenario.description().ifPresent(d -> page.append("<p class=\"description\">").append(html(d))
                    .append("</p>\n"));
            page.append(h);
            page.append("<footer>\n<p>Exact values, day by day and deployment by deployment, are in "
                    + "<code>daily.csv</code>; chart values are cut to each column's display decimals.</p>\n")
                    .append("<p>Charts drawn with Chart.js v").append(html(lib.version()))
                    .append(" (https://www.chartjs.org), inlined in this page under its license:</p>\n")
                    .append("<pre class=\"license\">").append(html(lib.license().strip())).append("</pre>\n</footer>\n");
            page.append("<script type=\"application/json\" id=\"fomo-data\">").append(data()).append("</script>\n");
            page.append("<script>\n").append(lib.script()).append("\n</script>\n");
            page.append("<script>\n").append(DRAW).append("</script>\n</body>\n</html>\n");
            return page.toString();
        }

        private String data() {
            ObjectNode root = NODES.objectNode();
            ArrayNode dates = root.putArray("dates");
            for (int d = 0; d < result.days(); d++) {
                dates.add(date(d));
            }
            root.set("series", series);
            root.set("charts", charts);
            return ScriptJson.write(root);
        }

        // ---- the page ----

        private void build() {
            List<DeploymentId> deployments = result.deployments();
            boolean platform = deployments.size() > 1;
            columns("platform", platformRows());
            for (DeploymentId d : deployments) {
                columns(d.value(), result.rows(d));
            }
            h.append("<h2>").append(platform ? "Platform: " + deployments.size() + " deployments" : "Summary")
                    .append("</h2>\n");
            if (scenario != null) {
                platformSummary(platform);
            }
            if (platform) {
                List<String> keys = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                for (DeploymentId d : deployments) {
                    keys.add(d.value() + ".raised_flock");
                    labels.add(d.value());
                }
                chart("platform-raise", "Raised FLOCK by deployment", "Net FLOCK raised by each launch, day by day "
                        + "(the targets are in each deployment's section).", "FLOCK", keys, labels, null, false);
                List<String> rev = new ArrayList<>();
                for (DeploymentId d : deployments) {
                    rev.add(d.value() + ".revenue_gross_usd");
                }
                chart("platform-revenue", "Gross revenue by deployment", "USD paid for inference each day, per "
                        + "deployment.", "USD per day", rev, labels, null, false);
            }
            issuance();
            earners();
            for (DeploymentId d : deployments) {
                deployment(d, platform);
            }
        }

        private void platformSummary(boolean platform) {
            List<DailyRow> rows = platformRows();
            DailyRow last = rows.get(rows.size() - 1);
            Amount emitted = sum(rows, DailyRow::emissionPaid, Asset.FLOCK);
            h.append("<table class=\"summary\">\n");
            row("Days simulated", result.days() + " (" + date(0) + " to " + date(result.days() - 1) + ")");
            row("Seed", Long.toString(scenario.seed()));
            if (platform) {
                StringBuilder states = new StringBuilder();
                for (DeploymentId d : result.deployments()) {
                    List<DailyRow> own = result.rows(d);
                    states.append(states.length() == 0 ? "" : ", ").append(d.value()).append(' ')
                            .append(own.get(own.size() - 1).state());
                }
                row("Deployments", states.toString());
            }
            row("FLOCK raised (net)", flock(last.raised()));
            row("Inference revenue", usd(sum(rows, DailyRow::revenueGross, Asset.USD)) + " gross, "
                    + usd(sum(rows, DailyRow::costs, Asset.USD)) + " hard costs, "
                    + usd(sum(rows, DailyRow::revenueNet, Asset.USD)) + " net");
            row("Buybacks", usd(sum(rows, DailyRow::buybackSpent, Asset.USD)));
            row("Net FLOCK issuance", flock(emitted) + " emitted to users, " + flock(last.flockBurnedTotal())
                    + " bought back and burned: " + (emitted.isLessThan(last.flockBurnedTotal()) ? "net burn "
                    + flock(last.flockBurnedTotal().minus(emitted)) : "net issuance "
                    + flock(emitted.minus(last.flockBurnedTotal()))));
            row("Emission returned to the reserve", flock(sum(rows, DailyRow::emissionReturned, Asset.FLOCK)));
            row("Treasury", usd(last.treasuryTotal()));
            row("Issuer yield", usd(last.issuerYieldTotal()));
            row("Reward earners", result.flockRewards().size() + " (top 10 hold "
                    + DailyTable.number(last.top10RewardShare().movePointRight(2), 2) + "%)");
            row("Journal events", Long.toString(result.events()));
            rowHtml("State hash", "<code>" + html(result.stateHash()) + "</code>");
            h.append("</table>\n");
        }

        private void issuance() {
            List<DailyRow> rows = platformRows();
            BigDecimal emitted = BigDecimal.ZERO;
            ArrayNode cumulative = NODES.arrayNode();
            ArrayNode net = NODES.arrayNode();
            for (DailyRow r : rows) {
                emitted = emitted.add(r.emissionPaid().value());
                cumulative.add(cut(emitted, 2));
                net.add(cut(emitted.subtract(r.flockBurnedTotal().value()), 2));
            }
            series.set("platform.emitted_flock_total", cumulative);
            series.set("platform.net_issuance_flock", net);
            chart("issuance", "Net FLOCK issuance", "FLOCK emitted to users since day 0, FLOCK bought back and "
                    + "burned since day 0, and the difference (net issuance; below zero the platform burns more than "
                    + "it emits).", "FLOCK", List.of("platform.emitted_flock_total", "platform.flock_burned_total",
                    "platform.net_issuance_flock"), List.of("emitted (total)", "burned (total)", "net issuance"),
                    null, false, false, true, 0, -1);
        }

        private void earners() {
            List<Map.Entry<AccountId, Amount>> top = RewardStats.ranking(result.flockRewards(), TOP_EARNERS);
            ArrayNode names = NODES.arrayNode();
            ArrayNode amounts = NODES.arrayNode();
            for (Map.Entry<AccountId, Amount> e : top) {
                names.add(e.getKey().value());
                amounts.add(cut(e.getValue().value(), 6));
            }
            series.set("earners.names", names);
            series.set("earners.flock", amounts);
            ArrayNode lorenz = NODES.arrayNode();
            ArrayNode diagonal = NODES.arrayNode();
            ArrayNode pct = NODES.arrayNode();
            List<BigDecimal> curve = RewardStats.lorenz(result.flockRewards().values(), LORENZ_STEPS);
            for (int i = 0; i < curve.size(); i++) {
                lorenz.add(cut(curve.get(i), RATIO_DECIMALS));
                diagonal.add(cut(BigDecimal.valueOf(i).divide(BigDecimal.valueOf(LORENZ_STEPS), MC), RATIO_DECIMALS));
                pct.add((i * 100 / LORENZ_STEPS) + "%");
            }
            series.set("lorenz.share", lorenz);
            series.set("lorenz.equal", diagonal);
            series.set("lorenz.labels", pct);
            chart("earners", "Largest reward earners", "FLOCK rewards earned over the run by the " + TOP_EARNERS
                    + " largest earners (a logarithmic axis when they span more than " + LOG_SPAN + "×, so one "
                    + "whale does not flatten the rest).", "FLOCK", List.of("earners.flock"), List.of("FLOCK earned"),
                    "earners.names", true);
            chart("lorenz", "Reward distribution across users", "Lorenz curve: share of all FLOCK rewards held by "
                    + "the poorest x% of earners (the diagonal is equal shares).", "share of rewards",
                    List.of("lorenz.share", "lorenz.equal"), List.of("share of rewards", "equal shares"),
                    "lorenz.labels", false, false, true, 0, -1);
        }

        private void deployment(DeploymentId d, boolean platform) {
            List<DailyRow> rows = result.rows(d);
            DailyRow last = rows.get(rows.size() - 1);
            Launch launch = scenario == null ? null : scenario.launches().stream()
                    .filter(l -> l.deployment().equals(d)).findFirst().orElse(null);
            String k = d.value() + ".";
            String mt = Asset.modelToken(d).symbol();
            h.append("<h2>").append(platform ? "Deployment " : "Deployment: ").append(html(d.value())).append("</h2>\n");
            if (launch != null) {
                deploymentSummary(launch, rows);
            }
            // The raise: raised against the targets, then the curve's price.
            int start = launch == null ? 0 : launch.startDay();
            if (launch != null) {
                constant(k + "min_target", rows.size(), launch.parameters().minTarget().value());
                constant(k + "max_target", rows.size(), launch.parameters().maxTarget().value());
            }
            int raiseEnd = launch == null ? rows.size()
                    : Math.min(rows.size(), start + (int) launch.parameters().window().toDays() + 3);
            chart(k + "raise", "The raise", "Net FLOCK raised against the min and max targets, from the opening to "
                    + "three days after the window closes; a launch below its min target when the window closes fails "
                    + "and refunds its supporters.", "FLOCK",
                    launch == null ? List.of(k + "raised_flock")
                            : List.of(k + "raised_flock", k + "min_target", k + "max_target"),
                    launch == null ? List.of("raised") : List.of("raised", "min target", "max target"), null, false,
                    false, true, start, raiseEnd);
            boolean pool = last.poolFlock().isPresent();
            if (!pool) {
                h.append("<p class=\"caption\">").append(html(d.value())).append(" has no pool at the end of the run ("
                        + last.state() + "): no market, revenue or staking to show.</p>\n");
                return;
            }
            ArrayNode curve = NODES.arrayNode();
            boolean pooled = false;
            for (DailyRow r : rows) {
                // The curve's price until the pool opens, and on that day, where the two lines meet.
                curve.add(pooled ? null : r.curvePrice().map(p -> cut(p, 8)).orElse(null));
                pooled = r.poolFlock().isPresent();
            }
            series.set(k + "curve_price_raise", curve);
            chart(k + "price", "Price: curve and pool", "FLOCK per " + mt + ": the bonding curve's spot price during "
                    + "the raise, then the graduated pool's spot price.", "FLOCK per MT",
                    List.of(k + "curve_price_raise", k + "pool_price_flock_per_mt"),
                    List.of("curve price", "pool price"), null, false);
            chart(k + "depth", "Pool depth", "The pool's FLOCK reserve after each day.", "FLOCK",
                    List.of(k + "pool_flock"), List.of("FLOCK reserve"), null, false);
            percent(k + "price_impact_1000_flock", rows, DailyRow::priceImpact);
            chart(k + "impact", "Price impact", "The price impact of buying " + mt + " with "
                    + DailyRow.IMPACT_TRADE.value().stripTrailingZeros().toPlainString() + " FLOCK in the pool (fee "
                    + "included), in percent.", "% of the spot price", List.of(k + "price_impact_1000_flock.pct"),
                    List.of("price impact"), null, false);
            ArrayNode supply = NODES.arrayNode();
            for (DailyRow r : rows) {
                supply.add(r.poolFlock().isPresent() ? cut(r.mtSupply().value(), 2) : null);
            }
            series.set(k + "mt_supply_live", supply);
            chart(k + "supply", "MT supply", mt + " in existence once minted at graduation; the axis is fitted to the "
                    + "values so that the fall from buyback burns shows (it does not start at zero).", "MT",
                    List.of(k + "mt_supply_live"),
                    List.of("MT supply"), null, false, true);
            chart(k + "burns", "MT burned", mt + " bought back and burned each day.", "MT per day",
                    List.of(k + "mt_burned"), List.of("MT burned"), null, false);
            ArrayNode costs = NODES.arrayNode();
            for (DailyRow r : rows) {
                costs.add(cut(r.costs().value(), 2));
            }
            series.set(k + "costs_usd", costs);
            chart(k + "revenue", "Revenue", "USD paid for inference each day (gross), the hard costs taken from it, "
                    + "and what is left to route (net).", "USD per day",
                    List.of(k + "revenue_gross_usd", k + "costs_usd", k + "revenue_net_usd"),
                    List.of("gross", "hard costs", "net"), null, false);
            chart(k + "users", "Active users", "Users who paid for inference each day.", "users",
                    List.of(k + "active_users"), List.of("active users"), null, false);
            ArrayNode emissionUsd = NODES.arrayNode();
            for (DailyRow r : rows) {
                emissionUsd.add(cut(r.emissionPaid().value().multiply(r.flockUsd()), 2));
            }
            series.set(k + "emission_usd", emissionUsd);
            chart(k + "emissions", "Emissions vs buybacks", "FLOCK emission paid to this deployment's users each day, "
                    + "valued at that day's FLOCK price, against the USD spent on its MT and FLOCK buybacks.",
                    "USD per day", List.of(k + "emission_usd", k + "buyback_usd"),
                    List.of("emission paid (USD value)", "buybacks"), null, false);
            chart(k + "staked", "Staked MT", mt + " staked at the end of each day.", "MT", List.of(k + "staked_mt"),
                    List.of("staked"), null, false);
            stakingYield(k, rows);
            chart(k + "yield", "Staking yield", "Annualised yield of staking " + mt + ": the FLOCK incentive (valued "
                    + "in MT at the pool price) and the MT incentive paid to stakers, over the MT staked, averaged over "
                    + YIELD_DAYS + " days, in percent a year.", "% a year", List.of(k + "staking_apr_pct"),
                    List.of("yield"), null, false);
            percent(k + "mt_top10_holder_share", rows, r -> java.util.Optional.of(r.mtTop10Share()));
            percent(k + "mt_holder_hhi", rows, r -> java.util.Optional.of(r.mtHhi()));
            chart(k + "holders", "MT holder concentration", "Of the " + mt + " held by the accounts the scenario "
                    + "names (wallets and stakes, the pool excluded): the share of the ten largest holders, and the "
                    + "Herfindahl-Hirschman index (100% = one holder), in percent.", "%",
                    List.of(k + "mt_top10_holder_share.pct", k + "mt_holder_hhi.pct"),
                    List.of("top-10 share", "HHI"), null, false);
            chart(k + "yields", "Treasury and issuer yield", "Cumulative USD routed to the treasury and to the issuer "
                    + "from net revenue.", "USD", List.of(k + "treasury_usd_total", k + "issuer_yield_usd_total"),
                    List.of("treasury (total)", "issuer yield (total)"), null, false);
            if (start > 0) {
                h.append("<p class=\"caption\">").append(html(d.value())).append(" opened on ").append(date(start))
                        .append(".</p>\n");
            }
        }

        private void deploymentSummary(Launch launch, List<DailyRow> rows) {
            DailyRow last = rows.get(rows.size() - 1);
            String mt = launch.mtAsset().symbol();
            h.append("<table class=\"summary\">\n");
            row("Opened", date(launch.startDay()) + " (day " + launch.startDay() + "), final state " + last.state());
            row("Raise", flock(last.raised()) + " raised of a min target " + flock(launch.parameters().minTarget())
                    + " and a max target " + flock(launch.parameters().maxTarget()) + "; "
                    + launch.parameters().curve().getClass().getSimpleName().replace("Curve", " curve") + " from "
                    + DailyTable.number(launch.parameters().curve().spotPriceAt(Amount.zero(launch.mtAsset()), MC), 6)
                    + " FLOCK per MT");
            last.curvePrice().ifPresent(p -> row("Curve price at the end", DailyTable.number(p, 8) + " FLOCK per MT"));
            DailyRow firstPool = rows.stream().filter(r -> r.poolFlock().isPresent()).findFirst().orElse(null);
            if (firstPool != null) {
                row("Pool", "opened " + date(firstPool.day()) + " at " + DailyTable.number(firstPool.poolPrice()
                        .orElseThrow(), 6) + " FLOCK per MT with " + flock(firstPool.poolFlock().orElseThrow())
                        + "; at the end " + DailyTable.number(last.poolPrice().orElse(BigDecimal.ZERO), 6)
                        + " FLOCK per MT, "
                        + flock(last.poolFlock().orElseThrow()) + " deep" + last.priceImpact().map(i -> ", a "
                        + DailyTable.number(DailyRow.IMPACT_TRADE.value(), 0) + " FLOCK buy moves it "
                        + DailyTable.number(i.movePointRight(2), 2) + "%").orElse(""));
                BigDecimal fall = firstPool.mtSupply().value().subtract(last.mtSupply().value());
                row("MT supply", DailyTable.number(firstPool.mtSupply().value(), 2) + " to "
                        + DailyTable.number(last.mtSupply().value(), 2) + " " + mt + " ("
                        + DailyTable.number(fall.multiply(BigDecimal.valueOf(100))
                        .divide(firstPool.mtSupply().value(), 2, RoundingMode.DOWN), 2) + "% burned)");
            }
            row("Revenue", usd(sum(rows, DailyRow::revenueGross, Asset.USD)) + " gross, "
                    + usd(sum(rows, DailyRow::costs, Asset.USD)) + " hard costs, "
                    + usd(sum(rows, DailyRow::revenueNet, Asset.USD)) + " net; buybacks "
                    + usd(sum(rows, DailyRow::buybackSpent, Asset.USD)));
            row("Emission to its users", flock(sum(rows, DailyRow::emissionPaid, Asset.FLOCK)));
            row("Staking", DailyTable.number(last.stakedMt().value(), 2) + " " + mt + " staked; incentives paid "
                    + flock(sum(rows, DailyRow::stakingFlockPaid, Asset.FLOCK)) + " and "
                    + DailyTable.number(sum(rows, DailyRow::stakingMtPaid, launch.mtAsset()).value(), 2) + " " + mt);
            row("MT holders", "top 10 hold " + DailyTable.number(last.mtTop10Share().movePointRight(2), 2)
                    + "%, HHI " + DailyTable.number(last.mtHhi(), 4));
            row("Treasury and issuer", usd(last.treasuryTotal()) + " to the treasury, " + usd(last.issuerYieldTotal())
                    + " to the issuer");
            h.append("</table>\n");
        }

        // ---- data ----

        /** The platform's totals of each day: sums of the SUM columns, the PLATFORM columns as they are. */
        private List<DailyRow> platformRows() {
            List<DeploymentId> deployments = result.deployments();
            if (deployments.size() == 1) {
                return result.rows(deployments.get(0));
            }
            List<DailyRow> out = new ArrayList<>();
            DeploymentId platform = DeploymentId.of("platform");
            for (int day = 0; day < result.days(); day++) {
                DailyRow first = result.rows(deployments.get(0)).get(day);
                DailyRow.Builder b = DailyRow.builder(day, platform, "PLATFORM").flockUsd(first.flockUsd())
                        .flockBurned(first.flockBurned(), first.flockBurnedTotal())
                        .top10RewardShare(first.top10RewardShare()).rejectedActions(first.rejectedActions());
                Amount raised = Amount.zero(Asset.FLOCK);
                Amount gross = Amount.zero(Asset.USD);
                Amount net = Amount.zero(Asset.USD);
                Amount buyback = Amount.zero(Asset.USD);
                Amount paid = Amount.zero(Asset.FLOCK);
                Amount staking = Amount.zero(Asset.FLOCK);
                Amount treasury = Amount.zero(Asset.USD);
                Amount issuer = Amount.zero(Asset.USD);
                int users = 0;
                for (DeploymentId d : deployments) {
                    DailyRow r = result.rows(d).get(day);
                    raised = raised.plus(r.raised());
                    gross = gross.plus(r.revenueGross());
                    net = net.plus(r.revenueNet());
                    buyback = buyback.plus(r.buybackSpent());
                    paid = paid.plus(r.emissionPaid());
                    staking = staking.plus(r.stakingFlockPaid());
                    treasury = treasury.plus(r.treasuryTotal());
                    issuer = issuer.plus(r.issuerYieldTotal());
                    users += r.activeUsers();
                }
                out.add(b.raised(raised).revenue(gross, net).buybackSpent(buyback)
                        .emission(first.emissionScheduled(), paid, first.emissionReturned())
                        .staking(staking, Amount.zero(Asset.modelToken(platform))).yields(treasury, issuer)
                        .activeUsers(users).build());
            }
            return out;
        }

        /** Every column's series of some rows, as the report shows them, keyed {@code <prefix>.<column>}. */
        private void columns(String prefix, List<DailyRow> rows) {
            for (DailyColumn c : DailyRow.COLUMNS) {
                if (c.scope() == DailyColumn.Scope.KEY) {
                    continue;
                }
                ArrayNode values = NODES.arrayNode();
                for (DailyRow r : rows) {
                    values.add(c.number(r).map(HtmlReport::plain).orElse(null));
                }
                series.set(prefix + "." + c.name(), values);
            }
        }

        private void constant(String key, int days, BigDecimal value) {
            ArrayNode values = NODES.arrayNode();
            for (int i = 0; i < days; i++) {
                values.add(plain(value));
            }
            series.set(key, values);
        }

        private void percent(String key, List<DailyRow> rows, Function<DailyRow, java.util.Optional<BigDecimal>> ratio) {
            ArrayNode values = NODES.arrayNode();
            for (DailyRow r : rows) {
                values.add(ratio.apply(r).map(v -> cut(v.movePointRight(2), 4)).orElse(null));
            }
            series.set(key + ".pct", values);
        }

        /** The annualised staking yield, averaged over {@link #YIELD_DAYS} days, in percent. */
        private void stakingYield(String k, List<DailyRow> rows) {
            ArrayNode values = NODES.arrayNode();
            for (int i = 0; i < rows.size(); i++) {
                BigDecimal paidMt = BigDecimal.ZERO;
                BigDecimal staked = BigDecimal.ZERO;
                int n = 0;
                for (int j = Math.max(0, i - YIELD_DAYS + 1); j <= i; j++) {
                    DailyRow r = rows.get(j);
                    if (r.poolPrice().isEmpty() || !r.stakedMt().isPositive()) {
                        continue;
                    }
                    BigDecimal price = r.poolPrice().orElseThrow();
                    BigDecimal flockInMt = price.signum() == 0 ? BigDecimal.ZERO
                            : r.stakingFlockPaid().value().divide(price, MC);
                    paidMt = paidMt.add(flockInMt).add(r.stakingMtPaid().value());
                    staked = staked.add(r.stakedMt().value());
                    n++;
                }
                if (n == 0) {
                    values.addNull();
                } else {
                    // (paid per day / staked) × 365 × 100, both averaged over the same days.
                    values.add(cut(paidMt.multiply(BigDecimal.valueOf(36_500)).divide(staked, MC), 2));
                }
            }
            series.set(k + "staking_apr_pct", values);
        }

        private void chart(String id, String title, String caption, String yTitle, List<String> keys,
                List<String> labels, String xKey, boolean bars) {
            chart(id, title, caption, yTitle, keys, labels, xKey, bars, false);
        }

        private void chart(String id, String title, String caption, String yTitle, List<String> keys,
                List<String> labels, String xKey, boolean bars, boolean fitted) {
            chart(id, title, caption, yTitle, keys, labels, xKey, bars, fitted, false, 0, -1);
        }

        /**
         * A chart of some series on one y axis: logarithmic when the positive values span more than
         * {@link #LOG_SPAN}× (unless {@code linear}: shares and values that may fall below zero), fitted to the
         * values rather than from zero when {@code fitted}; the days {@code from} to {@code to} (exclusive;
         * {@code -1}: the end).
         */
        private void chart(String id, String title, String caption, String yTitle, List<String> keys,
                List<String> labels, String xKey, boolean bars, boolean fitted, boolean linear, int from, int to) {
            String domId = "chart-" + id.replace('.', '-');
            h.append("<section>\n<h3>").append(html(title)).append("</h3>\n<p class=\"caption\">")
                    .append(html(caption)).append("</p>\n<div class=\"chart\"><canvas id=\"").append(html(domId))
                    .append("\"></canvas></div>\n</section>\n");
            ObjectNode c = charts.addObject();
            c.put("id", domId);
            c.put("type", bars ? "bar" : "line");
            c.put("x", xKey == null ? "dates" : xKey);
            c.put("y", yTitle);
            c.put("log", !linear && logScale(keys, from, to));
            c.put("fitted", fitted);
            c.put("from", from);
            c.put("to", to);
            ArrayNode sets = c.putArray("datasets");
            for (int i = 0; i < keys.size(); i++) {
                ObjectNode s = sets.addObject();
                s.put("label", labels.get(i));
                s.put("series", keys.get(i));
                s.put("color", labels.get(i).contains("target") ? GREY : PALETTE[i % PALETTE.length]);
                s.put("dashed", labels.get(i).contains("target") || labels.get(i).equals("equal shares"));
            }
        }

        /**
         * Whether the positive values of the chart span more than {@link #LOG_SPAN}×, measured from the tenth
         * percentile (so that the first days of a series growing from nothing do not decide it) to the largest.
         */
        private boolean logScale(List<String> keys, int from, int to) {
            List<BigDecimal> positive = new ArrayList<>();
            for (String key : keys) {
                com.fasterxml.jackson.databind.JsonNode values = series.get(key);
                int end = to < 0 ? values.size() : Math.min(to, values.size());
                for (int i = Math.max(0, from); i < end; i++) {
                    com.fasterxml.jackson.databind.JsonNode v = values.get(i);
                    if (v.isNumber() && v.decimalValue().signum() > 0) {
                        positive.add(v.decimalValue());
                    }
                }
            }
            if (positive.isEmpty()) {
                return false;
            }
            positive.sort(null);
            BigDecimal low = positive.get(positive.size() / 10);
            BigDecimal max = positive.get(positive.size() - 1);
            return max.compareTo(low.multiply(BigDecimal.valueOf(LOG_SPAN))) > 0;
        }

        private void row(String name, String text) {
            rowHtml(name, html(text));
        }

        private void rowHtml(String name, String valueHtml) {
            h.append("<tr><th>").append(html(name)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
        }
    }

    private static Amount sum(List<DailyRow> rows, Function<DailyRow, Amount> value, Asset asset) {
        Amount total = Amount.zero(asset);
        for (DailyRow r : rows) {
            total = total.plus(value.apply(r));
        }
        return total;
    }

    private static String flock(Amount a) {
        return DailyTable.number(a.value(), 2) + " FLOCK";
    }

    private static String usd(Amount a) {
        return "$" + DailyTable.number(a.value(), 2);
    }

    private static BigDecimal cut(BigDecimal v, int decimals) {
        return plain(v.setScale(decimals, RoundingMode.DOWN));
    }

    private static BigDecimal plain(BigDecimal v) {
        return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
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
            "h1 { font-size: 1.6rem; } h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 1px solid #cbd5e0; }",
            "h3 { font-size: 1.05rem; margin-top: 1.6rem; }",
            "p.description, p.caption { color: #4a5568; }",
            "table.summary { border-collapse: collapse; margin: 1rem 0; }",
            "table.summary th { text-align: left; padding: 0.25rem 1rem 0.25rem 0; font-weight: 600; vertical-align: top; }",
            "table.summary td { padding: 0.25rem 0; }",
            ".chart { position: relative; height: 300px; }",
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
            "    var drawn = 0;",
            "    d.charts.forEach(function (c) {",
            "      var to = c.to < 0 ? undefined : c.to;",
            "      var labels = (c.x === 'dates' ? d.dates : d.series[c.x]).slice(c.from, to);",
            "      var sets = c.datasets.map(function (s) {",
            "        return { label: s.label, data: d.series[s.series].slice(c.from, to), borderColor: s.color, backgroundColor: s.color,",
            "                 pointRadius: 0, borderWidth: s.dashed ? 1 : 2, borderDash: s.dashed ? [6, 4] : [],",
            "                 spanGaps: false };",
            "      });",
            "      var y = { type: c.log ? 'logarithmic' : 'linear', title: { display: true, text: c.y + (c.log ? ' (log scale)' : '') } };",
            "      if (!c.log && !c.fitted) { y.beginAtZero = true; }",
            "      var x = { title: { display: true, text: c.x === 'dates' ? 'date' : '' },",
            "                ticks: { autoSkip: true, maxTicksLimit: 12, maxRotation: 0 } };",
            "      var chart = new Chart(document.getElementById(c.id), { type: c.type, data: { labels: labels, datasets: sets },",
            "        options: { scales: { x: x, y: y }, interaction: { mode: 'index', intersect: false } } });",
            "      if (chart.canvas.width > 0 && chart.canvas.height > 0) { drawn++; }",
            "    });",
            "    body.setAttribute('data-charts', String(drawn));",
            "    body.setAttribute('data-rendered', drawn === d.charts.length ? 'true' : 'false');",
            "  } catch (e) {",
            "    body.setAttribute('data-rendered', 'false');",
            "    body.setAttribute('data-error', String(e && e.message ? e.message : e));",
            "  }",
            "})();",
            "");
}
