package io.fomo.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Both parts have run and finished when {@link TwoCores#run} returns or throws, what the second wrote is seen
 * by the caller, and the exception thrown is the very one a part threw: the first part's if it failed (the
 * second's added to it), else the second's.
 */
class TwoCoresProperties {

    @Property(tries = 200)
    void bothPartsHaveRunAndTheirWritesAreSeen(@ForAll @IntRange(min = 0, max = 20_000) int size) {
        long[] a = new long[size];
        long[] b = new long[size];
        TwoCores.run(() -> fill(a, 1), () -> fill(b, 2));
        long[] wantA = new long[size];
        long[] wantB = new long[size];
        for (int i = 0; i < size; i++) {
            wantA[i] = i * 31L + 1;
            wantB[i] = i * 31L + 2;
        }
        assertArrayEquals(wantA, a);
        assertArrayEquals(wantB, b);
    }

    @Property(tries = 100)
    void theExceptionIsTheOneThrownAndTheOtherPartHasFinished(@ForAll boolean firstFails,
            @ForAll boolean secondFails, @ForAll @IntRange(min = 0, max = 20_000) int work) {
        RuntimeException one = new IllegalStateException("first");
        RuntimeException two = new IllegalArgumentException("second");
        AtomicBoolean firstDone = new AtomicBoolean();
        AtomicBoolean secondDone = new AtomicBoolean();
        long[] sink = new long[Math.max(1, work)];
        Runnable first = () -> {
            fill(sink, 3);
            firstDone.set(true);
            if (firstFails) {
                throw one;
            }
        };
        Runnable second = () -> {
            long[] own = new long[Math.max(1, work)];
            fill(own, 4);
            secondDone.set(true);
            if (secondFails) {
                throw two;
            }
        };
        if (!firstFails && !secondFails) {
            TwoCores.run(first, second);
        } else {
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> TwoCores.run(first, second));
            assertSame(firstFails ? one : two, thrown);
            assertEquals(firstFails && secondFails ? 1 : 0, thrown.getSuppressed().length);
            if (firstFails && secondFails) {
                assertSame(two, thrown.getSuppressed()[0]);
            }
        }
        assertTrue(firstDone.get());
        assertTrue(secondDone.get());
    }

    @Property(tries = 50)
    void anErrorIsThrownAsItIs(@ForAll boolean inFirst) {
        Error e = new AssertionError("boom");
        Runnable fails = () -> {
            throw e;
        };
        Runnable fine = () -> { };
        Error thrown = assertThrows(Error.class, () -> TwoCores.run(inFirst ? fails : fine, inFirst ? fine : fails));
        assertSame(e, thrown);
    }

    @Property(tries = 30)
    void hereOnlyRunsBothPartsOnTheCallingThread(@ForAll boolean firstFails, @ForAll boolean secondFails) {
        Thread caller = Thread.currentThread();
        Thread[] ran = new Thread[2];
        RuntimeException one = new IllegalStateException("first");
        RuntimeException two = new IllegalArgumentException("second");
        String outcome = TwoCores.hereOnly(() -> {
            assertTrue(!TwoCores.available(), "no second core inside hereOnly");
            try {
                TwoCores.run(() -> {
                    ran[0] = Thread.currentThread();
                    if (firstFails) {
                        throw one;
                    }
                }, () -> {
                    ran[1] = Thread.currentThread();
                    if (secondFails) {
                        throw two;
                    }
                });
                return "ok";
            } catch (RuntimeException e) {
                return e.getMessage() + " " + e.getSuppressed().length;
            }
        });
        assertSame(caller, ran[0]);
        assertSame(caller, ran[1]);
        assertEquals(firstFails ? "first " + (secondFails ? 1 : 0) : secondFails ? "second 0" : "ok", outcome);
        assertEquals(Runtime.getRuntime().availableProcessors() > 1
                && java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() > 0, TwoCores.available(),
                "hereOnly ends with its work");
    }

    private static void fill(long[] a, long plus) {
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 31L + plus;
        }
    }
}
