package io.fomo.core.internal;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Shares work cut into chunks between the calling thread and a thread of the common fork-join pool: work that
 * is large (a day's facts of ten thousand users) and whose chunks share nothing they write.
 *
 * <p>{@link #chunks} behaves as if the caller had run the chunks in order and stopped at the first failure:
 * <ul>
 *   <li>every chunk has finished when it returns or throws (a chunk that writes into a buffer the caller
 *       reuses is never still writing after it);</li>
 *   <li>the chunks are taken in turn by whichever thread is free, so a pool busy with other work, or with
 *       no thread at all, leaves them all to the caller, which never waits on a pool that cannot help;</li>
 *   <li>the exception thrown is that of the lowest-numbered failed chunk, the very object, not a copy made
 *       by the pool;</li>
 *   <li>what every chunk wrote is visible to the caller afterwards (the pool's task is joined).</li>
 * </ul>
 *
 * <p>Inside {@link #hereOnly} (an engine built not to use a second core), every chunk runs on the calling
 * thread, in order, with the same outcome.
 *
 * <p>This package is not exported.
 */
public final class TwoCores {

    /** Whether the current thread is inside {@link #hereOnly}. */
    private static final ThreadLocal<Boolean> HERE_ONLY = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private TwoCores() {
    }

    /**
     * Runs {@code work} with every {@link #chunks} inside it kept on the calling thread, and
     * {@link #available()} false there.
     *
     * @param work the work
     * @param <T>  its result's type
     * @return what {@code work} returns
     */
    public static <T> T hereOnly(Supplier<T> work) {
        Boolean was = HERE_ONLY.get();
        HERE_ONLY.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            HERE_ONLY.set(was);
        }
    }

    /**
     * Whether a second processor may help at all (with one, the caller would run every chunk anyway).
     *
     * @return true if the JVM has two processors or more, the common pool has threads (its parallelism is not
     *         set to 0), and the current thread is not inside {@link #hereOnly}
     */
    public static boolean available() {
        return Runtime.getRuntime().availableProcessors() > 1 && ForkJoinPool.getCommonPoolParallelism() > 0
                && !HERE_ONLY.get();
    }

    /** Items from which sharing work with a second core pays for the hand-over (a day of a few thousand users). */
    public static final int SPLIT_FROM = 2048;

    /** Chunks shared work is cut into: enough that the faster thread can take more, few enough to be cheap. */
    public static final int CHUNKS = 16;

    /** Work on one chunk of items: a range of them, and the chunk's index. */
    @FunctionalInterface
    public interface Chunk {
        /**
         * Does the work of chunk {@code index}, items {@code from} (inclusive) to {@code to} (exclusive); it
         * writes only into what belongs to that chunk.
         *
         * @param index the chunk's index, from 0
         * @param from  its first item
         * @param to    the item after its last
         */
        void run(int index, int from, int to);
    }

    /**
     * Cuts items {@code from..to-1} into {@code count} consecutive chunks of sizes differing by one at most
     * (chunk {@code k} starts at {@code from + n·k/count}, with {@code n} items) and runs them, taken in turn
     * by this thread and, if one is free, a pool thread, so that the faster of the two does more of them (a
     * second core is often slower on data the first one made).
     * Returns when every chunk has finished. If chunks failed, the exception of the lowest-numbered failed
     * chunk is thrown, the very object (as if the chunks had run in order and stopped at the first failure);
     * the others are dropped. Inside {@link #hereOnly}, every chunk runs on this thread, in order.
     *
     * @param from  the first item
     * @param to    the item after the last (not before {@code from})
     * @param count the number of chunks (0 for none)
     * @param work  the work of one chunk
     */
    public static void chunks(int from, int to, int count, Chunk work) {
        Objects.requireNonNull(work, "work");
        if (to < from || count < 0) {
            throw new IllegalArgumentException("items " + from + ".." + to + " in " + count + " chunks");
        }
        if (count == 0) {
            return;
        }
        long n = (long) to - from;
        AtomicInteger next = new AtomicInteger();
        Throwable[] failed = new Throwable[count];
        Runnable taker = () -> {
            for (int c = next.getAndIncrement(); c < count; c = next.getAndIncrement()) {
                try {
                    work.run(c, from + (int) (n * c / count), from + (int) (n * (c + 1) / count));
                } catch (Throwable t) {
                    failed[c] = t;
                }
            }
        };
        if (count == 1 || !available()) {
            taker.run();
        } else {
            ForkJoinTask<?> helper = ForkJoinTask.adapt(taker).fork();
            taker.run();
            // Waits for the chunk the pool thread holds, if any; a task never started is run (and ends) here.
            helper.quietlyJoin();
        }
        for (Throwable t : failed) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
