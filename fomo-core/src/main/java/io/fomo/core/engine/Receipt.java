package io.fomo.core.engine;

import io.fomo.core.launch.RmoEvent;
import io.fomo.spi.EventId;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one submitted command: the journal sequence numbers it was written at, or that it was
 * a duplicate of a command already applied (and so had no further effect); for a {@link Command.Buy},
 * what it bought ({@link #bought()}); for a {@link Swap}, what it paid and received ({@link #swapped()}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Receipt {

    private final EventId commandId;
    private final long firstSequence;
    private final long lastSequence;
    private final boolean duplicate;
    private final int intents;
    private final RmoEvent.Bought bought;
    private final int pending;
    private final Fact.Swapped swapped;

    Receipt(EventId commandId, long firstSequence, long lastSequence, boolean duplicate, int intents) {
        this(commandId, firstSequence, lastSequence, duplicate, intents, null, 0);
    }

    Receipt(EventId commandId, long firstSequence, long lastSequence, boolean duplicate, int intents,
            RmoEvent.Bought bought) {
        this(commandId, firstSequence, lastSequence, duplicate, intents, bought, 0);
    }

    Receipt(EventId commandId, long firstSequence, long lastSequence, boolean duplicate, int intents,
            RmoEvent.Bought bought, int pending) {
        this(commandId, firstSequence, lastSequence, duplicate, intents, bought, pending, null);
    }

    Receipt(EventId commandId, long firstSequence, long lastSequence, boolean duplicate, int intents,
            RmoEvent.Bought bought, int pending, Fact.Swapped swapped) {
        this.swapped = swapped;
        this.pending = pending;
        this.commandId = commandId;
        this.firstSequence = firstSequence;
        this.lastSequence = lastSequence;
        this.duplicate = duplicate;
        this.intents = intents;
        this.bought = bought;
    }

    /**
     * Returns the command's id (its idempotency key).
     *
     * @return the id
     */
    public EventId commandId() {
        return commandId;
    }

    /**
     * Returns the first journal sequence number the command was written at; 0 for a duplicate.
     *
     * @return the sequence number
     */
    public long firstSequence() {
        return firstSequence;
    }

    /**
     * Returns the last journal sequence number of the command's batch (its intents follow the command);
     * 0 for a duplicate.
     *
     * @return the sequence number
     */
    public long lastSequence() {
        return lastSequence;
    }

    /**
     * Tells whether the command had been applied before, so this submission changed nothing.
     *
     * @return true for a duplicate
     */
    public boolean isDuplicate() {
        return duplicate;
    }

    /**
     * Returns how many chain intents the command issued.
     *
     * @return the number of intents
     */
    public int intents() {
        return intents;
    }

    /**
     * Returns how many of the command's intents were still waiting for the chain gateway when the submit
     * returned: all of them without automatic dispatch, or those a failing gateway (an outage) left
     * pending. The command itself is journaled and applied either way; {@link FomoProtocol#dispatch()}
     * delivers them and {@link FomoProtocol#pendingIntents()} lists them. 0 for a duplicate.
     *
     * @return the number of the command's intents still pending, at most {@link #intents()}
     */
    public int pendingIntents() {
        return pending;
    }

    /**
     * Returns what a {@link Command.Buy} bought: the FLOCK offered ({@code gross}), the fee kept, the
     * principal that reached the curve ({@code net}), the model-token claim bought ({@code mtOut}) and any
     * FLOCK returned unfilled at the max target ({@code returned}); {@code gross = net + fee + returned}.
     *
     * @return the buy's outcome; empty for any other command and for a duplicate (the receipt of the
     *         first submission said what was bought)
     */
    public Optional<RmoEvent.Bought> bought() {
        return Optional.ofNullable(bought);
    }

    /**
     * Returns what a {@link Swap} paid and received: the trader, the pool's account, {@code in} (what the
     * trader paid into the pool, the pool's fee included: the fee stays in the pool) and {@code out} (what
     * the trader received). Under {@link Swap.Kind#EXACT_IN} {@code in} is the command's amount; under
     * {@link Swap.Kind#EXACT_OUT} {@code out} is.
     *
     * @return the trade; empty for any other command and for a duplicate (the receipt of the first
     *         submission said what was traded)
     */
    public Optional<Fact.Swapped> swapped() {
        return Optional.ofNullable(swapped);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Receipt r && r.commandId.equals(commandId) && r.firstSequence == firstSequence
                && r.lastSequence == lastSequence && r.duplicate == duplicate && r.intents == intents
                && Objects.equals(r.bought, bought) && r.pending == pending && Objects.equals(r.swapped, swapped);
    }

    @Override
    public int hashCode() {
        return Objects.hash(commandId, firstSequence, lastSequence, duplicate, intents, bought, pending);
    }

    @Override
    public String toString() {
        return duplicate ? "Receipt[" + commandId + ", duplicate]"
                : "Receipt[" + commandId + ", " + firstSequence + ".." + lastSequence + ", intents=" + intents
                        + (pending == 0 ? "" : ", pending=" + pending)
                        + (bought == null ? "" : ", bought " + bought.mtOut() + " for " + bought.gross()
                                + (bought.returned().isZero() ? "" : ", returned " + bought.returned()))
                        + (swapped == null ? "" : ", swapped " + swapped.in() + " for " + swapped.out())
                        + "]";
    }
}
