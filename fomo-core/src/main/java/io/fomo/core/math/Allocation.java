package io.fomo.core.math;

import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * The result of dividing a total among recipients: one amount per recipient and the undistributed
 * remainder (dust). {@code sum(shares) + dust == total}, exactly, always.
 *
 * @param <K> the type of recipient
 *
 * <p>This class is immutable and thread-safe when {@code K} is.
 */
public final class Allocation<K> {

    private final Amount total;
    private final Map<K, Amount> shares;
    private final Amount dust;

    Allocation(Amount total, Map<K, Amount> shares, Amount dust) {
        this.total = total;
        this.shares = Collections.unmodifiableMap(shares);
        this.dust = dust;
    }

    /**
     * Returns the amount that was divided.
     *
     * @return the total
     */
    public Amount total() {
        return total;
    }

    /**
     * Returns each recipient's amount, in ascending recipient order.
     *
     * @return an unmodifiable map
     */
    public Map<K, Amount> shares() {
        return shares;
    }

    /**
     * Returns one recipient's amount.
     *
     * @param recipient the recipient
     * @return its amount
     * @throws InvalidArgumentException if the recipient was not part of the allocation
     */
    public Amount shareOf(K recipient) {
        Amount a = shares.get(Objects.requireNonNull(recipient, "recipient"));
        if (a == null) {
            throw InvalidArgumentException.of("recipient", recipient, "is not part of this allocation");
        }
        return a;
    }

    /**
     * Returns what was not distributed.
     *
     * @return the dust, zero when everything was distributed
     */
    public Amount dust() {
        return dust;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Allocation<?> a && a.total.equals(total) && a.shares.equals(shares)
                && a.dust.equals(dust);
    }

    @Override
    public int hashCode() {
        return Objects.hash(total, shares, dust);
    }

    @Override
    public String toString() {
        return "Allocation[total=" + total + ", shares=" + shares + ", dust=" + dust + "]";
    }
}
