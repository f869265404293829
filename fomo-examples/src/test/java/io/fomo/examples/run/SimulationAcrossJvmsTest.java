package io.fomo.examples.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.report.DailyCsv;
import io.fomo.examples.report.HtmlReport;
import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.scenario.Scenario;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.contract.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same scenario and seed give the same CSV bytes, report bytes and state hash in every other JDK
 * ({@link TestEnvironment#otherJavas()}: those of {@code FOMO_OTHER_JDK}, else every one under /usr/lib/jvm;
 * on the project's machines OpenJDK 17 and Temurin 25), not only in this one.
 */
class SimulationAcrossJvmsTest {

    /** Runs whale-vs-users (random users and whales) for a few days and prints what must not vary. */
    public static void main(String[] args) throws Exception {
        System.out.println(fingerprint(Long.parseLong(args[0])));
    }

    static String fingerprint(long seed) throws NoSuchAlgorithmException {
        Scenario s = EngineScenarioRunnerTest.shipped("whale-vs-users").withDays(4).withSeed(seed);
        SimulationResult r = new EngineScenarioRunner().run(s, new InMemoryEventJournal(), ProgressListener.NONE);
        return sha256(DailyCsv.format(r.rows())) + " " + sha256(HtmlReport.render(s, r)) + " " + r.stateHash();
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String runIn(Path java, long seed) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dfomo.scenarios.dir=" + System.getProperty("fomo.scenarios.dir", "scenarios"),
                SimulationAcrossJvmsTest.class.getName(), Long.toString(seed)).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), java + " did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), java + ": " + out);
        String[] lines = out.split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void everyInstalledJdkWritesTheSameBytes() throws Exception {
        List<Path> others = TestEnvironment.otherJavas();
        if (others.isEmpty()) {
            TestEnvironment.unavailable("SimulationAcrossJvmsTest", "no JDK besides "
                    + System.getProperty("java.home") + " under " + TestEnvironment.JVM_FOLDER,
                    "install one, or name its home in FOMO_OTHER_JDK");
        }
        long seed = ThreadLocalRandom.current().nextLong();
        String expected = fingerprint(seed);
        for (Path java : others) {
            assertEquals(expected, runIn(java, seed), java + ", seed " + seed);
        }
    }
}
