package io.fomo.examples.vectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.FomoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs conformance vector files (format {@code fomo-vectors/1}, VECTORS.md) against the SDK.
 *
 * <p>A directory is searched recursively for {@code *.json} files, in sorted order. Every vector is
 * run; nothing is skipped silently: an unknown op, a malformed file or vector, an unexpected error or a
 * mismatch is a failure that says where (file, vector id, JSON path) and what (expected against actual).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class VectorRunner {

    /** The format tag every file must carry. */
    public static final String FORMAT = "fomo-vectors/1";

    private final OpCatalog catalog;
    private final ObjectMapper json;

    /**
     * Creates a runner over a catalog of ops.
     *
     * @param catalog the ops
     */
    public VectorRunner(OpCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * Runs files and directories.
     *
     * @param paths files, or directories searched recursively for {@code *.json}
     * @return the report
     */
    public VectorReport run(List<Path> paths) {
        int passed = 0;
        List<VectorReport.Failure> failures = new ArrayList<>();
        for (Path file : expand(paths, failures)) {
            passed += runFile(file, failures);
        }
        return new VectorReport(passed, failures);
    }

    private List<Path> expand(List<Path> paths, List<VectorReport.Failure> failures) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    List<Path> found = s.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json"))
                            .sorted().collect(Collectors.toList());
                    if (found.isEmpty()) {
                        failures.add(new VectorReport.Failure(p.toString(), "-", "-",
                                "directory holds no *.json vector file"));
                    }
                    files.addAll(found);
                } catch (IOException e) {
                    failures.add(new VectorReport.Failure(p.toString(), "-", "-", "cannot list: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                failures.add(new VectorReport.Failure(p.toString(), "-", "-", "no such file or directory"));
            }
        }
        return files;
    }

    private int runFile(Path file, List<VectorReport.Failure> failures) {
        String name = file.toString();
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            failures.add(new VectorReport.Failure(name, "-", "-", "not valid JSON" + where + ": " + e.getOriginalMessage()));
            return 0;
        } catch (IOException e) {
            failures.add(new VectorReport.Failure(name, "-", "-", "cannot read: " + e.getMessage()));
            return 0;
        }
        JsonNode vectors;
        try {
            if (root == null || !root.isObject()) {
                throw new MalformedVectorException("$", "expected an object");
            }
            JsonNode format = root.get("format");
            if (format == null || !FORMAT.equals(format.asText(null)) || !format.isTextual()) {
                throw new MalformedVectorException("$.format", "expected \"" + FORMAT + "\", found "
                        + VectorInput.kind(format));
            }
            requireText(root, "suite", "$.suite");
            requireText(root, "source", "$.source");
            vectors = root.get("vectors");
            if (vectors == null || !vectors.isArray() || vectors.isEmpty()) {
                throw new MalformedVectorException("$.vectors", "expected a non-empty array, found "
                        + VectorInput.kind(vectors));
            }
        } catch (MalformedVectorException e) {
            failures.add(new VectorReport.Failure(name, "-", "-", "malformed file: " + e.getMessage()));
            return 0;
        }
        int passed = 0;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < vectors.size(); i++) {
            String path = "$.vectors[" + i + "]";
            JsonNode v = vectors.get(i);
            String id = v != null && v.get("id") != null && v.get("id").isTextual() ? v.get("id").textValue() : "#" + i;
            String op = v != null && v.get("op") != null && v.get("op").isTextual() ? v.get("op").textValue() : "-";
            Optional<String> failure;
            try {
                if (!ids.add(id)) {
                    throw new MalformedVectorException(path + ".id", "duplicate id \"" + id + "\" in this file");
                }
                failure = runVector(v, path);
            } catch (MalformedVectorException e) {
                failure = Optional.of("malformed vector: " + e.getMessage());
            }
            if (failure.isPresent()) {
                failures.add(new VectorReport.Failure(name, id, op, failure.get()));
            } else {
                passed++;
            }
        }
        return passed;
    }

    private static void requireText(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw new MalformedVectorException(path, "expected a non-blank string, found " + VectorInput.kind(v));
        }
    }

    /** Runs one vector; returns the failure message, or empty when it passed. */
    private Optional<String> runVector(JsonNode v, String path) {
        if (v == null || !v.isObject()) {
            throw new MalformedVectorException(path, "expected an object, found " + VectorInput.kind(v));
        }
        requireText(v, "id", path + ".id");
        requireText(v, "op", path + ".op");
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Set.of("id", "op", "input", "expect", "expectError", "note").contains(k)) {
                throw new MalformedVectorException(path + "." + k, "unknown field");
            }
        }
        String opName = v.get("op").textValue();
        JsonNode expect = v.get("expect");
        JsonNode expectError = v.get("expectError");
        if ((expect == null) == (expectError == null)) {
            throw new MalformedVectorException(path, "needs exactly one of \"expect\" and \"expectError\"");
        }
        if (expect != null && (!expect.isObject() || expect.isEmpty())) {
            throw new MalformedVectorException(path + ".expect", "expected a non-empty object, found "
                    + VectorInput.kind(expect));
        }
        ErrorCode expectedCode = null;
        if (expectError != null) {
            expectedCode = errorCode(expectError, path + ".expectError");
        }
        VectorInput input = new VectorInput(v.get("input"), path + ".input");
        Optional<VectorOp> op = catalog.find(opName);
        if (op.isEmpty()) {
            return Optional.of("unknown op \"" + opName + "\" (known: " + String.join(", ", catalog.names()) + ")");
        }
        Map<String, Object> out;
        try {
            out = op.get().run(input);
        } catch (FomoException e) {
            if (expectedCode == e.code()) {
                return Optional.empty();
            }
            return Optional.of(expectedCode == null
                    ? "unexpected error " + e.code() + ": " + e.getMessage()
                    : "expected error " + expectedCode + " but got " + e.code() + ": " + e.getMessage());
        } catch (MalformedVectorException e) {
            throw e;
        } catch (RuntimeException e) {
            return Optional.of("op crashed: " + e);
        }
        List<String> unread = input.unread();
        if (!unread.isEmpty()) {
            throw new MalformedVectorException(unread.get(0), "unknown input field for op " + opName
                    + (unread.size() > 1 ? " (and " + (unread.size() - 1) + " more: " + unread + ")" : ""));
        }
        if (expectedCode != null) {
            return Optional.of("expected error " + expectedCode + " but got result " + JsonValues.toJson(out));
        }
        JsonNode actual = JsonValues.toJson(out);
        List<String> mismatches = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = actual.get(e.getKey());
            if (a == null) {
                mismatches.add(e.getKey() + ": expected " + e.getValue() + " but the op does not produce it");
            } else if (!JsonValues.matches(e.getValue(), a)) {
                mismatches.add(e.getKey() + ": expected " + e.getValue() + " but was " + a);
            }
        }
        return mismatches.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", mismatches));
    }

    private static ErrorCode errorCode(JsonNode node, String path) {
        if (node.isTextual()) {
            for (ErrorCode c : ErrorCode.values()) {
                if (c.name().equals(node.textValue())) {
                    return c;
                }
            }
        }
        throw new MalformedVectorException(path, "expected one of INVALID_ARGUMENT, INVALID_STATE, "
                + "INSUFFICIENT_LIQUIDITY, LIMIT_EXCEEDED, found " + VectorInput.kind(node));
    }
}
