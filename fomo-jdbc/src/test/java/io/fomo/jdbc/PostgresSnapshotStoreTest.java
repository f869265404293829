package io.fomo.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.InvalidStateException;
import io.fomo.spi.SnapshotStore;
import io.fomo.spi.contract.SnapshotStoreContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The PostgreSQL snapshot store passes the snapshot contract against a real server (embedded unless
 * {@code FOMO_POSTGRES_URL} names one). Each try gets its own table; tables of earlier tries are dropped.
 */
@PropertyDefaults(tries = 15)
class PostgresSnapshotStoreTest implements SnapshotStoreContract {

    private static final Map<String, PostgresSnapshotStore> OPEN = new LinkedHashMap<>();
    private static String url;

    @Override
    public synchronized SnapshotStore newStore() {
        if (url == null) {
            url = PostgresTestDatabase.url();
        }
        dropAll();
        String prefix = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "_";
        PostgresSnapshotStore s = PostgresSnapshotStore.open(url, prefix);
        OPEN.put(prefix, s);
        return s;
    }

    @AfterContainer
    static synchronized void dropAll() {
        if (OPEN.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (Map.Entry<String, PostgresSnapshotStore> e : OPEN.entrySet()) {
                e.getValue().close();
                s.execute("DROP TABLE IF EXISTS " + e.getKey() + "snapshots");
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot drop test tables: " + e.getMessage(), e);
        }
        OPEN.clear();
    }

    /** A server that cannot be reached is a typed error whose message never shows the password. */
    @Example
    void anUnreachableServerNeverShowsThePassword() {
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> PostgresSnapshotStore.open(
                "jdbc:postgresql://127.0.0.1:1/none?user=u&password=s3cr3t-value&connectTimeout=2"));
        assertFalse(e.getMessage().contains("s3cr3t-value"), e.getMessage());
        assertTrue(e.getMessage().contains("password=***"), e.getMessage());
    }
}
