package io.fomo.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.EventId;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The SQLite journal reads a row's key and type as the bytes of their text (CAST AS BLOB), not through the
 * driver's text column: whatever a row edited behind the journal's back holds there (a text, non-ASCII or
 * not, a blob that is no UTF-8 at all, an integer, a real), the journal reads the same text the driver's
 * {@code getString} reads, or refuses the row with the error that text gets.
 */
class SqliteTextColumnProperties {

    private static final TempFolders FOLDERS = new TempFolders();

    @AfterContainer
    static void deleteFolders() {
        FOLDERS.deleteAll();
    }

    /** A value as SQLite may hold it: its storage class and what is bound for it. */
    record Stored(String storage, byte[] bytes, long integer, double real) {
        void bind(PreparedStatement s, int i) throws Exception {
            switch (storage) {
                case "blob" -> s.setBytes(i, bytes);
                case "text" -> s.setString(i, new String(bytes, StandardCharsets.UTF_8));
                case "integer" -> s.setLong(i, integer);
                default -> s.setDouble(i, real);
            }
        }
    }

    @Provide
    Arbitrary<Stored> stored() {
        Arbitrary<byte[]> ascii = Arbitraries.strings().ascii().ofMaxLength(12)
                .map(t -> t.getBytes(StandardCharsets.US_ASCII));
        Arbitrary<byte[]> unicode = Arbitraries.strings().ofMaxLength(8).map(t -> t.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
        Arbitrary<byte[]> bytes = Arbitraries.oneOf(ascii, unicode, anyBytes);
        return net.jqwik.api.Combinators.combine(Arbitraries.of("blob", "text", "integer", "real"), bytes,
                Arbitraries.longs(), Arbitraries.doubles()).as(Stored::new);
    }

    @Property(tries = 150)
    void aKeyAndATypeReadAsTheDriverReadsTheirText(@ForAll("stored") Stored type, @ForAll("stored") Stored key)
            throws Exception {
        Path file = FOLDERS.make("fomo-sqlite-text").resolve("journal.db");
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        try (SqliteEventJournal j = SqliteEventJournal.open(file, SqliteEventJournal.Durability.PROCESS_CRASH)) {
            for (int i = 1; i <= 4; i++) {
                j.append(i - 1, EventId.of("k" + i), List.of(JournalEntry.of("t", new byte[] {(byte) i}, at)));
            }
        }
        String expectedType;
        String expectedKey;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE fomo_events SET type = ?, idem_key = ? WHERE seq = 3")) {
                type.bind(s, 1);
                key.bind(s, 2);
                assertEquals(1, s.executeUpdate());
            }
            try (PreparedStatement s = c.prepareStatement("SELECT type, idem_key FROM fomo_events WHERE seq = 3");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                expectedType = rs.getString(1);
                expectedKey = rs.getString(2);
            }
        }
        try (SqliteEventJournal j = SqliteEventJournal.open(file)) {
            RuntimeException refused = null;
            try {
                JournalEntry.of(expectedType, new byte[] {3}, at);
                EventId.of(expectedKey);
            } catch (RuntimeException e) {
                refused = e;
            }
            if (refused == null) {
                JournalRecord third = j.read(1, 10).get(2);
                assertEquals(expectedType, third.entry().type());
                assertEquals(expectedKey, third.idempotencyKey().value());
            } else {
                RuntimeException expected = refused;
                RuntimeException e = assertThrows(RuntimeException.class, () -> j.read(1, 10));
                assertEquals(expected.getClass(), e.getClass());
                assertEquals(expected.getMessage(), e.getMessage());
            }
        }
    }
}
