package io.fomo.core.revenue;

import io.fomo.core.internal.SeenFilter;
import io.fomo.spi.EventId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The id of every payment a ledger has accepted: a persistent (immutable, structurally shared) set, laid out
 * for a ledger that accepts a day's payments and then closes the day, for years.
 *
 * <ul>
 *   <li>The open epoch's ids are in a small {@link HashTrieSet}: adding one copies a short path of a trie that
 *       stays in the processor's caches, instead of a path through a trie of every id ever seen.</li>
 *   <li>Closing the epoch freezes them into a <em>level</em>: two parallel arrays, the ids' hashes sorted and
 *       the ids in the same order (so does the open trie reaching {@value #OPEN_LIMIT} ids). Ids added all at
 *       once (a batch of paid calls) become a level straight away. A level as large as half of the next-older
 *       one is merged into it, so there are at most about log2(ids) levels and each id is copied about that
 *       many times over its life; a lookup is a binary search per level.</li>
 *   <li>A {@link SeenFilter} in front answers most lookups of a new id (the usual case) in one memory access,
 *       so the levels are searched only for the few ids it cannot rule out. It is shared with the sets before
 *       and after this one and only gains bits, so it never hides an id this set holds.</li>
 * </ul>
 *
 * <p>This class is immutable and thread-safe (its one mutable field is a memo of a pure function).
 */
final class SeenPayments {

    private static final Level[] NO_LEVELS = new Level[0];
    /** The most ids the open trie holds before they are frozen into a level (see {@link #plusAbsent}). */
    static final int OPEN_LIMIT = 1024;

    private final HashTrieSet<EventId> open;
    /** The frozen ids (closed epochs', and batches added whole), the oldest and largest level first. */
    private final Level[] levels;
    private final int size;
    private final SeenFilter filter;
    /**
     * What {@link #freeze} returned, kept because a close freezes the same set twice (deciding, then folding
     * its facts). Written without a lock: the value is immutable and published through its final fields, so
     * a thread that does not see it computes the same set again.
     */
    private SeenPayments frozen;

    private SeenPayments(HashTrieSet<EventId> open, Level[] levels, int size, SeenFilter filter) {
        this.open = open;
        this.levels = levels;
        this.size = size;
        this.filter = filter;
    }

    /** The empty set. */
    static SeenPayments empty() {
        return new SeenPayments(HashTrieSet.empty(), NO_LEVELS, 0, SeenFilter.forCapacity(0));
    }

    /** The set of {@code ids} (duplicates once), all in one closed level. */
    static SeenPayments of(Collection<EventId> ids) {
        EventId[] all = ids.toArray(new EventId[0]);
        for (EventId id : all) {
            Objects.requireNonNull(id, "id");
        }
        Level level = Level.of(all);
        Level[] levels = level.size() == 0 ? NO_LEVELS : new Level[] {level};
        return new SeenPayments(HashTrieSet.empty(), levels, level.size(), filterOf(levels, HashTrieSet.empty(),
                level.size()));
    }

    int size() {
        return size;
    }

    boolean contains(EventId id) {
        int h = id.hashCode();
        if (!filter.mightContain(h)) {
            return false;
        }
        if (open.contains(id)) {
            return true;
        }
        for (Level l : levels) {
            if (l.contains(h, id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this set holds any of {@code ids}: {@link #contains} of each, with the filter read for all of them
     * first ({@link SeenFilter#firstMaybe}), so that the reads of a day's thousands of new ids overlap.
     */
    boolean containsAny(EventId[] ids) {
        int[] hashes = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            hashes[i] = ids[i].hashCode();
        }
        for (int i = filter.firstMaybe(hashes, 0); i >= 0; i = filter.firstMaybe(hashes, i + 1)) {
            if (contains(ids[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * This set with {@code id}, which it does not hold (the caller asked {@link #contains} first).
     *
     * @throws IllegalStateException if it holds {@code id} in the open epoch
     */
    SeenPayments plusAbsent(EventId id) {
        HashTrieSet<EventId> nextOpen = open.plus(id);
        if (nextOpen == open) {
            throw new IllegalStateException("payment id " + id + " is already in the set");
        }
        int nextSize = size + 1;
        SeenFilter f = filter;
        if (nextSize > f.capacity()) {
            f = filterOf(levels, nextOpen, nextSize);
        } else {
            f.add(id.hashCode());
        }
        SeenPayments next = new SeenPayments(nextOpen, levels, nextSize, f);
        // An epoch of many single payments freezes its ids every OPEN_LIMIT of them: an insert into the trie
        // copies a collision bucket whole, so ids chosen to share one hash would otherwise cost O(k) each.
        return nextOpen.size() >= OPEN_LIMIT ? next.freeze() : next;
    }

    /**
     * This set with {@code ids}, none of which it holds (the caller asked {@link #contains} for each), added
     * as one level (merged with smaller levels) rather than one by one into the open trie; or null if
     * {@code ids} names an id twice.
     */
    SeenPayments plusAllAbsentOrNull(EventId[] ids) {
        Level added = Level.of(ids.clone());
        if (added.size() != ids.length) {
            return null;
        }
        int nextSize = size + ids.length;
        Level[] next = pushed(levels, added);
        SeenFilter f = filter;
        if (nextSize > f.capacity()) {
            f = filterOf(next, open, nextSize);
        } else {
            for (int h : added.hashes) {
                f.add(h);
            }
        }
        return new SeenPayments(open, next, nextSize, f);
    }

    /**
     * {@code levels} with {@code level} as the newest, merged with every level less than twice its size; an
     * empty level adds nothing (kept, it would count as a level: a day of payments all seen before made one).
     */
    private static Level[] pushed(Level[] levels, Level level) {
        if (level.size() == 0) {
            return levels;
        }
        Level merged = level;
        int k = levels.length;
        while (k > 0 && levels[k - 1].size() < 2 * merged.size()) {
            merged = Level.merge(levels[k - 1], merged);
            k--;
        }
        Level[] next = Arrays.copyOf(levels, k + 1);
        next[k] = merged;
        return next;
    }

    /** This set with the open epoch's ids frozen into a level (merged with smaller levels), at an epoch's close. */
    SeenPayments freeze() {
        if (open.size() == 0) {
            return this;
        }
        SeenPayments memo = frozen;
        if (memo != null) {
            return memo;
        }
        EventId[] fresh = new EventId[open.size()];
        int[] n = {0};
        open.forEach(id -> fresh[n[0]++] = id);
        memo = new SeenPayments(HashTrieSet.empty(), pushed(levels, Level.of(fresh)), size, filter);
        frozen = memo;
        return memo;
    }

    /** Calls {@code action} with every id, in no particular order. */
    void forEach(Consumer<? super EventId> action) {
        for (Level l : levels) {
            for (EventId id : l.ids) {
                action.accept(id);
            }
        }
        open.forEach(action);
    }

    /** Number of closed levels (for tests of the layout). */
    int levels() {
        return levels.length;
    }

    /** A filter holding every id of the levels and the open trie, with room for as many again. */
    private static SeenFilter filterOf(Level[] levels, HashTrieSet<EventId> open, int size) {
        SeenFilter f = SeenFilter.forCapacity(2 * size);
        for (Level l : levels) {
            for (int h : l.hashes) {
                f.add(h);
            }
        }
        open.forEach(id -> f.add(id.hashCode()));
        return f;
    }

    /**
     * Frozen ids: ascending by hash (signed), and ids of one hash by their natural order, the hashes in one
     * array and the ids in the same order in another, no id twice. A lookup is one binary search over (hash,
     * id): ids chosen to share a hash cost a logarithmic search among themselves, not a scan of all of them.
     */
    private static final class Level {
        final int[] hashes;
        final EventId[] ids;

        private Level(int[] hashes, EventId[] ids) {
            this.hashes = hashes;
            this.ids = ids;
        }

        int size() {
            return ids.length;
        }

        /** The level of {@code ids} (duplicates once); {@code ids} is reordered. */
        static Level of(EventId[] ids) {
            long[] order = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                order[i] = ((long) ids[i].hashCode() << 32) | i;
            }
            Arrays.sort(order);
            int[] hs = new int[ids.length];
            EventId[] es = new EventId[ids.length];
            int n = 0;
            for (int a = 0; a < order.length;) {
                int h = (int) (order[a] >> 32);
                int b = a + 1;
                while (b < order.length && (int) (order[b] >> 32) == h) {
                    b++;
                }
                if (b - a == 1) {
                    hs[n] = h;
                    es[n++] = ids[(int) order[a]];
                } else {
                    // Ids of one hash: sorted, then each once.
                    EventId[] run = new EventId[b - a];
                    for (int k = a; k < b; k++) {
                        run[k - a] = ids[(int) order[k]];
                    }
                    Arrays.sort(run);
                    for (int k = 0; k < run.length; k++) {
                        if (k == 0 || !run[k].equals(run[k - 1])) {
                            hs[n] = h;
                            es[n++] = run[k];
                        }
                    }
                }
                a = b;
            }
            return new Level(Arrays.copyOf(hs, n), Arrays.copyOf(es, n));
        }

        /** The union of two levels with no id in common. */
        static Level merge(Level a, Level b) {
            int[] hs = new int[a.size() + b.size()];
            EventId[] es = new EventId[hs.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < a.size() || j < b.size()) {
                if (j == b.size() || (i < a.size() && compare(a.hashes[i], a.ids[i], b.hashes[j], b.ids[j]) < 0)) {
                    hs[n] = a.hashes[i];
                    es[n++] = a.ids[i++];
                } else {
                    hs[n] = b.hashes[j];
                    es[n++] = b.ids[j++];
                }
            }
            return new Level(hs, es);
        }

        /** The order of a level: by hash, then (only for equal hashes) by id. */
        private static int compare(int h1, EventId e1, int h2, EventId e2) {
            return h1 != h2 ? Integer.compare(h1, h2) : e1.compareTo(e2);
        }

        boolean contains(int h, EventId id) {
            int lo = 0;
            int hi = hashes.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = compare(hashes[mid], ids[mid], h, id);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    return true;
                }
            }
            return false;
        }
    }
}
