package io.fomo.examples.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fomo.examples.cli.FomoCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every shipped suite, and checks the runner fails loudly on a corrupted copy of each. */
class ShippedVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path shippedDir() {
        String dir = System.getProperty("fomo.vectors.dir");
        if (dir == null) {
            throw new IllegalStateException("system property fomo.vectors.dir is not set (see fomo-examples/pom.xml)");
        }
        return Path.of(dir);
    }

    static List<Path> shippedFiles() throws IOException {
        try (Stream<Path> s = Files.list(shippedDir())) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyShippedSuitePassesThroughTheCommandLine() throws IOException {
        StringWriter out = new StringWriter();
        int status = FomoCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "vectors", "run", shippedDir().toString());
        String[] lines = out.toString().strip().split("\n");
        int total = 0;
        for (Path f : shippedFiles()) {
            total += JSON.readTree(f.toFile()).get("vectors").size();
        }
        assertEquals(total + " passed, 0 failed", lines[lines.length - 1], out.toString());
        assertEquals(0, status);
    }

    @Test
    void exportWritesEveryShippedSuiteByteForByteAndTheCopiesPass(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("a/new/dir");
        StringWriter out = new StringWriter();
        assertEquals(0, FomoCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "vectors", "export",
                dir.toString()), out.toString());
        List<Path> shipped = shippedFiles();
        assertTrue(out.toString().strip().endsWith(shipped.size() + " suites written to " + dir), out.toString());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(shipped.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()),
                    s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        for (Path f : shipped) {
            assertEquals(-1L, Files.mismatch(f, dir.resolve(f.getFileName())), "exported copy differs: " + f);
        }
        VectorReport report = new VectorRunner(OpCatalog.standard()).run(List.of(dir));
        assertEquals(0, report.failed(), report.failures().toString());
    }

    @Test
    void everyOpOfTheCatalogHasShippedVectorsIncludingAnErrorVector() throws IOException {
        Set<String> withResult = new HashSet<>();
        Set<String> withError = new HashSet<>();
        for (Path f : shippedFiles()) {
            for (JsonNode v : JSON.readTree(f.toFile()).get("vectors")) {
                (v.has("expectError") ? withError : withResult).add(v.get("op").textValue());
            }
        }
        for (String op : OpCatalog.standard().names()) {
            assertTrue(withResult.contains(op), "no result vector for " + op);
            assertTrue(withError.contains(op), "no error vector for " + op);
        }
    }

    @Test
    void everyShippedFileNamesItsSource() throws IOException {
        for (Path f : shippedFiles()) {
            JsonNode root = JSON.readTree(f.toFile());
            assertEquals("fomo-vectors/1", root.get("format").textValue(), f.toString());
            assertTrue(root.get("source").textValue().length() > 20, "provenance too thin in " + f);
        }
    }

    /**
     * Corrupts every vector of every shipped file: the first decimal leaf of each expect moves by one
     * unit in its last place, and every expectError names another code. Every vector must then fail.
     */
    @Test
    void aCorruptedCopyOfEveryShippedSuiteFailsVectorByVector(@TempDir Path tmp) throws IOException {
        int vectors = 0;
        for (Path f : shippedFiles()) {
            JsonNode root = JSON.readTree(f.toFile());
            for (JsonNode v : root.get("vectors")) {
                ObjectNode o = (ObjectNode) v;
                if (o.has("expectError")) {
                    String code = o.get("expectError").textValue();
                    o.put("expectError", code.equals("INVALID_ARGUMENT") ? "INVALID_STATE" : "INVALID_ARGUMENT");
                } else {
                    assertTrue(bumpFirstDecimal((ObjectNode) o.get("expect")), "nothing to corrupt in " + v);
                }
                vectors++;
            }
            JSON.writeValue(tmp.resolve(f.getFileName()).toFile(), root);
        }
        VectorReport report = new VectorRunner(OpCatalog.standard()).run(List.of(tmp));
        assertEquals(0, report.passed(), () -> "corrupted vectors passed: " + report.summary());
        assertEquals(vectors, report.failed());
        StringWriter out = new StringWriter();
        assertEquals(1, FomoCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "vectors", "run", tmp.toString()));
        assertTrue(out.toString().strip().endsWith("0 passed, " + vectors + " failed"), out.toString());
    }

    private static boolean bumpFirstDecimal(ObjectNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual() && JsonValues.decimalOrNull(v.textValue()) != null) {
                String s = v.textValue();
                java.math.BigDecimal d = new java.math.BigDecimal(s);
                node.set(e.getKey(), new TextNode(d.add(java.math.BigDecimal.ONE.movePointLeft(Math.max(d.scale(), 0)))
                        .toPlainString()));
                return true;
            }
            if (v.isNumber()) {
                node.put(e.getKey(), v.asLong() + 1);
                return true;
            }
            if (v.isObject() && bumpFirstDecimal((ObjectNode) v)) {
                return true;
            }
            if (v.isArray()) {
                for (JsonNode el : v) {
                    if (el.isObject() && bumpFirstDecimal((ObjectNode) el)) {
                        return true;
                    }
                }
                ((com.fasterxml.jackson.databind.node.ArrayNode) v).add("corrupted");
                return true;
            }
            if (v.isBoolean()) {
                node.put(e.getKey(), !v.booleanValue());
                return true;
            }
            if (v.isTextual()) {
                node.put(e.getKey(), v.textValue() + "-corrupted");
                return true;
            }
        }
        return false;
    }
}
