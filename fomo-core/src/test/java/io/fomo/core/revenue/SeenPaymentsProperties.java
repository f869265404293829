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

    @Property(tries = 40)
    void everyVersionHoldsExactlyItsModelsIds(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int days,
            @ForAll @IntRange(min = 1, max = 400) int perDay) {
        SplittableRandom r = new SplittableRandom(seed);
        int pool = 2 * days * perDay;
        List<SeenPayments> versions = new ArrayList<>();
        List<Set<EventId>> models = new ArrayList<>();
        SeenPayments s = SeenPayments.empty();
        Set<EventId> model = new HashSet<>();
        for (int day = 0; day < days; day++) {
            // Now and then the day starts from an earlier version: a branch.
            if (!versions.isEmpty() && r.nextInt(5) == 0) {
                int k = r.nextInt(versions.size());
                s = versions.get(k);
                model = new HashSet<>(models.get(k));
            }
            int n = r.nextInt(perDay + 1);
            for (int k = 0; k < n; k++) {
                EventId id = id(r.nextInt(pool));
                assertEquals(model.contains(id), s.contains(id), id.value());
                if (model.add(id)) {
                    s = s.plusAbsent(id);
                }
            }
            versions.add(s);
            models.add(new HashSet<>(model));
            s = s.freeze();
            versions.add(s);
            models.add(new HashSet<>(model));
        }
        for (int v = 0; v < versions.size(); v++) {
            SeenPayments version = versions.get(v);
            Set<EventId> m = models.get(v);
            assertEquals(m.size(), version.size(), "version " + v);
            Set<EventId> listed = new HashSet<>();
            version.forEach(listed::add);
            assertEquals(m, listed, "version " + v);
            for (int i = 0; i < pool; i += 1 + r.nextInt(3)) {
                assertEquals(m.contains(id(i)), version.contains(id(i)), "version " + v + ", " + id(i).value());
            }
            // Each level is at least twice the next one, so there are at most log2(size) + 1 of them.
            assertTrue(version.levels() <= 1 + 32 - Integer.numberOfLeadingZeros(Math.max(1, version.size())),
                    version.levels() + " levels for " + version.size() + " ids");
        }
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
        List<SeenPayments> versions = new ArrayList<>();
        List<Set<EventId>> models = new ArrayList<>();
        SeenPayments s = SeenPayments.empty();
        Set<EventId> model = new HashSet<>();
        for (int day = 0; day < days; day++) {
            if (!versions.isEmpty() && r.nextInt(4) == 0) {
                int k = r.nextInt(versions.size());
                s = versions.get(k);
                model = new HashSet<>(models.get(k));
            }
            int n = r.nextInt(perDay + 1);
            if (r.nextBoolean()) {
                for (int k = 0; k < n; k++) {
                    EventId id = r.nextInt(8) == 0 ? EventId.of("plain-" + r.nextInt(4096)) : colliding(r.nextInt(2048));
                    assertEquals(model.contains(id), s.contains(id), id.value());
                    if (model.add(id)) {
                        s = s.plusAbsent(id);
                    }
                }
            } else {
                Set<EventId> batch = new HashSet<>();
                for (int k = 0; k < n; k++) {
                    EventId id = colliding(r.nextInt(2048));
                    if (!model.contains(id)) {
                        batch.add(id);
                    }
                }
                SeenPayments next = s.plusAllAbsentOrNull(batch.toArray(new EventId[0]));
                assertTrue(next != null, "a batch of distinct new ids");
                s = next;
                model.addAll(batch);
            }
            versions.add(s);
            models.add(new HashSet<>(model));
            s = s.freeze();
        }
        for (int v = 0; v < versions.size(); v++) {
            SeenPayments version = versions.get(v);
            Set<EventId> m = models.get(v);
            assertEquals(m.size(), version.size(), "version " + v);
            Set<EventId> listed = new HashSet<>();
            version.forEach(listed::add);
            assertEquals(m, listed, "version " + v);
            for (int i = 0; i < 2048; i += 1 + r.nextInt(4)) {
                assertEquals(m.contains(colliding(i)), version.contains(colliding(i)), "version " + v + ", " + i);
            }
            EventId[] all = m.toArray(new EventId[0]);
            assertEquals(all.length > 0, version.containsAny(all), "version " + v + ": containsAny");
        }
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
