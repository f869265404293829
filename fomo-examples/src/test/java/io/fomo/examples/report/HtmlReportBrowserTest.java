package io.fomo.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.contract.TestEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report in headless Chromium (Debian's {@code chromium} package) and checks that Chart.js drew
 * every chart: the page marks {@code <body>} with {@code data-rendered="true"} and the number of charts.
 * Outside CI a missing browser skips the test; in CI ({@code CI=true}) it fails it.
 */
class HtmlReportBrowserTest {

    @TempDir
    Path tmp;

    static Optional<Path> chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the DOM after the page's scripts ran. */
    static String dumpDom(Path browser, Path page, Path profile) throws IOException, InterruptedException {
        Path out = profile.resolveSibling("dom.html");
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1200,2000",
                "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    static String body(String dom) {
        Matcher m = Pattern.compile("<body[^>]*>").matcher(dom);
        return m.find() ? m.group() : "(no body in: " + dom.substring(0, Math.min(200, dom.length())) + ")";
    }

    static Path requireChromium() {
        Optional<Path> browser = chromium();
        if (browser.isEmpty()) {
            TestEnvironment.unavailable("HtmlReportBrowserTest", "no chromium, chromium-browser or google-chrome "
                    + "on the PATH", "apt-get install -y chromium");
        }
        return browser.get();
    }

    @Test
    void chartJsDrawsEveryChartInARealBrowser() throws IOException, InterruptedException {
        Path browser = requireChromium();
        Path page = tmp.resolve("report.html");
        HtmlReport.write(page, SampleRun.SCENARIO, SampleRun.result());
        String body = body(dumpDom(browser, page, tmp.resolve("profile")));
        assertTrue(body.contains("data-rendered=\"true\""), body);
        assertTrue(body.contains("data-charts=\"" + HtmlReport.charts(SampleRun.result()) + "\""), body);
        assertEquals(16, HtmlReport.charts(SampleRun.result()));
    }

    @Test
    void aRunWithoutPoolOrRewardsStillDraws() throws IOException, InterruptedException {
        Path browser = requireChromium();
        Path page = tmp.resolve("empty.html");
        SimulationResult raiseOnly = new SimulationResult(SampleRun.rows().subList(0, 2), java.util.Map.of(), 3,
                SampleRun.HASH);
        HtmlReport.write(page, SampleRun.SCENARIO, raiseOnly);
        String body = body(dumpDom(browser, page, tmp.resolve("profile")));
        assertTrue(body.contains("data-rendered=\"true\""), body);
    }
}
