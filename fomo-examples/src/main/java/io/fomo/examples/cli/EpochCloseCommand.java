package io.fomo.examples.cli;

import io.fomo.examples.terminal.TerminalText;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fomo.flink.EpochCloseInput;
import io.fomo.flink.EpochCloseOutput;
import io.fomo.flink.FlinkEpochClose;
import io.fomo.flink.LocalEpochClose;
import io.fomo.spi.InvalidArgumentException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fomo epoch-close --pairs FILE [--deployments FILE] [--engine local|flink] [--out DIR]}: closes one reward
 * epoch over (user, deployment) pairs read from CSV files (docs/scale.md), in this JVM with
 * {@code EpochDistributor} ({@code local}) or as the Apache Flink job on a MiniCluster bound to 127.0.0.1
 * ({@code flink}). Prints a JSON summary; with {@code --out}, writes {@code payouts.csv}, {@code users.csv},
 * {@code pools.csv} and {@code epoch.csv}. Both engines print and write the same bytes.
 *
 * <p>Exit status: 0 on success; 2 for a usage error (a malformed line, an undeclared or repeated deployment or
 * pair, a missing file); 1 when the job fails otherwise.
 */
@Command(name = "epoch-close", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Close one reward epoch over (user, deployment) pairs read from CSV files.",
            "Exit status: 0 ok, 1 the job failed, 2 usage error (bad file or line)."})
final class EpochCloseCommand implements Callable<Integer> {

    /** The engines. */
    enum Engine {
        /** EpochDistributor in this JVM. */
        local,
        /** The Flink job on a local MiniCluster. */
        flink
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--pairs", required = true, paramLabel = "<path>",
            description = "The pairs: a CSV file or a folder of them (deployment,user,spend,stake[,gm]).")
    private Path pairs;

    @Option(names = "--deployments", paramLabel = "<file>",
            description = "The deployments CSV (deployment,netRevenue,ageDays,flockIncentive,mtIncentive); "
                    + "without it each deployment's net revenue is its paid spend.")
    private Path deployments;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "<engine>",
            description = "local (EpochDistributor in this JVM) or flink (the Flink job on a local MiniCluster). "
                    + "Default: ${DEFAULT-VALUE}.")
    private Engine engine;

    @Option(names = "--from", defaultValue = "0", paramLabel = "<seconds>",
            description = "The epoch's start, seconds from the schedule's origin. Default: ${DEFAULT-VALUE}.")
    private long from;

    @Option(names = "--to", defaultValue = "86400", paramLabel = "<seconds>",
            description = "The epoch's end (exclusive). Default: ${DEFAULT-VALUE}.")
    private long to;

    @Option(names = "--alpha", defaultValue = "0.5", paramLabel = "<a>", description = "α. Default: ${DEFAULT-VALUE}.")
    private BigDecimal alpha;

    @Option(names = "--alpha-incentive", defaultValue = "0.5", paramLabel = "<a>",
            description = "α_i. Default: ${DEFAULT-VALUE}.")
    private BigDecimal alphaIncentive;

    @Option(names = "--parallelism", defaultValue = "2", paramLabel = "<n>",
            description = "The Flink engine's parallelism. Default: ${DEFAULT-VALUE}.")
    private int parallelism;

    @Option(names = "--out", paramLabel = "<dir>", description = "Where to write the four CSV files.")
    private Path out;

    @Override
    public Integer call() {
        EpochCloseInput input;
        try {
            requireFile("--pairs", pairs);
            if (deployments != null) {
                requireFile("--deployments", deployments);
            }
            input = EpochCloseInput.of(pairs.toString(), deployments == null ? null : deployments.toString(), from, to)
                    .withAlphas(alpha, alphaIncentive);
        } catch (InvalidArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        EpochCloseOutput result;
        try {
            result = engine == Engine.local ? LocalEpochClose.run(input) : FlinkEpochClose.runLocal(input, parallelism);
        } catch (Exception e) {
            InvalidArgumentException bad = invalid(e);
            if (bad != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage());
            }
            return failed(e);
        }
        try {
            if (out != null) {
                result.writeTo(out);
            }
            PrintWriter w = spec.commandLine().getOut();
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary(result)));
            w.flush();
            return 0;
        } catch (IOException e) {
            return failed(e);
        }
    }

    private void requireFile(String option, Path p) {
        if (!Files.exists(p)) {
            throw InvalidArgumentException.of(option, p, "does not exist");
        }
    }

    /** The core's validation error behind a job failure, if that is what failed it. */
    private static InvalidArgumentException invalid(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InvalidArgumentException e) {
                return e;
            }
        }
        return null;
    }

    private static ObjectNode summary(EpochCloseOutput r) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("from", r.from());
        n.put("to", r.to());
        n.put("alpha", r.alpha().toPlainString());
        n.put("alphaIncentive", r.alphaIncentive().toPlainString());
        n.put("pairs", r.payouts().size());
        n.put("users", r.users().size());
        n.put("pools", r.pools().size());
        // Amounts as strings of base units: exact, whatever their size.
        n.put("scheduledUnits", r.scheduled().toString());
        n.put("totalFlockPaidUnits", r.totalFlockPaid().toString());
        n.put("splitDustUnits", r.splitDust().toString());
        n.put("unassignedUnits", r.unassigned().toString());
        n.put("returnedToReserveUnits", r.returnedToReserve().toString());
        return n;
    }

    private int failed(Exception e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("epoch close failed: " + TerminalText.escape(e));
        err.flush();
        return 1;
    }
}
