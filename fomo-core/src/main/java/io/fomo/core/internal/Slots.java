package io.fomo.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * Gives each key a dense slot number, 0, 1, 2, ... in the order the keys were first seen, and never takes
 * one back: the index of per-key state kept in plain arrays ({@link Balances}) instead of a map of boxed
 * values.
 *
 * <p>A lookup hashes the key once and probes one flat array of {@code long}s, linearly, at most half full: each
 * holds a key's hash and its slot, so a probe costs one memory access, and a key's own fields are read again
 * only when its stored hash matches and it is not the very object stored. A {@code HashMap} hop through an
 * entry object per lookup, scattered over the heap, is what this saves: an epoch close credits ten thousand
 * accounts in a row.
 *
 * <p>Keys are compared with {@code equals}; they must be immutable, with a {@code hashCode} consistent
 * with it, and {@code Comparable}. A lookup that passes more than 64 entries (many keys of one
 * hash, which account ids chosen to collide can be) moves every key into a {@code HashMap} for good, whose tree
 * bins keep such keys at a logarithm per lookup. Not thread-safe: confine an instance to one thread, or copy it.
 *
 * <p>This package is not exported.
 *
 * @param <K> the key type
 */
public final class Slots<K> {

    /** Fibonacci hashing's multiplier: spreads a string hash's low-entropy bits over the index. */
    private static final int SPREAD = 0x9E3779B9;
    private static final int MIN_BITS = 4;
    /** At most 2^29 keys: a table of 2^30 entries. */
    private static final int MAX_KEYS = 1 << 29;

    /**
     * How many other entries one lookup may pass before the table gives way to {@link #byKey}. Keys whose
     * hashes spread, at most half full, pass a handful; only many keys of one hash (chosen to collide: "Aa" and
     * "BB" hash alike, and so do all their concatenations) make a run this long.
     */
    private static final int MAX_PROBES = 64;

    /**
     * The table: at each index 0 (empty) or the stored key's hash in the high half and its slot + 1 in the low;
     * null once {@link #byKey} holds the keys.
     */
    private long[] table;
    /**
     * Null, or every key with its slot, once a lookup met a run longer than {@link #MAX_PROBES}: a
     * {@code HashMap} keeps keys of one hash in a tree (they are {@code Comparable}), so colliding keys chosen
     * by an adversary cost a logarithm per lookup, not a scan of all of them.
     */
    private HashMap<Object, Integer> byKey;
    private int bits;
    /** The keys by slot. */
    private Object[] bySlot;
    private int size;
    /** How many other entries the last {@link #probe} passed. */
    private int passed;

    private Slots(int bits, long[] table, HashMap<Object, Integer> byKey, Object[] bySlot, int size) {
        this.bits = bits;
        this.table = table;
        this.byKey = byKey;
        this.bySlot = bySlot;
        this.size = size;
    }

    /**
     * Returns an empty table.
     *
     * @param <K> the key type
     * @return the table
     */
    public static <K> Slots<K> empty() {
        int n = 1 << MIN_BITS;
        return new Slots<>(MIN_BITS, new long[n], null, new Object[n / 2], 0);
    }

    /**
     * Returns an independent copy (the keys themselves are shared: they are immutable).
     *
     * @return the copy
     */
    public Slots<K> copy() {
        return new Slots<>(bits, table == null ? null : table.clone(), byKey == null ? null : new HashMap<>(byKey),
                bySlot.clone(), size);
    }

    /**
     * Returns how many keys have a slot.
     *
     * @return the number of keys, the next slot to be given
     */
    public int size() {
        return size;
    }

    /**
     * Returns a key's slot, or -1 if it has none.
     *
     * @param key the key
     * @return its slot in {@code [0, size())}, or -1
     * @throws NullPointerException if {@code key} is null
     */
    public int find(Object key) {
        if (byKey != null) {
            Integer slot = byKey.get(key);
            return slot == null ? -1 : slot;
        }
        int at = probe(key, key.hashCode());
        return found(at < 0 ? -1 : at, passed);
    }

    /**
     * Returns a key's slot, giving it the next one ({@link #size()} before the call) if it has none.
     *
     * @param key the key
     * @return its slot
     * @throws NullPointerException  if {@code key} is null
     * @throws IllegalStateException if the table already holds 2<sup>29</sup> keys and this is a new one
     */
    public int slotOf(K key) {
        if (byKey != null) {
            Integer known = byKey.get(Objects.requireNonNull(key, "key"));
            if (known != null) {
                return known;
            }
            int slot = next(key);
            byKey.put(key, slot);
            return slot;
        }
        int h = key.hashCode();
        int at = probe(key, h);
        if (at >= 0) {
            return found(at, passed);
        }
        int probes = passed;
        int slot = next(key);
        table[-at - 1] = entry(h, slot);
        if (2 * size > table.length) {
            grow();
        }
        return found(slot, probes);
    }

    /**
     * Looks {@code key} (of hash {@code h}) up in the table: returns its slot, or {@code -(i + 1)} for the empty
     * entry {@code i} where it would go; leaves in {@link #passed} how many other entries the lookup passed.
     */
    private int probe(Object key, int h) {
        int mask = table.length - 1;
        int probes = 0;
        for (int i = index(h); ; i = (i + 1) & mask) {
            long e = table[i];
            if (e == 0) {
                passed = probes;
                return -(i + 1);
            }
            if ((int) (e >>> Integer.SIZE) == h) {
                int slot = (int) e - 1;
                Object k = bySlot[slot];
                if (k == key || k.equals(key)) {
                    passed = probes;
                    return slot;
                }
            }
            probes++;
        }
    }

    /** Gives {@code key} the next slot. */
    private int next(K key) {
        if (size == MAX_KEYS) {
            throw new IllegalStateException("a table holds at most " + MAX_KEYS + " keys");
        }
        int slot = size++;
        if (slot == bySlot.length) {
            bySlot = Arrays.copyOf(bySlot, 2 * slot);
        }
        bySlot[slot] = key;
        return slot;
    }

    /**
     * Returns {@code slot}; first, if the lookup passed more than {@link #MAX_PROBES} other entries, moves
     * every key into {@link #byKey} for good.
     */
    private int found(int slot, int probes) {
        if (probes > MAX_PROBES) {
            HashMap<Object, Integer> all = new HashMap<>(2 * size);
            for (int k = 0; k < size; k++) {
                all.put(bySlot[k], k);
            }
            byKey = all;
            table = null;
        }
        return slot;
    }

    /** Whether lookups go through {@link #byKey} (a run of equal or clustered hashes was met). */
    boolean degraded() {
        return byKey != null;
    }

    /**
     * Returns the key of a slot.
     *
     * @param slot a slot in {@code [0, size())}
     * @return its key
     * @throws IndexOutOfBoundsException if there is no such slot
     */
    @SuppressWarnings("unchecked")
    public K key(int slot) {
        return (K) bySlot[Objects.checkIndex(slot, size)];
    }

    /**
     * Returns every key, in slot order.
     *
     * @return a new list
     */
    @SuppressWarnings("unchecked")
    public List<K> keys() {
        List<K> out = new ArrayList<>(size);
        for (int s = 0; s < size; s++) {
            out.add((K) bySlot[s]);
        }
        return out;
    }

    private int index(int h) {
        return (h * SPREAD) >>> (Integer.SIZE - bits);
    }

    private static long entry(int h, int slot) {
        return ((long) h << Integer.SIZE) | (slot + 1L);
    }

    private void grow() {
        long[] old = table;
        bits++;
        table = new long[1 << bits];
        int mask = table.length - 1;
        for (long e : old) {
            if (e != 0) {
                int i = index((int) (e >>> Integer.SIZE));
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = e;
            }
        }
    }
}
