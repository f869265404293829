package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HashTrieSetProperties {

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

    @Property(tries = 200)
    void aBulkBuildHoldsWhatAddingOneByOneHolds(@ForAll @Size(max = 300) List<Integer> xs,
            @ForAll @Size(max = 50) List<Integer> probes) {
        Set<Integer> model = new HashSet<>(xs);
        HashTrieSet<Integer> bulk = HashTrieSet.of(xs);
        assertEquals(model.size(), bulk.size());
        for (Integer x : xs) {
            assertTrue(bulk.contains(x));
        }
        for (Integer p : probes) {
            assertEquals(model.contains(p), bulk.contains(p));
        }
        Set<Integer> walked = new HashSet<>();
        bulk.forEach(walked::add);
        assertEquals(model, walked);
        // the bulk-built set is persistent too: adding to it leaves it unchanged
        HashTrieSet<Integer> more = bulk.plus(Integer.MIN_VALUE);
        assertEquals(model.contains(Integer.MIN_VALUE), bulk.contains(Integer.MIN_VALUE));
        assertTrue(more.contains(Integer.MIN_VALUE));
    }

    @Test
    void aBulkBuildSplitsEqualAndNearHashes() {
        HashTrieSet<String> s = HashTrieSet.of(List.of("Aa", "BB", "Aa"));
        assertEquals(2, s.size());
        assertTrue(s.contains("Aa") && s.contains("BB") && !s.contains("Ab"));
        HashTrieSet<Integer> u = HashTrieSet.of(List.of(1, 1 | (1 << 30), 1 | (1 << 31)));
        assertEquals(3, u.size());
        assertTrue(u.contains(1 | (1 << 31)) && u.contains(1 | (1 << 30)) && !u.contains(1 | (3 << 30)));
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
