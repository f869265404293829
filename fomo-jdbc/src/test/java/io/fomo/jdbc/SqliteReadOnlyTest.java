package io.fomo.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.EventId;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SqliteEventJournal#openReadOnly}: reads what was written, writes nothing, works where nothing can be written. */
class SqliteReadOnlyTest {

    private static List<JournalEntry> write(Path file, int batches) {
        List<JournalEntry> all = new ArrayList<>();
        try (SqliteEventJournal j = SqliteEventJournal.open(file)) {
            for (int i = 0; i < batches; i++) {
                List<JournalEntry> b = new ArrayList<>();
                for (int k = 0, n = 1 + ThreadLocalRandom.current().nextInt(3); k < n; k++) {
                    b.add(JournalEntry.of("e", ("batch " + i + " entry " + k).getBytes(StandardCharsets.UTF_8),
                            Instant.ofEpochSecond(1_700_000_000L + i, k)));
                }
                j.append(all.size(), EventId.of("k" + i), b);
                all.addAll(b);
            }
        }
        return all;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void readsEverythingAndAnAppendIsReadOnlyAndChangesNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("journal.db");
        List<JournalEntry> written = write(file, 2 + ThreadLocalRandom.current().nextInt(5));
        byte[] before = Files.readAllBytes(file);
        try (SqliteEventJournal ro = SqliteEventJournal.openReadOnly(file)) {
            assertEquals(written.size(), ro.currentSequence());
            assertEquals(written, ro.read(1).stream().map(JournalRecord::entry).toList());
            StorageException e = assertThrows(StorageException.class, () -> ro.append(written.size(), EventId.of("new"),
                    List.of(JournalEntry.of("e", new byte[] {1}, Instant.EPOCH))));
            assertEquals(StorageException.Kind.READ_ONLY, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith("journal sqlite:" + file + ": append failed: read-only: "), e.getMessage());
            assertEquals(written.size(), ro.currentSequence());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void seesWhatALiveWriterCommitted(@TempDir Path dir) {
        Path file = dir.resolve("journal.db");
        try (SqliteEventJournal w = SqliteEventJournal.open(file);
                SqliteEventJournal ro = SqliteEventJournal.openReadOnly(file)) {
            int n = 1 + ThreadLocalRandom.current().nextInt(20);
            for (int i = 0; i < n; i++) {
                w.append(i, EventId.of("k" + i), List.of(JournalEntry.of("e", new byte[] {(byte) i}, Instant.EPOCH)));
                assertEquals(i + 1, ro.currentSequence());
            }
            assertEquals(n, ro.read(1).size());
        }
    }

    @Test
    void aFileWithoutTheJournalsTablesIsAnEmptyJournalAndStaysUntouched(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("empty.db"));
        try (SqliteEventJournal ro = SqliteEventJournal.openReadOnly(file)) {
            assertEquals(0, ro.currentSequence());
            assertEquals(List.of(), ro.read(1));
            StorageException e = assertThrows(StorageException.class, () -> ro.append(0, EventId.of("new"),
                    List.of(JournalEntry.of("e", new byte[] {1}, Instant.EPOCH))));
            assertEquals(StorageException.Kind.READ_ONLY, e.kind(), e.getMessage());
        }
        assertEquals(0, Files.size(file));
    }

    @Test
    void aMissingFileIsNotCreated(@TempDir Path dir) {
        Path file = dir.resolve("missing.db");
        StorageException e = assertThrows(StorageException.class, () -> SqliteEventJournal.openReadOnly(file));
        assertEquals(StorageException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
        assertTrue(Files.notExists(file));
    }

    /**
     * A journal in a folder and file nobody may write (0555, 0444). Root ignores those bits, so as root the
     * read-only open runs in a child JVM inside a user namespace ({@code unshare -U}), where the bits apply;
     * otherwise in this JVM. It reads every record, creates no {@code -wal} or {@code -shm}, and an append
     * fails with {@code READ_ONLY}.
     */
    @Test
    void readsAJournalInAReadOnlyFolderWithoutCreatingAnything(@TempDir Path dir) throws Exception {
        // The test's folder must be passable for the other users (the child runs as one).
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path folder = Files.createDirectory(dir.resolve("ro"));
        Path file = folder.resolve("journal.db");
        List<JournalEntry> written = write(file, 3 + ThreadLocalRandom.current().nextInt(4));
        assertEquals(List.of("journal.db"), names(folder));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            List<String> lines;
            if (((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0) {
                lines = probeAsNonRoot(file, dir);
            } else {
                lines = new ArrayList<>();
                try (SqliteEventJournal ro = SqliteEventJournal.openReadOnly(file)) {
                    lines.add("sequence " + ro.currentSequence());
                    lines.add("records " + ro.read(1).size());
                    StorageException e = assertThrows(StorageException.class, () -> ro.append(written.size(),
                            EventId.of("probe"), List.of(JournalEntry.of("x", new byte[1], Instant.EPOCH))));
                    lines.add("append: " + e.kind());
                }
            }
            assertEquals(List.of("sequence " + written.size(), "records " + written.size(), "append: READ_ONLY"), lines);
            assertEquals(List.of("journal.db"), names(folder));
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static List<String> probeAsNonRoot(Path file, Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = dir.resolve("probe.out");
        Process p = new ProcessBuilder("unshare", "-U", java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), ReadOnlyProbe.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe did not finish");
        String text = Files.readString(out);
        assertEquals(0, p.exitValue(), text);
        return text.lines().filter(l -> l.startsWith("sequence ") || l.startsWith("records ")
                || l.startsWith("append: ") || l.startsWith("open: ")).toList();
    }
}
