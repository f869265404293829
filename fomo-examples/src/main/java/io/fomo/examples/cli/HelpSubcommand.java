package io.fomo.examples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fomo help [COMMAND...]}: the usage of {@code fomo} or of one of its commands, such as
 * {@code fomo help vectors run}. Used instead of picocli's built-in help command so that, like every other
 * command, it answers {@code -h} with its own usage and {@code -V} with the version.
 */
@Command(name = "help", description = "Show the usage of fomo, or of a command: fomo help vectors run.")
final class HelpSubcommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "The command, with its subcommands.")
    private List<String> command = List.of();

    @Override
    public Integer call() {
        CommandLine target = spec.commandLine().getParent();
        for (String name : command) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown command '"
                        + String.join(" ", command) + "'; commands of " + target.getCommandName() + ": "
                        + String.join(", ", target.getSubcommands().keySet()));
            }
            target = sub;
        }
        target.usage(spec.commandLine().getOut());
        return 0;
    }
}
