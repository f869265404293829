package io.fomo.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link ReadAhead} behaves as a direct call of the consumer by the producer: items in order, a producer's
 * failure after the items before it, a consumer's failure stopping the producer; its thread has always
 * ended when {@code run} returns or throws.
 */
class ReadAheadPipelineProperties {

    @Property(tries = 200)
    void itemsArriveInOrderThenTheProducersFailure(@ForAll @IntRange(min = 0, max = 500) int items,
            @ForAll boolean fails, @ForAll @IntRange(min = 1, max = 8) int capacity,
            @ForAll @IntRange(min = 1, max = 40) int chunk) {
        List<Integer> seen = new ArrayList<>();
        AtomicReference<Thread> producerThread = new AtomicReference<>();
        IllegalStateException failure = new IllegalStateException("producer failed after " + items);
        Runnable run = () -> ReadAhead.<Integer>run("test-read-ahead", capacity, chunk, sink -> {
            producerThread.set(Thread.currentThread());
            for (int i = 0; i < items; i++) {
                sink.accept(i);
            }
            if (fails) {
                throw failure;
            }
        }, seen::add);
        if (fails) {
            assertSame(failure, assertThrows(IllegalStateException.class, run::run));
        } else {
            run.run();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
        assertFalse(producerThread.get().isAlive());
        assertTrue(producerThread.get() != Thread.currentThread());
    }

    @Property(tries = 20)
    void theDefaultChunkIsTheConstant(@ForAll @IntRange(min = 0, max = 200) int items) {
        // Through the run without a chunk size, items are handed over CHUNK at a time.
        List<Integer> seen = new ArrayList<>();
        AtomicInteger produced = new AtomicInteger();
        List<Integer> aheadAtFirst = new ArrayList<>();
        ReadAhead.<Integer>run("test-read-ahead", 1, sink -> {
            for (int i = 0; i < items; i++) {
                produced.incrementAndGet();
                sink.accept(i);
            }
        }, item -> {
            if (item == 0) {
                aheadAtFirst.add(produced.get());
            }
            seen.add(item);
        });
        assertEquals(items, seen.size());
        if (items > 0) {
            // The first item arrives only once its chunk is full (or the producer has ended).
            assertTrue(aheadAtFirst.get(0) >= Math.min(items, ReadAhead.CHUNK), "ahead " + aheadAtFirst);
        }
    }

    @Property(tries = 100)
    void aConsumersFailureStopsTheProducer(@ForAll @IntRange(min = 0, max = 300) int failAt,
            @ForAll @IntRange(min = 1, max = 4) int capacity, @ForAll @IntRange(min = 1, max = 40) int chunk) {
        AtomicInteger produced = new AtomicInteger();
        AtomicReference<Thread> producerThread = new AtomicReference<>();
        List<Integer> seen = new ArrayList<>();
        IllegalArgumentException failure = new IllegalArgumentException("consumer failed at " + failAt);
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> ReadAhead.<Integer>run("test-read-ahead", capacity, chunk, sink -> {
                    producerThread.set(Thread.currentThread());
                    for (int i = 0; i < 1_000_000; i++) {
                        produced.incrementAndGet();
                        sink.accept(i);
                    }
                }, item -> {
                    if (item == failAt) {
                        throw failure;
                    }
                    seen.add(item);
                }));
        assertSame(failure, thrown);
        assertEquals(failAt, seen.size());
        assertFalse(producerThread.get().isAlive());
        // Stopped at its next hand-over: no more than the chunk being consumed, those waiting, one handed over
        // as the queue was cleared and the one being filled.
        assertTrue(produced.get() <= failAt + 1 + (capacity + 3) * chunk, "produced " + produced.get());
    }
}
