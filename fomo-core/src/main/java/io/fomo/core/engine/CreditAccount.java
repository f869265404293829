package io.fomo.core.engine;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.util.Objects;

/**
 * One team's prepaid credits, in USD: everything topped up and everything deducted by calls. The balance
 * is their difference; a team that called beyond its balance owes the difference ({@link #arrears()}),
 * which its next top-up settles first. Both totals only grow, so the account is the same whatever the
 * order in which its top-ups and calls arrive.
 *
 * @param toppedUp every top-up so far, in USD
 * @param deducted every per-call deduction so far, in USD
 */
public record CreditAccount(Amount toppedUp, Amount deducted) {

    /** An account with nothing topped up or deducted. */
    public static final CreditAccount EMPTY = new CreditAccount(Amount.zero(Asset.USD), Amount.zero(Asset.USD));

    /**
     * Checks both totals are in USD.
     *
     * @param toppedUp every top-up so far, in USD
     * @param deducted every per-call deduction so far, in USD
     * @throws InvalidArgumentException if a total is not in USD
     */
    public CreditAccount {
        Objects.requireNonNull(toppedUp, "toppedUp");
        Objects.requireNonNull(deducted, "deducted");
        if (!toppedUp.asset().equals(Asset.USD)) {
            throw InvalidArgumentException.of("toppedUp", toppedUp, "credits are held in USD");
        }
        if (!deducted.asset().equals(Asset.USD)) {
            throw InvalidArgumentException.of("deducted", deducted, "credits are held in USD");
        }
    }

    /**
     * Returns the credits left: topped up less deducted, zero when the team owes.
     *
     * @return the available balance
     */
    public Amount available() {
        return toppedUp.isLessThan(deducted) ? Amount.zero(Asset.USD) : toppedUp.minus(deducted);
    }

    /**
     * Returns what the team owes for calls made beyond its balance: deducted less topped up, zero when
     * the balance covers every call.
     *
     * @return the arrears
     */
    public Amount arrears() {
        return deducted.isGreaterThan(toppedUp) ? deducted.minus(toppedUp) : Amount.zero(Asset.USD);
    }

    /**
     * Returns this account after a top-up.
     *
     * @param amount the top-up in USD
     * @return the new account
     */
    public CreditAccount toppedUpBy(Amount amount) {
        return new CreditAccount(toppedUp.plus(amount), deducted);
    }

    /**
     * Returns this account after a per-call deduction (which may go beyond the balance).
     *
     * @param amount the call's charge in USD
     * @return the new account
     */
    public CreditAccount deductedBy(Amount amount) {
        return new CreditAccount(toppedUp, deducted.plus(amount));
    }
}
