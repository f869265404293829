package io.fomo.spi.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Snapshot;
import io.fomo.spi.SnapshotStore;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The behaviour every {@link SnapshotStore} adapter must have. An adapter's test class implements this
 * interface and {@link #newStore()}; jqwik runs the inherited properties:
 *
 * <pre>{@code
 * class SqliteSnapshotStoreTest implements SnapshotStoreContract {
 *     public SnapshotStore newStore() { return SqliteSnapshotStore.open(tempDatabase()); }
 * }
 * }</pre>
 */
public interface SnapshotStoreContract {

    /**
     * Returns a new, empty store; called once per try, so it must not share snapshots with stores returned
     * before.
     *
     * @return the store under test
     */
    SnapshotStore newStore();

    /**
     * Snapshots with any valid components: sequences up to 10^12, random heads, rules 1 to 9, a few format
     * tags and 1 to 2,048 bytes of any value.
     *
     * @return the arbitrary
     */
    @Provide
    default Arbitrary<Snapshot> snapshots() {
        return snapshotsAt(Arbitraries.longs().between(1, 1_000_000_000_000L));
    }

    /**
     * Snapshots at sequence numbers drawn from a small range, so that several land on one sequence.
     *
     * @return the arbitrary
     */
    @Provide
    default Arbitrary<List<Snapshot>> crowded() {
        return snapshotsAt(Arbitraries.longs().between(1, 40)).list().ofMaxSize(12);
    }

    private static Arbitrary<Snapshot> snapshotsAt(Arbitrary<Long> sequences) {
        Arbitrary<String> heads = Arbitraries.bytes().array(byte[].class).ofSize(32)
                .map(b -> HexFormat.of().formatHex(b));
        Arbitrary<String> formats = Arbitraries.of("fomo-state/1", "fomo-state/2", "x", "a.b/c-9");
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2_048);
        return Combinators.combine(sequences, heads, Arbitraries.integers().between(1, 9), formats, bytes)
                .as(Snapshot::new);
    }

    /**
     * An empty store offers nothing, at any bound.
     *
     * @param bound any bound
     */
    @Property(tries = 20)
    default void anEmptyStoreHoldsNothing(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long bound) {
        try (SnapshotStore store = newStore()) {
            assertEquals(Optional.empty(), store.latest());
            assertEquals(Optional.empty(), store.latestAtOrBefore(bound));
        }
    }

    /**
     * What is saved comes back exactly, bytes included: the latest is the one with the highest sequence,
     * and the latest at or before a bound is the model's floor entry; a later save at a sequence replaces
     * the earlier one.
     *
     * @param saved  snapshots saved in this order
     * @param bounds bounds to ask for
     */
    @Property(tries = 40)
    default void latestIsTheHighestSequenceAtOrBeforeTheBound(@ForAll("crowded") List<Snapshot> saved,
            @ForAll List<@LongRange(min = 0, max = 45) Long> bounds) {
        try (SnapshotStore store = newStore()) {
            TreeMap<Long, Snapshot> model = new TreeMap<>();
            for (Snapshot s : saved) {
                store.save(s);
                model.put(s.sequence(), s);
                assertSame(model.lastEntry().getValue(), store.latest());
            }
            for (long bound : bounds) {
                Map.Entry<Long, Snapshot> floor = model.floorEntry(bound);
                Optional<Snapshot> got = store.latestAtOrBefore(bound);
                if (floor == null) {
                    assertEquals(Optional.empty(), got, "nothing at or before " + bound);
                } else {
                    assertSame(floor.getValue(), got);
                }
            }
        }
    }

    /**
     * Any snapshot round-trips exactly: every component, every byte value.
     *
     * @param snapshot the snapshot
     */
    @Property(tries = 40)
    default void aSnapshotComesBackExactly(@ForAll("snapshots") Snapshot snapshot) {
        try (SnapshotStore store = newStore()) {
            store.save(snapshot);
            assertSame(snapshot, store.latest());
            assertSame(snapshot, store.latestAtOrBefore(snapshot.sequence()));
            assertEquals(Optional.empty(), store.latestAtOrBefore(snapshot.sequence() - 1));
        }
    }

    /** A large encoding (4 MiB of every byte value) round-trips. */
    @Example
    default void aLargeSnapshotComesBackExactly() {
        byte[] big = new byte[4 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >>> 11));
        }
        Snapshot s = new Snapshot(7, "ab".repeat(32), 1, "fomo-state/1", big);
        try (SnapshotStore store = newStore()) {
            store.save(s);
            assertArrayEquals(big, store.latest().orElseThrow().bytes());
        }
    }

    /**
     * A negative bound is refused, naming the field; a null snapshot is refused.
     *
     * @param bound a negative bound
     */
    @Property(tries = 10)
    default void badArgumentsAreRefused(@ForAll @LongRange(min = Long.MIN_VALUE, max = -1) long bound) {
        try (SnapshotStore store = newStore()) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> store.latestAtOrBefore(bound));
            assertTrue(e.getMessage().startsWith("sequence = "), e.getMessage());
            assertThrows(NullPointerException.class, () -> store.save(null));
        }
    }

    /**
     * Saves from several threads at distinct sequences all land; the latest is the highest.
     *
     * @throws Exception if a thread fails
     */
    @Example
    default void concurrentSavesAllLand() throws Exception {
        try (SnapshotStore store = newStore()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            long seq = 1 + thread + 4L * i;
                            store.save(new Snapshot(seq, "0f".repeat(32), 1, "fomo-state/1",
                                    ("s" + seq).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(40, store.latest().orElseThrow().sequence());
            for (long seq = 1; seq <= 40; seq++) {
                assertArrayEquals(("s" + seq).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        store.latestAtOrBefore(seq).orElseThrow().bytes(), "sequence " + seq);
            }
        }
    }

    private static void assertSame(Snapshot expected, Optional<Snapshot> actual) {
        assertTrue(actual.isPresent(), "expected " + expected + ", the store has none");
        assertEquals(expected, actual.get());
        assertArrayEquals(expected.bytes(), actual.get().bytes());
    }
}
