package io.fomo.examples.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.cli.FomoCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runner's handling of good, bad and malformed files. */
class VectorRunnerTest {

    @TempDir
    Path tmp;

    private static final String HEAD = "{\"format\":\"fomo-vectors/1\",\"suite\":\"t\",\"source\":\"derived: by hand\",\"vectors\":[";

    private static final String GOOD = "{\"id\":\"A\",\"op\":\"allocate.proRata\",\"input\":{\"total\":\"10\",\"decimals\":0,"
            + "\"weights\":{\"a\":\"1\",\"b\":\"1\",\"c\":\"1\"},\"method\":\"FLOOR_WITH_DUST\"},"
            + "\"expect\":{\"allocations\":{\"a\":\"3\",\"b\":\"3\",\"c\":\"3.00\"},\"dust\":\"1\"}}";

    private VectorReport run(String content) throws IOException {
        Path f = tmp.resolve("v.json");
        Files.writeString(f, content);
        return new VectorRunner(OpCatalog.standard()).run(List.of(f));
    }

    private VectorReport runVectors(String... vectors) throws IOException {
        return run(HEAD + String.join(",", vectors) + "]}");
    }

    @Test
    void aPassingVectorCountsAndDecimalsCompareByValue() throws IOException {
        VectorReport r = runVectors(GOOD);
        assertEquals("1 passed, 0 failed", r.summary());
    }

    @Test
    void aWrongValueIsReportedWithExpectedAndActual() throws IOException {
        VectorReport r = runVectors(GOOD.replace("\"dust\":\"1\"", "\"dust\":\"2\""));
        assertEquals(1, r.failed());
        VectorReport.Failure f = r.failures().get(0);
        assertEquals("A", f.id());
        assertEquals("allocate.proRata", f.op());
        assertTrue(f.message().contains("dust: expected \"2\" but was \"1\""), f.message());
    }

    @Test
    void anExtraRecipientInANestedMapIsAMismatch() throws IOException {
        VectorReport r = runVectors(GOOD.replace("\"c\":\"3.00\"}", "\"c\":\"3.00\",\"d\":\"0\"}"));
        assertEquals(1, r.failed(), r.failures().toString());
    }

    @Test
    void anExpectedKeyTheOpDoesNotProduceIsAFailure() throws IOException {
        VectorReport r = runVectors(GOOD.replace("\"dust\":\"1\"", "\"dust\":\"1\",\"bonus\":\"0\""));
        assertTrue(r.failures().get(0).message().contains("bonus: expected \"0\" but the op does not produce it"),
                r.failures().toString());
    }

    @Test
    void theExpectedErrorPassesAndAnotherCodeFails() throws IOException {
        String bad = "{\"id\":\"E\",\"op\":\"allocate.proRata\",\"input\":{\"total\":\"-1\",\"decimals\":0,"
                + "\"weights\":{\"a\":\"1\"},\"method\":\"FLOOR_WITH_DUST\"},\"expectError\":\"%s\"}";
        assertEquals("1 passed, 0 failed", runVectors(String.format(bad, "INVALID_ARGUMENT")).summary());
        VectorReport r = runVectors(String.format(bad, "INVALID_STATE"));
        assertTrue(r.failures().get(0).message().startsWith("expected error INVALID_STATE but got INVALID_ARGUMENT: total = -1"),
                r.failures().toString());
    }

    @Test
    void anExpectedErrorThatDoesNotHappenFails() throws IOException {
        VectorReport r = runVectors(GOOD.replace("\"expect\":{\"allocations\":{\"a\":\"3\",\"b\":\"3\",\"c\":\"3.00\"},\"dust\":\"1\"}",
                "\"expectError\":\"LIMIT_EXCEEDED\""));
        assertTrue(r.failures().get(0).message().startsWith("expected error LIMIT_EXCEEDED but got result"), r.failures().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown op|\"op\":\"allocate.proRata\"|\"op\":\"allocate.prorata\"|unknown op \"allocate.prorata\"",
        "missing input field|\"total\":\"10\",|\"\"|$.vectors[0].input.total: missing required field",
        "misspelt input field|\"total\":\"10\",|\"total\":\"10\",\"totl\":\"1\",|$.vectors[0].input.totl: unknown input field",
        "decimal as a number|\"total\":\"10\"|\"total\":10|$.vectors[0].input.total: expected a string, found the number 10",
        "decimal with exponent|\"total\":\"10\"|\"total\":\"1e1\"|$.vectors[0].input.total: expected a plain decimal",
        "bad enum|FLOOR_WITH_DUST|FLOOR|$.vectors[0].input.method: expected one of [FLOOR_WITH_DUST, LARGEST_REMAINDER]",
        "no expectation|,\"expect\":{|,\"expected\":{|$.vectors[0].expected: unknown field",
        "both expectations|\"expect\":{|\"expectError\":\"INVALID_STATE\",\"expect\":{|needs exactly one of \"expect\" and \"expectError\"",
        "bad error code|\"expect\":{\"allocations\":{\"a\":\"3\",\"b\":\"3\",\"c\":\"3.00\"},\"dust\":\"1\"}|\"expectError\":\"BOOM\"|$.vectors[0].expectError: expected one of",
        "missing id|\"id\":\"A\",|\"\"|$.vectors[0].id: expected a non-blank string",
    })
    void aMalformedVectorFailsWithItsJsonPath(String name, String from, String to, String message) throws IOException {
        String vector = GOOD.replace(from, "\"\"".equals(to) ? "" : to);
        VectorReport r = runVectors(vector);
        assertEquals(0, r.passed(), name);
        assertEquals(1, r.failed(), name);
        assertTrue(r.failures().get(0).message().contains(message), name + ": " + r.failures().get(0).message());
    }

    @Test
    void duplicateIdsInOneFileAreMalformed() throws IOException {
        VectorReport r = runVectors(GOOD, GOOD);
        assertEquals("1 passed, 1 failed", r.summary());
        assertTrue(r.failures().get(0).message().contains("duplicate id \"A\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON|{\"format\":|not valid JSON at line 1",
        "wrong format|{\"format\":\"fomo-vectors/2\",\"suite\":\"t\",\"source\":\"s\",\"vectors\":[]}|$.format: expected \"fomo-vectors/1\"",
        "no source|{\"format\":\"fomo-vectors/1\",\"suite\":\"t\",\"vectors\":[]}|$.source: expected a non-blank string",
        "no vectors|{\"format\":\"fomo-vectors/1\",\"suite\":\"t\",\"source\":\"s\",\"vectors\":[]}|$.vectors: expected a non-empty array",
        "array root|[]|$: expected an object",
        "duplicate key|{\"format\":\"fomo-vectors/1\",\"format\":\"x\"}|not valid JSON at line 1",
    })
    void aMalformedFileIsOneFailureNamingWhere(String name, String content, String message) throws IOException {
        VectorReport r = run(content);
        assertEquals("0 passed, 1 failed", r.summary(), name);
        assertTrue(r.failures().get(0).message().contains(message), name + ": " + r.failures().get(0).message());
        assertTrue(r.failures().get(0).file().endsWith("v.json"));
    }

    @Test
    void aMissingPathOrEmptyDirectoryFails() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        VectorReport r = new VectorRunner(OpCatalog.standard()).run(List.of(tmp.resolve("nope.json"), empty));
        assertEquals("0 passed, 2 failed", r.summary());
    }

    @Test
    void theCommandLineExitsNonZeroOnAnyFailureAndPrintsEachFailureThenTheSummary() throws IOException {
        Path good = tmp.resolve("good.json");
        Files.writeString(good, HEAD + GOOD + "]}");
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, HEAD + GOOD.replace("\"dust\":\"1\"", "\"dust\":\"0\"") + "]}");
        StringWriter out = new StringWriter();
        assertEquals(0, FomoCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "vectors", "run", good.toString()));
        assertEquals("1 passed, 0 failed", out.toString().strip());
        out = new StringWriter();
        assertEquals(1, FomoCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "vectors", "run",
                good.toString(), bad.toString()));
        String[] lines = out.toString().strip().split("\n");
        assertEquals(2, lines.length, out.toString());
        assertTrue(lines[0].startsWith("FAIL " + bad + " A [allocate.proRata]: dust: expected \"0\" but was \"1\""), lines[0]);
        assertEquals("1 passed, 1 failed", lines[1]);
    }

    @Test
    void runWithoutArgumentsIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(2, FomoCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "vectors", "run"));
        assertTrue(err.toString().contains("<file|dir>"), err.toString());
    }

    @Test
    void anOpThatNeverReturnsIsAFailureWithItsIdAndTheRunGoesOn() throws IOException {
        // A test-only op that blocks until it is interrupted: the runner must give up on it, say so, and run
        // the next vector. No timing is asserted, only the report.
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        OpCatalog catalog = OpCatalog.standard().with("test.hang", in -> {
            in.has("x");
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return java.util.Map.of("x", "never");
        });
        Path f = tmp.resolve("hang.json");
        Files.writeString(f, HEAD + "{\"id\":\"H\",\"op\":\"test.hang\",\"input\":{},\"expect\":{\"x\":\"1\"}},"
                + GOOD + "]}");
        VectorReport r = new VectorRunner(catalog, java.time.Duration.ofMillis(100)).run(List.of(f));
        assertEquals("1 passed, 1 failed", r.summary(), r.failures().toString());
        VectorReport.Failure hang = r.failures().get(0);
        assertEquals("H", hang.id());
        assertEquals("test.hang", hang.op());
        assertTrue(hang.message().startsWith("timed out"), hang.message());
    }

    @Test
    void anOpThatFailsWithAnErrorIsAFailureNotTheEndOfTheRun() throws IOException {
        OpCatalog catalog = OpCatalog.standard()
                .with("test.overflow", in -> {
                    throw new StackOverflowError("deep");
                })
                .with("test.npe", in -> {
                    throw new NullPointerException("nothing here");
                });
        Path f = tmp.resolve("crash.json");
        Files.writeString(f, HEAD + "{\"id\":\"S\",\"op\":\"test.overflow\",\"input\":{},\"expect\":{\"x\":\"1\"}},"
                + "{\"id\":\"N\",\"op\":\"test.npe\",\"input\":{},\"expectError\":\"INVALID_ARGUMENT\"}," + GOOD + "]}");
        VectorReport r = new VectorRunner(catalog).run(List.of(f));
        assertEquals("1 passed, 2 failed", r.summary(), r.failures().toString());
        assertEquals("S", r.failures().get(0).id());
        assertTrue(r.failures().get(0).message().contains("op crashed: java.lang.StackOverflowError: deep"),
                r.failures().get(0).message());
        assertEquals("N", r.failures().get(1).id());
        assertTrue(r.failures().get(1).message().contains("op crashed: java.lang.NullPointerException"),
                r.failures().get(1).message());
    }

    @Test
    void aBudgetMustBePositive() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new VectorRunner(OpCatalog.standard(), java.time.Duration.ZERO));
    }

    @Test
    void theCommandLineTakesATimeoutAndEndsWithTheSummaryLine() throws IOException {
        Path f = tmp.resolve("good.json");
        Files.writeString(f, HEAD + GOOD + "]}");
        StringWriter out = new StringWriter();
        int status = FomoCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "vectors", "run",
                "--timeout-seconds", "5", f.toString());
        assertEquals(0, status, out.toString());
        assertEquals("1 passed, 0 failed", out.toString().strip());
        StringWriter err = new StringWriter();
        assertEquals(2, FomoCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "vectors", "run",
                "--timeout-seconds", "0", f.toString()));
        assertTrue(err.toString().contains("--timeout-seconds must be between 1 and 86400"), err.toString());
    }
}
