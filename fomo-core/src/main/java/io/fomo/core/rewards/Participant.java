package io.fomo.core.rewards;

import io.fomo.spi.AccountId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.Limits;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One user's activity in one pool: paid spend, stake and gmFLOCK holding, as exact non-negative decimals.
 *
 * <p>Equality is numeric on the three quantities.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Participant {

    private final AccountId account;
    private final BigDecimal spend;
    private final BigDecimal stake;
    private final BigDecimal gmFlock;

    private Participant(AccountId account, BigDecimal spend, BigDecimal stake, BigDecimal gmFlock) {
        this.account = account;
        this.spend = spend;
        this.stake = stake;
        this.gmFlock = gmFlock;
    }

    /**
     * Returns a participant without gmFLOCK.
     *
     * @param account the user
     * @param spend   the paid spend in the epoch, not negative
     * @param stake   the stake of the deployment's MT, not negative
     * @return the participant
     * @throws InvalidArgumentException if a quantity is negative
     */
    public static Participant of(AccountId account, BigDecimal spend, BigDecimal stake) {
        return of(account, spend, stake, BigDecimal.ZERO);
    }

    /**
     * Returns a participant.
     *
     * @param account the user
     * @param spend   the paid spend in the epoch, not negative
     * @param stake   the stake of the deployment's MT, not negative
     * @param gmFlock the gmFLOCK holding, not negative
     * @return the participant
     * @throws InvalidArgumentException if a quantity is negative
     */
    public static Participant of(AccountId account, BigDecimal spend, BigDecimal stake, BigDecimal gmFlock) {
        Limits.decimal("spend", spend);
        Limits.decimal("stake", stake);
        Limits.decimal("gmFlock", gmFlock);
        Objects.requireNonNull(account, "account");
        return new Participant(account, nonNegative("spend", account, spend), nonNegative("stake", account, stake),
                nonNegative("gmFlock", account, gmFlock));
    }

    private static BigDecimal nonNegative(String field, AccountId account, BigDecimal v) {
        Objects.requireNonNull(v, field);
        if (v.signum() < 0) {
            throw InvalidArgumentException.of(field + "[" + account + "]", v.toPlainString(), "must not be negative");
        }
        return StakingFactor.strip(v);
    }

    /**
     * Returns the user.
     *
     * @return the account
     */
    public AccountId account() {
        return account;
    }

    /**
     * Returns the paid spend.
     *
     * @return the spend
     */
    public BigDecimal spend() {
        return spend;
    }

    /**
     * Returns the stake.
     *
     * @return the stake
     */
    public BigDecimal stake() {
        return stake;
    }

    /**
     * Returns the gmFLOCK holding.
     *
     * @return the holding
     */
    public BigDecimal gmFlock() {
        return gmFlock;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Participant p && p.account.equals(account) && p.spend.compareTo(spend) == 0
                && p.stake.compareTo(stake) == 0 && p.gmFlock.compareTo(gmFlock) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, spend, stake, gmFlock);
    }

    @Override
    public String toString() {
        return "Participant[" + account + ", spend=" + spend.toPlainString() + ", stake=" + stake.toPlainString()
                + ", gm=" + gmFlock.toPlainString() + "]";
    }
}
