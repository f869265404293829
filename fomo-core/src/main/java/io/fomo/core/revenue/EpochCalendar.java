package io.fomo.core.revenue;

import io.fomo.spi.InvalidArgumentException;
import java.time.Instant;
import java.util.Objects;

/**
 * Numbers the epochs of the economy: epoch {@code e} is the half-open interval
 * {@code [genesis + e * length, genesis + (e + 1) * length)}. The default [DEFAULT] is one UTC day
 * (86,400 s) counted from the Unix epoch, so epoch numbers are UTC day numbers.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EpochCalendar {

    /** Seconds in the default epoch: one day. */
    public static final long DAY_SECONDS = 86_400L;

    private final Instant genesis;
    private final long lengthSeconds;

    private EpochCalendar(Instant genesis, long lengthSeconds) {
        this.genesis = genesis;
        this.lengthSeconds = lengthSeconds;
    }

    /**
     * Returns the default calendar: daily epochs from 1970-01-01T00:00:00Z.
     *
     * @return the calendar
     */
    public static EpochCalendar daily() {
        return new EpochCalendar(Instant.EPOCH, DAY_SECONDS);
    }

    /**
     * Returns a calendar.
     *
     * @param genesis       the start of epoch 0
     * @param lengthSeconds the length of an epoch in seconds, positive
     * @return the calendar
     * @throws InvalidArgumentException if the length is not positive
     */
    public static EpochCalendar of(Instant genesis, long lengthSeconds) {
        Objects.requireNonNull(genesis, "genesis");
        if (lengthSeconds <= 0) {
            throw InvalidArgumentException.of("lengthSeconds", lengthSeconds, "must be positive");
        }
        return new EpochCalendar(genesis, lengthSeconds);
    }

    /**
     * Returns the epoch an instant falls in (negative before genesis).
     *
     * @param at the instant
     * @return the epoch number
     */
    public long epochOf(Instant at) {
        Objects.requireNonNull(at, "at");
        return Math.floorDiv(at.getEpochSecond() - genesis.getEpochSecond()
                - (at.getNano() < genesis.getNano() ? 1 : 0), lengthSeconds);
    }

    /**
     * Returns the first instant of an epoch.
     *
     * @param epoch the epoch number
     * @return its start
     */
    public Instant start(long epoch) {
        return genesis.plusSeconds(Math.multiplyExact(epoch, lengthSeconds));
    }

    /**
     * Returns the start of epoch 0.
     *
     * @return the genesis
     */
    public Instant genesis() {
        return genesis;
    }

    /**
     * Returns the length of an epoch.
     *
     * @return seconds
     */
    public long lengthSeconds() {
        return lengthSeconds;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EpochCalendar c && c.genesis.equals(genesis) && c.lengthSeconds == lengthSeconds;
    }

    @Override
    public int hashCode() {
        return genesis.hashCode() * 31 + Long.hashCode(lengthSeconds);
    }

    @Override
    public String toString() {
        return "EpochCalendar[genesis=" + genesis + ", length=" + lengthSeconds + "s]";
    }
}
