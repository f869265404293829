package io.fomo.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * {@link SeenFilter}: never a false negative (sequential adds, and adds racing on two threads), a capacity that
 * holds what was asked for, and a false-positive rate near its design at capacity.
 */
class SeenFilterProperties {

    @Property(tries = 200)
    void everyHashAddedIsMaybePresent(@ForAll @Size(max = 3000) List<Integer> hashes,
            @ForAll @IntRange(max = 5000) int capacity) {
        SeenFilter f = SeenFilter.forCapacity(capacity);
        for (int h : hashes) {
            f.add(h);
        }
        for (int h : hashes) {
            assertTrue(f.mightContain(h), "lost hash " + h);
        }
    }

    @Property(tries = 200)
    void firstMaybeIsTheFirstHashThatMightBePresent(@ForAll @Size(max = 400) List<Integer> added,
            @ForAll @Size(max = 400) List<Integer> asked, @ForAll @IntRange(max = 300) int capacity) {
        // A small filter, so that "maybe" comes often, for added hashes and for false positives alike.
        SeenFilter f = SeenFilter.forCapacity(capacity);
        for (int h : added) {
            f.add(h);
        }
        // Hashes added and others, interleaved.
        List<Integer> mixed = new ArrayList<>();
        for (int i = 0; i < Math.max(added.size(), asked.size()); i++) {
            if (i < added.size()) {
                mixed.add(added.get(i));
            }
            if (i < asked.size()) {
                mixed.add(asked.get(i));
            }
        }
        int[] hashes = mixed.stream().mapToInt(Integer::intValue).toArray();
        for (int from = 0; from <= hashes.length; from++) {
            int expected = -1;
            for (int i = from; i < hashes.length && expected < 0; i++) {
                if (f.mightContain(hashes[i])) {
                    expected = i;
                }
            }
            assertEquals(expected, f.firstMaybe(hashes, from), "from " + from);
        }
    }

    @Property(tries = 50)
    void aCapacityIsAtLeastWhatWasAsked(@ForAll @IntRange(max = 50_000_000) int elements) {
        SeenFilter f = SeenFilter.forCapacity(elements);
        assertTrue(f.capacity() >= elements, f.capacity() + " < " + elements);
    }

    @Property(tries = 10)
    void twoThreadsAddingToOneFilterLoseNoHash(@ForAll long seed) throws InterruptedException {
        // Few words, so the two threads' atomic ORs hit the same words all the time.
        SeenFilter f = SeenFilter.forCapacity(0);
        int[][] perThread = new int[2][20_000];
        SplittableRandom r = new SplittableRandom(seed);
        for (int[] hs : perThread) {
            for (int i = 0; i < hs.length; i++) {
                hs[i] = r.nextInt();
            }
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int[] hs : perThread) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int h : hs) {
                    f.add(h);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        for (int[] hs : perThread) {
            for (int h : hs) {
                assertTrue(f.mightContain(h), "a racing add lost hash " + h);
            }
        }
    }

    @Property(tries = 5)
    void atCapacityFewAbsentHashesLookPresent(@ForAll long seed) {
        SeenFilter f = SeenFilter.forCapacity(20_000);
        SplittableRandom r = new SplittableRandom(seed);
        Set<Integer> added = new HashSet<>();
        while (added.size() < f.capacity()) {
            int h = r.nextInt();
            added.add(h);
            f.add(h);
        }
        int probes = 0;
        int maybe = 0;
        while (probes < 100_000) {
            int h = r.nextInt();
            if (added.contains(h)) {
                continue;
            }
            probes++;
            if (f.mightContain(h)) {
                maybe++;
            }
        }
        // Designed for about 1% at capacity; 5% would mean the bits are not spread (a broken mix or index).
        assertTrue(maybe < probes / 20, maybe + " false positives in " + probes);
    }

    @Test
    void aNegativeCapacityIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeenFilter.forCapacity(-1));
        assertEquals("elements must not be negative: -1", e.getMessage());
    }
}
