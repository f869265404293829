package io.fomo.examples.scenario;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.util.Objects;

/**
 * An account locks FLOCK for gmFLOCK (FOMO-SPEC §3.5) on a simulated day.
 *
 * @param day      the simulated day (0 = the day the launch opens)
 * @param account  the locker
 * @param flock    the FLOCK locked, positive
 * @param lockDays the lock in days, 1 to 365
 */
public record LockAction(int day, AccountId account, Amount flock, int lockDays) {

    /**
     * Checks the action.
     *
     * @param day the simulated day (0 = the day the launch opens)
     * @param account the locker
     * @param flock the FLOCK locked, positive
     * @param lockDays the lock in days, 1 to 365
     * @throws InvalidArgumentException if a value is out of range
     */
    public LockAction {
        if (day < 0) {
            throw InvalidArgumentException.of("day", day, "must not be negative");
        }
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(flock, "flock");
        if (!flock.asset().equals(Asset.FLOCK) || !flock.isPositive()) {
            throw InvalidArgumentException.of("flock", flock, "must be a positive amount of FLOCK");
        }
        if (lockDays < 1 || lockDays > 365) {
            throw InvalidArgumentException.of("lockDays", lockDays, "must be from 1 to 365");
        }
    }
}
