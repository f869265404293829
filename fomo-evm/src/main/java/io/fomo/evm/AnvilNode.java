package io.fomo.evm;

import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local anvil node started as a child process on a free loopback port, and stopped by its pid.
 *
 * <p>The binary comes from the npm package {@code @foundry-rs/anvil-linux-amd64} (1.7.1) that the build
 * installs under {@code fomo-evm/target/npm}; {@link #locate()} finds it. The node mines every transaction
 * at once into its own block, which makes receipts available as soon as the transaction is sent; its base
 * fee starts at zero (a development node: gas costs nothing worth counting).
 *
 * <p>This class is thread-safe.
 */
public final class AnvilNode implements AutoCloseable {

    /** The hardfork the node runs, the same as the contracts' pinned {@code evmVersion}. */
    public static final String HARDFORK = "cancun";

    /** The chain id the node reports. */
    public static final long CHAIN_ID = 31337;

    private static final String NPM_BINARY = "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";

    private final Process process;
    private final int port;

    private AnvilNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Finds the anvil binary: the system property {@code fomo.evm.anvil}, the environment variable
     * {@code FOMO_ANVIL}, the npm folder named by the system property {@code fomo.evm.npm}, the build's npm
     * folder {@code fomo-evm/target/npm} below the working directory or its parent, then {@code PATH}.
     *
     * @return the binary, empty if none is found
     */
    public static Optional<Path> locate() {
        String explicit = System.getProperty("fomo.evm.anvil", System.getenv("FOMO_ANVIL"));
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        String npm = System.getProperty("fomo.evm.npm");
        List<Path> candidates = new java.util.ArrayList<>();
        if (npm != null) {
            candidates.add(Path.of(npm, NPM_BINARY));
        }
        candidates.add(Path.of("fomo-evm/target/npm", NPM_BINARY));
        candidates.add(Path.of("../fomo-evm/target/npm", NPM_BINARY));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, "anvil"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Path::toAbsolutePath);
    }

    /**
     * Starts a node on a free port of 127.0.0.1 and waits until it answers.
     *
     * @param binary the anvil binary
     * @return the running node
     * @throws InvalidArgumentException if the binary is not executable
     * @throws InvalidStateException    if the node does not answer within 20 seconds
     */
    public static AnvilNode start(Path binary) {
        Objects.requireNonNull(binary, "binary");
        if (!Files.isExecutable(binary)) {
            throw InvalidArgumentException.of("binary", binary, "is not an executable file");
        }
        InvalidStateException last = null;
        // A free port can be taken between finding and binding it: try a few.
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            ProcessBuilder pb = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--hardfork", HARDFORK, "--chain-id", Long.toString(CHAIN_ID),
                    "--accounts", "2", "--block-base-fee-per-gas", "0", "--silent")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException("starting " + binary, e);
            }
            AnvilNode node = new AnvilNode(p, port);
            try {
                node.awaitReady(Duration.ofSeconds(20));
                return node;
            } catch (InvalidStateException e) {
                node.close();
                last = e;
            }
        }
        throw last;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free loopback port", e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}",
                        StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw InvalidStateException.of("anvil", "pid " + process.pid(),
                        "exited with " + process.exitValue() + " before answering on port " + port);
            }
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"result\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidStateException("interrupted while waiting for anvil", e);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidStateException("interrupted while waiting for anvil", e);
            }
        }
        throw InvalidStateException.of("anvil", "port " + port, "did not answer within " + timeout);
    }

    /**
     * Returns the node's JSON-RPC address.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Returns the node's process id.
     *
     * @return the pid
     */
    public long pid() {
        return process.pid();
    }

    /** Stops the node by its pid (SIGTERM, then SIGKILL after 5 seconds) and waits for it to exit. */
    @Override
    public void close() {
        ProcessHandle.of(process.pid()).ifPresent(h -> {
            h.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    h.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                h.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        });
    }
}
