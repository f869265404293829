package io.fomo.examples.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.terminal.TerminalText;
import io.fomo.spi.FomoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input catalogue of scenario files (issue 13, docs/limits.md): sizes, counts, nesting depth,
 * absurd numbers ({@code 1e999999999}), NaN strings, duplicate keys, control characters. Each case is a
 * {@link ScenarioException} whose {@code field()} is the JSON path of the offending value, with a bounded
 * message that no terminal would obey, found at once (well under the harness's 5 s per case).
 */
class HostileScenarioCatalogueTest {

    @TempDir
    Path tmp;

    /** A case: a name, the path the error must name, and the text (a function of the minimal scenario). */
    record Case(String name, String path, Function<String, String> text) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case field(String name, String path, String jsonField) {
        return new Case(name, path, m -> ScenarioTexts.withField(jsonField));
    }

    private static Case replace(String name, String path, String from, String to) {
        return new Case(name, path, m -> {
            if (!m.contains(from)) {
                throw new AssertionError("not in the scenario: " + from);
            }
            return m.replace(from, to);
        });
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("empty file", "$", m -> ""));
        cases.add(new Case("only whitespace", "$", m -> " \n\t "));
        cases.add(new Case("an array", "$", m -> "[]"));
        cases.add(new Case("a number", "$", m -> "1e999999999"));
        cases.add(new Case("a string", "$", m -> "\"\u001b[2J\""));
        cases.add(new Case("trailing garbage", "$", m -> m + " {}"));
        cases.add(new Case("unclosed", "$", m -> m.substring(0, m.length() - 2)));
        cases.add(new Case("nested 100,000 arrays deep", "$.deep[0][0]*", m -> ScenarioTexts.withField(
                "\"deep\": " + "[".repeat(100_000) + "]".repeat(100_000))));
        cases.add(new Case("nested 5,000 objects deep", "$.deep.a.a*", m -> ScenarioTexts.withField(
                "\"deep\": " + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))));
        cases.add(new Case("a string of 5 MB", "$", m -> ScenarioTexts.withField(
                "\"description\": \"" + "x".repeat(5 << 20) + "\"")));
        cases.add(new Case("a number of 100,000 digits", "$", m -> m.replace("\"days\": 30,",
                "\"days\": 30, \"seed\": " + "9".repeat(100_000) + ",")));
        cases.add(field("an unescaped ESC in a key", "$", "\"\u001b[2J\": 1"));
        cases.add(field("unknown field with an escaped ESC", "$[\"\\u001b[2J\"]", "\"\\u001b[2J\": 1"));
        cases.add(replace("duplicate key", "$.name", "\"name\": \"t\",", "\"name\": \"t\", \"name\": \"u\","));
        for (String days : List.of("1e999999999", "-1e999999999", "1e-999999999", "0", "-1", "3651", "2147483648",
                "9223372036854775808", "99999999999999999999999", "30.5", "\"30\"", "\"NaN\"", "null", "true", "[]", "{}")) {
            cases.add(replace("days " + days, "$.days", "\"days\": 30", "\"days\": " + days));
        }
        for (String name : List.of("\"\"", "\"\\u001b[2J\"", "\"a\\rb\"", "\"\\u202Eevil\"", "\"a\\u0000b\"", "\"../../etc\"",
                "\"" + "n".repeat(65) + "\"", "1", "null")) {
            cases.add(replace("name " + TerminalText.escape(name), "$.name", "\"name\": \"t\"", "\"name\": " + name));
        }
        for (String seed : List.of("1e999999999", "1.5", "\"x\"", "9223372036854775808", "-9223372036854775809")) {
            cases.add(replace("seed " + seed, "$.seed", "\"days\": 30,", "\"days\": 30, \"seed\": " + seed + ","));
        }
        for (String usd : List.of("\"NaN\"", "\"Infinity\"", "\"-1\"", "\"0\"", "\"1e999999999\"", "\"1E-999999999\"",
                "1e999999999", "\"0x10\"", "\"\"", "\"1".repeat(1) + "0".repeat(500) + "\"")) {
            cases.add(replace("flockPrice usd " + usd.length() + " chars " + TerminalText.escape(usd.substring(0,
                    Math.min(14, usd.length()))), "$.flockPrice[0].usd", "\"usd\": \"0.25\"", "\"usd\": " + usd));
        }
        for (String target : List.of("\"NaN\"", "\"-1\"", "\"1e999999999\"", "\"0\"", "1000")) {
            cases.add(replace("minTarget " + target, "$.launch.minTarget", "\"minTarget\": \"1000\"",
                    "\"minTarget\": " + target));
        }
        for (String price : List.of("\"1E-999999999\"", "\"-0.002\"", "\"NaN\"")) {
            cases.add(replace("listPrice " + price, "$.pricing*", "\"listPrice\": \"0.002\"",
                    "\"listPrice\": " + price));
        }
        cases.add(replace("curve type unknown", "$.launch.curve.type", "\"CONSTANT_PRODUCT\"", "\"\\u001b[2J\""));
        cases.add(replace("curve start price 1e999999999", "$.launch.curve.startPrice", "\"startPrice\": \"0.001\"",
                "\"startPrice\": \"1e999999999\""));
        cases.add(replace("flockPrice empty", "$.flockPrice", "[ { \"day\": 0, \"usd\": \"0.25\" } ]", "[]"));
        cases.add(replace("flockPrice day 1e999999999", "$.flockPrice[0].day", "\"day\": 0", "\"day\": 1e999999999"));
        cases.add(replace("supporters 1e999999999", "$.supporters", "\"supporters\": []", "\"supporters\": 1e999999999"));
        cases.add(replace("supporters generated 10^9", "$.supporters.count", "\"supporters\": []",
                "\"supporters\": { \"count\": 1000000000, \"totalFlock\": \"1\" }"));
        cases.add(field("users 10^9", "$.users.count", "\"users\": { \"count\": 1000000000 }"));
        cases.add(field("hard costs negative", "$.hardCostsUsdPerDay", "\"hardCostsUsdPerDay\": \"-1\""));
        cases.add(field("alpha 2", "$.alpha", "\"alpha\": \"2\""));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(10)
    void isAScenarioErrorNamingItsPathWithABoundedMessage(Case c) {
        String text = c.text().apply(ScenarioTexts.MINIMAL);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse("hostile.json", text),
                c.toString());
        if (c.path().endsWith("*")) {
            String prefix = c.path().substring(0, c.path().length() - 1);
            assertTrue(e.field().startsWith(prefix), c + ": " + TerminalText.escape(e.getMessage()));
        } else {
            assertEquals(c.path(), e.field(), c + ": " + TerminalText.escape(e.getMessage()));
        }
        assertTrue(e.getMessage().length() <= FomoException.MAX_MESSAGE, c + ": " + e.getMessage().length());
        assertTrue(e.getMessage().startsWith("hostile.json"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @Timeout(10)
    void aHostileFileIsRefusedBeforeItIsParsed(String name, byte[] bytes) throws IOException {
        Path f = tmp.resolve("s.json");
        Files.write(f, bytes);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(f), name);
        assertEquals("$", e.field(), e.getMessage());
        assertTrue(e.getMessage().length() <= FomoException.MAX_MESSAGE);
    }

    static Stream<Arguments> files() {
        byte[] big = new byte[(int) ScenarioParser.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        return Stream.of(
                Arguments.of("4 MiB and a byte of spaces", big),
                Arguments.of("invalid UTF-8", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}),
                Arguments.of("an overlong NUL", new byte[] {'{', (byte) 0xC0, (byte) 0x80, '}'}),
                Arguments.of("a lone surrogate in UTF-8", new byte[] {'{', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '}'}));
    }
}
