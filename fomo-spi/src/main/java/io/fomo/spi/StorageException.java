package io.fomo.spi;

import java.util.Objects;

/**
 * Raised when the storage under an {@link EventJournal} fails: the database is unreachable, the disk is
 * full, the file or database is read-only, or the stored data is damaged. It is not a rejection of the
 * caller's input: it is no {@link FomoException} and carries none of the four {@link ErrorCode}s, which
 * say what was wrong with a command. Retrying the same call later (with the same idempotency key) may
 * succeed; an append that failed with it either wrote its whole batch or nothing, and a retry with the
 * same key never writes the batch twice.
 *
 * <p>The message is bounded to {@link FomoException#MAX_MESSAGE} characters with control and invisible
 * characters escaped, and never holds a password of the storage's connection.
 */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of storage failure it is. */
    public enum Kind {
        /** The storage cannot be reached (a lost or refused connection, a server shutting down, a lock held too long); retry later. */
        UNAVAILABLE,
        /** The disk or the database's size limit is full; nothing of the failed write was kept. */
        DISK_FULL,
        /** The storage is read-only (a read-only file, folder, mount, database or journal opened for reading). */
        READ_ONLY,
        /** The stored data is damaged (not a database, a corrupt page). */
        CORRUPT,
        /** Any other failure of the storage. */
        OTHER
    }

    /** What failed: part of the serialized form. */
    private final Kind kind;

    /**
     * Creates the error.
     *
     * @param kind    what kind of failure it is
     * @param message what failed, naming the journal (without its password) and the operation
     * @param cause   the underlying failure, or null
     * @throws NullPointerException if the kind is null
     */
    public StorageException(Kind kind, String message, Throwable cause) {
        super(FomoException.bounded(message, FomoException.MAX_MESSAGE), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Returns what kind of storage failure this is.
     *
     * @return the kind, never null
     */
    public Kind kind() {
        return kind;
    }
}
