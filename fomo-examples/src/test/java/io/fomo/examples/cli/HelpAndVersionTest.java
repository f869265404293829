package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command and subcommand of {@code fomo}, found by walking the command model (so a new one is
 * covered the day it is added), answers {@code --help} and {@code -h} with its usage and {@code -V} with
 * the version, all with exit status 0.
 */
class HelpAndVersionTest {

    /** Every command path: [], [simulate], [vectors], [vectors, run], ... */
    static Stream<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        walk(new CommandLine(new FomoCli()), new ArrayList<>(), all);
        return all.stream();
    }

    private static void walk(CommandLine c, List<String> path, List<List<String>> all) {
        all.add(List.copyOf(path));
        for (var sub : c.getSubcommands().entrySet()) {
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            walk(sub.getValue(), next, all);
        }
    }

    record Outcome(int status, String out, String err) {
    }

    static Outcome fomo(List<String> path, String flag) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(path);
        args.add(flag);
        int status = FomoCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Outcome(status, out.toString(), err.toString());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpInBothSpellingsExitsZeroWithTheUsage(List<String> path) {
        for (String flag : List.of("--help", "-h")) {
            Outcome o = fomo(path, flag);
            assertEquals(0, o.status(), path + " " + flag + ": " + o.err());
            String usage = "Usage: fomo" + (path.isEmpty() ? "" : " " + String.join(" ", path));
            assertTrue(o.out().startsWith(usage), path + " " + flag + " printed: " + o.out() + o.err());
            assertTrue(o.out().contains("-h, --help") && o.out().contains("-V, --version"), o.out());
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void versionExitsZeroWithTheBuildsVersion(List<String> path) {
        for (String flag : List.of("-V", "--version")) {
            Outcome o = fomo(path, flag);
            assertEquals(0, o.status(), path + " " + flag + ": " + o.err());
            assertTrue(o.out().startsWith("fomo " + FomoVersion.version() + "\n"), o.out());
        }
        assertTrue(FomoVersion.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), FomoVersion.version());
    }

    @Test
    void helpNamesACommandAtAnyDepthAndRejectsAnUnknownOne() {
        Outcome run = fomo(List.of("help", "vectors"), "run");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Usage: fomo vectors run"), run.out());
        Outcome unknown = fomo(List.of("help", "vectors"), "walk");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("Unknown command 'vectors walk'; commands of vectors: run, export, ops"), unknown.err());
    }

    @Test
    void theWalkFindsTheKnownCommands() {
        List<String> names = commands().map(p -> String.join(" ", p)).toList();
        assertTrue(names.containsAll(List.of("", "simulate", "vectors", "vectors run", "vectors ops", "vectors export", "replay",
                "epoch-close", "ingest",
                "help")), names.toString());
    }
}
