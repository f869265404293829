package io.fomo.examples.lab;

import io.fomo.spi.InvalidArgumentException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The seeds of Monte Carlo runs, derived from the scenario's seed and the run's index only: the seed of run
 * {@code i} (from 0) is the first 8 bytes, read as a big-endian two's-complement {@code long}, of
 * {@code SHA-256(seed || i)}, where {@code seed} and {@code i} are each written as 8 bytes big-endian
 * (16 bytes hashed in all). The same scenario seed and run index give the same run seed on any machine,
 * whatever the number of runs or threads.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class RunSeeds {

    private RunSeeds() {
    }

    /**
     * Returns the seed of one run.
     *
     * @param scenarioSeed the scenario's seed (after {@code --seed})
     * @param run          the run's index, from 0
     * @return the run's seed
     * @throws InvalidArgumentException if the index is negative
     */
    public static long of(long scenarioSeed, int run) {
        if (run < 0) {
            throw InvalidArgumentException.of("run", run, "must not be negative");
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] digest = sha.digest(ByteBuffer.allocate(16).putLong(scenarioSeed).putLong(run).array());
        return ByteBuffer.wrap(digest, 0, 8).getLong();
    }
}
