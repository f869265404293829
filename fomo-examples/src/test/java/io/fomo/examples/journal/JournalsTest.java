package io.fomo.examples.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.jdbc.PostgresEventJournal;
import io.fomo.jdbc.PostgresTestDatabase;
import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.StorageException;
import io.fomo.spi.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JournalsTest {

    private static final JournalEntry ENTRY = JournalEntry.of("note", "x".getBytes(StandardCharsets.UTF_8),
            Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void memoryIsAFreshEmptyJournalEachTime() {
        EventJournal a = Journals.open("memory");
        EventJournal b = Journals.openExisting("memory");
        assertInstanceOf(InMemoryEventJournal.class, a);
        a.append(0, EventId.of("k"), List.of(ENTRY));
        assertEquals(1, a.currentSequence());
        assertEquals(0, b.currentSequence());
        Journals.close(a);
    }

    @Test
    void sqliteCreatesTheFileAndOpenExistingReadsItBack(@TempDir Path dir) {
        Path file = dir.resolve("j.db");
        EventJournal j = Journals.open("sqlite:" + file);
        assertInstanceOf(SqliteEventJournal.class, j);
        j.append(0, EventId.of("k"), List.of(ENTRY));
        Journals.close(j);
        assertTrue(Files.isRegularFile(file));
        EventJournal again = Journals.openExisting("sqlite:" + file);
        try {
            assertEquals(ENTRY, again.read(1, 10).get(0).entry());
        } finally {
            Journals.close(again);
        }
    }

    @Test
    void closeReleasesTheConnection(@TempDir Path dir) {
        EventJournal j = Journals.open("sqlite:" + dir.resolve("j.db"));
        Journals.close(j);
        assertThrows(InvalidStateException.class, j::currentSequence);
    }

    @Test
    void openExistingRefusesAMissingSqliteFileAndCreatesNothing(@TempDir Path dir) {
        Path file = dir.resolve("missing.db");
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Journals.openExisting("sqlite:" + file));
        assertTrue(e.getMessage().startsWith("journal = \"sqlite:" + file + "\": no such file"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void sqliteInAMissingFolderOrOnAFolderIsRejected(@TempDir Path dir) {
        String missing = "sqlite:" + dir.resolve("nope").resolve("j.db");
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> Journals.open(missing));
        assertTrue(e.getMessage().contains(missing) && e.getMessage().contains("does not exist"), e.getMessage());
        InvalidArgumentException f = assertThrows(InvalidArgumentException.class, () -> Journals.open("sqlite:" + dir));
        assertTrue(f.getMessage().contains("is a folder"), f.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "memory ", "Memory", "mem", "ftp://host/db", "sqlite", "sqlite:", "sqlite:  ",
        "postgresql://", "postgresql://host", "postgresql://host/", "postgresql:db", "postgres://host/db",
        "jdbc:sqlite:j.db", "jdbc:postgresql:db"})
    void malformedSpecsAreRejectedNamingTheSpec(String spec) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> Journals.open(spec));
        assertTrue(e.getMessage().startsWith("journal = \"" + spec + "\": "), e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> Journals.openExisting(spec));
    }

    @Test
    void anUnknownSchemeListsTheAcceptedForms() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> Journals.open("ftp://x"));
        assertEquals("journal = \"ftp://x\": unknown kind of journal; expected " + Journals.USAGE, e.getMessage());
    }

    @Test
    void passwordsNeverAppearInMessages() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Journals.open("postgresql://host?user=u&password=s3cret"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("password=***"), e.getMessage());
        // Port 1 refuses at once: the open fails, and says where without the password.
        StorageException f = assertThrows(StorageException.class,
                () -> Journals.open("postgresql://127.0.0.1:1/fomo?user=u&password=s3cret"));
        assertEquals(StorageException.Kind.UNAVAILABLE, f.kind(), f.getMessage());
        assertFalse(f.getMessage().contains("s3cret"), f.getMessage());
        assertEquals("postgresql://h/d?user=u&password=***&ssl=true",
                Journals.redact("postgresql://h/d?user=u&password=s3cret&ssl=true"));
    }

    @Test
    void passwordsAreMaskedInEverySpelling() {
        String[] secretSpecs = {
                "postgresql://u:s3cret@127.0.0.1:1/fomo",
                "jdbc:postgresql://u:s3cret@127.0.0.1:1/fomo?ssl=false",
                "postgresql://127.0.0.1:1/fomo?user=u&PASSWORD=s3cret",
                "postgresql://127.0.0.1:1/fomo?user=u&Password = s3cret",
                "postgresql://u:s3cret@",
                "postgresql:u:s3cret@host",
                "mysql://u:s3cret@host/db",
                "host=127.0.0.1 password=s3cret dbname=fomo"};
        for (String spec : secretSpecs) {
            assertFalse(Journals.redact(spec).contains("s3cret"), Journals.redact(spec));
            RuntimeException e = assertThrows(RuntimeException.class, () -> Journals.open(spec), spec);
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertTrue(e instanceof InvalidArgumentException || e instanceof StorageException, e.toString());
        }
        assertEquals("postgresql://u:***@h/d", Journals.redact("postgresql://u:s3cret@h/d"));
        assertEquals("a PASSWORD=*** b", Journals.redact("a PASSWORD=s3cret b"));
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> Journals.open(null));
        assertThrows(NullPointerException.class, () -> Journals.openExisting(null));
        assertThrows(NullPointerException.class, () -> Journals.close(null));
        assertThrows(NullPointerException.class, () -> Journals.redact(null));
    }

    @Test
    void postgresqlSpecsOpenTheServerWithOrWithoutJdbcInFront() throws Exception {
        String url = PostgresTestDatabase.url();
        String schema = "journals_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String jdbc = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            EventJournal j = Journals.open(jdbc.substring("jdbc:".length()));
            assertInstanceOf(PostgresEventJournal.class, j);
            j.append(0, EventId.of("k"), List.of(ENTRY));
            Journals.close(j);
            EventJournal again = Journals.openExisting(jdbc);
            try {
                assertEquals(ENTRY, again.read(1, 10).get(0).entry());
            } finally {
                Journals.close(again);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
