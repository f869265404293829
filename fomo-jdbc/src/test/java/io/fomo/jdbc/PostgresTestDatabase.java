package io.fomo.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.opentest4j.TestAbortedException;

/**
 * Where the PostgreSQL tests find their server: {@code FOMO_POSTGRES_URL}, or a local default. Outside
 * CI a missing server skips them; in CI ({@code CI=true}) it fails them, because .ci/run starts one.
 */
public final class PostgresTestDatabase {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/fomo?user=fomo&password=fomo";

    private PostgresTestDatabase() {
    }

    public static String url() {
        String url = System.getenv("FOMO_POSTGRES_URL");
        url = url == null || url.isBlank() ? DEFAULT_URL : url;
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(5);
            return url;
        } catch (SQLException e) {
            String message = "no PostgreSQL server at " + url.replaceAll("password=[^&]*", "password=***")
                    + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI must provide PostgreSQL (.ci/run starts it): " + message, e);
            }
            throw new TestAbortedException(message);
        }
    }
}
