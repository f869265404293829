package io.fomo.spi.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * What the tests that need something outside the JVM (a browser, a second JDK) do when it is missing:
 * they never skip silently. Outside CI the test is skipped and says why in the build output; in CI
 * ({@code CI=true}) it fails, because .ci/run installs what every test needs.
 */
public final class TestEnvironment {

    /** The folder the cross-JVM tests look for other JDKs in when {@code FOMO_OTHER_JDK} is not set. */
    public static final Path JVM_FOLDER = Path.of("/usr/lib/jvm");

    private TestEnvironment() {
    }

    /**
     * Ends a test that cannot run on this machine: prints {@code SKIPPED test: reason (hint)} and aborts
     * it, or, in CI, fails it with the same words.
     *
     * @param test   the test, as a reader of the build output would look it up
     * @param reason what is missing
     * @param hint   how to provide it
     * @throws TestAbortedException outside CI
     * @throws AssertionError       in CI
     */
    public static void unavailable(String test, String reason, String hint) {
        String message = test + ": " + reason + " (" + hint + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and a test cannot run: " + message);
        }
        System.out.println("SKIPPED " + message);
        throw new TestAbortedException(message);
    }

    /**
     * The {@code java} launchers of the JDKs other than the running one that the cross-JVM tests compare
     * against: those named by {@code FOMO_OTHER_JDK} (JDK homes separated by {@code :}; each must hold
     * an executable {@code bin/java}), else every JDK under {@link #JVM_FOLDER}.
     *
     * @return the launchers, without the running JDK and without duplicates; may be empty
     * @throws AssertionError if {@code FOMO_OTHER_JDK} names a folder without an executable bin/java
     */
    public static List<Path> otherJavas() {
        Path self = real(Path.of(System.getProperty("java.home")));
        List<Path> homes = new ArrayList<>();
        String named = System.getenv("FOMO_OTHER_JDK");
        if (named != null && !named.isBlank()) {
            for (String home : named.strip().split(":")) {
                Path java = Path.of(home, "bin", "java");
                if (!Files.isExecutable(java)) {
                    throw new AssertionError("FOMO_OTHER_JDK names " + home + ", which has no executable bin/java");
                }
                homes.add(Path.of(home));
            }
        } else if (Files.isDirectory(JVM_FOLDER)) {
            try (Stream<Path> s = Files.list(JVM_FOLDER)) {
                s.sorted().forEach(homes::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Path> javas = new ArrayList<>();
        for (Path home : homes) {
            Path java = home.resolve("bin").resolve("java");
            if (Files.isExecutable(java) && !real(home).equals(self)
                    && javas.stream().noneMatch(o -> real(o).equals(real(java)))) {
                javas.add(java);
            }
        }
        return javas;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
