package io.fomo.examples.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The bands page's data: dates, missing values, chart values cut down, the log axis rule. */
class BandsPageTest {

    /** A run whose every metric is {@code base · (day + 1)^growth}; the pool exists from day 1. */
    private static Run run(int index, BigDecimal base, int growth) {
        List<DayMetrics> days = new java.util.ArrayList<>();
        for (int d = 0; d < 3; d++) {
            EnumMap<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                if (d == 0 && (m == Metric.POOL_PRICE || m == Metric.POOL_FLOCK || m == Metric.POOL_MT)) {
                    continue;
                }
                BigDecimal value = base.multiply(BigDecimal.valueOf(d + 1L).pow(growth));
                v.put(m, m == Metric.ACTIVE_USERS ? BigDecimal.valueOf(d) : value.setScale(Math.min(m.scale(),
                        value.scale()), java.math.RoundingMode.DOWN));
            }
            days.add(DayMetrics.of(d, "LIVE", v));
        }
        return new Run(index, ThreadLocalRandom.current().nextLong(), days);
    }

    @Test
    void theDataHasDatesNullsBeforeThePoolAndALogAxisOnlyPastTenfold() throws Exception {
        Bands bands = Bands.of(List.of(run(0, new BigDecimal("1.123456789"), 3), run(1, new BigDecimal("2"), 3)));
        JsonNode data = new ObjectMapper().readTree(BandsPage.data(List.of(new BandsPage.Series("a", bands)), 3));
        assertEquals("2026-01-15", data.get("dates").get(0).asText());
        assertEquals("2026-01-17", data.get("dates").get(2).asText());
        JsonNode metrics = data.get("metrics");
        assertEquals(Metric.values().length, metrics.size());
        JsonNode pool = metrics.get(Metric.POOL_PRICE.ordinal());
        assertTrue(pool.get("bands").get(0).get("p50").get(0).isNull(), "no pool on day 0");
        // 1.123456789 · 27 = 30.333333303 at day 2; 1.123456789 on day 0: a span past 10×.
        assertTrue(metrics.get(Metric.RAISED_FLOCK.ordinal()).get("log").asBoolean());
        // Active users are 0 on day 0: a log axis cannot show 0.
        assertFalse(metrics.get(Metric.ACTIVE_USERS.ordinal()).get("log").asBoolean());
        // Raised is exact at 18 decimals; the chart cuts 1.123456789 DOWN to 8: 1.12345678.
        assertEquals(new BigDecimal("1.12345678"),
                metrics.get(Metric.RAISED_FLOCK.ordinal()).get("bands").get(0).get("p5").get(0).decimalValue());
        Bands flat = Bands.of(List.of(run(0, new BigDecimal("5"), 0)));
        JsonNode flatData = new ObjectMapper().readTree(BandsPage.data(List.of(new BandsPage.Series("b", flat)), 3));
        assertFalse(flatData.get("metrics").get(Metric.RAISED_FLOCK.ordinal()).get("log").asBoolean(), "no span");
    }

    /** The metrics a platform of several launches has no value for: they belong to each deployment. */
    static final java.util.Set<Metric> PER_DEPLOYMENT = java.util.EnumSet.of(Metric.POOL_PRICE, Metric.POOL_MT,
            Metric.MT_SUPPLY, Metric.MT_BURNED_TOTAL, Metric.STAKED_MT);

    /** {@link #run} without the per-deployment metrics on any day, as a platform's run has them. */
    static Run platformRun(int index, BigDecimal base) {
        List<DayMetrics> days = new java.util.ArrayList<>();
        for (DayMetrics d : run(index, base, 1).days()) {
            EnumMap<Metric, BigDecimal> v = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                if (!PER_DEPLOYMENT.contains(m)) {
                    d.value(m).ifPresent(x -> v.put(m, x));
                }
            }
            days.add(DayMetrics.of(d.day(), d.state(), v));
        }
        return new Run(index, ThreadLocalRandom.current().nextLong(), days);
    }

    @Test
    void aMetricNoRunHasGetsANoteInsteadOfAnEmptyChart() throws Exception {
        List<BandsPage.Series> series = List.of(new BandsPage.Series("all runs",
                Bands.of(List.of(platformRun(0, BigDecimal.ONE), platformRun(1, BigDecimal.TEN)))));
        JsonNode metrics = new ObjectMapper().readTree(BandsPage.data(series, 3)).get("metrics");
        String html = BandsPage.render("platform", "intro", series);
        for (Metric m : Metric.values()) {
            boolean none = PER_DEPLOYMENT.contains(m);
            assertEquals(none, metrics.get(m.ordinal()).get("empty").asBoolean(), m.name());
            assertEquals(!none, html.contains("<canvas id=\"chart-" + m.column() + "\">"), m.name());
        }
        assertEquals(PER_DEPLOYMENT.size(), html.split("No run has a value for this metric", -1).length - 1);
        // One series with a value is enough for a chart: a sweep's variant that has a pool draws it.
        List<BandsPage.Series> mixed = List.of(series.get(0), new BandsPage.Series("single",
                Bands.of(List.of(run(0, BigDecimal.ONE, 1)))));
        assertFalse(BandsPage.render("mixed", "intro", mixed).contains("No run has a value"));
    }

    @Test
    void seriesOfDifferentLengthsAreRefused() {
        Bands three = Bands.of(List.of(run(0, BigDecimal.ONE, 1)));
        Run shortRun = new Run(0, 1, List.of(run(0, BigDecimal.ONE, 1).days().get(0)));
        Bands one = Bands.of(List.of(shortRun));
        assertThrows(InvalidArgumentException.class, () -> BandsPage.render("t", "i",
                List.of(new BandsPage.Series("a", three), new BandsPage.Series("b", one))));
        assertThrows(InvalidArgumentException.class, () -> BandsPage.render("t", "i", List.of()));
        assertThrows(InvalidArgumentException.class, () -> Bands.of(List.of(run(0, BigDecimal.ONE, 1), shortRun)));
    }
}
