package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.T0;
import static io.fomo.core.engine.EngineFixture.flock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.EventId;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InMemorySnapshotStore;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.ManualClock;
import io.fomo.spi.Snapshot;
import org.junit.jupiter.api.Test;

/** Restart from a snapshot: the outbox comes back, the tail is folded, the every-N policy stores snapshots. */
class SnapshotRestartTest {

    private final InMemoryEventJournal journal = new InMemoryEventJournal();
    private final InMemorySnapshotStore store = new InMemorySnapshotStore();

    private FomoProtocol.Builder builder() {
        return FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(T0)).autoDispatch(false)
                .snapshots(store);
    }

    @Test
    void undeliveredIntentsComeBackFromTheSnapshotAndTheTailsConfirmationsRemoveThem() {
        FomoProtocol writer = builder().parameters(ProtocolParameters.builder(T0).build()).build();
        writer.submit(EventId.of("d1"), new Command.Deposit(BOB, flock("10")));
        Snapshot s = writer.snapshot();
        assertEquals(2, writer.pendingIntents().size(), "genesis mint and the deposit wait");
        writer.submit(EventId.of("d2"), new Command.Deposit(CAROL, flock("3")));
        assertEquals(3, writer.dispatch());
        writer.submit(EventId.of("d3"), new Command.Deposit(CAROL, flock("4")));

        FomoProtocol restored = builder().build();
        assertEquals(s.sequence(), restored.restoredFromSequence());
        assertEquals(writer.pendingIntents(), restored.pendingIntents());
        assertEquals(1, restored.pendingIntents().size());
        assertEquals(writer.stateHash(), restored.stateHash());
        assertEquals(writer.headHash(), restored.headHash());
        // The restored engine goes on writing the same chain.
        restored.submit(EventId.of("d4"), new Command.Deposit(BOB, flock("1")));
        writer.catchUp();
        assertEquals(writer.headHash(), restored.headHash());
        assertEquals(writer.stateHash(), restored.stateHash());
    }

    @Test
    void everyNthCommandStoresASnapshotThatARestartUses() {
        FomoProtocol writer = builder().parameters(ProtocolParameters.builder(T0).build()).snapshotEvery(2).build();
        for (int i = 1; i <= 5; i++) {
            writer.submit(EventId.of("d" + i), new Command.Deposit(BOB, flock(String.valueOf(i))));
        }
        Snapshot latest = store.latest().orElseThrow();
        assertTrue(latest.sequence() < writer.sequence(), "the 5th command is after the last snapshot");
        FomoProtocol restored = builder().build();
        assertEquals(latest.sequence(), restored.restoredFromSequence());
        assertFalse(restored.snapshotRefusal().isPresent());
        assertEquals(writer.stateHash(), restored.stateHash());
        assertEquals(4, StateSnapshot.decode(latest.bytes()).state().commands);
    }

    @Test
    void aSnapshotPolicyNeedsAStore() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> FomoProtocol.builder()
                .journal(journal).chainGateway(new InMemoryChainGateway()).priceFeed(new InMemoryPriceFeed())
                .clock(ManualClock.startingAt(T0)).parameters(ProtocolParameters.builder(T0).build())
                .snapshotEvery(3).build());
        assertTrue(e.getMessage().startsWith("snapshotEvery = 3"), e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> FomoProtocol.builder().snapshotEvery(-1));
    }
}
