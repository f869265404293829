package io.fomo.core.engine;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import java.util.Objects;

/**
 * A team buys prepaid inference credits (card, Base Pay, Coinbase: FOMO-SPEC §5). Buying credits is cash
 * in, not revenue: revenue arises when a call deducts them ({@link RecordTokenUsage}). USDC tops up one to
 * one as USD (both have 6 decimals). A top-up first settles what the team owes for calls made beyond its
 * balance (docs/usage.md, "Calls beyond the balance").
 *
 * @param team   the team credited
 * @param amount the amount paid, positive, in USD or USDC
 */
public record TopUpCredits(AccountId team, Amount amount) implements Command.Metering {

    /**
     * Checks the components are present.
     *
     * @param team   the team credited
     * @param amount the amount paid, positive, in USD or USDC
     */
    public TopUpCredits {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(amount, "amount");
    }
}
