package io.fomo.spi;

import io.fomo.spi.contract.SnapshotStoreContract;

/** Runs the snapshot store contract against the in-memory store. */
class InMemorySnapshotStoreTest implements SnapshotStoreContract {

    @Override
    public SnapshotStore newStore() {
        return new InMemorySnapshotStore();
    }
}
