package io.fomo.jdbc;

import io.fomo.spi.InvalidArgumentException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a JDBC journal rides out a lost connection (a database server restarting, a network cut): on a
 * failure of the connection class it closes the connection, waits, connects again and retries the whole
 * operation, at most {@code maxRetries} times, waiting {@code firstDelay}, then twice as long each time,
 * at most {@code maxDelay}. A retried append is safe: its idempotency key is checked again inside the new
 * transaction, so a batch whose first attempt did commit is never written twice. When the retries are
 * spent the operation fails with {@link io.fomo.spi.StorageException.Kind#UNAVAILABLE}, and the journal
 * stays usable: the next call connects again.
 *
 * <p>Opening a journal never retries: an unreachable database fails the open at once.
 *
 * @param maxRetries how many times an operation is retried after its first attempt, 0 to 100
 * @param firstDelay the wait before the first retry, 0 to 1 minute
 * @param maxDelay   the longest wait between two attempts, at least {@code firstDelay}, at most 1 minute
 */
public record Reconnect(int maxRetries, Duration firstDelay, Duration maxDelay) {

    /** The longest delay; first, as the constants below need it. */
    private static final Duration MAX = Duration.ofMinutes(1);

    /** The default for PostgreSQL: 6 retries after 0.1, 0.2, 0.4, 0.8, 1.6 and 2 s, about 5 s in all. */
    public static final Reconnect DEFAULT = new Reconnect(6, Duration.ofMillis(100), Duration.ofSeconds(2));

    /** No retry: the first failure is reported (the default for SQLite, whose file does not restart). */
    public static final Reconnect NONE = new Reconnect(0, Duration.ZERO, Duration.ZERO);

    /**
     * Checks the bounds.
     *
     * @param maxRetries how many times an operation is retried after its first attempt, 0 to 100
     * @param firstDelay the wait before the first retry, 0 to 1 minute
     * @param maxDelay   the longest wait between two attempts, at least {@code firstDelay}, at most 1 minute
     * @throws InvalidArgumentException if a value is out of its bounds
     * @throws NullPointerException     if a delay is null
     */
    public Reconnect {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxRetries < 0 || maxRetries > 100) {
            throw InvalidArgumentException.of("maxRetries", maxRetries, "must be 0 to 100");
        }
        if (firstDelay.isNegative() || firstDelay.compareTo(MAX) > 0) {
            throw InvalidArgumentException.of("firstDelay", firstDelay, "must be 0 to 1 minute");
        }
        if (maxDelay.compareTo(firstDelay) < 0 || maxDelay.compareTo(MAX) > 0) {
            throw InvalidArgumentException.of("maxDelay", maxDelay, "must be at least firstDelay (" + firstDelay
                    + ") and at most 1 minute");
        }
    }

    /**
     * Returns the wait before a retry: {@code firstDelay × 2^retry}, at most {@code maxDelay}.
     *
     * @param retry the retry's index, 0 for the first retry
     * @return the wait
     * @throws InvalidArgumentException if the index is negative
     */
    public Duration delayBefore(int retry) {
        if (retry < 0) {
            throw InvalidArgumentException.of("retry", retry, "must not be negative");
        }
        Duration d = firstDelay;
        for (int i = 0; i < retry && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
