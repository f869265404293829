package io.fomo.examples.cli;

import io.fomo.examples.journal.Journals;
import io.fomo.examples.simulate.DailyCsv;
import io.fomo.examples.simulate.DailyTable;
import io.fomo.examples.simulate.EngineScenarioRunner;
import io.fomo.examples.simulate.HtmlReport;
import io.fomo.examples.simulate.ProgressListener;
import io.fomo.examples.simulate.ProgressMeter;
import io.fomo.examples.simulate.Scenario;
import io.fomo.examples.simulate.ScenarioException;
import io.fomo.examples.simulate.ScenarioParser;
import io.fomo.examples.simulate.ScenarioRunner;
import io.fomo.examples.simulate.SimulationResult;
import io.fomo.spi.EventJournal;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidArgumentException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fomo simulate <scenario.json>}: runs a scenario through the protocol engine, prints a daily table,
 * and writes {@code daily.csv}, {@code report.html} and (by default) the SQLite event journal
 * {@code journal.db} to the output folder. The scenario and the engine's checks run before anything is
 * written; an invalid scenario writes nothing. The last line printed is {@code state-hash: <64 hex>}.
 *
 * <p>Exit status: 0 on success, 1 for an invalid scenario or a failed run, 2 for bad command-line usage.
 */
@Command(name = "simulate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Run a scenario through the protocol engine: prints a daily table and writes daily.csv, "
                + "report.html and the event journal to the output folder.",
            "The last line printed is 'state-hash: <64 hex>'. Scenario format: docs/scenarios.md."})
final class SimulateCommand implements Callable<Integer> {

    /** The daily CSV's name in the output folder. */
    static final String CSV = "daily.csv";
    /** The report's name in the output folder. */
    static final String REPORT = "report.html";
    /** The default journal's name in the output folder. */
    static final String JOURNAL = "journal.db";

    private final ScenarioRunner runner;
    private final Function<PrintWriter, ProgressListener> progress;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<scenario.json>", description = "The scenario file.")
    private Path scenarioFile;

    @Option(names = "--journal", paramLabel = "memory|sqlite:PATH|postgresql://...",
            description = "Where events go, an empty journal: " + Journals.USAGE + ". Default: sqlite:<out>/"
                    + JOURNAL + " (replaced on every run).")
    private String journal;

    @Option(names = "--out", paramLabel = "DIR", description = "The output folder. Default: out/<scenario name>.")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed.")
    private Long seed;

    @Option(names = "--days", paramLabel = "N", description = "Overrides the scenario's number of days (1 to 3650).")
    private Integer days;

    /** The command with the engine and a progress meter on the terminal. */
    SimulateCommand() {
        this(new EngineScenarioRunner(), ProgressMeter::forTerminal);
    }

    /**
     * The command with a given runner and progress display, for tests.
     *
     * @param runner   runs scenarios
     * @param progress makes the progress listener of a run, given the error stream
     */
    SimulateCommand(ScenarioRunner runner, Function<PrintWriter, ProgressListener> progress) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (days != null && (days < 1 || days > Scenario.MAX_DAYS)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--days = " + days + ": must be from 1 to " + Scenario.MAX_DAYS);
        }
        Scenario scenario;
        try {
            scenario = ScenarioParser.parse(scenarioFile);
            if (seed != null) {
                scenario = scenario.withSeed(seed);
            }
            if (days != null) {
                scenario = scenario.withDays(days);
            }
            runner.validate(scenario);
        } catch (ScenarioException e) {
            return error(stderr, e.getMessage());
        }
        Path dir = out != null ? out : Path.of("out", scenario.name());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return error(stderr, "--out " + dir + ": exists and is not a folder");
        }
        String journalSpec = journal;
        EventJournal events = null;
        try {
            if (journalSpec != null) {
                // An explicit journal is opened, and checked empty, before anything is written to the folder.
                events = open(journalSpec);
                long n = events.currentSequence();
                if (n != 0) {
                    return error(stderr, "--journal " + Journals.redact(journalSpec) + ": expected an empty journal, "
                            + "found " + n + " events (a simulation starts from genesis)");
                }
            }
            Files.createDirectories(dir);
            if (journalSpec == null) {
                for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                    Files.deleteIfExists(dir.resolve(JOURNAL + suffix));
                }
                journalSpec = "sqlite:" + dir.resolve(JOURNAL);
                // A simulation's journal can be regenerated from its scenario and seed: it needs to survive
                // the process being killed, not a power cut, so commits are not synced to disk one by one.
                events = io.fomo.examples.journal.SqliteEventJournal.open(dir.resolve(JOURNAL),
                        io.fomo.examples.journal.SqliteEventJournal.Durability.PROCESS_CRASH);
            }
            SimulationResult result = runner.run(scenario, events, progress.apply(stderr));
            DailyCsv.write(dir.resolve(CSV), result.rows());
            HtmlReport.write(dir.resolve(REPORT), scenario, result);
            stdout.print(DailyTable.format(result.rows()));
            stdout.println();
            stdout.println("daily state: " + dir.resolve(CSV));
            stdout.println("report:      " + dir.resolve(REPORT));
            stdout.println("journal:     " + Journals.redact(journalSpec) + " (" + result.events() + " events)");
            result.headHash().ifPresent(h -> stdout.println("head: " + h));
            stdout.println("state-hash: " + result.stateHash());
            stdout.flush();
            return 0;
        } catch (FomoException | IOException | UncheckedIOException e) {
            return error(stderr, "the simulation failed: " + e.getMessage());
        } finally {
            if (events != null) {
                try {
                    Journals.close(events);
                } catch (FomoException e) {
                    stderr.println("warning: closing the journal: " + e.getMessage());
                    stderr.flush();
                }
            }
        }
    }

    private EventJournal open(String journalSpec) {
        try {
            return Journals.open(journalSpec);
        } catch (InvalidArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--journal': "
                    + e.getMessage());
        }
    }

    private static int error(PrintWriter stderr, String message) {
        stderr.println("error: " + message);
        stderr.flush();
        return 1;
    }
}
