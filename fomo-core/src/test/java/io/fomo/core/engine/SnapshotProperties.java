package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InMemorySnapshotStore;
import io.fomo.spi.ManualClock;
import io.fomo.spi.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Snapshots of the whole state: the encoding round-trips (same state hash, same bytes), and a restart from a
 * snapshot taken at any point, followed by the journal's tail, is the full replay, hash for hash.
 */
class SnapshotProperties {

    private static final AccountId ACME = AccountId.of("acme");

    /** Runs a script (the engine properties' commands plus metering), taking a snapshot where asked. */
    static List<Snapshot> run(EngineFixture f, List<EngineProperties.Step> script, Set<Integer> snapshotAt) {
        List<Snapshot> taken = new ArrayList<>();
        int n = 0;
        for (EngineProperties.Step s : script) {
            Command c = command(f, s, n);
            n++;
            try {
                f.protocol.submit(EventId.of("s" + n), c);
            } catch (FomoException rejected) {
                // Rejections are part of a random script; they write nothing.
            }
            if (snapshotAt.contains(n)) {
                taken.add(f.protocol.snapshotNow());
            }
        }
        return taken;
    }

    /**
     * The engine properties' commands, plus metering (top-ups, token-priced calls), parameter changes
     * (pending, then history) and gmFLOCK locks of one day withdrawn later (fees).
     */
    private static Command command(EngineFixture f, EngineProperties.Step s, int n) {
        long u = s.units();
        if (s.kind() == 1 && u % 3 == 0) {
            return new TopUpCredits(ACME, Amount.ofUnits(Asset.USD, u));
        }
        if (s.kind() == 2 && u % 3 == 0) {
            return new RecordTokenUsage(EventId.of("req" + n), DEP, s.user(), ACME,
                    new TokenCounts(u % 5_000, u % 100, u % 700), Amount.ofUnits(Asset.USD, u % 90_000), f.clock.now());
        }
        if (s.kind() == 4 && u % 4 == 0) {
            return new Command.ChangeParameters(ParameterChange.of(io.fomo.core.revenue.RevenueWeights.builder()
                    .mtBuybackBps(5000).flockBuybackBps(1000).treasuryBps(1500).issuerBps(2500).build(),
                    new java.math.BigDecimal("0." + (1 + u % 9)), new java.math.BigDecimal("0.5"),
                    io.fomo.core.revenue.BuybackParameters.defaults()));
        }
        if (s.kind() == 5 && u % 2 == 0) {
            return new Command.LockGmFlock(s.user(), Amount.ofUnits(Asset.FLOCK,
                    java.math.BigInteger.valueOf(u).multiply(java.math.BigInteger.TEN.pow(12))), 1);
        }
        if (s.kind() == 7 && u % 2 == 0) {
            return new Command.WithdrawGmFlock(s.user(), EventId.of("s" + Math.max(1, n - u % 8)));
        }
        return EngineProperties.command(f, s, n);
    }

    @Property(tries = 30)
    void decodeOfEncodeIsTheSameStateAndTheSameBytes(@ForAll(supplier = EngineProperties.Scripts.class) List<EngineProperties.Step> script) {
        EngineFixture f = new EngineFixture().graduated();
        f.protocol.dispatch();
        run(f, script, Set.of());
        State s = f.protocol.stateForTest();
        byte[] bytes = f.protocol.snapshotNow().bytes();
        StateSnapshot.Decoded d = StateSnapshot.decode(bytes);
        assertEquals(StateHash.of(s), StateHash.of(d.state()));
        assertArrayEquals(bytes, StateSnapshot.encode(d.state(), d.sequence(), d.head(), d.journalRules(),
                d.outbox().values()));
        assertEquals(f.protocol.pendingIntents(), List.copyOf(d.outbox().values()));
        assertEquals(s.commands, d.state().commands);
        assertEquals(new java.util.TreeMap<>(s.seen), new java.util.TreeMap<>(d.state().seen));
    }

    @Property(tries = 30)
    void snapshotPlusTailIsTheFullReplayHashForHash(@ForAll(supplier = EngineProperties.Scripts.class) List<EngineProperties.Step> script,
            @ForAll List<@net.jqwik.api.constraints.IntRange(min = 0, max = 30) Integer> points) {
        EngineFixture f = new EngineFixture().graduated();
        List<Snapshot> taken = run(f, script, Set.copyOf(points));
        FomoProtocol full = restart(f, null);
        assertEquals(0, full.restoredFromSequence());
        for (Snapshot snap : taken) {
            InMemorySnapshotStore store = new InMemorySnapshotStore();
            store.save(snap);
            FomoProtocol restored = restart(f, store);
            assertEquals(Optional_empty(), restored.snapshotRefusal());
            assertEquals(snap.sequence(), restored.restoredFromSequence());
            assertEquals(full.stateHash(), restored.stateHash(), "state hash from the snapshot at " + snap.sequence());
            assertEquals(full.headHash(), restored.headHash());
            assertEquals(full.sequence(), restored.sequence());
            assertEquals(full.commandCount(), restored.commandCount());
            assertEquals(full.pendingIntents(), restored.pendingIntents());
            assertEquals(f.protocol.stateHash(), restored.stateHash());
        }
    }

    private static java.util.Optional<String> Optional_empty() {
        return java.util.Optional.empty();
    }

    static FomoProtocol restart(EngineFixture f, InMemorySnapshotStore store) {
        FomoProtocol.Builder b = FomoProtocol.builder().journal(f.journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(T0)).autoDispatch(false);
        if (store != null) {
            b.snapshots(store);
        }
        return b.build();
    }

    @Property(tries = 10)
    void aSnapshotTakenAfterTheRestartIsTheSameBytes(@ForAll(supplier = EngineProperties.Scripts.class) List<EngineProperties.Step> script) {
        EngineFixture f = new EngineFixture().graduated();
        run(f, script, Set.of());
        InMemorySnapshotStore store = new InMemorySnapshotStore();
        FomoProtocol writer = FomoProtocol.builder().journal(f.journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(T0)).autoDispatch(false)
                .snapshots(store).build();
        Snapshot first = writer.snapshot();
        FomoProtocol again = restart(f, store);
        assertEquals(first.sequence(), again.restoredFromSequence());
        assertTrue(again.snapshotRefusal().isEmpty());
        assertArrayEquals(first.bytes(), again.snapshotNow().bytes());
    }
}
