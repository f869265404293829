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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs conformance vector files (format {@code fomo-vectors/1}, VECTORS.md) against the SDK.
 *
 * <p>A directory is searched recursively for {@code *.json} files, in sorted order. Every vector is
 * run; nothing is skipped silently: an unknown op, a malformed file or vector, an unexpected error or a
 * mismatch is a failure that says where (file, vector id, JSON path) and what (expected against actual).
 *
 * <p>Each op runs in a worker thread under a time budget ({@link #DEFAULT_BUDGET} unless given): an op that
 * exceeds it, throws anything other than a model error, or even fails with an {@link Error} (stack
 * overflow, out of memory) is a failure with its vector's id, and the run goes on with a fresh worker. A
 * timed-out worker is interrupted and abandoned (it is a daemon thread, so it never keeps the JVM alive).
 * The report therefore always ends, whatever the files hold.
 *
 * <p>Instances are immutable and thread-safe; each {@link #run} uses its own workers.
 */
public final class VectorRunner {

    /** The format tag every file must carry. */
    public static final String FORMAT = "fomo-vectors/1";

    /**
     * The largest vector file read: 16 MiB (the largest shipped suite is about 200 KB). A larger file is one
     * failure, found before any byte of it is read (docs/limits.md).
     */
    public static final long MAX_FILE_BYTES = 16L << 20;

    /** The most vectors one file may hold: 100,000. */
    public static final int MAX_VECTORS = 100_000;

    /** The time one vector's op may take before it is a failure: 20 seconds. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(20);

    private final OpCatalog catalog;
    private final Duration budget;
    private final ObjectMapper json;

    /**
     * Creates a runner over a catalog of ops, with the default time budget per vector.
     *
     * @param catalog the ops
     */
    public VectorRunner(OpCatalog catalog) {
        this(catalog, DEFAULT_BUDGET);
    }

    /**
     * Creates a runner over a catalog of ops.
     *
     * @param catalog the ops
     * @param budget  the time each vector's op may take, positive
     * @throws IllegalArgumentException if the budget is not positive
     */
    public VectorRunner(OpCatalog catalog, Duration budget) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.budget = Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive, was " + budget);
        }
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
        Worker worker = new Worker();
        try {
            for (Path file : expand(paths, failures)) {
                try {
                    passed += runFile(file, failures, worker);
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    // Never expected (ops run in the worker); a file must still not end the run.
                    failures.add(new VectorReport.Failure(file.toString(), "-", "-", "runner crashed on the file: " + e));
                }
            }
        } finally {
            worker.close();
        }
        return new VectorReport(passed, failures);
    }

    /** One daemon thread running ops; replaced when an op overruns, since a Java thread cannot be killed. */
    private final class Worker {
        private ExecutorService executor = newExecutor();

        private ExecutorService newExecutor() {
            return Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "fomo-vector-op");
                t.setDaemon(true);
                return t;
            });
        }

        /** Runs the op; returns its outputs, or throws what it threw, or {@link TimeoutException}. */
        Map<String, Object> run(VectorOp op, VectorInput input) throws TimeoutException, ExecutionException {
            Future<Map<String, Object>> f = executor.submit(() -> op.run(input));
            try {
                return f.get(budget.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                executor.shutdownNow();
                executor = newExecutor();
                throw e;
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw new ExecutionException("the runner was interrupted", e);
            }
        }

        void close() {
            executor.shutdownNow();
        }
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

    private int runFile(Path file, List<VectorReport.Failure> failures, Worker worker) {
        String name = file.toString();
        JsonNode root;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                failures.add(new VectorReport.Failure(name, "-", "-", "malformed file: $: expected a file of at most "
                        + MAX_FILE_BYTES + " bytes, found " + size));
                return 0;
            }
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
            if (vectors.size() > MAX_VECTORS) {
                throw new MalformedVectorException("$.vectors", "expected at most " + MAX_VECTORS + " vectors, found "
                        + vectors.size());
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
                failure = runVector(v, path, worker);
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
    private Optional<String> runVector(JsonNode v, String path, Worker worker) {
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
            out = worker.run(op.get(), input);
        } catch (TimeoutException e) {
            return Optional.of("timed out: the op ran longer than its budget of " + budget.toMillis()
                    + " ms and was abandoned");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof FomoException fe) {
                if (expectedCode == fe.code()) {
                    return Optional.empty();
                }
                return Optional.of(expectedCode == null
                        ? "unexpected error " + fe.code() + ": " + fe.getMessage()
                        : "expected error " + expectedCode + " but got " + fe.code() + ": " + fe.getMessage());
            }
            if (cause instanceof MalformedVectorException me) {
                throw me;
            }
            return Optional.of("op crashed: " + cause);
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
