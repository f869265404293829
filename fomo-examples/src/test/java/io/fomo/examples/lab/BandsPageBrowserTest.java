package io.fomo.examples.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.scenario.Scenario;
import io.fomo.spi.contract.TestEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the bands page of Monte Carlo runs and of a sweep in headless Chromium (Debian's {@code chromium})
 * and checks that Chart.js drew one chart per metric. Outside CI a missing browser skips the test; in CI
 * ({@code CI=true}) it fails it.
 */
class BandsPageBrowserTest {

    @TempDir
    Path tmp;

    private static Path chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        TestEnvironment.unavailable("BandsPageBrowserTest", "no chromium, chromium-browser or google-chrome on the PATH",
                "apt-get install -y chromium");
        throw new AssertionError("unreachable");
    }

    private String body(Path page) throws IOException, InterruptedException {
        Path browser = chromium();
        Path out = tmp.resolve(page.getFileName() + ".dom");
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + tmp.resolve("profile-" + page.getFileName()),
                "--window-size=1200,2000", "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        Matcher m = Pattern.compile("<body[^>]*>").matcher(Files.readString(out, StandardCharsets.UTF_8));
        return m.find() ? m.group() : "(no body)";
    }

    @Test
    void theMonteCarloPageDrawsOneChartPerMetric() throws Exception {
        Scenario s = MonteCarloTest.shortQwen(10);
        Bands bands = Bands.of(MonteCarlo.run(s, 3, 2));
        Path page = tmp.resolve("runs.html");
        Files.writeString(page, BandsPage.render("runs <&> test", "intro", List.of(new BandsPage.Series("all runs",
                bands))));
        String body = body(page);
        assertTrue(body.contains("data-rendered=\"true\""), body);
        assertTrue(body.contains("data-charts=\"" + Metric.values().length + "\""), body);
        assertEquals(19, BandsPage.CHARTS);
    }

    @Test
    void aPageWithoutPoolMetricsDrawsTheOthersAndNotesTheRest() throws Exception {
        Path page = tmp.resolve("platform.html");
        Files.writeString(page, BandsPage.render("platform", "intro", List.of(new BandsPage.Series("all runs",
                Bands.of(List.of(BandsPageTest.platformRun(0, java.math.BigDecimal.ONE),
                        BandsPageTest.platformRun(1, java.math.BigDecimal.TEN)))))));
        String body = body(page);
        assertTrue(body.contains("data-rendered=\"true\""), body);
        int charts = Metric.values().length - BandsPageTest.PER_DEPLOYMENT.size();
        assertTrue(body.contains("data-charts=\"" + charts + "\""), body);
    }

    @Test
    void aSweepPageWithTwoVariantsDraws() throws Exception {
        Scenario s = MonteCarloTest.shortQwen(4);
        Bands a = Bands.of(MonteCarlo.run(s, 2, 2));
        Bands b = Bands.of(MonteCarlo.run(s.withSeed(s.seed() + 1), 2, 2));
        Path page = tmp.resolve("sweep.html");
        String html = BandsPage.render("sweep", "intro", List.of(new BandsPage.Series("#0 x=</script>", a),
                new BandsPage.Series("#1 x=2", b)));
        assertFalse(html.contains("#0 x=</script>"), "a label cannot end the data's script element");
        Files.writeString(page, html);
        String body = body(page);
        assertTrue(body.contains("data-rendered=\"true\""), body);
    }
}
