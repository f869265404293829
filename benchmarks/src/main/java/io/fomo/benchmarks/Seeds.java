package io.fomo.benchmarks;

import java.util.SplittableRandom;

/**
 * Run-time seeds for benchmark inputs. Each {@code @Setup} draws a fresh seed, so no run is tuned to one
 * input set; the seed is printed so that a surprising run can be repeated by hand.
 */
final class Seeds {

    private Seeds() {
    }

    /**
     * Returns a generator seeded from the clock, printing the seed.
     *
     * @param owner the benchmark state asking, named in the printed line
     * @return a fresh generator
     */
    static SplittableRandom fresh(String owner) {
        long seed = System.nanoTime() ^ Thread.currentThread().getId() * 0x9E3779B97F4A7C15L;
        System.out.println(System.lineSeparator() + "# " + owner + " seed = " + seed);
        return new SplittableRandom(seed);
    }
}
