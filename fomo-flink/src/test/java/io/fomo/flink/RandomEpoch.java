package io.fomo.flink;

import io.fomo.core.rewards.EpochUsage;
import io.fomo.flink.internal.EpochCsv;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A random epoch drawn from a seed: deployments (some declared without pairs, one whose pairs paid nothing)
 * and (user, deployment) pairs, written as the job's CSV files and built as an {@link EpochUsage} directly,
 * without the CSV reader, for the reference close.
 */
final class RandomEpoch {

    final long seed;
    final int deployments;
    final BigInteger[] net;
    final long[] age;
    final BigInteger[] flockIncentive;
    final BigInteger[] mtIncentive;
    final int[] pairDep;
    final int[] pairUser;
    final BigInteger[] spend;
    final BigInteger[] stake;
    final BigDecimal[] gm;

    RandomEpoch(long seed, int pairs) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        deployments = Math.max(3, pairs / 1_000);
        // enough users that every pair finds a free (deployment, user) slot quickly
        int users = Math.max(pairs / 5, 2 * pairs / (deployments - 1) + 1);
        net = new BigInteger[deployments];
        age = new long[deployments];
        flockIncentive = new BigInteger[deployments];
        mtIncentive = new BigInteger[deployments];
        for (int d = 0; d < deployments; d++) {
            net[d] = r.nextInt(10) == 0 ? BigInteger.ZERO : BigInteger.valueOf(r.nextLong(1, 1_000_000_000_000L));
            age[d] = r.nextLong(0, 400);
            flockIncentive[d] = r.nextInt(4) == 0 ? BigInteger.ZERO : units(r, 24);
            mtIncentive[d] = r.nextInt(4) == 0 ? BigInteger.ZERO : units(r, 26);
        }
        pairDep = new int[pairs];
        pairUser = new int[pairs];
        spend = new BigInteger[pairs];
        stake = new BigInteger[pairs];
        gm = new BigDecimal[pairs];
        Set<Long> seen = new HashSet<>();
        // deployment 0 takes no pair; deployment 1's pairs pay nothing (the usage gate)
        for (int i = 0; i < pairs; i++) {
            int d;
            int u;
            do {
                d = 1 + r.nextInt(deployments - 1);
                u = r.nextInt(users);
            } while (!seen.add((long) d * users + u));
            pairDep[i] = d;
            pairUser[i] = u;
            spend[i] = d == 1 || r.nextInt(20) == 0 ? BigInteger.ZERO : BigInteger.valueOf(r.nextLong(1, 1_000_000_000L));
            stake[i] = r.nextBoolean() ? BigInteger.ZERO : units(r, 24);
            gm[i] = r.nextInt(3) == 0 ? BigDecimal.valueOf(r.nextLong(0, 100_000_000L), 4) : BigDecimal.ZERO;
        }
    }

    private static BigInteger units(SplittableRandom r, int maxDigits) {
        int digits = 1 + r.nextInt(maxDigits);
        StringBuilder sb = new StringBuilder();
        sb.append(1 + r.nextInt(9));
        for (int k = 1; k < digits; k++) {
            sb.append(r.nextInt(10));
        }
        return new BigInteger(sb.toString());
    }

    static DeploymentId dep(int d) {
        return DeploymentId.of("model-" + d);
    }

    static AccountId user(int u) {
        return AccountId.of("user-" + u);
    }

    /** Writes the pairs into {@code parts} files of a folder, each with a header, and the deployments file. */
    void write(Path pairsDir, Path deploymentsFile, int parts) throws IOException {
        Files.createDirectories(pairsDir);
        Writer[] w = new Writer[parts];
        for (int k = 0; k < parts; k++) {
            w[k] = Files.newBufferedWriter(pairsDir.resolve("part-" + k + ".csv"), StandardCharsets.UTF_8);
            w[k].write(EpochCsv.PAIRS_HEADER + "\n# seed " + seed + "\n");
        }
        for (int i = 0; i < pairDep.length; i++) {
            w[i % parts].write(dep(pairDep[i]) + "," + user(pairUser[i]) + "," + spend[i] + "," + stake[i] + ","
                    + (gm[i].signum() == 0 ? "" : gm[i].toPlainString()) + "\n");
        }
        for (Writer x : w) {
            x.close();
        }
        if (deploymentsFile != null) {
            try (Writer x = Files.newBufferedWriter(deploymentsFile, StandardCharsets.UTF_8)) {
                x.write(EpochCsv.DEPLOYMENTS_HEADER + "\n");
                for (int d = deployments - 1; d >= 0; d--) {
                    x.write(dep(d) + "," + net[d] + "," + age[d] + "," + flockIncentive[d] + "," + mtIncentive[d] + "\n");
                }
            }
        }
    }

    /** The same epoch as the SDK's activity; {@code declared} as with the deployments file. */
    EpochUsage usage(boolean declared) {
        EpochUsage.Builder b = EpochUsage.builder(Asset.USD, Asset.FLOCK);
        if (declared) {
            for (int d = 0; d < deployments; d++) {
                b.deployment(dep(d), Amount.ofUnits(Asset.USD, net[d]), age[d], Amount.ofUnits(Asset.FLOCK, flockIncentive[d]),
                        Amount.ofUnits(Asset.modelToken(dep(d)), mtIncentive[d]));
            }
        } else {
            BigInteger[] paid = new BigInteger[deployments];
            boolean[] has = new boolean[deployments];
            java.util.Arrays.fill(paid, BigInteger.ZERO);
            for (int i = 0; i < pairDep.length; i++) {
                paid[pairDep[i]] = paid[pairDep[i]].add(spend[i]);
                has[pairDep[i]] = true;
            }
            for (int d = 0; d < deployments; d++) {
                if (has[d]) {
                    b.deployment(dep(d), Amount.ofUnits(Asset.USD, paid[d]));
                }
            }
        }
        for (int i = 0; i < pairDep.length; i++) {
            b.usage(dep(pairDep[i]), user(pairUser[i]), Amount.ofUnits(Asset.USD, spend[i]),
                    Amount.ofUnits(Asset.modelToken(dep(pairDep[i])), stake[i]), gm[i]);
        }
        return b.build();
    }
}
