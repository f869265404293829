package io.fomo.spi;

import java.util.Objects;

/**
 * The chain's final answer to a {@link TokenIntent}: the intent id, whether it took effect, and a
 * reference to look it up on chain (a transaction hash, or the reason for a rejection).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class IntentConfirmation {

    private final IntentId intentId;
    private final IntentStatus status;
    private final String reference;

    private IntentConfirmation(IntentId intentId, IntentStatus status, String reference) {
        this.intentId = intentId;
        this.status = status;
        this.reference = reference;
    }

    /**
     * Returns a confirmation.
     *
     * @param intentId  the intent's id
     * @param status    the outcome
     * @param reference the chain's reference: 1 to 128 characters, no control characters, no leading or
     *                  trailing space
     * @return the confirmation
     * @throws InvalidArgumentException if the reference is blank, too long or has control characters
     */
    public static IntentConfirmation of(IntentId intentId, IntentStatus status, String reference) {
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(status, "status");
        return new IntentConfirmation(intentId, status, Ids.check("reference", reference));
    }

    /**
     * Returns the intent's id.
     *
     * @return the id
     */
    public IntentId intentId() {
        return intentId;
    }

    /**
     * Returns the outcome.
     *
     * @return the status
     */
    public IntentStatus status() {
        return status;
    }

    /**
     * Returns the chain's reference.
     *
     * @return the reference, as in a transaction hash
     */
    public String reference() {
        return reference;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntentConfirmation c && c.intentId.equals(intentId) && c.status == status
                && c.reference.equals(reference);
    }

    @Override
    public int hashCode() {
        return (intentId.hashCode() * 31 + status.hashCode()) * 31 + reference.hashCode();
    }

    /**
     * Returns the id, status and reference.
     *
     * @return for example {@code "i-7 CONFIRMED (0xabc...)"}
     */
    @Override
    public String toString() {
        return intentId + " " + status + " (" + reference + ')';
    }
}
