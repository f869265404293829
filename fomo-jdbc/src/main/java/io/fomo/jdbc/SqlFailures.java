package io.fomo.jdbc;

import io.fomo.spi.StorageException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Sorts a driver's {@link SQLException} into a {@link StorageException.Kind}: PostgreSQL by its SQLState,
 * SQLite by its result code (sqlite-jdbc reports the primary or extended code as the vendor code, and
 * names it in the message).
 */
final class SqlFailures {

    private SqlFailures() {
    }

    /** SQLite primary result codes. */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    static StorageException.Kind classify(SQLException e, JdbcJournal.Dialect dialect) {
        StorageException.Kind best = StorageException.Kind.OTHER;
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException s) {
                StorageException.Kind k = dialect == JdbcJournal.Dialect.POSTGRESQL ? postgres(s) : sqlite(s);
                if (k != StorageException.Kind.OTHER) {
                    return k;
                }
            }
        }
        return best;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException s && s.getNextException() != null && s.getNextException() != t) {
            return s.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    /** By SQLState: class 08 and 57P01..57P03 lost or refused connections, 53100 disk full, and so on. */
    static StorageException.Kind postgres(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return StorageException.Kind.OTHER;
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300")) {
            // connection exceptions; admin shutdown, crash shutdown, cannot connect now (starting up);
            // too many connections
            return StorageException.Kind.UNAVAILABLE;
        }
        if (state.equals("53100")) {
            return StorageException.Kind.DISK_FULL;
        }
        if (state.equals("25006")) {
            // read_only_sql_transaction: a hot standby, or default_transaction_read_only
            return StorageException.Kind.READ_ONLY;
        }
        if (state.equals("XX001") || state.equals("XX002")) {
            return StorageException.Kind.CORRUPT;
        }
        return StorageException.Kind.OTHER;
    }

    static StorageException.Kind sqlite(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        String m = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        if (code == SQLITE_FULL || m.contains("[SQLITE_FULL]")) {
            return StorageException.Kind.DISK_FULL;
        }
        if (code == SQLITE_READONLY || m.contains("[SQLITE_READONLY")) {
            return StorageException.Kind.READ_ONLY;
        }
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB || m.contains("[SQLITE_CORRUPT")
                || m.contains("[SQLITE_NOTADB]")) {
            return StorageException.Kind.CORRUPT;
        }
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_CANTOPEN || m.contains("[SQLITE_BUSY")
                || m.contains("[SQLITE_LOCKED") || m.contains("[SQLITE_CANTOPEN")) {
            return StorageException.Kind.UNAVAILABLE;
        }
        return StorageException.Kind.OTHER;
    }

    /** A human name for the kind, put in front of the driver's message. */
    static String describe(StorageException.Kind kind) {
        return switch (kind) {
            case UNAVAILABLE -> "storage unavailable";
            case DISK_FULL -> "disk full";
            case READ_ONLY -> "read-only";
            case CORRUPT -> "corrupt";
            case OTHER -> "storage failure";
        };
    }
}
