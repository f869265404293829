package io.fomo.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary folders of a jqwik container (jqwik has no {@code @TempDir}): each is made under the system's
 * temporary folder and deleted, with what it holds, by {@link #deleteAll()}, which the container calls after
 * closing what it opened in them. Without it every try of a contract left its database behind.
 */
final class TempFolders {

    private final List<Path> made = new ArrayList<>();

    /** Makes a new empty folder whose name starts with {@code prefix}. */
    synchronized Path make(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            made.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every folder made so far with its files; a folder already gone is skipped. */
    synchronized void deleteAll() {
        try {
            for (Path dir : made) {
                if (Files.exists(dir)) {
                    try (Stream<Path> tree = Files.walk(dir)) {
                        for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
            }
            made.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
