package io.fomo.examples.run;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import java.util.Objects;

/**
 * One buy in the launch sale, as the plan schedules it.
 *
 * @param day     the simulated day (0 = the day the launch opens)
 * @param account the supporter
 * @param flock   the gross FLOCK paid (the swap fee comes out of it)
 */
public record SupporterBuy(int day, AccountId account, Amount flock) {

    /**
     * Checks the fields are present.
     *
     * @param day     the simulated day (0 = the day the launch opens)
     * @param account the supporter
     * @param flock   the gross FLOCK paid (the swap fee comes out of it)
     */
    public SupporterBuy {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(flock, "flock");
    }
}
