package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.contract.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The state hash of the same command script is identical in this JVM, in a fresh JVM of the same
 * version, and in every other JDK ({@link TestEnvironment#otherJavas()}: those of {@code FOMO_OTHER_JDK},
 * else every one under /usr/lib/jvm; on the project's machines OpenJDK 17 and Temurin 25).
 */
class HashAcrossJvmsTest {

    /** Runs the scripted protocol and prints its state hash; the entry point of the child JVMs. */
    public static void main(String[] args) {
        System.out.println(script().protocol.stateHash());
    }

    static EngineFixture script() {
        EngineFixture f = new EngineFixture().graduated().oneEpoch();
        f.run(new Command.ClaimRewards(EngineFixture.CAROL));
        return f;
    }

    private static String runIn(Path java) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HashAcrossJvmsTest.class.getName()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), java + " did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), java + ": " + out);
        String[] lines = out.split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void aFreshJvmComputesTheSameHash() throws Exception {
        Path self = Path.of(System.getProperty("java.home"), "bin", "java");
        assertEquals(script().protocol.stateHash(), runIn(self));
    }

    @Test
    void everyInstalledJdkComputesTheSameHash() throws Exception {
        List<Path> others = TestEnvironment.otherJavas();
        if (others.isEmpty()) {
            TestEnvironment.unavailable("HashAcrossJvmsTest", "no JDK besides " + System.getProperty("java.home")
                    + " under " + TestEnvironment.JVM_FOLDER, "install one, or name its home in FOMO_OTHER_JDK");
        }
        String expected = script().protocol.stateHash();
        for (Path java : others) {
            assertEquals(expected, runIn(java), java.toString());
        }
    }
}
