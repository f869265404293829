package io.fomo.flink;

import io.fomo.core.rewards.CarryOver;
import io.fomo.core.rewards.EpochDistributor;
import io.fomo.core.rewards.EpochUsage;
import io.fomo.flink.internal.DeploymentRow;
import io.fomo.flink.internal.EpochCsv;
import io.fomo.flink.internal.PairRow;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The epoch close of the same files in one JVM, with {@link EpochDistributor#close}: the reference the Flink
 * job must equal, and the {@code local} engine of {@code fomo epoch-close}. Reads local files only.
 *
 * <p>This class is thread-safe; it has no state.
 */
public final class LocalEpochClose {

    private LocalEpochClose() {
    }

    /**
     * Closes the epoch.
     *
     * @param input what to read
     * @return the outcome
     * @throws IOException                             if a file cannot be read
     * @throws io.fomo.spi.InvalidArgumentException if a line is malformed, a pair names an undeclared deployment
     *                                                 or a pair or deployment is listed twice
     */
    public static EpochCloseOutput run(EpochCloseInput input) throws IOException {
        Objects.requireNonNull(input, "input");
        return EpochCloseOutput.of(EpochDistributor.close(input.rewardParams(), CarryOver.empty(Asset.FLOCK),
                usage(input), input.from(), input.to()));
    }

    /**
     * Reads the files into an epoch's activity, as the job reads them.
     *
     * @param input what to read
     * @return the epoch's activity
     * @throws IOException if a file cannot be read
     */
    public static EpochUsage usage(EpochCloseInput input) throws IOException {
        List<PairRow> pairs = new ArrayList<>();
        lines(Path.of(input.pairs()), line -> {
            PairRow p = EpochCsv.parsePair(line);
            if (p != null) {
                pairs.add(p);
            }
        });
        EpochUsage.Builder b = EpochUsage.builder(Asset.USD, Asset.FLOCK);
        if (input.deployments() != null) {
            lines(Path.of(input.deployments()), line -> {
                DeploymentRow d = EpochCsv.parseDeployment(line);
                if (d != null) {
                    DeploymentId id = DeploymentId.of(d.deployment);
                    b.deployment(id, Amount.ofUnits(Asset.USD, d.netRevenue), d.ageDays,
                            Amount.ofUnits(Asset.FLOCK, d.flockIncentive),
                            Amount.ofUnits(Asset.modelToken(id), d.mtIncentive));
                }
            });
        } else {
            // Net revenue is the paid spend; age 0, no incentive budgets.
            Map<String, BigInteger> spend = new TreeMap<>();
            for (PairRow p : pairs) {
                spend.merge(p.deployment, p.spend, BigInteger::add);
            }
            for (Map.Entry<String, BigInteger> e : spend.entrySet()) {
                b.deployment(DeploymentId.of(e.getKey()), Amount.ofUnits(Asset.USD, e.getValue()));
            }
        }
        for (PairRow p : pairs) {
            DeploymentId id = DeploymentId.of(p.deployment);
            b.usage(id, AccountId.of(p.user), Amount.ofUnits(Asset.USD, p.spend),
                    Amount.ofUnits(Asset.modelToken(id), p.stake), new BigDecimal(p.gm));
        }
        return b.build();
    }

    /** Every line of a file, or of every regular file of a folder in name order (as Flink reads a folder). */
    private static void lines(Path path, Consumer<String> sink) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(Files::isRegularFile).filter(f -> !hidden(f)).sorted().forEach(files::add);
            }
        } else {
            files.add(path);
        }
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                r.lines().forEach(sink);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** Flink's file source skips files whose name starts with '.' or '_'. */
    private static boolean hidden(Path f) {
        String n = f.getFileName().toString();
        return n.startsWith(".") || n.startsWith("_");
    }
}
