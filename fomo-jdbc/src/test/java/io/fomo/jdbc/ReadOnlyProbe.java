package io.fomo.jdbc;

import io.fomo.spi.EventId;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.StorageException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Run in a child JVM by {@link SqliteReadOnlyTest} as a user without write access: opens a journal
 * read-only, prints {@code sequence N} and {@code records N}, then tries an append and prints
 * {@code append: KIND} (or {@code append: written}).
 */
public final class ReadOnlyProbe {

    private ReadOnlyProbe() {
    }

    /**
     * Probes a journal.
     *
     * @param args the database file
     */
    public static void main(String[] args) {
        try (SqliteEventJournal j = SqliteEventJournal.openReadOnly(Path.of(args[0]))) {
            long seq = j.currentSequence();
            System.out.println("sequence " + seq);
            System.out.println("records " + j.read(1).size());
            try {
                j.append(seq, EventId.of("probe"), List.of(JournalEntry.of("x", new byte[1], Instant.EPOCH)));
                System.out.println("append: written");
            } catch (StorageException e) {
                System.out.println("append: " + e.kind());
            }
        } catch (StorageException e) {
            System.out.println("open: " + e.kind() + " " + e.getMessage());
        }
    }
}
