package io.fomo.examples.cli;

import io.fomo.examples.journal.Journals;
import io.fomo.examples.report.DailyCsv;
import io.fomo.examples.report.DailyTable;
import io.fomo.examples.report.HtmlReport;
import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.run.ChainSession;
import io.fomo.examples.run.EngineScenarioRunner;
import io.fomo.examples.run.ProgressListener;
import io.fomo.examples.run.ProgressMeter;
import io.fomo.examples.run.ScenarioRunner;
import io.fomo.examples.scenario.Launch;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioException;
import io.fomo.examples.scenario.ScenarioParser;
import io.fomo.examples.terminal.TerminalText;
import io.fomo.spi.EventJournal;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.StorageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
@Command(name = "simulate", sortOptions = false,
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

    /** Every file a run writes when the journal is elsewhere. */
    private static final Set<String> OUTPUTS = Set.of(CSV, REPORT);

    /** Every file a run writes with its default journal, SQLite's companions included. */
    private static final Set<String> OUTPUTS_WITH_JOURNAL = Set.of(CSV, REPORT, JOURNAL, JOURNAL + "-wal",
            JOURNAL + "-shm", JOURNAL + "-journal");

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

    @Option(names = "--chain", paramLabel = "anvil|http://127.0.0.1:PORT",
            description = "Executes every intent on an EVM chain: 'anvil' starts a local node (and stops it), a URL "
                    + "uses a running one (operator key from FOMO_CHAIN_KEY, else a fresh key funded by the node). "
                    + "Publishes the claims roots at each epoch close; keeps the address registry and the "
                    + "transaction log in chain-registry.db and chain-transactions.db in the output folder. "
                    + "Ends by comparing the chain with the books and paying one claim on chain, once.")
    private String chain;

    @Option(names = "--days", paramLabel = "N", description = "Overrides the scenario's number of days (1 to 3650).")
    private Integer days;

    @Option(names = "--runs", paramLabel = "N", description = "Monte Carlo: N runs with seeds derived from the "
            + "scenario's seed, in parallel, each in memory; writes runs.csv and runs.html (p5/p50/p95 bands) "
            + "instead of one run's outputs. Default folder: out/<scenario name>-runs.")
    private Integer runs;

    @Option(names = "--threads", paramLabel = "T", description = "With --runs: the threads to run on (default: "
            + "the available processors). The outputs do not depend on it.")
    private Integer threads;

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
        MonteCarloRuns.checkUsage(spec.commandLine(), runs, threads, journal, chain);
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
        if (runs != null) {
            return MonteCarloRuns.run(scenario, runs, threads, out, stdout, stderr);
        }
        Path dir = out != null ? out : Path.of("out", scenario.name());
        String journalSpec = journal;
        EventJournal events = null;
        OutputFolder folder = null;
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
            try {
                Set<String> outputs = new java.util.HashSet<>(journalSpec == null ? OUTPUTS_WITH_JOURNAL : OUTPUTS);
                outputs.add(claimsFile(io.fomo.spi.Asset.FLOCK.symbol()));
                for (Launch l : scenario.launches()) {
                    outputs.add(claimsFile(l.mtAsset().symbol()));
                }
                for (String db : List.of(ChainSession.REGISTRY_FILE, ChainSession.TRANSACTIONS_FILE)) {
                    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                        outputs.add(db + suffix);
                    }
                }
                folder = OutputFolder.claim(dir, outputs);
            } catch (OutputFolder.RefusedException e) {
                return error(stderr, "--out " + e.getMessage());
            }
            if (journalSpec == null) {
                journalSpec = "sqlite:" + dir.resolve(JOURNAL);
                // A simulation's journal can be regenerated from its scenario and seed: it needs to survive
                // the process being killed, not a power cut, so commits are not synced to disk one by one.
                events = io.fomo.jdbc.SqliteEventJournal.open(dir.resolve(JOURNAL),
                        io.fomo.jdbc.SqliteEventJournal.Durability.PROCESS_CRASH);
            }
            SimulationResult result;
            String chainLine = null;
            if (chain != null) {
                try (ChainSession session = ChainSession.open(chain, scenario, dir)) {
                    stderr.println("chain: " + session.describe());
                    stderr.flush();
                    result = new EngineScenarioRunner(session)
                            .run(scenario, events, progress.apply(TerminalText.raw(stderr)));
                    io.fomo.core.engine.FomoProtocol books = io.fomo.core.engine.FomoProtocol.builder().journal(events)
                            .chainGateway(new io.fomo.spi.InMemoryChainGateway())
                            .priceFeed(new io.fomo.spi.InMemoryPriceFeed())
                            .clock(io.fomo.spi.ManualClock.startingAt(java.time.Instant.EPOCH))
                            .autoDispatch(false).build();
                    String verdict = session.verify(books);
                    // The claim runs after the comparison (it moves tokens the books keep in the rewards
                    // account); its line comes first, so that the run ends with the chain's verdict.
                    String claimed = session.claimOnce();
                    chainLine = claimsDumps(session, scenario, folder) + claimed + "\n" + verdict;
                }
            } else {
                result = runner.run(scenario, events, progress.apply(TerminalText.raw(stderr)));
            }
            folder.write(CSV, DailyCsv.format(result.rows()).getBytes(StandardCharsets.UTF_8));
            folder.write(REPORT, HtmlReport.render(scenario, result).getBytes(StandardCharsets.UTF_8));
            stdout.print(DailyTable.format(result.rows()));
            stdout.println();
            stdout.println("daily state: " + TerminalText.escape(dir.resolve(CSV)));
            stdout.println("report:      " + TerminalText.escape(dir.resolve(REPORT)));
            stdout.println("journal:     " + TerminalText.escape(Journals.redact(journalSpec)) + " (" + result.events()
                    + " events)");
            result.headHash().ifPresent(h -> stdout.println("head: " + h));
            if (chainLine != null) {
                stdout.println(chainLine);
            }
            stdout.println("state-hash: " + result.stateHash());
            stdout.flush();
            return 0;
        } catch (FomoException | StorageException | IOException | UncheckedIOException e) {
            return error(stderr, "the simulation failed: " + Journals.redact(String.valueOf(e.getMessage())));
        } finally {
            if (folder != null) {
                try {
                    folder.close();
                } catch (IOException e) {
                    stderr.println("warning: releasing " + TerminalText.escape(dir) + ": "
                            + TerminalText.escape(e.getMessage()));
                }
            }
            if (events != null) {
                try {
                    Journals.close(events);
                } catch (FomoException | StorageException e) {
                    stderr.println("warning: closing the journal: " + TerminalText.escape(e.getMessage()));
                    stderr.flush();
                }
            }
        }
    }

    private static String claimsFile(String symbol) {
        return "claims-" + symbol + ".json";
    }

    /**
     * Writes the cumulative claims trees published last (FLOCK, each launch's model token) as OpenZeppelin
     * dumps; returns their lines.
     */
    private static String claimsDumps(ChainSession session, Scenario scenario, OutputFolder folder)
            throws IOException {
        StringBuilder lines = new StringBuilder();
        List<io.fomo.spi.Asset> assets = new java.util.ArrayList<>();
        assets.add(io.fomo.spi.Asset.FLOCK);
        for (Launch l : scenario.launches()) {
            assets.add(l.mtAsset());
        }
        for (io.fomo.spi.Asset asset : assets) {
            var tree = session.publishedClaims(asset);
            if (tree.isPresent()) {
                String name = claimsFile(asset.symbol());
                folder.write(name, tree.get().dumpJson().getBytes(StandardCharsets.UTF_8));
                Path file = folder.resolve(name);
                lines.append("claims ").append(asset.symbol()).append(": root ").append(tree.get().root()).append(", ")
                        .append(tree.get().claims().size()).append(" accounts, ").append(file).append('\n');
            }
        }
        return lines.toString();
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
        stderr.println("error: " + TerminalText.escape(message));
        stderr.flush();
        return 1;
    }
}
