package io.fomo.jdbc;

import io.fomo.spi.EventJournal;
import io.fomo.spi.contract.EventJournalContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The PostgreSQL journal passes the journal contract against a real server. Each try gets its own
 * tables; the journals of earlier tries are closed and their tables dropped.
 */
@PropertyDefaults(tries = 25)
class PostgresEventJournalTest implements EventJournalContract {

    private static final Map<String, PostgresEventJournal> OPEN = new LinkedHashMap<>();
    private static String url;

    @Override
    public synchronized EventJournal newJournal() {
        if (url == null) {
            url = PostgresTestDatabase.url();
        }
        dropAll();
        String prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "_";
        PostgresEventJournal j = PostgresEventJournal.open(url, prefix);
        OPEN.put(prefix, j);
        return j;
    }

    @AfterContainer
    static synchronized void dropAll() {
        if (OPEN.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (Map.Entry<String, PostgresEventJournal> e : OPEN.entrySet()) {
                e.getValue().close();
                s.execute("DROP TABLE IF EXISTS " + e.getKey() + "events, " + e.getKey() + "batches");
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot drop test tables: " + e.getMessage(), e);
        }
        OPEN.clear();
    }
}
