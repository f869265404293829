package io.fomo.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The contract tests' folders are gone, with what they hold, once deleted. */
class TempFoldersTest {

    @Test
    void deletesEveryFolderWithItsFilesAndSkipsOneAlreadyGone() throws IOException {
        TempFolders folders = new TempFolders();
        Path a = folders.make("fomo-temp-folders");
        Path b = folders.make("fomo-temp-folders");
        Path gone = folders.make("fomo-temp-folders");
        Files.write(a.resolve("journal.db"), new byte[] {1, 2, 3});
        Files.createDirectories(b.resolve("nested"));
        Files.write(b.resolve("nested").resolve("journal.db-wal"), new byte[] {4});
        Files.delete(gone);
        assertTrue(Files.isRegularFile(a.resolve("journal.db")));

        folders.deleteAll();

        assertFalse(Files.exists(a), a.toString());
        assertFalse(Files.exists(b), b.toString());
        // Nothing is left to delete a second time.
        folders.deleteAll();
        assertFalse(Files.exists(a));
    }
}
