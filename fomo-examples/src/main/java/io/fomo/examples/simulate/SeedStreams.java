package io.fomo.examples.simulate;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the scenario's seed and nothing else (no clock, no global
 * state): one stream per purpose and index, so that, for example, adding a whale does not change the
 * FLOCK price path, and the spends of usage day 200 can be drawn without drawing days 0 to 199.
 */
final class SeedStreams {

    /** The supporters generator. */
    static final long SUPPORTERS = 1;
    /** Generated users, one stream per usage day. */
    static final long USERS = 2;
    /** Whales, one stream per usage day. */
    static final long WHALES = 3;
    /** The FLOCK price random walk. */
    static final long PRICE = 4;

    private SeedStreams() {
    }

    /**
     * Returns the stream of a purpose and an index. Distinct seeds give distinct generator seeds for the
     * same purpose and index ({@link #mix} is a bijection).
     *
     * @param seed    the scenario's seed
     * @param purpose one of the constants of this class
     * @param index   the day, or 0
     * @return a fresh generator
     */
    static SplittableRandom of(long seed, long purpose, long index) {
        long key = mix(purpose * 0x9E3779B97F4A7C15L + index);
        return new SplittableRandom(mix(seed ^ key));
    }

    /** The SplitMix64 finaliser (Stafford variant 13): a bijection on 64-bit values. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
