package io.fomo.examples.cli;

import static io.fomo.examples.cli.SimulateCommandTest.fomo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fomo sweep} end to end: its tables, and what it refuses without writing anything. */
class SweepCommandTest {

    @TempDir
    Path tmp;

    private static final String QWEN = SimulateCommandTest.SCENARIOS.resolve("qwen-alice.json").toString();

    private static String seed() {
        String seed = Long.toString(ThreadLocalRandom.current().nextLong());
        System.out.println("SweepCommandTest seed = " + seed);
        return seed;
    }

    @Test
    void aTwoValueSweepWritesItsTableAndReport() throws Exception {
        Path out = tmp.resolve("sweep");
        SimulateCommandTest.Outcome o = fomo("sweep", QWEN, "--set", "launch.minTarget=300000,700000", "--runs", "2",
                "--days", "9", "--seed", seed(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(1 + 2 * 2 * 9, lines.size());
        assertTrue(lines.get(0).startsWith("variant,set:launch.minTarget,run,seed,day,state,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("0,300000,0,"), lines.get(1));
        assertTrue(lines.get(lines.size() - 1).startsWith("1,700000,1,"), lines.get(lines.size() - 1));
        String html = Files.readString(out.resolve("sweep.html"));
        assertTrue(html.contains("#0 launch.minTarget=300000") && html.contains("#1 launch.minTarget=700000"));
        assertTrue(o.out().contains("variant 1: launch.minTarget=700000"), o.out());
    }

    @Test
    void anUnknownPathWritesNothing() {
        Path out = tmp.resolve("never");
        SimulateCommandTest.Outcome o = fomo("sweep", QWEN, "--set", "launch.minTarge=1,2", "--out", out.toString());
        assertEquals(1, o.status());
        assertTrue(o.err().contains("$.launch.minTarge: unknown field \"minTarge\"; did you mean \"minTarget\"?"), o.err());
        assertFalse(Files.exists(out), "the out folder was not created");
    }

    @Test
    void aBadValueLeavesAnExistingFolderUnchanged() throws Exception {
        Path out = tmp.resolve("earlier");
        assertEquals(0, fomo("sweep", QWEN, "--set", "launch.poolFeeBps=30", "--days", "3", "--seed", seed(), "--out",
                out.toString()).status());
        List<String> before = listing(out);
        byte[] csv = Files.readAllBytes(out.resolve("sweep.csv"));
        SimulateCommandTest.Outcome o = fomo("sweep", QWEN, "--set", "launch.poolFeeBps=30,ten", "--days", "3", "--out",
                out.toString());
        assertEquals(1, o.status());
        assertTrue(o.err().contains("with --set launch.poolFeeBps=ten: $.launch.poolFeeBps:"), o.err());
        assertEquals(before, listing(out));
        assertTrue(java.util.Arrays.equals(csv, Files.readAllBytes(out.resolve("sweep.csv"))));
        SimulateCommandTest.Outcome past = fomo("sweep", QWEN, "--set", "stakers[99].mt=1", "--out", out.toString());
        assertEquals(1, past.status());
        assertTrue(past.err().contains("has 6 elements: there is no element [99]"), past.err());
        assertEquals(before, listing(out));
    }

    @Test
    void aMalformedSettingIsAUsageError() {
        Path out = tmp.resolve("never");
        assertEquals(2, fomo("sweep", QWEN, "--set", "launch..minTarget=1", "--out", out.toString()).status());
        assertEquals(2, fomo("sweep", QWEN, "--out", out.toString()).status());
        assertEquals(2, fomo("sweep", QWEN, "--set", "seed=1,2", "--seed", "3", "--out", out.toString()).status());
        assertFalse(Files.exists(out));
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName() + ":" + p.toFile().length()).sorted().toList();
        }
    }
}
