package io.fomo.core.emission;

import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.LimitExceededException;
import java.util.Objects;

/**
 * The emission reserve: the tokens set aside for emissions, what has been released from it to epoch
 * budgets, and what came back because no one could receive it (FOMO-SPEC §3.3: budget that no one can
 * receive goes back to the reserve, never silently lost).
 *
 * <p>Invariant: {@code balance == initial - released + returned}, exactly. Every operation returns a new
 * reserve; a rejected one leaves this reserve as it was.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EmissionReserve {

    private final Amount initial;
    private final Amount released;
    private final Amount returned;
    private final Amount balance;

    private EmissionReserve(Amount initial, Amount released, Amount returned, Amount balance) {
        this.initial = initial;
        this.released = released;
        this.returned = returned;
        this.balance = balance;
    }

    /**
     * Opens a reserve holding an initial amount.
     *
     * @param initial the tokens set aside for emissions
     * @return the reserve, nothing released or returned yet
     */
    public static EmissionReserve of(Amount initial) {
        Objects.requireNonNull(initial, "initial");
        Amount zero = Amount.zero(initial.asset());
        return new EmissionReserve(initial, zero, zero, initial);
    }

    /**
     * Releases an epoch's budget from the reserve.
     *
     * @param amount the budget, in the reserve's asset
     * @return the reserve after the release
     * @throws LimitExceededException       if the amount exceeds the balance
     * @throws io.fomo.spi.AssetMismatchException if the asset differs
     */
    public EmissionReserve release(Amount amount) {
        Objects.requireNonNull(amount, "amount");
        balance.requireSameAsset("amount", amount);
        if (amount.isGreaterThan(balance)) {
            throw LimitExceededException.of("amount", amount.toPlainString(),
                    "exceeds the emission reserve balance " + balance.toPlainString());
        }
        return new EmissionReserve(initial, released.plus(amount), returned, balance.minus(amount));
    }

    /**
     * Returns what the reserve can release of a requested budget: the smaller of the two.
     *
     * @param requested the budget the schedule asks for
     * @return the part the balance covers
     */
    public Amount releasable(Amount requested) {
        Objects.requireNonNull(requested, "requested");
        balance.requireSameAsset("requested", requested);
        return requested.min(balance);
    }

    /**
     * Takes back budget that no one could receive.
     *
     * @param amount the amount returned
     * @return the reserve after the return
     * @throws InvalidArgumentException if more would come back than was ever released
     */
    public EmissionReserve giveBack(Amount amount) {
        Objects.requireNonNull(amount, "amount");
        balance.requireSameAsset("amount", amount);
        if (returned.plus(amount).isGreaterThan(released)) {
            throw InvalidArgumentException.of("amount", amount.toPlainString(),
                    "returns more than was released (released " + released.toPlainString() + ", returned "
                            + returned.toPlainString() + ")");
        }
        return new EmissionReserve(initial, released, returned.plus(amount), balance.plus(amount));
    }

    /**
     * Returns the amount the reserve opened with.
     *
     * @return the initial amount
     */
    public Amount initial() {
        return initial;
    }

    /**
     * Returns everything released so far.
     *
     * @return the released total
     */
    public Amount released() {
        return released;
    }

    /**
     * Returns everything given back so far.
     *
     * @return the returned total
     */
    public Amount returned() {
        return returned;
    }

    /**
     * Returns what the reserve holds now.
     *
     * @return the balance
     */
    public Amount balance() {
        return balance;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmissionReserve r && r.initial.equals(initial) && r.released.equals(released)
                && r.returned.equals(returned);
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, released, returned);
    }

    @Override
    public String toString() {
        return "EmissionReserve[balance=" + balance + ", released=" + released + ", returned=" + returned + "]";
    }
}
