package io.fomo.examples.cli;

import static io.fomo.examples.cli.SimulateCommandTest.fomo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fomo simulate S --runs N [--threads T]} end to end. */
class MonteCarloCommandTest {

    @TempDir
    Path tmp;

    private static final String QWEN = SimulateCommandTest.SCENARIOS.resolve("qwen-alice.json").toString();

    @Test
    void oneThreadAndTwoThreadsWriteTheSameBytes() throws Exception {
        String seed = Long.toString(ThreadLocalRandom.current().nextLong());
        System.out.println("MonteCarloCommandTest seed = " + seed);
        Path a = tmp.resolve("one");
        Path b = tmp.resolve("two");
        SimulateCommandTest.Outcome one = fomo("simulate", QWEN, "--days", "10", "--seed", seed, "--runs", "4",
                "--threads", "1", "--out", a.toString());
        SimulateCommandTest.Outcome two = fomo("simulate", QWEN, "--days", "10", "--seed", seed, "--runs", "4",
                "--threads", "2", "--out", b.toString());
        assertEquals(0, one.status(), one.err());
        assertEquals(0, two.status(), two.err());
        assertArrayEquals(Files.readAllBytes(a.resolve("runs.csv")), Files.readAllBytes(b.resolve("runs.csv")));
        assertArrayEquals(Files.readAllBytes(a.resolve("runs.html")), Files.readAllBytes(b.resolve("runs.html")));
        List<String> lines = Files.readAllLines(a.resolve("runs.csv"));
        assertEquals(1 + 4 * 10, lines.size(), "a header, then runs × days");
        assertTrue(lines.get(0).startsWith("run,seed,day,state,flock_usd,raised_flock,pool_price_flock_per_mt,"),
                lines.get(0));
        assertTrue(one.out().contains("top10_reward_share"), one.out());
        assertFalse(Files.exists(a.resolve("journal.db")), "runs keep their journals in memory");
        assertFalse(Files.exists(a.resolve("daily.csv")));
    }

    @Test
    void theRunSeedInTheTableRepeatsTheRunAlone() throws Exception {
        String seed = Long.toString(ThreadLocalRandom.current().nextLong());
        System.out.println("MonteCarloCommandTest seed = " + seed);
        Path runs = tmp.resolve("runs");
        assertEquals(0, fomo("simulate", QWEN, "--days", "8", "--seed", seed, "--runs", "3", "--out", runs.toString())
                .status());
        List<String> lines = Files.readAllLines(runs.resolve("runs.csv"));
        String[] lastRun = lines.get(lines.size() - 1).split(",", -1);
        assertEquals("2", lastRun[0]);
        Path single = tmp.resolve("single");
        SimulateCommandTest.Outcome alone = fomo("simulate", QWEN, "--days", "8", "--seed", lastRun[1], "--journal",
                "memory", "--out", single.toString());
        assertEquals(0, alone.status(), alone.err());
        List<String> daily = Files.readAllLines(single.resolve("daily.csv"));
        List<String> header = List.of(daily.get(0).split(","));
        String[] day7 = daily.get(8).split(",", -1);
        List<String> runsHeader = List.of(lines.get(0).split(","));
        for (String column : List.of("state", "raised_flock", "mt_supply", "pool_flock", "flock_burned_total",
                "staked_mt", "top10_reward_share")) {
            assertEquals(day7[header.indexOf(column)], lastRun[runsHeader.indexOf(column)], column);
        }
    }

    @Test
    void optionsThatDoNotGoWithRunsAreUsageErrors() {
        Path out = tmp.resolve("x");
        assertEquals(2, fomo("simulate", QWEN, "--threads", "2", "--out", out.toString()).status());
        assertEquals(2, fomo("simulate", QWEN, "--runs", "2", "--journal", "memory", "--out", out.toString()).status());
        assertEquals(2, fomo("simulate", QWEN, "--runs", "0", "--out", out.toString()).status());
        assertEquals(2, fomo("simulate", QWEN, "--runs", "2", "--threads", "0", "--out", out.toString()).status());
        assertFalse(Files.exists(out));
    }
}
