package io.fomo.examples.lab;

import io.fomo.examples.scenario.Scenario;
import io.fomo.spi.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Monte Carlo runs of a scenario: run {@code i} is the scenario with the seed {@link RunSeeds#of}(the
 * scenario's seed, {@code i}), run through {@link EngineSeam#run} on a pool of threads. Runs share nothing
 * mutable (each has its own engine and journal; the scenario is immutable), and each result
 * lands in the slot of its index, so the results are the same whatever the number of threads and the
 * order in which the runs finish.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class MonteCarlo {

    /** The most runs one command may ask for. */
    public static final int MAX_RUNS = 10_000;
    /** The most threads one command may ask for. */
    public static final int MAX_THREADS = 256;

    private MonteCarlo() {
    }

    /**
     * Returns the default number of threads: the processors available to this JVM.
     *
     * @return at least 1
     */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs a scenario with {@code runs} derived seeds.
     *
     * @param scenario a scenario that {@link EngineSeam#validate} accepted
     * @param runs     1 to {@value #MAX_RUNS}
     * @param threads  1 to {@value #MAX_THREADS}
     * @return the runs, in index order
     * @throws InvalidArgumentException  if {@code runs} or {@code threads} is out of range
     * @throws io.fomo.spi.FomoException if a run fails
     */
    public static List<Run> run(Scenario scenario, int runs, int threads) {
        Objects.requireNonNull(scenario, "scenario");
        checkRuns(runs);
        List<Supplier<Run>> jobs = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            int index = i;
            long seed = RunSeeds.of(scenario.seed(), i);
            jobs.add(() -> new Run(index, seed, EngineSeam.run(scenario, seed)));
        }
        return parallel(jobs, threads);
    }

    /**
     * Checks a number of runs.
     *
     * @param runs the number asked for
     * @throws InvalidArgumentException if not from 1 to {@value #MAX_RUNS}
     */
    public static void checkRuns(int runs) {
        if (runs < 1 || runs > MAX_RUNS) {
            throw InvalidArgumentException.of("runs", runs, "must be from 1 to " + MAX_RUNS);
        }
    }

    /**
     * Checks a number of threads.
     *
     * @param threads the number asked for
     * @throws InvalidArgumentException if not from 1 to {@value #MAX_THREADS}
     */
    public static void checkThreads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw InvalidArgumentException.of("threads", threads, "must be from 1 to " + MAX_THREADS);
        }
    }

    /**
     * Runs jobs on {@code threads} threads and returns their results in the jobs' order. The first failure
     * (in job order) is rethrown once every started job has ended; jobs not started yet are cancelled.
     */
    static <T> List<T> parallel(List<Supplier<T>> jobs, int threads) {
        checkThreads(threads);
        int size = Math.min(threads, Math.max(1, jobs.size()));
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "fomo-lab-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(jobs.size());
            for (Supplier<T> job : jobs) {
                futures.add(pool.submit(job::get));
            }
            List<T> results = new ArrayList<>(jobs.size());
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(false));
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(other -> other.cancel(true));
                    throw new IllegalStateException("interrupted while waiting for the runs", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
