/**
 * Durable {@link io.fomo.spi.EventJournal event journals} over JDBC: an embedded SQLite file and a
 * PostgreSQL database. Depends on {@code io.fomo.spi} and {@code java.sql}; the JDBC drivers (sqlite-jdbc,
 * the PostgreSQL driver) are found by {@link java.sql.DriverManager} as {@code java.sql.Driver} services,
 * so they only need to be on the class or module path, which this module's Maven dependencies ensure.
 */
module io.fomo.jdbc {
    requires transitive io.fomo.spi;
    requires java.sql;

    exports io.fomo.jdbc;
}
