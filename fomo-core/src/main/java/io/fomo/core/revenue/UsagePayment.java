package io.fomo.core.revenue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import java.time.Instant;
import java.util.Objects;

/**
 * One paid use of a deployment's inference: an id (unique for ever), the deployment, the payer, the
 * amount actually paid (USD or USDC) and the time. A payment is only a description; a
 * {@link RevenueLedger} decides whether to accept it.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class UsagePayment {

    private final EventId id;
    private final DeploymentId deployment;
    private final AccountId payer;
    private final Amount amount;
    private final Instant time;

    private UsagePayment(EventId id, DeploymentId deployment, AccountId payer, Amount amount, Instant time) {
        this.id = id;
        this.deployment = deployment;
        this.payer = payer;
        this.amount = amount;
        this.time = time;
    }

    /**
     * Describes a payment.
     *
     * @param id         the payment id, unique across all payments
     * @param deployment the deployment used
     * @param payer      the paying account
     * @param amount     the amount paid
     * @param time       when it was paid
     * @return the payment
     */
    public static UsagePayment of(EventId id, DeploymentId deployment, AccountId payer, Amount amount,
            Instant time) {
        return new UsagePayment(Objects.requireNonNull(id, "id"), Objects.requireNonNull(deployment, "deployment"),
                Objects.requireNonNull(payer, "payer"), Objects.requireNonNull(amount, "amount"),
                Objects.requireNonNull(time, "time"));
    }

    /**
     * Returns the payment id.
     *
     * @return the id
     */
    public EventId id() {
        return id;
    }

    /**
     * Returns the deployment.
     *
     * @return the deployment
     */
    public DeploymentId deployment() {
        return deployment;
    }

    /**
     * Returns the payer.
     *
     * @return the payer
     */
    public AccountId payer() {
        return payer;
    }

    /**
     * Returns the amount paid.
     *
     * @return the amount
     */
    public Amount amount() {
        return amount;
    }

    /**
     * Returns the time of payment.
     *
     * @return the time
     */
    public Instant time() {
        return time;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UsagePayment p && p.id.equals(id) && p.deployment.equals(deployment)
                && p.payer.equals(payer) && p.amount.equals(amount) && p.time.equals(time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, deployment, payer, amount, time);
    }

    @Override
    public String toString() {
        return "UsagePayment[" + id + ", " + deployment + ", " + payer + ", " + amount + " @" + time + "]";
    }
}
