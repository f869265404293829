package io.fomo.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A small direct-mapped cache from ASCII byte ranges to the immutable values made of them (the ids a
 * journal repeats in every record: accounts, deployments), so that reading one costs a hash and a
 * comparison instead of a string and its validation. A slot holds the last value hashed to it; a miss
 * makes the value from the text exactly as the caller would without the cache, and a value that cannot
 * be made is not cached (the maker's exception goes to the caller). This package is not exported.
 *
 * <p>This class is thread-safe: entries are immutable, so a racing reader sees a whole entry or another
 * one, and a race only costs a miss.
 *
 * @param <T> the immutable value type
 */
public final class ByteCache<T> {

    private final Object[] slots;
    private final Function<String, T> make;

    private record Entry(byte[] key, Object value) {
    }

    /**
     * Returns an empty cache.
     *
     * @param slots the number of slots, a power of two
     * @param make  makes the value of a text, or throws
     */
    public ByteCache(int slots, Function<String, T> make) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots = " + slots + ": must be a power of two");
        }
        this.slots = new Object[slots];
        this.make = make;
    }

    /**
     * Returns the value of the ASCII text in {@code b[from, to)}.
     *
     * @param b    the bytes, ASCII in the range
     * @param from the first byte
     * @param to   the end, exclusive
     * @return the value, equal to {@code make(new String(b, from, to - from, US_ASCII))}
     */
    @SuppressWarnings("unchecked")
    public T get(byte[] b, int from, int to) {
        int s = slot(b, from, to) & (slots.length - 1);
        Entry e = (Entry) slots[s];
        if (e != null && Arrays.equals(e.key(), 0, e.key().length, b, from, to)) {
            return (T) e.value();
        }
        T v = make.apply(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        slots[s] = new Entry(Arrays.copyOfRange(b, from, to), v);
        return v;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The slot's hash of b[from, to): of a range of 8 bytes or more, its length and its first and last 8 bytes
     * (two reads instead of a step per byte: ids that differ only in between share a slot, which costs a
     * miss, never a wrong value, since a hit compares every byte); of a shorter one, every byte.
     */
    private static int slot(byte[] b, int from, int to) {
        int n = to - from;
        if (n >= 8) {
            long x = (long) LONGS.get(b, from) * 0x9E3779B97F4A7C15L + (long) LONGS.get(b, to - 8);
            x = (x ^ (x >>> 31)) * 0xBF58476D1CE4E5B9L + n;
            return (int) (x ^ (x >>> 32));
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
