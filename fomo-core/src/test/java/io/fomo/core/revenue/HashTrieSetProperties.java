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
