package io.fomo.core.internal;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a producer of items on a second thread while the calling thread consumes them, in the order they
 * were produced: a two-stage pipeline for work whose first stage (reading, checking and decoding a
 * journal) needs nothing from the second (folding it into a state).
 *
 * <p>It behaves as if the producer had called the consumer directly, on the calling thread:
 * <ul>
 *   <li>every item produced before a failure of the producer is consumed, then the producer's exception
 *       (the same object) is thrown to the caller;</li>
 *   <li>when the consumer throws, the producer is stopped (at its next item at the latest), its thread has
 *       ended when this method returns, and the consumer's exception is thrown;</li>
 *   <li>at most {@code capacity} chunks of {@value #CHUNK} items wait between the two, so memory stays
 *       bounded whatever the producer's speed.</li>
 * </ul>
 * The producer's thread ends before {@link #run} returns or throws, in every case; writes made by the
 * producer are visible to the caller afterwards (the thread is joined). An interrupt of the calling
 * thread does not abandon the work: the interrupt status is kept and set again at the end.
 *
 * <p>This package is not exported.
 */
public final class ReadAhead {

    private static final Object END = new Object();

    /** Items handed over at once by {@link #run(String, int, Producer, Consumer)} (the last chunk may be shorter). */
    static final int CHUNK = 32;

    private ReadAhead() {
    }

    /** The producer's side: hands items to the pipeline in order. */
    @FunctionalInterface
    public interface Producer<T> {
        /**
         * Produces the items, calling {@code sink} for each, in order.
         *
         * @param sink takes one item; it throws an internal stop signal once the consumer has failed
         */
        void produce(Consumer<T> sink);
    }

    private record Failure(Throwable cause) {
    }

    /** Thrown inside the producer's thread to unwind it once the consumer has stopped. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs {@code producer} on a new daemon thread and {@code consumer} on this one, handing items over
     * {@value #CHUNK} at a time (small items, each cheaper to make than a hand-over).
     *
     * @param <T>        the item type
     * @param threadName the producer thread's name
     * @param capacity   the most chunks of items waiting between the two stages, 1 or more
     * @param producer   the first stage
     * @param consumer   the second stage
     */
    public static <T> void run(String threadName, int capacity, Producer<T> producer, Consumer<T> consumer) {
        run(threadName, capacity, CHUNK, producer, consumer);
    }

    /**
     * Runs {@code producer} on a new daemon thread and {@code consumer} on this one, handing items over
     * {@code chunk} at a time: 1 for large items (a page of records), which the consumer should start on
     * as soon as each is made.
     *
     * @param <T>        the item type
     * @param threadName the producer thread's name
     * @param capacity   the most chunks of items waiting between the two stages, 1 or more
     * @param chunk      the items handed over at once (the last chunk may be shorter), 1 or more
     * @param producer   the first stage
     * @param consumer   the second stage
     */
    @SuppressWarnings("unchecked")
    public static <T> void run(String threadName, int capacity, int chunk, Producer<T> producer,
            Consumer<T> consumer) {
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(consumer, "consumer");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity = " + capacity + ": must be 1 or more");
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk = " + chunk + ": must be 1 or more");
        }
        ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(capacity);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread thread = new Thread(() -> {
            Object last;
            // Items go over in chunks: one hand-over per item would wake the consumer for each (a park and
            // an unpark, microseconds), more than a small item costs to produce.
            Object[][] items = {new Object[chunk]};
            int[] filled = {0};
            try {
                producer.produce(item -> {
                    items[0][filled[0]++] = Objects.requireNonNull(item, "item");
                    if (filled[0] == chunk) {
                        put(queue, stopped, items[0]);
                        items[0] = new Object[chunk];
                        filled[0] = 0;
                    }
                });
                if (filled[0] > 0) {
                    put(queue, stopped, Arrays.copyOf(items[0], filled[0]));
                }
                last = END;
            } catch (Stopped unwound) {
                return;
            } catch (Throwable e) {
                last = new Failure(e);
                if (filled[0] > 0) {
                    try {
                        put(queue, stopped, Arrays.copyOf(items[0], filled[0]));
                    } catch (Stopped unwound) {
                        return;
                    }
                }
            }
            try {
                put(queue, stopped, last);
            } catch (Stopped unwound) {
                // The consumer has gone; nobody waits for the end.
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        try {
            while (true) {
                Object o;
                try {
                    o = queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                    continue;
                }
                if (o == END) {
                    return;
                }
                if (o instanceof Failure f) {
                    throw rethrow(f.cause());
                }
                for (Object item : (Object[]) o) {
                    consumer.accept((T) item);
                }
            }
        } finally {
            stopped.set(true);
            queue.clear();
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void put(ArrayBlockingQueue<Object> queue, AtomicBoolean stopped, Object item) {
        while (true) {
            if (stopped.get()) {
                throw new Stopped();
            }
            try {
                if (queue.offer(item, 20, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                // Only this class knows the thread, and it never interrupts it: an interrupt from elsewhere
                // is not a reason to drop an item; the stop flag is what ends the thread.
            }
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("read-ahead failed", t);
    }
}
