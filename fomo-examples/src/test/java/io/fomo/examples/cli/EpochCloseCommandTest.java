package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fomo epoch-close}: both engines print and write the same bytes on random pairs. */
class EpochCloseCommandTest {

    @TempDir
    Path dir;

    /** Runs the CLI; returns {exit status, stdout, stderr}. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = FomoCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    @Test
    void localAndFlinkEnginesGiveTheSameBytes() throws Exception {
        long seed = new SecureRandom().nextLong();
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder pairs = new StringBuilder("deployment,user,spend,stake,gm\n");
        StringBuilder deps = new StringBuilder("deployment,netRevenue,ageDays,flockIncentive,mtIncentive\n");
        int dn = 12;
        for (int d = 0; d < dn; d++) {
            deps.append("m").append(d).append(',').append(r.nextLong(0, 1_000_000_000L)).append(',')
                    .append(r.nextInt(100)).append(',').append(r.nextLong(0, Long.MAX_VALUE)).append(',')
                    .append(r.nextLong(0, Long.MAX_VALUE)).append('\n');
            for (int u = 0; u < 200; u++) {
                if (r.nextInt(3) == 0) {
                    pairs.append("m").append(d).append(",u").append(u).append(',').append(r.nextLong(0, 1_000_000_000L))
                            .append(',').append(r.nextBoolean() ? 0 : r.nextLong(0, Long.MAX_VALUE)).append(",\n");
                }
            }
        }
        Path p = dir.resolve("pairs.csv");
        Path d = dir.resolve("deployments.csv");
        Files.writeString(p, pairs, StandardCharsets.UTF_8);
        Files.writeString(d, deps, StandardCharsets.UTF_8);
        String[] local = run("epoch-close", "--pairs", p.toString(), "--deployments", d.toString(), "--engine", "local",
                "--alpha", "0.3", "--alpha-incentive", "0.7", "--out", dir.resolve("local").toString());
        String[] flink = run("epoch-close", "--pairs", p.toString(), "--deployments", d.toString(), "--engine", "flink",
                "--alpha", "0.3", "--alpha-incentive", "0.7", "--out", dir.resolve("flink").toString());
        String ctx = "seed=" + seed + " local stderr=" + local[2] + " flink stderr=" + flink[2];
        assertEquals("0", local[0], ctx);
        assertEquals("0", flink[0], ctx);
        assertTrue(local[1].contains("\"returnedToReserveUnits\""), local[1]);
        assertEquals(local[1], flink[1], ctx);
        for (String f : new String[] {"payouts.csv", "users.csv", "pools.csv", "epoch.csv"}) {
            byte[] a = Files.readAllBytes(dir.resolve("local").resolve(f));
            byte[] b = Files.readAllBytes(dir.resolve("flink").resolve(f));
            assertTrue(a.length > 20, f);
            assertArrayEquals(a, b, ctx + " " + f);
        }
        assertEquals(dn * 3 + 1, Files.readAllLines(dir.resolve("flink").resolve("pools.csv")).size());
    }

    @Test
    void aMalformedLineIsAUsageErrorNamingTheLine() throws Exception {
        Path p = dir.resolve("pairs.csv");
        Files.writeString(p, "m1,u1,-5,0\n", StandardCharsets.UTF_8);
        String[] local = run("epoch-close", "--pairs", p.toString());
        assertEquals("2", local[0]);
        assertTrue(local[2].contains("m1,u1,-5,0") && local[2].contains("spend"), local[2]);
        String[] missing = run("epoch-close", "--pairs", dir.resolve("absent.csv").toString());
        assertEquals("2", missing[0]);
        assertTrue(missing[2].contains("--pairs"), missing[2]);
    }
}
