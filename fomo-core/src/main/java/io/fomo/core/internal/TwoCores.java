package io.fomo.core.internal;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * Runs two independent pieces of work at once: the first on the calling thread, the second offered to the
 * common fork-join pool. It is for work that is large (a day's facts of ten thousand users) and splits into
 * two parts that share nothing they write.
 *
 * <p>It behaves as if the caller had run {@code first} and then {@code second} itself, but for their order:
 * <ul>
 *   <li>both have finished when {@link #run} returns or throws, whichever failed (a part that writes into a
 *       buffer the caller reuses is never still writing after it);</li>
 *   <li>if no pool thread has started the second part by the time the first is done (a pool busy with other
 *       work, or none at all), the caller runs it itself, so it never waits on a pool that cannot help;</li>
 *   <li>the first part's exception is thrown if it failed (the second's is then added to it as suppressed),
 *       else the second part's: the very object thrown, not a copy made by the pool;</li>
 *   <li>what the second part wrote is visible to the caller afterwards (the task is joined).</li>
 * </ul>
 *
 * <p>Inside {@link #hereOnly} (an engine built not to use a second core), both parts run on the calling
 * thread, first then second, with the same outcome.
 *
 * <p>This package is not exported.
 */
public final class TwoCores {

    /** Whether the current thread is inside {@link #hereOnly}. */
    private static final ThreadLocal<Boolean> HERE_ONLY = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private TwoCores() {
    }

    /**
     * Runs {@code work} with every {@link #run} inside it kept on the calling thread, and {@link #available()}
     * false there.
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
     * Whether a second processor may help at all (with one, the caller would run both parts anyway).
     *
     * @return true if the JVM has two processors or more, the common pool has threads (its parallelism is not
     *         set to 0), and the current thread is not inside {@link #hereOnly}
     */
    public static boolean available() {
        return Runtime.getRuntime().availableProcessors() > 1 && ForkJoinPool.getCommonPoolParallelism() > 0
                && !HERE_ONLY.get();
    }

    /**
     * Runs {@code first} on this thread and {@code second} on a pool thread if one is free, and returns when
     * both have finished.
     *
     * @param first  the part run here
     * @param second the part offered to the pool
     */
    public static void run(Runnable first, Runnable second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Part other = new Part(second);
        boolean here = HERE_ONLY.get();
        ForkJoinTask<?> task = here ? null : ForkJoinTask.adapt(other).fork();
        Throwable failed = null;
        try {
            first.run();
        } catch (Throwable t) {
            failed = t;
        }
        if (here) {
            other.run();
        } else {
            // The task catches everything its part throws, so joining it throws nothing of the part's own.
            task.quietlyJoin();
        }
        if (other.failed != null) {
            if (failed == null) {
                failed = other.failed;
            } else if (failed != other.failed) {
                failed.addSuppressed(other.failed);
            }
        }
        if (failed instanceof RuntimeException r) {
            throw r;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            // A Runnable throws no checked exception unless smuggled; keep it as the cause.
            throw new IllegalStateException(failed);
        }
    }

    /** The second part, keeping what it threw for the caller (written before the task completes). */
    private static final class Part implements Runnable {
        private final Runnable work;
        private Throwable failed;

        Part(Runnable work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                work.run();
            } catch (Throwable t) {
                failed = t;
            }
        }
    }
}
