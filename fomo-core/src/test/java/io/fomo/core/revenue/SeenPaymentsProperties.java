package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.EventId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link SeenPayments} against a plain {@link HashSet} as its model: random days of new ids, each day frozen
 * into a level at its close, with versions kept and branched from, and ids whose hashes collide; every
 * version holds exactly its model's ids, and the levels stay logarithmic in number.
 */
class SeenPaymentsProperties {

    /** Ids from a pool, some with equal hashes ("Aa" and "BB" hash alike, so do strings built of them). */
    private static EventId id(int i) {
        return i % 7 == 0 ? EventId.of("c" + ((i & 1) == 0 ? "Aa" : "BB") + (i / 14)) : EventId.of("pay-" + i);
    }

    /** The versions a run of days made, each kept with the ids it must hold; a day may start from an earlier one. */
    private static final class History {
        final List<SeenPayments> versions = new ArrayList<>();
        final List<Set<EventId>> models = new ArrayList<>();
        SeenPayments set = SeenPayments.empty();
        Set<EventId> model = new HashSet<>();

        /** One time in {@code oneIn}, the day starts from an earlier version: a branch. */
        void maybeBranch(SplittableRandom r, int oneIn) {
            if (!versions.isEmpty() && r.nextInt(oneIn) == 0) {
                int k = r.nextInt(versions.size());
                set = versions.get(k);
                model = new HashSet<>(models.get(k));
            }
        }

        /** A payment alone: the set is asked first whether it holds the id, as a ledger asks. */
        void pay(EventId id) {
            assertEquals(model.contains(id), set.contains(id), id.value());
            if (model.add(id)) {
                set = set.plusAbsent(id);
            }
        }

        void keep() {
            versions.add(set);
            models.add(new HashSet<>(model));
        }

        /** Every kept version holds exactly its model's ids: its size, its listing, and each of {@code probes}. */
        void assertExact(List<EventId> probes) {
            for (int v = 0; v < versions.size(); v++) {
                SeenPayments version = versions.get(v);
                Set<EventId> m = models.get(v);
                assertEquals(m.size(), version.size(), "version " + v);
                Set<EventId> listed = new HashSet<>();
                version.forEach(listed::add);
                assertEquals(m, listed, "version " + v);
                for (EventId id : probes) {
                    assertEquals(m.contains(id), version.contains(id), "version " + v + ", " + id.value());
                }
                EventId[] all = m.toArray(new EventId[0]);
                assertEquals(all.length > 0, version.containsAny(all), "version " + v + ": containsAny");
                // Each level is at least twice the next one, so there are at most log2(size) + 1 of them.
                assertTrue(version.levels() <= 1 + 32 - Integer.numberOfLeadingZeros(Math.max(1, version.size())),
                        version.levels() + " levels for " + version.size() + " ids");
            }
        }
    }

    @Property(tries = 40)
    void everyVersionHoldsExactlyItsModelsIds(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int days,
            @ForAll @IntRange(min = 1, max = 400) int perDay) {
        SplittableRandom r = new SplittableRandom(seed);
        int pool = 2 * days * perDay;
        History h = new History();
        for (int day = 0; day < days; day++) {
            h.maybeBranch(r, 5);
            int n = r.nextInt(perDay + 1);
            for (int k = 0; k < n; k++) {
                h.pay(id(r.nextInt(pool)));
            }
            h.keep();
            h.set = h.set.freeze();
            h.keep();
        }
        List<EventId> probes = new ArrayList<>();
        for (int i = 0; i < pool; i += 1 + r.nextInt(3)) {
            probes.add(id(i));
        }
        h.assertExact(probes);
    }

    /** The {@code i}-th of 2,048 ids of one hash: eleven blocks, each "Aa" or "BB" (they hash alike). */
    private static EventId colliding(int i) {
        StringBuilder k = new StringBuilder("x");
        for (int b = 0; b < 11; b++) {
            k.append((i >> b & 1) == 0 ? "Aa" : "BB");
        }
        return EventId.of(k.toString());
    }

    @Property(tries = 15)
    void idsOfOneHashStayExactThroughTheTrieTheLevelsAndBranches(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 6) int days, @ForAll @IntRange(min = 1, max = 2500) int perDay) {
        // Days of single payments (past OPEN_LIMIT, where the open trie freezes on its own) and of batches, with
        // ids of one hash mixed with plain ones, and now and then a day that starts from an earlier version.
        SplittableRandom r = new SplittableRandom(seed);
        History h = new History();
        for (int day = 0; day < days; day++) {
            h.maybeBranch(r, 4);
            int n = r.nextInt(perDay + 1);
            if (r.nextBoolean()) {
                for (int k = 0; k < n; k++) {
                    h.pay(r.nextInt(8) == 0 ? EventId.of("plain-" + r.nextInt(4096)) : colliding(r.nextInt(2048)));
                }
            } else {
                Set<EventId> batch = new HashSet<>();
                for (int k = 0; k < n; k++) {
                    EventId id = colliding(r.nextInt(2048));
                    if (!h.model.contains(id)) {
                        batch.add(id);
                    }
                }
                SeenPayments next = h.set.plusAllAbsentOrNull(batch.toArray(new EventId[0]));
                assertTrue(next != null, "a batch of distinct new ids");
                h.set = next;
                h.model.addAll(batch);
            }
            h.keep();
            h.set = h.set.freeze();
        }
        List<EventId> probes = new ArrayList<>();
        for (int i = 0; i < 2048; i += 1 + r.nextInt(4)) {
            probes.add(colliding(i));
        }
        h.assertExact(probes);
    }

    @Property(tries = 30)
    void aSetOfIdsHoldsEachOnce(@ForAll long seed, @ForAll @IntRange(max = 3000) int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<EventId> ids = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ids.add(id(r.nextInt(n + 1)));
        }
        Set<EventId> model = new HashSet<>(ids);
        SeenPayments s = SeenPayments.of(ids);
        assertEquals(model.size(), s.size());
        for (int i = 0; i <= n + 1; i++) {
            assertEquals(model.contains(id(i)), s.contains(id(i)), id(i).value());
        }
        EventId fresh = EventId.of("fresh");
        assertTrue(s.plusAbsent(fresh).contains(fresh));
        assertEquals(model.size() + 1, s.plusAbsent(fresh).freeze().size());
    }

    @Property(tries = 10)
    void aBatchOfNoIdsAddsNoLevel(@ForAll @IntRange(max = 3000) int n,
            @ForAll @IntRange(min = 1, max = 5) int empties) {
        // An empty batch (a day whose payments were all seen before) once pushed an empty level, so a set of one
        // id could hold three levels after two such days.
        List<EventId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(id(i));
        }
        SeenPayments s = SeenPayments.of(ids);
        int levels = s.levels();
        for (int k = 0; k < empties; k++) {
            s = s.plusAllAbsentOrNull(new EventId[0]).freeze();
        }
        assertEquals(levels, s.levels());
        assertEquals(n, s.size());
    }

    @Property(tries = 5)
    void addingAnIdTheOpenEpochHoldsIsRefused(@ForAll @IntRange(min = 1, max = 100) int n) {
        SeenPayments s = SeenPayments.empty();
        for (int i = 0; i < n; i++) {
            s = s.plusAbsent(id(i));
        }
        SeenPayments full = s;
        assertThrows(IllegalStateException.class, () -> full.plusAbsent(id(n - 1)));
    }
}
