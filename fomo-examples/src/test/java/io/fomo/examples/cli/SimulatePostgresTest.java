package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.jdbc.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fomo simulate --journal postgresql://...} against a real server ({@link PostgresTestDatabase}: an
 * embedded one, or that of {@code FOMO_POSTGRES_URL}), in a schema of its own.
 */
class SimulatePostgresTest {

    @TempDir
    Path tmp;

    @Test
    void aRunJournalsToPostgresqlWithTheSameStateHash() throws SQLException {
        String url = PostgresTestDatabase.url();
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
