package io.fomo.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A negative cache in front of an exact set: an append-only, blocked Bloom filter over 32-bit hashes. It
 * answers "certainly absent" for most hashes never added, in one memory access, so that the exact set (a
 * persistent trie several levels deep) is walked only for hashes that may be present.
 *
 * <p><b>Shared by the versions of a persistent set.</b> A filter is shared by every version of an immutable
 * set that descends from the version it was built for: each version adds the hashes of its new elements,
 * and nothing is ever removed. A version therefore sees the bits of its own elements (set before it was
 * built) and perhaps bits of its siblings' or descendants' elements. Extra bits only make {@link
 * #mightContain} say "maybe" more often, which sends the caller to its exact set; they can never turn a
 * present element into an absent one. That is the whole contract: <em>no false negative for any hash added
 * before the caller's version was built</em>.
 *
 * <p><b>Threads.</b> Bits are set with an atomic OR, so concurrent adds from versions on different threads
 * never lose each other's bits, and read with opaque reads (no tearing). A version published to another
 * thread carries the filter in a final field, so that thread sees at least the bits set before the
 * version was built (the final-field guarantee), which is all {@link #mightContain} relies on.
 *
 * <p>Layout: one 64-bit word per probe ({@value #BITS_PER_ELEMENT} bits per element of capacity, four bits
 * set per hash within its word), about 1% false positives at capacity.
 */
public final class SeenFilter {

    /** Bits of filter per element of capacity. */
    public static final int BITS_PER_ELEMENT = 16;

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int MIN_WORDS = 64;

    private final long[] words;
    private final int mask;
    private final int capacity;

    private SeenFilter(int wordCount) {
        this.words = new long[wordCount];
        this.mask = wordCount - 1;
        this.capacity = (int) Math.min(Integer.MAX_VALUE, (long) wordCount * Long.SIZE / BITS_PER_ELEMENT);
    }

    /**
     * Returns an empty filter for at least {@code elements} elements at the designed false-positive rate.
     *
     * @param elements the expected number of elements, not negative
     * @return the filter
     * @throws IllegalArgumentException if {@code elements} is negative
     */
    public static SeenFilter forCapacity(int elements) {
        if (elements < 0) {
            throw new IllegalArgumentException("elements must not be negative: " + elements);
        }
        long bits = (long) elements * BITS_PER_ELEMENT;
        long wordCount = Math.max(MIN_WORDS, Long.highestOneBit(Math.max(1, (bits + Long.SIZE - 1) / Long.SIZE)));
        if (wordCount * Long.SIZE < bits) {
            wordCount *= 2;
        }
        // At most 2^27 words (1 GiB): far above any set this engine can hold in memory.
        return new SeenFilter((int) Math.min(wordCount, 1L << 27));
    }

    /**
     * Returns how many elements this filter was sized for; past it, false positives grow and a caller should
     * build a larger filter.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Adds a hash.
     *
     * @param hash the element's hash
     */
    public void add(int hash) {
        long h = mix(hash);
        WORDS.getAndBitwiseOr(words, (int) (h >>> 37) & mask, bitsOf(h));
    }

    /**
     * Tells whether a hash may have been added: false means it certainly was not (by any version sharing this
     * filter, so by the caller's); true means the caller must ask its exact set.
     *
     * @param hash the element's hash
     * @return false if certainly never added
     */
    public boolean mightContain(int hash) {
        long h = mix(hash);
        long bits = bitsOf(h);
        return ((long) WORDS.getOpaque(words, (int) (h >>> 37) & mask) & bits) == bits;
    }

    /**
     * Returns the index of the first of {@code hashes[from..]} that may have been added, or -1 if none may: the
     * same answers as {@link #mightContain} asked of each in turn. The reads do not depend on each other, so
     * the processor overlaps their cache misses, where asking one hash at a time between other work waits for
     * each (a filter of millions of elements spans megabytes).
     *
     * @param hashes the elements' hashes
     * @param from   the first index to test
     * @return the first index that may have been added, or -1
     */
    public int firstMaybe(int[] hashes, int from) {
        for (int i = from; i < hashes.length; i++) {
            if (mightContain(hashes[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Four bit positions within the word, from four 6-bit pieces of the mixed hash. */
    private static long bitsOf(long h) {
        return (1L << (h & 63)) | (1L << ((h >>> 6) & 63)) | (1L << ((h >>> 12) & 63)) | (1L << ((h >>> 18) & 63));
    }

    /** Spreads a 32-bit hash over 64 bits (the finalizer of MurmurHash3), so structured ids spread evenly. */
    private static long mix(int hash) {
        long h = (hash & 0xFFFF_FFFFL) * 0x9E37_79B9_7F4A_7C15L;
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        h ^= h >>> 33;
        return h;
    }
}
