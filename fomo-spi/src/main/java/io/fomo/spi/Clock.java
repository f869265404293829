package io.fomo.spi;

import java.time.Instant;

/**
 * The engine's notion of now. The engine never reads the machine's clock; it asks this one, so a
 * simulation or test controls time completely ({@link FixedClock}, {@link ManualClock}).
 *
 * <p>A clock never goes backwards: each call returns an instant equal to or later than the one before.
 * An adapter over the machine's clock ({@code Instant::now}) should hold on to the latest instant it
 * returned and not return an earlier one after a wall-clock adjustment.
 *
 * <p>Implementations are thread-safe. Every adapter passes the contract test kit
 * {@code io.fomo.spi.contract.ClockContract} shipped in this module's test jar.
 */
@FunctionalInterface
public interface Clock {

    /**
     * Returns the current instant.
     *
     * @return now, never null, never earlier than an instant this clock returned before
     */
    Instant now();
}
