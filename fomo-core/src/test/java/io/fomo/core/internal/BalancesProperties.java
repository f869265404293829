package io.fomo.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * {@link Balances} and {@link Slots} against a map of {@code BigInteger}s: random credits, takes and copies over
 * keys that collide in their hash, amounts at every word boundary (2<sup>63</sup>, 2<sup>64</sup>,
 * 2<sup>127</sup>, 2<sup>128</sup>) and past them, and enough keys to make the table grow several times.
 */
class BalancesProperties {

    /** Strings with equal hash codes ("Aa" and "BB" hash alike, and so do their concatenations). */
    private static final List<String> COLLIDING = List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB");

    /** One step: add {@code units} to {@code key}, take {@code key}'s balance, or swap in a copy. */
    record Op(int kind, String key, BigInteger units) {
    }

    @Provide
    Arbitrary<BigInteger> units() {
        Arbitrary<BigInteger> edges = Arbitraries.of(62, 63, 64, 126, 127, 128, 129).flatMap(bits ->
                Arbitraries.of(-1, 0, 1).map(d -> BigInteger.ONE.shiftLeft(bits).add(BigInteger.valueOf(d))));
        Arbitrary<BigInteger> random = Arbitraries.integers().between(1, 140).flatMap(bits ->
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(bits)));
        return Arbitraries.oneOf(edges, random, Arbitraries.of(BigInteger.ZERO, BigInteger.ONE));
    }

    @Provide
    Arbitrary<List<Op>> scripts() {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(COLLIDING),
                Arbitraries.integers().between(0, 300).map(i -> "u" + i));
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 19), keys, units())
                .as(Op::new);
        return op.list().ofMaxSize(600);
    }

    @Property(tries = 300)
    void balancesAgreeWithAMapOfBigIntegers(@ForAll("scripts") List<Op> script) {
        Balances<String> b = Balances.empty();
        Map<String, BigInteger> model = new HashMap<>();
        List<Balances<String>> copies = new ArrayList<>();
        List<Map<String, BigInteger>> copiedModels = new ArrayList<>();
        for (Op op : script) {
            if (op.kind() < 14) {
                b.add(op.key(), op.units());
                if (op.units().signum() > 0) {
                    model.merge(op.key(), op.units(), BigInteger::add);
                }
            } else if (op.kind() < 19) {
                BigInteger expected = model.remove(op.key());
                assertEquals(expected, b.take(op.key()), "take " + op.key());
                assertNull(b.take(op.key()), "a second take of " + op.key());
            } else {
                copies.add(b.copy());
                copiedModels.add(new HashMap<>(model));
            }
            assertEquals(model.get(op.key()) == null ? BigInteger.ZERO : model.get(op.key()), b.get(op.key()));
        }
        assertBalancesAre(model, b);
        // A copy is not changed by what its original did after it was made.
        for (int i = 0; i < copies.size(); i++) {
            assertBalancesAre(copiedModels.get(i), copies.get(i));
        }
    }

    @Property(tries = 200)
    void slotsAreDenseAndFirstSeenOrder(@ForAll @IntRange(max = 2000) int keys,
            @ForAll @IntRange(min = 1, max = 3) int passes) {
        Slots<String> s = Slots.empty();
        for (int p = 0; p < passes; p++) {
            for (int k = 0; k < keys; k++) {
                // New String objects each pass: a slot is found by equality, not identity.
                assertEquals(k, s.slotOf(new String("k" + k)), "slot of k" + k);
            }
        }
        assertEquals(keys, s.size());
        for (int k = 0; k < keys; k++) {
            assertEquals(k, s.find("k" + k));
            assertEquals("k" + k, s.key(k));
        }
        assertEquals(-1, s.find("k" + keys));
        assertEquals(keys, s.keys().size());
    }

    @Property(tries = 200)
    void slotsFollowFirstSeenOrderWhateverTheOrderOfLookups(
            @ForAll @Size(max = 2000) List<@IntRange(max = 400) Integer> picks) {
        // The same key objects again and again (as an epoch's payouts come), in runs, repeats and jumps.
        String[] pool = new String[401];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = "k" + i;
        }
        Slots<String> s = Slots.empty();
        Map<String, Integer> reference = new HashMap<>();
        // The picks three times over: the second and third passes meet the keys mostly in first-seen order.
        List<Integer> lookups = new ArrayList<>(picks);
        lookups.addAll(picks);
        lookups.addAll(picks);
        for (int pick : lookups) {
            String key = pool[pick];
            Integer expected = reference.computeIfAbsent(key, k -> reference.size());
            assertEquals(expected, s.slotOf(key), "slot of " + key);
            assertEquals(expected, s.find(new String(key)), "find " + key);
        }
        assertEquals(reference.size(), s.size());
    }

    @Property(tries = 30)
    void keysOfOneHashStayExact(@ForAll @IntRange(min = 1, max = 3000) int count, @ForAll long order) {
        // Strings of eleven blocks, each "Aa" or "BB", all hash alike: 2,048 keys of one hash, as account ids
        // chosen to collide would be. Past a run of 64 the table gives way to a map; every answer stays exact.
        List<String> keys = new ArrayList<>();
        for (int bitsOf = 0; bitsOf < 2048; bitsOf++) {
            StringBuilder k = new StringBuilder();
            for (int b = 0; b < 11; b++) {
                k.append((bitsOf >> b & 1) == 0 ? "Aa" : "BB");
            }
            keys.add(k.toString());
        }
        java.util.Collections.shuffle(keys, new java.util.Random(order));
        Balances<String> b = Balances.empty();
        Map<String, BigInteger> model = new HashMap<>();
        Slots<String> s = Slots.empty();
        for (int i = 0; i < count; i++) {
            String key = keys.get(i % keys.size());
            assertEquals(keys.get(0).hashCode(), key.hashCode());
            BigInteger units = BigInteger.valueOf(i + 1L).shiftLeft(i % 130);
            b.add(key, units);
            model.merge(key, units, BigInteger::add);
            assertEquals(i % keys.size(), s.slotOf(key), "slot of " + key);
            if (i % 7 == 0) {
                assertEquals(model.remove(key), b.take(key));
            }
        }
        assertBalancesAre(model, b);
        int distinct = Math.min(count, keys.size());
        assertEquals(distinct > 65, s.degraded(), distinct + " keys of one hash");
        assertEquals(-1, s.find("AaAa"), "a key of another hash");
        Slots<String> copy = s.copy();
        copy.slotOf("not in the original");
        assertEquals(-1, s.find("not in the original"));
        assertEquals(distinct, copy.find("not in the original"));
    }

    @Test
    void aNegativeCreditIsRefusedAndChangesNothing() {
        Balances<String> b = Balances.empty();
        b.add("a", BigInteger.TEN);
        assertThrows(IllegalArgumentException.class, () -> b.add("a", BigInteger.valueOf(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.add("b", BigInteger.valueOf(-1)));
        assertEquals(BigInteger.TEN, b.get("a"));
        assertEquals(1, b.held());
        assertThrows(NullPointerException.class, () -> b.add(null, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> b.largestSum(0));
        assertEquals(BigInteger.TEN, b.largestSum(Integer.MAX_VALUE));
        assertThrows(IndexOutOfBoundsException.class, () -> Slots.<String>empty().key(0));
    }

    private static void assertBalancesAre(Map<String, BigInteger> model, Balances<String> b) {
        Map<String, BigInteger> seen = new LinkedHashMap<>();
        b.forEachHeld((k, v) -> {
            if (seen.put(k, v) != null) {
                throw new AssertionError("key twice: " + k);
            }
        });
        assertEquals(model, seen);
        assertEquals(model.size(), b.held());
        List<BigInteger> sorted = new ArrayList<>(model.values());
        sorted.sort(java.util.Comparator.reverseOrder());
        BigInteger top = BigInteger.ZERO;
        for (int n = 1; n <= sorted.size() + 2; n++) {
            if (n <= sorted.size()) {
                top = top.add(sorted.get(n - 1));
            }
            if (n <= 12 || n % 97 == 0 || n >= sorted.size()) {
                assertEquals(top, b.largestSum(n), "the " + n + " largest");
            }
        }
    }
}
