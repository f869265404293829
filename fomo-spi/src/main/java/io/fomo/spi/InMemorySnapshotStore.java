package io.fomo.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference {@link SnapshotStore}: snapshots in memory, by sequence number, for tests and simulations.
 *
 * <p>This class is thread-safe: every method holds the store's lock.
 */
public final class InMemorySnapshotStore implements SnapshotStore {

    private final TreeMap<Long, Snapshot> snapshots = new TreeMap<>();

    /** Creates an empty store. */
    public InMemorySnapshotStore() {
    }

    @Override
    public synchronized void save(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        snapshots.put(snapshot.sequence(), snapshot);
    }

    @Override
    public synchronized Optional<Snapshot> latest() {
        Map.Entry<Long, Snapshot> e = snapshots.lastEntry();
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }

    @Override
    public synchronized Optional<Snapshot> latestAtOrBefore(long sequence) {
        if (sequence < 0) {
            throw InvalidArgumentException.of("sequence", sequence, "must not be negative");
        }
        Map.Entry<Long, Snapshot> e = snapshots.floorEntry(sequence);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }
}
