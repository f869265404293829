package io.fomo.examples.scenario;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.util.Objects;

/**
 * An account stakes MT of the deployment on a simulated day.
 *
 * @param day     the simulated day (0 = the day the launch opens)
 * @param account the staker
 * @param mt      the MT staked, positive
 */
public record StakeAction(int day, AccountId account, Amount mt) {

    /**
     * Checks the action.
     *
     * @param day the simulated day (0 = the day the launch opens)
     * @param account the staker
     * @param mt the MT staked, positive
     * @throws InvalidArgumentException if the day is negative or the amount not positive
     */
    public StakeAction {
        if (day < 0) {
            throw InvalidArgumentException.of("day", day, "must not be negative");
        }
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(mt, "mt");
        if (!mt.isPositive()) {
            throw InvalidArgumentException.of("mt", mt, "must be positive");
        }
    }
}
