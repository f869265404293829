package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HashTrieSetProperties {

    /** An element whose hash is chosen: equal hashes, hashes equal below some level, and plain ones. */
    record Key(int hash, int id) implements Comparable<Key> {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public int compareTo(Key o) {
            return hash != o.hash ? Integer.compare(hash, o.hash) : Integer.compare(id, o.id);
        }
    }

    @Provide
    Arbitrary<List<Key>> keys() {
        // few hash values, built from few 5-bit chunks, so that full collisions and shared prefixes are common
        Arbitrary<Integer> chunk = Arbitraries.of(0, 1, 31);
        Arbitrary<Integer> hash = Arbitraries.oneOf(
                chunk.list().ofSize(7).map(cs -> {
                    int h = 0;
                    for (int i = 0; i < 7; i++) {
                        h |= cs.get(i) << (5 * i);
                    }
                    return h;
                }),
                Arbitraries.integers());
        return hash.flatMap(h -> Arbitraries.integers().between(0, 3).map(id -> new Key(h, id))).list().ofMaxSize(400);
    }

    @Property(tries = 300)
    void addingMatchesJavaUtilHashSetAndKeepsEveryVersion(@ForAll("keys") List<Key> xs,
            @ForAll("keys") List<Key> probes) {
        HashTrieSet<Key> s = HashTrieSet.empty();
        Set<Key> model = new HashSet<>();
        List<HashTrieSet<Key>> versions = new java.util.ArrayList<>();
        List<Set<Key>> models = new java.util.ArrayList<>();
        for (Key x : xs) {
            HashTrieSet<Key> next = s.plus(x);
            assertEquals(model.contains(x), next == s, "plus returns the same set exactly when it holds the element");
            s = next;
            model.add(x);
            versions.add(s);
            models.add(new HashSet<>(model));
        }
        for (int v = 0; v < versions.size(); v++) {
            HashTrieSet<Key> version = versions.get(v);
            Set<Key> expected = models.get(v);
            assertEquals(expected.size(), version.size());
            for (Key p : probes) {
                assertEquals(expected.contains(p), version.contains(p));
            }
            for (Key x : xs) {
                assertEquals(expected.contains(x), version.contains(x));
            }
        }
        Set<Key> walked = new HashSet<>();
        List<Key> walkedList = new java.util.ArrayList<>();
        s.forEach(walked::add);
        s.forEach(walkedList::add);
        assertEquals(model, walked);
        assertEquals(model.size(), walkedList.size(), "forEach gives every element once");
    }

    @Property(tries = 200)
    void behavesLikeASetAndNeverChangesAnOldVersion(@ForAll @Size(max = 300) List<Integer> xs) {
        HashTrieSet<Integer> s = HashTrieSet.empty();
        Set<Integer> model = new HashSet<>();
        HashTrieSet<Integer> first = s;
        for (Integer x : xs) {
            s = s.plus(x);
            model.add(x);
        }
        assertEquals(model.size(), s.size());
        for (Integer x : xs) {
            assertTrue(s.contains(x));
            assertFalse(first.contains(x));
        }
    }

    @Test
    void equalHashesShareALeaf() {
        // "Aa" and "BB" have the same String hash code
        HashTrieSet<String> s = HashTrieSet.<String>empty().plus("Aa");
        assertFalse(s.contains("BB"));
        HashTrieSet<String> t = s.plus("BB").plus("BB");
        assertTrue(t.contains("Aa") && t.contains("BB"));
        assertEquals(2, t.size());
        assertEquals(1, s.size());
        // hashes equal in the low 30 bits, different in the top two: separated at the last level
        HashTrieSet<Integer> u = HashTrieSet.<Integer>empty().plus(1).plus(1 | (1 << 30)).plus(1 | (1 << 31));
        assertEquals(3, u.size());
        assertTrue(u.contains(1 | (1 << 31)) && !u.contains(1 | (3 << 30)));
    }
}
