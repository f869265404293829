package io.fomo.examples.cli;

import io.fomo.examples.vectors.OpCatalog;
import io.fomo.examples.vectors.VectorReport;
import io.fomo.examples.vectors.VectorRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fomo vectors}: the conformance runner. */
@Command(name = "vectors", description = "Conformance vectors (format fomo-vectors/1).",
        subcommands = {VectorsCommand.Run.class, VectorsCommand.Ops.class})
final class VectorsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: run or ops");
    }

    /** {@code fomo vectors run <file|dir>...}. */
    @Command(name = "run", description = "Run vector files; prints each failure, then 'N passed, N failed'. "
            + "Exit status 0 only when nothing failed.")
    static final class Run implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "<file|dir>", description = "Vector files, or directories to search for *.json.")
        private List<Path> paths;

        @Override
        public Integer call() {
            VectorReport report = new VectorRunner(OpCatalog.standard()).run(paths);
            PrintWriter out = spec.commandLine().getOut();
            for (VectorReport.Failure f : report.failures()) {
                out.println(f);
            }
            out.println(report.summary());
            out.flush();
            return report.failed() == 0 && report.passed() > 0 ? 0 : 1;
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
