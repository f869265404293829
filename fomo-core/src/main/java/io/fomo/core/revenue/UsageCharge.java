package io.fomo.core.revenue;

import io.fomo.spi.Amount;
import java.util.Objects;

/**
 * What a user pays for some usage: the units, the discount applied, the unit price actually paid and
 * the charge ({@code units * price}, rounded UP to the quote asset).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class UsageCharge {

    private final long units;
    private final int discountBps;
    private final UnitPrice price;
    private final Amount amount;

    UsageCharge(long units, int discountBps, UnitPrice price, Amount amount) {
        this.units = units;
        this.discountBps = discountBps;
        this.price = price;
        this.amount = amount;
    }

    /**
     * Returns the units of usage.
     *
     * @return the units
     */
    public long units() {
        return units;
    }

    /**
     * Returns the discount tier reached (the floor may have cut it back).
     *
     * @return basis points
     */
    public int discountBps() {
        return discountBps;
    }

    /**
     * Returns the unit price paid.
     *
     * @return the price
     */
    public UnitPrice price() {
        return price;
    }

    /**
     * Returns the amount charged: the amount of the usage payment.
     *
     * @return the charge
     */
    public Amount amount() {
        return amount;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UsageCharge c && c.units == units && c.discountBps == discountBps
                && c.price.equals(price) && c.amount.equals(amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(units, discountBps, price, amount);
    }

    @Override
    public String toString() {
        return "UsageCharge[" + units + " x " + price + " = " + amount + " (discount " + discountBps + " bps)]";
    }
}
