package io.fomo.core.staking;

import io.fomo.spi.Amount;
import java.util.Objects;

/**
 * A gmFLOCK withdrawal: the FLOCK withdrawn, the fee, the FLOCK returned ({@code withdrawn == fee +
 * returned}, exactly) and the gmFLOCK burned with the lock.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class GmFlockWithdrawal {

    private final Amount withdrawn;
    private final Amount fee;
    private final Amount returned;
    private final Amount gmFlockBurned;

    GmFlockWithdrawal(Amount withdrawn, Amount fee, Amount returned, Amount gmFlockBurned) {
        this.withdrawn = withdrawn;
        this.fee = fee;
        this.returned = returned;
        this.gmFlockBurned = gmFlockBurned;
    }

    /**
     * Returns the FLOCK withdrawn (the lock's principal).
     *
     * @return the amount
     */
    public Amount withdrawn() {
        return withdrawn;
    }

    /**
     * Returns the fee, rounded UP.
     *
     * @return the fee
     */
    public Amount fee() {
        return fee;
    }

    /**
     * Returns the FLOCK returned to the user.
     *
     * @return {@code withdrawn - fee}
     */
    public Amount returned() {
        return returned;
    }

    /**
     * Returns the gmFLOCK burned with the lock (zero for a bare fee computation).
     *
     * @return the gmFLOCK
     */
    public Amount gmFlockBurned() {
        return gmFlockBurned;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GmFlockWithdrawal w && w.withdrawn.equals(withdrawn) && w.fee.equals(fee)
                && w.returned.equals(returned) && w.gmFlockBurned.equals(gmFlockBurned);
    }

    @Override
    public int hashCode() {
        return Objects.hash(withdrawn, fee, returned, gmFlockBurned);
    }

    @Override
    public String toString() {
        return "GmFlockWithdrawal[withdrawn=" + withdrawn + ", fee=" + fee + ", returned=" + returned
                + ", gmFlockBurned=" + gmFlockBurned + "]";
    }
}
