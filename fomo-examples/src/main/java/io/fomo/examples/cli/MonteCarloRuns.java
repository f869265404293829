package io.fomo.examples.cli;

import io.fomo.examples.lab.Band;
import io.fomo.examples.lab.Bands;
import io.fomo.examples.lab.BandsPage;
import io.fomo.examples.lab.Metric;
import io.fomo.examples.lab.MonteCarlo;
import io.fomo.examples.lab.Run;
import io.fomo.examples.lab.RunsCsv;
import io.fomo.examples.scenario.Scenario;
import io.fomo.spi.FomoException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * {@code fomo simulate S --runs N [--threads T]}: the Monte Carlo part of the simulate command. Runs the
 * scenario N times with derived seeds ({@link io.fomo.examples.lab.RunSeeds}) and writes {@value #CSV} and
 * {@value #REPORT} to the output folder (default {@code out/<scenario name>-runs}); nothing else, no journal.
 */
final class MonteCarloRuns {

    /** The runs table's name in the output folder. */
    static final String CSV = "runs.csv";
    /** The bands report's name in the output folder. */
    static final String REPORT = "runs.html";

    private MonteCarloRuns() {
    }

    /**
     * Refuses options that do not go together, before anything is read.
     *
     * @throws CommandLine.ParameterException for bad usage (exit status 2)
     */
    static void checkUsage(CommandLine cmd, Integer runs, Integer threads, String journal, String chain) {
        if (runs == null) {
            if (threads != null) {
                throw new CommandLine.ParameterException(cmd, "--threads goes with --runs");
            }
            return;
        }
        if (runs < 1 || runs > MonteCarlo.MAX_RUNS) {
            throw new CommandLine.ParameterException(cmd, "--runs = " + runs + ": must be from 1 to " + MonteCarlo.MAX_RUNS);
        }
        checkThreads(cmd, threads);
        if (journal != null || chain != null) {
            throw new CommandLine.ParameterException(cmd, "--runs keeps each run's journal in memory: it does not go "
                    + "with " + (journal != null ? "--journal" : "--chain"));
        }
    }

    static void checkThreads(CommandLine cmd, Integer threads) {
        if (threads != null && (threads < 1 || threads > MonteCarlo.MAX_THREADS)) {
            throw new CommandLine.ParameterException(cmd, "--threads = " + threads + ": must be from 1 to "
                    + MonteCarlo.MAX_THREADS);
        }
    }

    /**
     * Runs and writes; returns the exit status.
     *
     * @param scenario a validated scenario, after --seed and --days
     */
    static int run(Scenario scenario, int runs, Integer threads, Path out, PrintWriter stdout, PrintWriter stderr) {
        int t = threads != null ? threads : MonteCarlo.defaultThreads();
        Path dir = out != null ? out : Path.of("out", scenario.name() + "-runs");
        try (OutputFolder folder = OutputFolder.claim(dir, Set.of(CSV, REPORT))) {
            List<Run> results = MonteCarlo.run(scenario, runs, t);
            Bands bands = Bands.of(results);
            String intro = runs + " runs of " + scenario.days() + " days of the scenario " + scenario.name() + " (scenario seed "
                    + scenario.seed() + "; run i uses the first 8 bytes of SHA-256(seed, i) as its seed). Bands: p5, "
                    + "p50 and p95 across the runs by the nearest-rank method on the exact values.";
            folder.write(CSV, RunsCsv.format(results).getBytes(StandardCharsets.UTF_8));
            folder.write(REPORT, BandsPage.render("FOMO Monte Carlo: " + scenario.name(), intro,
                    List.of(new BandsPage.Series("all runs", bands))).getBytes(StandardCharsets.UTF_8));
            stdout.print(lastDay(bands));
            stdout.println();
            stdout.println("runs:    " + runs + " (threads: " + t + ")");
            stdout.println("table:   " + dir.resolve(CSV));
            stdout.println("report:  " + dir.resolve(REPORT));
            stdout.flush();
            return 0;
        } catch (OutputFolder.RefusedException e) {
            return error(stderr, "--out " + e.getMessage());
        } catch (FomoException | IOException | java.io.UncheckedIOException e) {
            return error(stderr, "the simulation failed: " + e.getMessage());
        }
    }

    /** The last day's p5 / p50 / p95 of every metric, one line each. */
    static String lastDay(Bands bands) {
        int last = bands.days() - 1;
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%-26s %s%n", "day " + last,
                "p5 / p50 / p95 (nearest rank)"));
        for (Metric m : Metric.values()) {
            Optional<Band> x = bands.band(m, last);
            b.append(String.format(java.util.Locale.ROOT, "%-26s %s%n", m.column(), x.map(v -> v.p5().toPlainString()
                    + " / " + v.p50().toPlainString() + " / " + v.p95().toPlainString()).orElse("none")));
        }
        return b.toString();
    }

    static int error(PrintWriter stderr, String message) {
        stderr.println("error: " + message);
        stderr.flush();
        return 1;
    }
}
