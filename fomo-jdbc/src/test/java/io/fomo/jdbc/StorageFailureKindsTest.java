package io.fomo.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fomo.spi.StorageException.Kind;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The SQLStates and SQLite result codes each kind stands for. The failures that can be produced for real
 * are tested for real elsewhere (a restart, a size limit, a read-only file); these are the ones a test
 * cannot produce on this machine (a full PostgreSQL disk, a standby, a corrupt page).
 */
class StorageFailureKindsTest {

    private static Kind pg(String state) {
        return SqlFailures.classify(new SQLException("m", state), JdbcJournal.Dialect.POSTGRESQL);
    }

    private static Kind sqlite(int code, String message) {
        return SqlFailures.classify(new SQLException(message, null, code), JdbcJournal.Dialect.SQLITE);
    }

    @Test
    void postgresqlStates() {
        assertEquals(Kind.UNAVAILABLE, pg("08006"));
        assertEquals(Kind.UNAVAILABLE, pg("08001"));
        assertEquals(Kind.UNAVAILABLE, pg("08003"));
        assertEquals(Kind.UNAVAILABLE, pg("57P01"));
        assertEquals(Kind.UNAVAILABLE, pg("57P03"));
        assertEquals(Kind.DISK_FULL, pg("53100"));
        assertEquals(Kind.READ_ONLY, pg("25006"));
        assertEquals(Kind.CORRUPT, pg("XX001"));
        assertEquals(Kind.OTHER, pg("23505"));
        assertEquals(Kind.OTHER, pg(null));
    }

    @Test
    void aBatchsNextExceptionDecides() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "xx000", new int[0]);
        batch.setNextException(new SQLException("could not extend file: No space left on device", "53100"));
        assertEquals(Kind.DISK_FULL, SqlFailures.classify(batch, JdbcJournal.Dialect.POSTGRESQL));
    }

    @Test
    void sqliteCodes() {
        assertEquals(Kind.DISK_FULL, sqlite(13, "[SQLITE_FULL] Insertion failed because database is full"));
        assertEquals(Kind.READ_ONLY, sqlite(8, "[SQLITE_READONLY] Attempt to write a readonly database"));
        assertEquals(Kind.READ_ONLY, sqlite(1544, "[SQLITE_READONLY_DIRECTORY]"));
        assertEquals(Kind.CORRUPT, sqlite(26, "[SQLITE_NOTADB] File opened that is not a database file"));
        assertEquals(Kind.CORRUPT, sqlite(11, "[SQLITE_CORRUPT] The database disk image is malformed"));
        assertEquals(Kind.UNAVAILABLE, sqlite(5, "[SQLITE_BUSY] The database file is locked"));
        assertEquals(Kind.OTHER, sqlite(1, "[SQLITE_ERROR] SQL error or missing database"));
    }
}
