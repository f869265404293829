package io.fomo.core.revenue;

import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;
import java.util.Objects;

/**
 * One entry of the {@link BurnLedger}: an amount of a token burned for a deployment's buyback in an epoch.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Burn {

    private final long epoch;
    private final DeploymentId deployment;
    private final Amount amount;

    Burn(long epoch, DeploymentId deployment, Amount amount) {
        this.epoch = epoch;
        this.deployment = deployment;
        this.amount = amount;
    }

    /**
     * Returns the epoch of the burn.
     *
     * @return the epoch
     */
    public long epoch() {
        return epoch;
    }

    /**
     * Returns the deployment whose buyback burned it.
     *
     * @return the deployment
     */
    public DeploymentId deployment() {
        return deployment;
    }

    /**
     * Returns the amount burned.
     *
     * @return the amount
     */
    public Amount amount() {
        return amount;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Burn b && b.epoch == epoch && b.deployment.equals(deployment) && b.amount.equals(amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epoch, deployment, amount);
    }

    @Override
    public String toString() {
        return "Burn[epoch " + epoch + ", " + deployment + ", " + amount + "]";
    }

    /**
     * Creates a burn record, as a snapshot of the engine's state holds it.
     *
     * @param epoch      the epoch of the burn
     * @param deployment the deployment whose buyback burned
     * @param amount     what was burned, positive
     * @return the record
     * @throws NullPointerException     if an argument is null
     * @throws io.fomo.spi.InvalidArgumentException if the amount is zero
     */
    public static Burn of(long epoch, DeploymentId deployment, Amount amount) {
        java.util.Objects.requireNonNull(deployment, "deployment");
        java.util.Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw io.fomo.spi.InvalidArgumentException.of("amount", amount, "must be positive");
        }
        return new Burn(epoch, deployment, amount);
    }
}
