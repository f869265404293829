package io.fomo.core.launch;

import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A cliff-and-linear vesting of a fixed amount: nothing before {@code start + cliff}; from then on the
 * part {@code elapsed / duration} of the total (elapsed counted from {@code start}, in whole seconds,
 * rounded down to a base unit); everything from {@code start + duration}. This is the convention of
 * OpenZeppelin's {@code VestingWalletCliff}: the cliff delays the first release, it does not shift the
 * linear schedule (with the defaults, 90/365 of the total vests at the cliff).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class VestingSchedule {

    private final Amount total;
    private final Instant start;
    private final Duration cliff;
    private final Duration duration;

    private VestingSchedule(Amount total, Instant start, Duration cliff, Duration duration) {
        this.total = total;
        this.start = start;
        this.cliff = cliff;
        this.duration = duration;
    }

    /**
     * Returns a schedule.
     *
     * @param total    the amount that vests in all
     * @param start    when vesting starts
     * @param cliff    time before anything vests, between 0 and the duration
     * @param duration time until everything has vested, at least one second
     * @return the schedule
     * @throws InvalidArgumentException if the durations are out of range
     */
    public static VestingSchedule of(Amount total, Instant start, Duration cliff, Duration duration) {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(cliff, "cliff");
        Objects.requireNonNull(duration, "duration");
        if (duration.getSeconds() < 1) {
            throw InvalidArgumentException.of("duration", duration, "must be at least one second");
        }
        if (cliff.isNegative() || cliff.compareTo(duration) > 0) {
            throw InvalidArgumentException.of("cliff", cliff, "must be between 0 and the duration " + duration);
        }
        return new VestingSchedule(total, start, cliff, duration);
    }

    /**
     * Returns the amount that vests in all.
     *
     * @return the total
     */
    public Amount total() {
        return total;
    }

    /**
     * Returns when vesting starts.
     *
     * @return the start
     */
    public Instant start() {
        return start;
    }

    /**
     * Returns when the first part vests.
     *
     * @return {@code start + cliff}
     */
    public Instant cliffEnd() {
        return start.plus(cliff);
    }

    /**
     * Returns when everything has vested.
     *
     * @return {@code start + duration}
     */
    public Instant end() {
        return start.plus(duration);
    }

    /**
     * Returns the amount vested at an instant (claimed or not).
     *
     * @param at the instant
     * @return the vested amount, never more than the total, never falling over time
     */
    public Amount vestedAt(Instant at) {
        Objects.requireNonNull(at, "at");
        if (at.isBefore(cliffEnd())) {
            return Amount.zero(total.asset());
        }
        if (!at.isBefore(end())) {
            return total;
        }
        long elapsed = Duration.between(start, at).getSeconds();
        BigInteger units = total.units().multiply(BigInteger.valueOf(elapsed))
                .divide(BigInteger.valueOf(duration.getSeconds()));
        return Amount.ofUnits(total.asset(), units);
    }

    /**
     * Returns what can be claimed at an instant after some has been claimed.
     *
     * @param at      the instant
     * @param claimed the amount claimed so far
     * @return {@code vestedAt(at) − claimed}, or zero
     */
    public Amount claimableAt(Instant at, Amount claimed) {
        Amount vested = vestedAt(at);
        return vested.isGreaterThan(claimed) ? vested.minus(claimed) : Amount.zero(total.asset());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VestingSchedule v && v.total.equals(total) && v.start.equals(start)
                && v.cliff.equals(cliff) && v.duration.equals(duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(total, start, cliff, duration);
    }

    @Override
    public String toString() {
        return "VestingSchedule[" + total + " from " + start + ", cliff " + cliff + ", duration " + duration + "]";
    }
}
