package io.fomo.core.launch;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.util.Objects;

/**
 * One actor's ledger in an RMO: the FLOCK paid, its fees, what was returned from an overfill, the net
 * principal that reached the curve, the MT claim (non-transferable during the raise; real MT after
 * graduation), and the refund taken after a failure.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SupporterPosition {

    private final Amount paid;
    private final Amount fees;
    private final Amount returned;
    private final Amount principal;
    private final Amount mt;
    private final Amount refunded;
    private final boolean redeemed;

    private SupporterPosition(Amount paid, Amount fees, Amount returned, Amount principal, Amount mt,
            Amount refunded, boolean redeemed) {
        this.paid = paid;
        this.fees = fees;
        this.returned = returned;
        this.principal = principal;
        this.mt = mt;
        this.refunded = refunded;
        this.redeemed = redeemed;
    }

    static SupporterPosition empty(Asset mtAsset) {
        Amount z = Amount.zero(Asset.FLOCK);
        return new SupporterPosition(z, z, z, z, Amount.zero(mtAsset), z, false);
    }

    SupporterPosition withBuy(Amount gross, Amount fee, Amount ret, Amount net, Amount mtOut) {
        return new SupporterPosition(paid.plus(gross), fees.plus(fee), returned.plus(ret), principal.plus(net),
                mt.plus(mtOut), refunded, redeemed);
    }

    SupporterPosition withRefund(Amount amount) {
        return new SupporterPosition(paid, fees, returned, principal, mt, refunded.plus(amount), true);
    }

    /**
     * Returns the gross FLOCK the actor paid in.
     *
     * @return the FLOCK paid, fees included
     */
    public Amount paid() {
        return paid;
    }

    /**
     * Returns the swap fees the actor paid (kept in every outcome).
     *
     * @return the fees
     */
    public Amount fees() {
        return fees;
    }

    /**
     * Returns the FLOCK returned unfilled from an overfilled buy.
     *
     * @return the returned FLOCK
     */
    public Amount returned() {
        return returned;
    }

    /**
     * Returns the net FLOCK that reached the curve: what a failure refunds.
     *
     * @return the principal
     */
    public Amount principal() {
        return principal;
    }

    /**
     * Returns the MT bought: a claim during the raise, MT after graduation, nothing usable after a failure.
     *
     * @return the MT
     */
    public Amount mt() {
        return mt;
    }

    /**
     * Returns the FLOCK refunded after a failure.
     *
     * @return the refund, at most the principal
     */
    public Amount refunded() {
        return refunded;
    }

    /**
     * Tells whether the actor has redeemed after a failure.
     *
     * @return true once redeemed
     */
    public boolean redeemed() {
        return redeemed;
    }

    /**
     * Returns the FLOCK the actor has in the RMO and has not got back: paid − returned − refunded.
     *
     * @return the FLOCK still committed
     */
    public Amount committed() {
        return paid.minus(returned).minus(refunded);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SupporterPosition p && p.paid.equals(paid) && p.fees.equals(fees)
                && p.returned.equals(returned) && p.principal.equals(principal) && p.mt.equals(mt)
                && p.refunded.equals(refunded) && p.redeemed == redeemed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(paid, fees, returned, principal, mt, refunded, redeemed);
    }

    @Override
    public String toString() {
        return "SupporterPosition[paid " + paid + ", principal " + principal + ", mt " + mt
                + (redeemed ? ", refunded " + refunded : "") + "]";
    }

    /**
     * Restores a position from its components, as a snapshot of the engine's state holds them.
     *
     * @param paid      the gross FLOCK paid in
     * @param fees      the fees paid
     * @param returned  the overfill returned
     * @param principal the net principal
     * @param mt        the model tokens bought
     * @param refunded  the FLOCK refunded
     * @param redeemed  whether the principal was redeemed
     * @return the position
     * @throws NullPointerException     if an amount is null
     * @throws InvalidArgumentException if a FLOCK amount is of another asset or {@code mt} is FLOCK
     */
    public static SupporterPosition restore(Amount paid, Amount fees, Amount returned, Amount principal, Amount mt,
            Amount refunded, boolean redeemed) {
        String[] names = {"paid", "fees", "returned", "principal", "refunded"};
        Amount[] flock = {paid, fees, returned, principal, refunded};
        for (int i = 0; i < flock.length; i++) {
            Objects.requireNonNull(flock[i], names[i]);
            Amount.zero(Asset.FLOCK).requireSameAsset(names[i], flock[i]);
        }
        Objects.requireNonNull(mt, "mt");
        if (mt.asset().equals(Asset.FLOCK)) {
            throw InvalidArgumentException.of("mt", mt, "must be of a model token, not FLOCK");
        }
        return new SupporterPosition(paid, fees, returned, principal, mt, refunded, redeemed);
    }
}
