package io.fomo.examples.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.terminal.TerminalText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input catalogue of vector files (issue 13, docs/vectors.md, docs/limits.md): sizes, counts,
 * nesting depth, absurd numbers, NaN strings, duplicate keys, control characters. Each file is exactly one
 * failure naming where (its JSON path), never a crash, found at once (well under the harness's 5 s).
 */
class HostileVectorFilesCatalogueTest {

    @TempDir
    Path tmp;

    private static final String HEAD = "{\"format\":\"fomo-vectors/1\",\"suite\":\"t\",\"source\":\"derived: by hand\","
            + "\"vectors\":[";

    private static final String GOOD_INPUT = "\"input\":{\"total\":\"10\",\"decimals\":0,"
            + "\"weights\":{\"a\":\"1\",\"b\":\"1\",\"c\":\"1\"},\"method\":\"FLOOR_WITH_DUST\"}";

    private static String vector(String input) {
        return HEAD + "{\"id\":\"A\",\"op\":\"allocate.proRata\"," + input
                + ",\"expect\":{\"allocations\":{\"a\":\"3\",\"b\":\"3\",\"c\":\"3\"},\"dust\":\"1\"}}]}";
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("empty file", new byte[0], "$: expected an object"));
        cases.add(Arguments.of("16 MiB and a byte", null, "$: expected a file of at most 16777216 bytes"));
        cases.add(Arguments.of("100,001 vectors", (HEAD + "{}," .repeat(100_000) + "{}]}").getBytes(),
                "$.vectors: expected at most 100000 vectors"));
        cases.add(Arguments.of("nested 100,000 arrays", (HEAD + "[".repeat(100_000) + "]".repeat(100_000) + "]}")
                .getBytes(), "not valid JSON"));
        cases.add(Arguments.of("nested 5,000 objects", (HEAD.replace("\"vectors\":[", "\"deep\":") + "{\"a\":".repeat(5_000)
                + "1" + "}".repeat(5_000) + "}").getBytes(), "not valid JSON"));
        cases.add(Arguments.of("duplicate key", "{\"format\":\"fomo-vectors/1\",\"format\":\"x\"}".getBytes(),
                "not valid JSON"));
        cases.add(Arguments.of("a number of 1e999999999 as total", vector(GOOD_INPUT.replace("\"10\"", "1e999999999"))
                .getBytes(), "$.vectors[0].input.total"));
        cases.add(Arguments.of("a total of \"1e999999999\"", vector(GOOD_INPUT.replace("\"10\"", "\"1e999999999\""))
                .getBytes(), "$.vectors[0].input.total"));
        cases.add(Arguments.of("a total of \"NaN\"", vector(GOOD_INPUT.replace("\"10\"", "\"NaN\"")).getBytes(),
                "$.vectors[0].input.total"));
        cases.add(Arguments.of("a total of \"Infinity\"", vector(GOOD_INPUT.replace("\"10\"", "\"Infinity\"")).getBytes(),
                "$.vectors[0].input.total"));
        cases.add(Arguments.of("a total of 100,000 digits", vector(GOOD_INPUT.replace("\"10\"", "\"" + "9".repeat(100_000)
                + "\"")).getBytes(), "$.vectors[0].input.total"));
        cases.add(Arguments.of("decimals of 1e999999999", vector(GOOD_INPUT.replace("\"decimals\":0",
                "\"decimals\":1e999999999")).getBytes(), "$.vectors[0].input.decimals"));
        cases.add(Arguments.of("decimals of 2^63", vector(GOOD_INPUT.replace("\"decimals\":0",
                "\"decimals\":9223372036854775808")).getBytes(), "$.vectors[0].input.decimals"));
        cases.add(Arguments.of("a weight of NaN", vector(GOOD_INPUT.replace("\"a\":\"1\"", "\"a\":\"NaN\"")).getBytes(),
                "$.vectors[0].input.weights.a"));
        cases.add(Arguments.of("an op with ESC[2J", vector(GOOD_INPUT).replace("allocate.proRata", "\\u001b[2J")
                .getBytes(), "unknown op"));
        cases.add(Arguments.of("an op of 1 MB", vector(GOOD_INPUT).replace("allocate.proRata", "x".repeat(1 << 20))
                .getBytes(), "unknown op"));
        cases.add(Arguments.of("a method with a bidi override", vector(GOOD_INPUT.replace("FLOOR_WITH_DUST",
                "\\u202EFLOOR")).getBytes(), "$.vectors[0].input.method"));
        cases.add(Arguments.of("invalid UTF-8", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, "not valid JSON"));
        cases.add(Arguments.of("root array", "[]".getBytes(), "$: expected an object"));
        cases.add(Arguments.of("trailing garbage", (vector(GOOD_INPUT) + "{}").getBytes(), "not valid JSON"));
        cases.add(Arguments.of("format of 1 MB", ("{\"format\":\"" + "f".repeat(1 << 20) + "\"}").getBytes(), "$.format"));
        cases.add(Arguments.of("vectors a number", (HEAD.replace("[", "") + "1e999999999}").getBytes(), "$.vectors"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(10)
    void isOneFailureNamingWhereWithABoundedMessage(String name, byte[] content, String where) throws IOException {
        Path f = tmp.resolve("v.json");
        if (content == null) {
            try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), VectorRunner.MAX_FILE_BYTES);
            }
        } else {
            Files.write(f, content);
        }
        VectorReport r = new VectorRunner(OpCatalog.standard()).run(List.of(f));
        assertEquals("0 passed, 1 failed", r.summary(), name);
        String message = r.failures().get(0).message();
        assertTrue(message.contains(where), name + ": " + TerminalText.escape(message));
        assertTrue(r.failures().get(0).toString().length() < 4_000, name + ": " + r.failures().get(0).toString().length());
    }
}
