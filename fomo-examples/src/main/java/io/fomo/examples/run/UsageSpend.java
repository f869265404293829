package io.fomo.examples.run;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import java.util.Objects;

/**
 * What one user spends on inference on one usage day.
 *
 * @param account the user
 * @param spend   the USD the user is willing to pay that day (positive)
 */
public record UsageSpend(AccountId account, Amount spend) {

    /**
     * Checks the fields are present.
     *
     * @param account the user
     * @param spend   the USD the user is willing to pay that day (positive)
     */
    public UsageSpend {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(spend, "spend");
    }
}
