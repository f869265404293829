package io.fomo.core.revenue;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A persistent (immutable, structurally shared) hash set: a 32-way trie over the 32 bits of the hash, with
 * nodes as small as their population (a compressed hash-array mapped trie in the manner of CHAMP). Adding
 * copies one short node per level, so an immutable ledger can add the open epoch's payment ids
 * ({@link SeenPayments}) without copying the whole set on each payment.
 *
 * <p>A node is one {@code Object[]}: its elements, then its sub-tries, then an {@code int[]} holding the two
 * bitmaps (which of the 32 positions hold an element, which a sub-trie) and the hash of each element. The
 * hashes sit beside the element references, so a lookup that misses (a new payment id: the usual case on
 * replay) is decided without touching any element; only an equal hash leads to {@code equals}. Elements with
 * the same full hash share a collision bucket, kept in their natural order: ids chosen to share one hash (a
 * {@code String} hash is easy to collide: "Aa" and "BB", and every string made of such blocks) cost a binary
 * search there, not a scan, so k of them cost O(k log k) comparisons to look up and add, not O(k²) (adding still
 * copies the bucket's references, a plain array copy).
 *
 * <p>This class is immutable and thread-safe (if its elements are).
 */
final class HashTrieSet<E extends Comparable<? super E>> {

    private static final int BITS = 5;
    private static final int MASK = 31;
    /** Meta layout: [0] positions holding an element, [1] positions holding a sub-trie, [2..] element hashes. */
    private static final int DATA = 0;
    private static final int NODES = 1;
    private static final int HASHES = 2;
    private static final HashTrieSet<?> EMPTY = new HashTrieSet<>(node(0, 0, new Object[0], new int[0], new Object[0]), 0);

    private final Object[] root;
    private final int size;

    private HashTrieSet(Object[] root, int size) {
        this.root = root;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <E extends Comparable<? super E>> HashTrieSet<E> empty() {
        return (HashTrieSet<E>) EMPTY;
    }

    private static Object[] node(int dataMap, int nodeMap, Object[] data, int[] hashes, Object[] subs) {
        Object[] n = new Object[data.length + subs.length + 1];
        System.arraycopy(data, 0, n, 0, data.length);
        System.arraycopy(subs, 0, n, data.length, subs.length);
        int[] meta = new int[HASHES + hashes.length];
        meta[DATA] = dataMap;
        meta[NODES] = nodeMap;
        System.arraycopy(hashes, 0, meta, HASHES, hashes.length);
        n[n.length - 1] = meta;
        return n;
    }

    int size() {
        return size;
    }

    boolean contains(E e) {
        int h = Objects.requireNonNull(e, "element").hashCode();
        Object[] node = root;
        for (int shift = 0;; shift += BITS) {
            int[] meta = (int[]) node[node.length - 1];
            int bit = 1 << ((h >>> shift) & MASK);
            if ((meta[DATA] & bit) != 0) {
                int i = Integer.bitCount(meta[DATA] & (bit - 1));
                return meta[HASHES + i] == h && node[i].equals(e);
            }
            if ((meta[NODES] & bit) == 0) {
                return false;
            }
            Object sub = node[Integer.bitCount(meta[DATA]) + Integer.bitCount(meta[NODES] & (bit - 1))];
            if (sub instanceof Collision c) {
                return c.hash == h && c.has(e);
            }
            node = (Object[]) sub;
        }
    }

    /** This set with {@code e}; this set itself if it holds {@code e} already. */
    HashTrieSet<E> plus(E e) {
        int h = Objects.requireNonNull(e, "element").hashCode();
        Object[] next = insert(root, 0, h, e);
        return next == null ? this : new HashTrieSet<>(next, size + 1);
    }

    /** The node with {@code e} added, or null if it holds {@code e}. Copies only this node (and, below, the path). */
    private static Object[] insert(Object[] node, int shift, int h, Object e) {
        int[] meta = (int[]) node[node.length - 1];
        int dataMap = meta[DATA];
        int nodeMap = meta[NODES];
        int nData = Integer.bitCount(dataMap);
        int bit = 1 << ((h >>> shift) & MASK);
        if ((dataMap & bit) != 0) {
            int i = Integer.bitCount(dataMap & (bit - 1));
            Object old = node[i];
            int oldHash = meta[HASHES + i];
            if (oldHash == h && old.equals(e)) {
                return null;
            }
            Object sub = oldHash == h ? new Collision(h, compare(old, e) < 0 ? new Object[] {old, e}
                    : new Object[] {e, old}) : pair(old, oldHash, e, h, shift + BITS);
            return dataToNode(node, meta, i, bit, sub);
        }
        if ((nodeMap & bit) != 0) {
            int j = nData + Integer.bitCount(nodeMap & (bit - 1));
            Object sub = node[j];
            Object replaced;
            if (sub instanceof Collision c) {
                if (c.hash == h) {
                    int at = c.indexOf(e);
                    if (at >= 0) {
                        return null;
                    }
                    int i = -(at + 1);
                    Object[] es = new Object[c.elements.length + 1];
                    System.arraycopy(c.elements, 0, es, 0, i);
                    es[i] = e;
                    System.arraycopy(c.elements, i, es, i + 1, c.elements.length - i);
                    replaced = new Collision(h, es);
                } else {
                    // A collision bucket sits where only part of the hash agreed: push it one level down.
                    replaced = insert(wrap(c, shift + BITS), shift + BITS, h, e);
                }
            } else {
                replaced = insert((Object[]) sub, shift + BITS, h, e);
                if (replaced == null) {
                    return null;
                }
            }
            Object[] copy = node.clone();
            copy[j] = replaced;
            return copy;
        }
        // An empty position: the element goes in among the elements, its hash among the hashes.
        int i = Integer.bitCount(dataMap & (bit - 1));
        Object[] copy = new Object[node.length + 1];
        System.arraycopy(node, 0, copy, 0, i);
        copy[i] = e;
        System.arraycopy(node, i, copy, i + 1, node.length - 1 - i);
        int[] m = new int[meta.length + 1];
        m[DATA] = dataMap | bit;
        m[NODES] = nodeMap;
        System.arraycopy(meta, HASHES, m, HASHES, i);
        m[HASHES + i] = h;
        System.arraycopy(meta, HASHES + i, m, HASHES + i + 1, meta.length - HASHES - i);
        copy[copy.length - 1] = m;
        return copy;
    }

    /** A node holding just a collision bucket, at the position its hash takes at {@code shift}. */
    private static Object[] wrap(Collision c, int shift) {
        return node(0, 1 << ((c.hash >>> shift) & MASK), new Object[0], new int[0], new Object[] {c});
    }

    /** The smallest sub-trie holding two elements of different hashes that agree below {@code shift}. */
    private static Object[] pair(Object a, int ha, Object b, int hb, int shift) {
        int pa = (ha >>> shift) & MASK;
        int pb = (hb >>> shift) & MASK;
        if (pa == pb) {
            return node(0, 1 << pa, new Object[0], new int[0], new Object[] {pair(a, ha, b, hb, shift + BITS)});
        }
        return pa < pb ? node((1 << pa) | (1 << pb), 0, new Object[] {a, b}, new int[] {ha, hb}, new Object[0])
                : node((1 << pa) | (1 << pb), 0, new Object[] {b, a}, new int[] {hb, ha}, new Object[0]);
    }

    /** The node with the element at data index {@code i} (position {@code bit}) replaced by the sub-trie {@code sub}. */
    private static Object[] dataToNode(Object[] node, int[] meta, int i, int bit, Object sub) {
        int nData = Integer.bitCount(meta[DATA]);
        int nodeMap = meta[NODES];
        int j = Integer.bitCount(nodeMap & (bit - 1));
        Object[] copy = new Object[node.length];
        // elements without the i-th, then the sub-tries with sub at its place
        System.arraycopy(node, 0, copy, 0, i);
        System.arraycopy(node, i + 1, copy, i, nData - 1 - i);
        System.arraycopy(node, nData, copy, nData - 1, j);
        copy[nData - 1 + j] = sub;
        System.arraycopy(node, nData + j, copy, nData + j, node.length - 1 - nData - j);
        int[] m = new int[meta.length - 1];
        m[DATA] = meta[DATA] & ~bit;
        m[NODES] = nodeMap | bit;
        System.arraycopy(meta, HASHES, m, HASHES, i);
        System.arraycopy(meta, HASHES + i + 1, m, HASHES + i, meta.length - HASHES - i - 1);
        copy[copy.length - 1] = m;
        return copy;
    }

    /** Calls {@code action} once with every element, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEach(Consumer<? super E> action) {
        walk(root, (Consumer<Object>) action);
    }

    private static void walk(Object[] node, Consumer<Object> action) {
        int nData = Integer.bitCount(((int[]) node[node.length - 1])[DATA]);
        for (int k = 0; k < nData; k++) {
            action.accept(node[k]);
        }
        for (int k = nData; k < node.length - 1; k++) {
            if (node[k] instanceof Collision c) {
                for (Object e : c.elements) {
                    action.accept(e);
                }
            } else {
                walk((Object[]) node[k], action);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b) {
        return ((Comparable<Object>) a).compareTo(b);
    }

    /** Distinct elements whose hashes are equal in all 32 bits, ascending in their natural order. */
    private static final class Collision {
        final int hash;
        final Object[] elements;

        Collision(int hash, Object[] elements) {
            this.hash = hash;
            this.elements = elements;
        }

        boolean has(Object e) {
            return indexOf(e) >= 0;
        }

        /** The index of {@code e}, or {@code -(i + 1)} where {@code i} is where it would go (natural order). */
        int indexOf(Object e) {
            return Arrays.binarySearch(elements, e);
        }
    }
}
