package io.fomo.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every chunk has run once and finished when {@link TwoCores#chunks} returns or throws, what each wrote is
 * seen by the caller, and the exception thrown is the very one the lowest failed chunk threw; inside
 * {@link TwoCores#hereOnly} the chunks run in order on the calling thread.
 */
class TwoCoresProperties {

    @Property(tries = 30)
    void anErrorIsThrownAsItIs(@ForAll @IntRange(min = 1, max = 20) int count,
            @ForAll @IntRange(min = 0, max = 19) int at) {
        Error e = new AssertionError("boom");
        int failing = at % count;
        Error thrown = assertThrows(Error.class, () -> TwoCores.chunks(0, count, count, (k, from, to) -> {
            if (k == failing) {
                throw e;
            }
        }));
        assertSame(e, thrown);
    }

    @Property(tries = 30)
    void hereOnlyRunsEveryChunkOnTheCallingThreadInOrder(@ForAll @IntRange(min = 0, max = 30) int count,
            @ForAll("failures") java.util.Set<Integer> failing) {
        Thread caller = Thread.currentThread();
        java.util.List<Integer> order = new java.util.ArrayList<>();
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        String outcome = TwoCores.hereOnly(() -> {
            assertTrue(!TwoCores.available(), "no second core inside hereOnly");
            try {
                TwoCores.chunks(0, count, count, (k, from, to) -> {
                    order.add(k);
                    threads.add(Thread.currentThread());
                    if (failing.contains(k)) {
                        throw new IllegalStateException("chunk " + k);
                    }
                });
                return "ok";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        });
        java.util.List<Integer> expected = new java.util.ArrayList<>();
        String lowest = "ok";
        for (int k = 0; k < count; k++) {
            expected.add(k);
            if (failing.contains(k) && lowest.equals("ok")) {
                lowest = "chunk " + k;
            }
        }
        assertEquals(expected, order);
        for (Thread t : threads) {
            assertSame(caller, t);
        }
        assertEquals(lowest, outcome);
        assertEquals(Runtime.getRuntime().availableProcessors() > 1
                && java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() > 0, TwoCores.available(),
                "hereOnly ends with its work");
    }

    /**
     * Every chunk runs once, whichever thread takes it, and what each wrote is seen; when chunks fail, the
     * lowest failed chunk's exception is thrown, the very object, after every chunk has finished.
     */
    @Property(tries = 150)
    void everyChunkRunsOnceAndTheLowestFailureIsThrown(@ForAll @IntRange(min = 0, max = 40) int count,
            @ForAll("failures") java.util.Set<Integer> failing, @ForAll @IntRange(min = 0, max = 5_000) int work) {
        int[] runs = new int[count];
        long[][] written = new long[count][];
        RuntimeException[] thrown = new RuntimeException[count];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        TwoCores.Chunk chunk = (k, from, to) -> {
            runs[k]++;
            written[k] = new long[work];
            fill(written[k], k);
            done.incrementAndGet();
            if (failing.contains(k)) {
                thrown[k] = new IllegalStateException("chunk " + k);
                throw thrown[k];
            }
        };
        int lowest = -1;
        for (int k = 0; k < count; k++) {
            if (failing.contains(k)) {
                lowest = k;
                break;
            }
        }
        if (lowest < 0) {
            TwoCores.chunks(0, count, count, chunk);
        } else {
            RuntimeException e = assertThrows(RuntimeException.class, () -> TwoCores.chunks(0, count, count, chunk));
            assertSame(thrown[lowest], e);
            assertEquals(0, e.getSuppressed().length);
        }
        assertEquals(count, done.get());
        for (int k = 0; k < count; k++) {
            assertEquals(1, runs[k], "chunk " + k);
            long[] want = new long[work];
            fill(want, k);
            assertArrayEquals(want, written[k], "chunk " + k);
        }
    }

    /**
     * The chunks cut the items into consecutive ranges in chunk order, covering each item once, of sizes that
     * differ by one at most; a range that is not one, or a negative count, is refused before anything runs.
     */
    @Property(tries = 150)
    void chunksCoverTheItemsInOrder(@ForAll @IntRange(min = -50, max = 50) int from,
            @ForAll @IntRange(min = 0, max = 300) int items, @ForAll @IntRange(min = 0, max = 40) int count) {
        int to = from + items;
        int[][] ranges = new int[count][];
        TwoCores.chunks(from, to, count, (k, lo, hi) -> ranges[k] = new int[] {lo, hi});
        int at = from;
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int k = 0; k < count; k++) {
            assertEquals(at, ranges[k][0], "chunk " + k + " starts where the one before ends");
            assertTrue(ranges[k][1] >= ranges[k][0], "chunk " + k);
            smallest = Math.min(smallest, ranges[k][1] - ranges[k][0]);
            largest = Math.max(largest, ranges[k][1] - ranges[k][0]);
            at = ranges[k][1];
        }
        if (count > 0) {
            assertEquals(to, at, "the chunks end at the last item");
            assertTrue(largest - smallest <= 1, smallest + ".." + largest);
        }
        assertThrows(IllegalArgumentException.class, () -> TwoCores.chunks(to, to - 1, 1, (k, lo, hi) -> { }));
        assertThrows(IllegalArgumentException.class, () -> TwoCores.chunks(from, to, -1, (k, lo, hi) -> { }));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<java.util.Set<Integer>> failures() {
        return net.jqwik.api.Arbitraries.integers().between(0, 45).set().ofMaxSize(4);
    }

    private static void fill(long[] a, long plus) {
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 31L + plus;
        }
    }
}
