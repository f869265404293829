package io.fomo.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a random epoch as the files of {@code fomo epoch-close} and the Flink job (docs/scale.md), for the
 * scale measurements of {@code benchmarks/flink-scale.sh}: {@code pairs.csv} and {@code deployments.csv}
 * in a folder. The shape is {@code EpochBenchmark}'s: one deployment per 1,000 pairs, one user per 5 pairs,
 * spend log-uniform from 0.01 to 1,000 USD (5% of pairs stakers without spend), stake on half the pairs,
 * log-uniform from 10^-6 to 10^5 MT, incentive budgets on every deployment. The seed is drawn at run time and
 * printed.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.fomo.benchmarks.EpochPairsFile 1000000 DIR}.
 */
public final class EpochPairsFile {

    private EpochPairsFile() {
    }

    /**
     * Writes the files.
     *
     * @param args the number of pairs and the folder
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: EpochPairsFile <pairs> <dir>");
        }
        int pairs = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        SplittableRandom r = Seeds.fresh("EpochPairsFile(" + pairs + ")");
        int dn = Math.max(1, pairs / 1_000);
        int users = Math.max(1, pairs / 5);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("deployments.csv"), StandardCharsets.UTF_8)) {
            w.write("deployment,netRevenue,ageDays,flockIncentive,mtIncentive\n");
            for (int d = 0; d < dn; d++) {
                // net revenue 1 to 10^6 USD (6 decimals); incentives 1 to 1,000 tokens (18 decimals)
                w.write("model-" + d + "," + r.nextLong(1_000_000L, 1_000_000_000_000L) + "," + r.nextInt(400) + ","
                        + r.nextLong(1, 1_000) + "000000000000000000," + r.nextLong(1, 1_000) + "000000000000000000\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("pairs.csv"), StandardCharsets.UTF_8)) {
            w.write("deployment,user,spend,stake,gm\n");
            int p = 0;
            for (int d = 0; d < dn; d++) {
                int n = d == dn - 1 ? pairs - p : pairs / dn;
                // n distinct users on this deployment: a random start and an odd stride modulo the user count
                int start = r.nextInt(users);
                int stride = 1 + 2 * r.nextInt(Math.max(1, users / 2));
                while (gcd(stride, users) != 1) {
                    stride += 2;
                }
                for (int k = 0; k < n; k++) {
                    int u = (int) ((start + (long) k * stride) % users);
                    long spend = r.nextInt(20) == 0 ? 0 : logUniform(r, 10_000L, 1_000_000_000L);
                    String stake = r.nextBoolean() ? "0" : logUniform(r, 1L, 100_000_000_000L) + "000000000";
                    w.write("model-" + d + ",user-" + u + "," + spend + "," + stake + ",\n");
                }
                p += n;
            }
        }
        System.out.println("wrote " + pairs + " pairs on " + dn + " deployments to " + dir);
    }

    private static long logUniform(SplittableRandom r, long lo, long hi) {
        double x = Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo));
        return Math.max(lo, Math.min(hi, (long) Math.exp(x)));
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
