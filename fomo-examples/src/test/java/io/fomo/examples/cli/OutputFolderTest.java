package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `fomo simulate --out` never destroys what it did not create, never follows a link, and claims once. */
class OutputFolderTest {

    private static final String SCENARIO = SimulateCommandTest.SCENARIOS.resolve("failed-raise.json").toString();

    @TempDir
    Path tmp;

    @Test
    void aUsersOwnJournalInTheFolderIsNeitherDeletedNorOverwritten() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        byte[] precious = "the user's own database".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("journal.db"), precious);
        Files.write(dir.resolve("journal.db-wal"), precious);
        SimulateCommandTest.Outcome o = SimulateCommandTest.fomo("simulate", SCENARIO, "--out", dir.toString());
        assertEquals(1, o.status(), o.err());
        assertTrue(o.err().contains("holds files this command did not write (journal.db, journal.db-wal)"), o.err());
        assertArrayEquals(precious, Files.readAllBytes(dir.resolve("journal.db")));
        assertArrayEquals(precious, Files.readAllBytes(dir.resolve("journal.db-wal")));
        assertFalse(Files.exists(dir.resolve("daily.csv")));
        assertFalse(Files.exists(dir.resolve(OutputFolder.MARKER)));
    }

    @Test
    void aSecondRunReplacesOnlyTheOutputsOfTheFirst() throws IOException {
        Path dir = tmp.resolve("run");
        SimulateCommandTest.Outcome first = SimulateCommandTest.fomo("simulate", SCENARIO, "--days", "2", "--out",
                dir.toString());
        assertEquals(0, first.status(), first.err());
        assertTrue(Files.isRegularFile(dir.resolve(OutputFolder.MARKER)));
        SimulateCommandTest.Outcome second = SimulateCommandTest.fomo("simulate", SCENARIO, "--days", "2", "--out",
                dir.toString());
        assertEquals(0, second.status(), second.err());
        assertEquals(first.hash(), second.hash());
        Files.writeString(dir.resolve("notes.txt"), "mine");
        SimulateCommandTest.Outcome third = SimulateCommandTest.fomo("simulate", SCENARIO, "--days", "2", "--out",
                dir.toString());
        assertEquals(1, third.status());
        assertTrue(third.err().contains("(notes.txt)"), third.err());
        assertTrue(Files.exists(dir.resolve("daily.csv")), "the earlier outputs stay when a run is refused");
    }

    @Test
    void noSymbolicLinkIsFollowedOutOfTheFolder() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "do not touch");
        Path linkedDir = Files.createSymbolicLink(tmp.resolve("linked"), Files.createDirectories(tmp.resolve("real")));
        SimulateCommandTest.Outcome viaLink = SimulateCommandTest.fomo("simulate", SCENARIO, "--out",
                linkedDir.toString());
        assertEquals(1, viaLink.status());
        assertTrue(viaLink.err().contains("is a symbolic link"), viaLink.err());

        Path dir = tmp.resolve("run");
        assertEquals(0, SimulateCommandTest.fomo("simulate", SCENARIO, "--days", "1", "--out", dir.toString()).status());
        Files.delete(dir.resolve("daily.csv"));
        Files.createSymbolicLink(dir.resolve("daily.csv"), outside);
        SimulateCommandTest.Outcome o = SimulateCommandTest.fomo("simulate", SCENARIO, "--days", "1", "--out",
                dir.toString());
        assertEquals(1, o.status());
        assertTrue(o.err().contains("(daily.csv)"), o.err());
        assertEquals("do not touch", Files.readString(outside));
        assertTrue(Files.isSymbolicLink(dir.resolve("daily.csv")), "the link itself is left as it was");
    }

    @Test
    void twoRunsCannotClaimOneFolderAtOnce() throws IOException {
        Path dir = tmp.resolve("shared");
        Set<String> outputs = Set.of("daily.csv");
        try (OutputFolder first = OutputFolder.claim(dir, outputs)) {
            first.write("daily.csv", new byte[] {1});
            OutputFolder.RefusedException e = assertThrows(OutputFolder.RefusedException.class,
                    () -> OutputFolder.claim(dir, outputs));
            assertTrue(e.getMessage().contains("another run is writing to this folder"), e.getMessage());
        }
        try (OutputFolder again = OutputFolder.claim(dir, outputs)) {
            assertFalse(Files.exists(again.resolve("daily.csv")), "the earlier run's output was replaced");
        }
    }

    @Test
    void aFileThatAppearsDuringTheRunIsNotOverwritten() throws IOException {
        Path dir = tmp.resolve("race");
        try (OutputFolder folder = OutputFolder.claim(dir, Set.of("report.html"))) {
            Files.writeString(dir.resolve("report.html"), "someone else's");
            assertThrows(IOException.class, () -> folder.write("report.html", new byte[] {1}));
            assertEquals("someone else's", Files.readString(dir.resolve("report.html")));
        }
    }
}
