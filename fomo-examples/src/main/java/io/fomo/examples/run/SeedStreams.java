package io.fomo.examples.run;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the scenario's seed and nothing else (no clock, no global
 * state): one stream per purpose and index, so that, for example, adding a whale does not change the
 * FLOCK price path, and the spends of usage day 200 can be drawn without drawing days 0 to 199.
 *
 * <p>The launches of a platform draw from their own streams: launch {@code k} uses the purposes
 * {@code purpose + k·}{@value #LAUNCH_STRIDE}, so launch 0 draws exactly what a single-launch scenario
 * draws, and adding a launch changes nothing drawn for the others. Purposes from {@value #FIRST_FREE}
 * below {@value #LAUNCH_STRIDE} are free for behaviours (trader populations and the like).
 *
 * <p>This class is stateless and thread-safe.
 */
public final class SeedStreams {

    /** The supporters generator. */
    public static final long SUPPORTERS = 1;
    /** Generated users, one stream per usage day. */
    public static final long USERS = 2;
    /** Whales, one stream per usage day. */
    public static final long WHALES = 3;
    /** The FLOCK price random walk. */
    public static final long PRICE = 4;
    /** The first purpose no stream of the runner uses. */
    public static final long FIRST_FREE = 5;
    /** The distance between the purposes of two launches. */
    public static final long LAUNCH_STRIDE = 16;

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
    public static SplittableRandom of(long seed, long purpose, long index) {
        long key = mix(purpose * 0x9E3779B97F4A7C15L + index);
        return new SplittableRandom(mix(seed ^ key));
    }

    /**
     * Returns the stream of a purpose and an index for one launch of a platform.
     *
     * @param seed        the scenario's seed
     * @param purpose     one of the constants of this class
     * @param launchIndex the launch's position in the scenario, from 0
     * @param index       the day, or 0
     * @return a fresh generator; for launch 0 the same as {@link #of(long, long, long)}
     */
    public static SplittableRandom forLaunch(long seed, long purpose, int launchIndex, long index) {
        return of(seed, purpose + LAUNCH_STRIDE * launchIndex, index);
    }

    /**
     * The SplitMix64 finaliser (Stafford variant 13): a bijection on 64-bit values.
     *
     * @param z a value
     * @return the mixed value
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
