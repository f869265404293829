package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * {@code fomo simulate --journal postgresql://...} against the server of {@code FOMO_POSTGRES_URL} (or a
 * local default), in a schema of its own. Outside CI a missing server skips the test; in CI it fails it.
 */
class SimulatePostgresTest {

    @TempDir
    Path tmp;

    private static String url() {
        String url = System.getenv("FOMO_POSTGRES_URL");
        url = url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/fomo?user=fomo&password=fomo" : url;
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(5);
            return url;
        } catch (SQLException e) {
            String message = "no PostgreSQL server at " + url.replaceAll("password=[^&]*", "password=***") + ": "
                    + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI must provide PostgreSQL (.ci/run starts it): " + message, e);
            }
            throw new TestAbortedException(message);
        }
    }

    @Test
    void aRunJournalsToPostgresqlWithTheSameStateHash() throws SQLException {
        String url = url();
        String schema = "sim_" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String journal = url.substring("jdbc:".length()) + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            String scenario = SimulateCommandTest.SCENARIOS.resolve("failed-raise.json").toString();
            SimulateCommandTest.Outcome pg = SimulateCommandTest.fomo("simulate", scenario, "--days", "9", "--out",
                    tmp.resolve("pg").toString(), "--journal", journal);
            assertEquals(0, pg.status(), pg.err());
            SimulateCommandTest.Outcome memory = SimulateCommandTest.fomo("simulate", scenario, "--days", "9", "--out",
                    tmp.resolve("memory").toString(), "--journal", "memory");
            assertEquals(memory.hash(), pg.hash());
            assertTrue(pg.out().contains("journal:     postgresql://"), pg.out());
            assertFalse(pg.out().matches("(?s).*password=(?!\\*\\*\\*).*"), "no password in the output: " + pg.out());
            SimulateCommandTest.Outcome again = SimulateCommandTest.fomo("simulate", scenario, "--days", "9", "--out",
                    tmp.resolve("again").toString(), "--journal", journal);
            assertEquals(1, again.status(), "the journal now holds the first run");
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
