package io.fomo.core.revenue;

import java.util.Objects;

/**
 * A persistent (immutable, structurally shared) hash set: a 32-way trie over the 32 bits of the hash.
 * Adding copies at most 7 nodes, so an immutable ledger can remember every payment id without copying
 * the whole set on each payment. Equal hashes that differ share a collision leaf.
 *
 * <p>This class is immutable and thread-safe (if its elements are).
 */
final class HashTrieSet<E> {

    private static final int BITS = 5;
    private static final int MASK = 31;
    private static final HashTrieSet<?> EMPTY = new HashTrieSet<>(new Object[32], 0);

    private final Object[] root;
    private final int size;

    private HashTrieSet(Object[] root, int size) {
        this.root = root;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <E> HashTrieSet<E> empty() {
        return (HashTrieSet<E>) EMPTY;
    }

    /**
     * The set of {@code elements} (duplicates once), built in place: every node is new and not yet shared,
     * so a bulk restore does not copy a path per element as {@link #plus} must.
     */
    static <E> HashTrieSet<E> of(Iterable<? extends E> elements) {
        Object[] root = new Object[32];
        int size = 0;
        for (E e : elements) {
            if (insertInPlace(root, Objects.requireNonNull(e, "element").hashCode(), e)) {
                size++;
            }
        }
        return size == 0 ? empty() : new HashTrieSet<>(root, size);
    }

    private static boolean insertInPlace(Object[] root, int h, Object e) {
        Object[] node = root;
        for (int shift = 0;; shift += BITS) {
            int i = (h >>> shift) & MASK;
            Object slot = node[i];
            if (slot == null) {
                node[i] = new Leaf(h, new Object[] {e});
                return true;
            }
            if (slot instanceof Leaf leaf) {
                if (leaf.hash == h) {
                    if (leaf.has(e)) {
                        return false;
                    }
                    Object[] es = java.util.Arrays.copyOf(leaf.elements, leaf.elements.length + 1);
                    es[es.length - 1] = e;
                    node[i] = new Leaf(h, es);
                    return true;
                }
                Object[] sub = new Object[32];
                sub[(leaf.hash >>> (shift + BITS)) & MASK] = leaf;
                node[i] = sub;
                node = sub;
            } else {
                node = (Object[]) slot;
            }
        }
    }

    int size() {
        return size;
    }

    boolean contains(E e) {
        int h = Objects.requireNonNull(e, "element").hashCode();
        Object[] node = root;
        for (int shift = 0;; shift += BITS) {
            Object slot = node[(h >>> shift) & MASK];
            if (slot == null) {
                return false;
            }
            if (slot instanceof Leaf leaf) {
                return leaf.hash == h && leaf.has(e);
            }
            node = (Object[]) slot;
        }
    }

    HashTrieSet<E> plus(E e) {
        if (contains(e)) {
            return this;
        }
        return new HashTrieSet<>(insert(root, 0, e.hashCode(), e), size + 1);
    }

    /** Calls {@code action} once with every element, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEach(java.util.function.Consumer<? super E> action) {
        walk(root, (java.util.function.Consumer<Object>) action);
    }

    private static void walk(Object[] node, java.util.function.Consumer<Object> action) {
        for (Object slot : node) {
            if (slot instanceof Leaf leaf) {
                for (Object e : leaf.elements) {
                    action.accept(e);
                }
            } else if (slot != null) {
                walk((Object[]) slot, action);
            }
        }
    }

    private static Object[] insert(Object[] node, int shift, int h, Object e) {
        Object[] copy = node.clone();
        int i = (h >>> shift) & MASK;
        Object slot = node[i];
        if (slot == null) {
            copy[i] = new Leaf(h, new Object[] {e});
        } else if (slot instanceof Leaf leaf) {
            if (leaf.hash == h) {
                Object[] es = java.util.Arrays.copyOf(leaf.elements, leaf.elements.length + 1);
                es[es.length - 1] = e;
                copy[i] = new Leaf(h, es);
            } else {
                Object[] sub = new Object[32];
                sub[(leaf.hash >>> (shift + BITS)) & MASK] = leaf;
                copy[i] = insert(sub, shift + BITS, h, e);
            }
        } else {
            copy[i] = insert((Object[]) slot, shift + BITS, h, e);
        }
        return copy;
    }

    private static final class Leaf {
        final int hash;
        final Object[] elements;

        Leaf(int hash, Object[] elements) {
            this.hash = hash;
            this.elements = elements;
        }

        boolean has(Object e) {
            for (Object x : elements) {
                if (x.equals(e)) {
                    return true;
                }
            }
            return false;
        }
    }
}
