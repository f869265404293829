package io.fomo.examples.cli;

import io.fomo.examples.terminal.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fomo} command line: {@code fomo simulate <scenario.json>}, {@code fomo sweep <scenario.json>},
 * {@code fomo vectors run <file|dir>...},
 * {@code fomo replay} and {@code fomo epoch-close}.
 * Run {@code java -jar fomo-examples/target/fomo.jar --help}.
 */
// scope INHERIT: every subcommand, at every depth, answers -h/--help and -V/--version the same way.
@Command(name = "fomo", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = FomoVersion.class,
        description = "The FOMO protocol SDK's command line.",
        subcommands = {SimulateCommand.class, SweepCommand.class, VectorsCommand.class, ReplayCommand.class, EpochCloseCommand.class,
                IngestCommand.class,
                HelpSubcommand.class})
public final class FomoCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting, for tests and embedding.
     *
     * @param args the arguments
     * @return the exit status: 0 on success
     */
    public static int run(String... args) {
        java.io.PrintWriter out = new java.io.PrintWriter(System.out, true);
        java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
        try {
            return run(out, err, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Runs the command line with its own output streams, for tests and embedding. Everything printed goes
     * through {@link TerminalText#guard(java.io.PrintWriter)}: no character of the input (an escape
     * sequence, a carriage return, a bidi override) reaches the terminal as it is; colours are off.
     *
     * @param out  where normal output goes
     * @param err  where errors go
     * @param args the arguments
     * @return the exit status: 0 on success
     */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new FomoCli());
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return cli.setOut(TerminalText.guard(out)).setErr(TerminalText.guard(err)).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
