package io.fomo.examples.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.InvalidArgumentException;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The documented derivation of run seeds, recomputed here byte by byte. */
class RunSeedsTest {

    @Test
    void aRunSeedIsTheFirstEightBytesOfSha256OfTheSeedAndTheIndex() throws Exception {
        long seed = ThreadLocalRandom.current().nextLong();
        System.out.println("RunSeedsTest seed = " + seed);
        for (int run : new int[] {0, 1, 2, 255, 256, 9_999}) {
            byte[] message = new byte[16];
            for (int i = 0; i < 8; i++) {
                message[i] = (byte) (seed >>> (56 - 8 * i));
                message[8 + i] = (byte) ((long) run >>> (56 - 8 * i));
            }
            byte[] d = MessageDigest.getInstance("SHA-256").digest(message);
            long expected = 0;
            for (int i = 0; i < 8; i++) {
                expected = (expected << 8) | (d[i] & 0xff);
            }
            assertEquals(expected, RunSeeds.of(seed, run), "run " + run);
        }
    }

    @Test
    void runsGetDistinctSeeds() {
        long seed = ThreadLocalRandom.current().nextLong();
        System.out.println("RunSeedsTest seed = " + seed);
        Set<Long> seen = new HashSet<>();
        for (int run = 0; run < 1_000; run++) {
            seen.add(RunSeeds.of(seed, run));
        }
        assertEquals(1_000, seen.size());
    }

    @Test
    void aNegativeIndexIsRefused() {
        assertThrows(InvalidArgumentException.class, () -> RunSeeds.of(1, -1));
    }
}
