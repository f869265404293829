package io.fomo.spi;

import java.util.Optional;

/**
 * Storage for {@link Snapshot snapshots} of an engine's state, beside its {@link EventJournal}: a restart
 * loads the newest snapshot the journal still backs and folds only the records after it.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #save} stores a snapshot under its sequence number, atomically (a reader sees all of it or
 *       none of it) and durably as the store's journal would an append. A store holds at most one snapshot
 *       per sequence number: saving another at a sequence it already holds replaces it (a snapshot is
 *       derived data; an engine with new rules may write the same point again).</li>
 *   <li>{@link #latest()} returns the snapshot with the highest sequence number;
 *       {@link #latestAtOrBefore(long)} the one with the highest sequence number not above a bound. Both
 *       return exactly what was saved, bytes included.</li>
 *   <li>A store does not check snapshots against anything: the engine that loads one does (docs/journal.md,
 *       "Snapshots").</li>
 * </ul>
 *
 * <p>Implementations are thread-safe. Every adapter passes the contract test kit
 * {@code io.fomo.spi.contract.SnapshotStoreContract} shipped in this module's test jar. A store over a
 * database holds a connection until {@link #close() closed}.
 */
public interface SnapshotStore extends AutoCloseable {

    /**
     * Stores a snapshot, replacing any snapshot held at the same sequence number.
     *
     * @param snapshot the snapshot
     * @throws NullPointerException  if {@code snapshot} is null
     * @throws InvalidStateException if the underlying storage fails; nothing is stored then
     */
    void save(Snapshot snapshot);

    /**
     * Returns the snapshot with the highest sequence number.
     *
     * @return it, or empty when the store holds none
     * @throws InvalidStateException if the underlying storage fails
     */
    Optional<Snapshot> latest();

    /**
     * Returns the snapshot with the highest sequence number at or before a bound (the journal's current
     * sequence, so that a snapshot newer than the journal is never offered).
     *
     * @param sequence the bound, 0 or more
     * @return it, or empty when the store holds none at or before the bound
     * @throws InvalidArgumentException if {@code sequence} is negative
     * @throws InvalidStateException    if the underlying storage fails
     */
    Optional<Snapshot> latestAtOrBefore(long sequence);

    /**
     * Releases what the store holds (a connection). The default does nothing.
     *
     * @throws InvalidStateException if the underlying resource fails to close
     */
    @Override
    default void close() {
    }
}
