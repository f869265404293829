package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.terminal.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input catalogue of the command line (issue 13): flags, scenario names, ids and paths carrying
 * terminal escapes (ESC[2J, an OSC title), carriage returns, NULs, bidi overrides and C1 controls. Every
 * case exits with the expected status, prints none of those characters (each is shown as a visible
 * escape), and leaves the working folder as it was.
 */
class HostileCliCatalogueTest {

    /** Payloads a terminal would obey. */
    static final List<String> PAYLOADS = List.of("\u001b[2J", "\u001b]0;pwned\u0007", "a\rb", "a\u0000b", "\u202Eevil",
            "a\u2066b\u2069", "\u009b31m", "a\u007fb", "\u200bzero", "a\u2028b");

    static final String MINIMAL = String.join("\n",
            "{",
            "  \"name\": \"NAME\",",
            "  \"days\": 2,",
            "  \"launch\": {",
            "    \"minTarget\": \"1000\",",
            "    \"maxTarget\": \"2000\",",
            "    \"curve\": { \"type\": \"CONSTANT_PRODUCT\", \"startPrice\": \"0.001\" }",
            "  },",
            "  \"pricing\": { \"listPrice\": \"0.002\", \"floorPrice\": \"0.001\" },",
            "  \"supporters\": [],",
            "  \"flockPrice\": [ { \"day\": 0, \"usd\": \"0.25\" } ]",
            "}");

    @TempDir
    static Path tmp;

    /** A case: its name, the expected exit status, and the arguments (made in a fresh folder). */
    record Case(String name, int status, Function<Path, String[]> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String show(String payload) {
        return TerminalText.escape(payload);
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    private static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String scenario(Path dir) {
        return write(dir, "s.json", MINIMAL.replace("NAME", "t")).toString();
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        for (String p : PAYLOADS) {
            String s = show(p);
            boolean nul = p.indexOf('\u0000') >= 0;
            cases.add(new Case("simulate a missing scenario named " + s, nul ? 2 : 1,
                    d -> new String[] {"simulate", d + "/x" + p + ".json"}));
            cases.add(new Case("simulate a scenario named " + s + " inside", 1,
                    d -> new String[] {"simulate", write(d, "n.json", MINIMAL.replace("NAME", json(p))).toString(),
                        "--out", d.resolve("out").toString()}));
            cases.add(new Case("simulate --days " + s, 2, d -> new String[] {"simulate", scenario(d), "--days", p}));
            cases.add(new Case("simulate --seed " + s, 2, d -> new String[] {"simulate", scenario(d), "--seed", p}));
            cases.add(new Case("simulate --journal " + s, 2,
                    d -> new String[] {"simulate", scenario(d), "--journal", p, "--out", d.resolve("out").toString()}));
            cases.add(new Case("unknown option --" + s, 2, d -> new String[] {"simulate", "--" + p, scenario(d)}));
            cases.add(new Case("unknown command " + s, 2, d -> new String[] {p}));
            cases.add(new Case("vectors run a missing file named " + s, nul ? 2 : 1,
                    d -> new String[] {"vectors", "run", d + "/v" + p + ".json"}));
            cases.add(new Case("vectors run --timeout-seconds " + s, 2,
                    d -> new String[] {"vectors", "run", "--timeout-seconds", p, d.toString()}));
            cases.add(new Case("vectors run a failing vector whose id is " + s, 1,
                    d -> new String[] {"vectors", "run", write(d, "v.json", "{\"format\":\"fomo-vectors/1\",\"suite\":\"t\","
                            + "\"source\":\"derived: by hand\",\"vectors\":[{\"id\":\"" + json(p) + "\",\"op\":\"no.such\","
                            + "\"input\":{},\"expect\":{}}]}").toString()}));
            if (!nul) {
                cases.add(new Case("simulate --out onto a file named " + s, 1,
                        d -> new String[] {"simulate", scenario(d), "--out", write(d, "f" + p, "mine").toString()}));
                cases.add(new Case("simulate --out into a folder holding " + s, 1, d -> {
                    Path out = d.resolve("out");
                    try {
                        Files.createDirectories(out);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    write(out, "user" + p + ".db", "mine");
                    return new String[] {"simulate", scenario(d), "--out", out.toString()};
                }));
            }
        }
        for (String days : List.of("-1", "0", "3651", "99999999999999999999", "NaN", "1e9", "2147483648")) {
            cases.add(new Case("simulate --days " + days, 2, d -> new String[] {"simulate", scenario(d), "--days", days}));
        }
        for (String t : List.of("0", "-5", "86401", "NaN", "1e999999999")) {
            cases.add(new Case("vectors run --timeout-seconds " + t, 2,
                    d -> new String[] {"vectors", "run", "--timeout-seconds", t, d.toString()}));
        }
        return cases.stream().map(Arguments::of);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().collect(Collectors.toList());
        }
    }

    /** Asserts that no character of the output would be obeyed by a terminal; line feeds end lines. */
    static void assertSafe(String output, String context) {
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            if (c == '\n') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < output.length() && Character.isLowSurrogate(output.charAt(i + 1))) {
                i++;
                continue;
            }
            int at = i;
            assertFalse(TerminalText.isUnsafe(c), () -> String.format("%s: U+%04X at %d in %s", context, (int) c, at,
                    TerminalText.escape(output)));
        }
    }

    @Test
    void aRunIntoAFolderNamedWithTerminalEscapesPrintsItsPathsEscaped() throws IOException {
        Path dir = Files.createTempDirectory(tmp, "run");
        Path out = dir.resolve("o\u001b[2J\u202Eevil\rx");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int status = FomoCli.run(new PrintWriter(stdout), new PrintWriter(stderr), "simulate", scenario(dir), "--out",
                out.toString(), "--days", "2", "--journal", "memory");
        assertEquals(0, status, TerminalText.escape(stderr.toString()));
        assertSafe(stdout + "" + stderr, "simulate");
        assertTrue(stdout.toString().contains("o\\u001b[2J\\u202eevil\\u000dx"), TerminalText.escape(stdout.toString()));
        assertTrue(Files.isRegularFile(out.resolve("daily.csv")), "the run wrote where it was told");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsWithItsStatusPrintsNoTerminalControlAndChangesNothing(Case c) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        String[] args = c.args().apply(dir);
        List<String> before = listing(dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = FomoCli.run(new PrintWriter(out), new PrintWriter(err), args);
        String printed = out + "" + err;
        assertEquals(c.status(), status, c + ": " + TerminalText.escape(printed));
        assertTrue(!printed.isBlank(), c + ": a refusal says why");
        assertSafe(printed, c.toString());
        assertEquals(before, listing(dir), c + ": the folder changed");
    }
}
