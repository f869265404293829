package io.fomo.examples.cli;

import io.fomo.examples.lab.Bands;
import io.fomo.examples.lab.BandsPage;
import io.fomo.examples.lab.EngineSeam;
import io.fomo.examples.lab.MonteCarlo;
import io.fomo.examples.lab.Sweep;
import io.fomo.examples.lab.SweepCsv;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioException;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidArgumentException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fomo sweep <scenario.json> --set PATH=V1,V2,... [--set ...] [--runs N]}: runs the grid of variants of
 * a scenario ({@link Sweep}) and writes {@value #CSV} and {@value #REPORT} (one band per variant for each
 * metric). Every variant is parsed and checked before anything runs: an unknown path or a bad value writes
 * nothing.
 *
 * <p>Exit status: 0 on success, 1 for an invalid scenario or variant or a failed run, 2 for bad usage.
 */
@Command(name = "sweep", sortOptions = false,
        description = {"Run the grid of variants of a scenario (every combination of the --set values), each "
                + "--runs times with derived seeds, and write sweep.csv and sweep.html.",
            "PATH is a JSON path of the scenario (launch.minTarget, $.supporters.count, stakers[0].mt). "
                + "Every variant is checked before anything runs. Docs: docs/scenarios.md."})
final class SweepCommand implements Callable<Integer> {

    /** The sweep's table in the output folder. */
    static final String CSV = "sweep.csv";
    /** The comparison report in the output folder. */
    static final String REPORT = "sweep.html";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<scenario.json>", description = "The scenario file.")
    private Path scenarioFile;

    @Option(names = "--set", required = true, paramLabel = "PATH=V1,V2,...",
            description = "A path of the scenario and the values it takes; repeat for a grid (the last --set varies "
                    + "fastest). A value in double quotes is a string.")
    private List<String> sets;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1",
            description = "Runs per variant, with seeds derived from the scenario's seed (default: 1).")
    private int runs;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: the available processors). "
            + "The outputs do not depend on it.")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "The output folder. Default: out/<scenario name>-sweep.")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed in every variant.")
    private Long seed;

    @Option(names = "--days", paramLabel = "N", description = "Overrides the number of days in every variant (1 to 3650).")
    private Integer days;

    /** The command; picocli instantiates it. */
    SweepCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        CommandLine cmd = spec.commandLine();
        if (days != null && (days < 1 || days > Scenario.MAX_DAYS)) {
            throw new CommandLine.ParameterException(cmd, "--days = " + days + ": must be from 1 to " + Scenario.MAX_DAYS);
        }
        if (runs < 1 || runs > MonteCarlo.MAX_RUNS) {
            throw new CommandLine.ParameterException(cmd, "--runs = " + runs + ": must be from 1 to " + MonteCarlo.MAX_RUNS);
        }
        MonteCarloRuns.checkThreads(cmd, threads);
        List<Sweep.Setting> settings = new ArrayList<>();
        for (String s : sets) {
            try {
                Sweep.Setting setting = Sweep.Setting.parse(s);
                String name = setting.name();
                if ((name.equals("seed") && seed != null) || (name.equals("days") && days != null)) {
                    throw new CommandLine.ParameterException(cmd, "--set " + name + " does not go with --" + name);
                }
                settings.add(setting);
            } catch (InvalidArgumentException e) {
                throw new CommandLine.ParameterException(cmd, "Invalid value for option '--set': " + e.getMessage());
            }
        }
        UnaryOperator<Scenario> overrides = s -> {
            Scenario r = seed != null ? s.withSeed(seed) : s;
            return days != null ? r.withDays(days) : r;
        };
        Sweep sweep;
        String name;
        try {
            name = EngineSeam.parse(scenarioFile).name();
            String text = Files.readString(scenarioFile, StandardCharsets.UTF_8);
            sweep = Sweep.plan(scenarioFile.toString(), text, settings, overrides);
            sweep.checkSize(runs);
        } catch (ScenarioException e) {
            return MonteCarloRuns.error(stderr, e.getMessage());
        } catch (InvalidArgumentException e) {
            return MonteCarloRuns.error(stderr, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return MonteCarloRuns.error(stderr, scenarioFile + ": cannot read the file: " + e.getMessage());
        }
        int t = threads != null ? threads : MonteCarlo.defaultThreads();
        Path dir = out != null ? out : Path.of("out", name + "-sweep");
        try (OutputFolder folder = OutputFolder.claim(dir, Set.of(CSV, REPORT))) {
            List<Sweep.Result> results = sweep.run(runs, t);
            List<BandsPage.Series> series = new ArrayList<>();
            for (Sweep.Result r : results) {
                series.add(new BandsPage.Series("#" + r.variant().index() + " " + r.variant().label(),
                        Bands.of(r.runs())));
            }
            Scenario first = sweep.variants().get(0).scenario();
            String intro = sweep.variants().size() + " variants of the scenario " + name + " × " + runs + " run"
                    + (runs == 1 ? "" : "s") + " of " + first.days() + " days; run i of every variant uses the first "
                    + "8 bytes of SHA-256(the variant's seed, i) as its seed. Bands: p5, p50 and p95 across the runs "
                    + "of a variant by the nearest-rank method on the exact values (with one run, the run itself).";
            folder.write(CSV, SweepCsv.format(sweep.settings(), results).getBytes(StandardCharsets.UTF_8));
            folder.write(REPORT, BandsPage.render("FOMO sweep: " + name, intro, series)
                    .getBytes(StandardCharsets.UTF_8));
            for (Sweep.Result r : results) {
                stdout.println("variant " + r.variant().index() + ": " + r.variant().label());
            }
            stdout.println();
            stdout.println("runs:    " + sweep.variants().size() + " variants × " + runs + " (threads: " + t + ")");
            stdout.println("sweep:   " + dir.resolve(CSV));
            stdout.println("report:  " + dir.resolve(REPORT));
            stdout.flush();
            return 0;
        } catch (OutputFolder.RefusedException e) {
            return MonteCarloRuns.error(stderr, "--out " + e.getMessage());
        } catch (FomoException | IOException | UncheckedIOException e) {
            return MonteCarloRuns.error(stderr, "the sweep failed: " + e.getMessage());
        }
    }
}
