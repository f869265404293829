package io.fomo.examples.cli;

import io.fomo.examples.terminal.TerminalText;
import io.fomo.examples.vectors.OpCatalog;
import io.fomo.examples.vectors.ShippedSuites;
import io.fomo.examples.vectors.VectorReport;
import io.fomo.examples.vectors.VectorRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fomo vectors}: the conformance runner. */
@Command(name = "vectors", description = "Conformance vectors (format fomo-vectors/1).",
        subcommands = {VectorsCommand.Run.class, VectorsCommand.Export.class, VectorsCommand.Ops.class})
final class VectorsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: run, export or ops");
    }

    /** {@code fomo vectors run <file|dir>...}. */
    @Command(name = "run", description = "Run vector files; prints each failure, then 'N passed, N failed'. "
            + "Each vector's op has a time budget; one that overruns or crashes is a failure with its id. "
            + "Exit status 0 only when nothing failed.")
    static final class Run implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "<file|dir>", description = "Vector files, or directories to search for *.json.")
        private List<Path> paths;

        @CommandLine.Option(names = "--timeout-seconds", paramLabel = "<seconds>", defaultValue = "20",
                description = "Time budget of each vector's op, in seconds (default: ${DEFAULT-VALUE}).")
        private long timeoutSeconds;

        @Override
        public Integer call() {
            if (timeoutSeconds < 1 || timeoutSeconds > 86_400) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--timeout-seconds must be between 1 and 86400, was " + timeoutSeconds);
            }
            VectorReport report = new VectorRunner(OpCatalog.standard(), Duration.ofSeconds(timeoutSeconds)).run(paths);
            PrintWriter out = spec.commandLine().getOut();
            for (VectorReport.Failure f : report.failures()) {
                out.println(TerminalText.escape(f));
            }
            out.println(report.summary());
            out.flush();
            return report.failed() == 0 && report.passed() > 0 ? 0 : 1;
        }
    }

    /** {@code fomo vectors export <dir>}: writes every shipped suite. */
    @Command(name = "export", description = "Write every shipped vector suite into a directory (created if "
            + "needed), for a port to run; prints each file written.")
    static final class Export implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1", paramLabel = "<dir>", description = "The directory to write the suites into.")
        private Path dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                List<Path> written = ShippedSuites.export(dir);
                written.forEach(w -> out.println(TerminalText.escape(w)));
                out.println(written.size() + " suites written to " + TerminalText.escape(dir));
                out.flush();
                return 0;
            } catch (IOException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("cannot export to " + TerminalText.escape(dir) + ": " + TerminalText.escape(e));
                err.flush();
                return 1;
            }
        }
    }

    /** {@code fomo vectors ops}: lists the ops this runner implements. */
    @Command(name = "ops", description = "List the ops this runner implements.")
    static final class Ops implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            OpCatalog.standard().names().forEach(out::println);
            out.flush();
            return 0;
        }
    }
}
