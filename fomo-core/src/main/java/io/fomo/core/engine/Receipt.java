package io.fomo.core.engine;

import io.fomo.spi.EventId;
import java.util.Objects;

/**
 * What became of one submitted command: the journal sequence numbers it was written at, or that it was
 * a duplicate of a command already applied (and so had no further effect).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Receipt {

    private final EventId commandId;
    private final long firstSequence;
    private final long lastSequence;
    private final boolean duplicate;
    private final int intents;

    Receipt(EventId commandId, long firstSequence, long lastSequence, boolean duplicate, int intents) {
        this.commandId = commandId;
        this.firstSequence = firstSequence;
        this.lastSequence = lastSequence;
        this.duplicate = duplicate;
        this.intents = intents;
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

    @Override
    public boolean equals(Object other) {
        return other instanceof Receipt r && r.commandId.equals(commandId) && r.firstSequence == firstSequence
                && r.lastSequence == lastSequence && r.duplicate == duplicate && r.intents == intents;
    }

    @Override
    public int hashCode() {
        return Objects.hash(commandId, firstSequence, lastSequence, duplicate, intents);
    }

    @Override
    public String toString() {
        return duplicate ? "Receipt[" + commandId + ", duplicate]"
                : "Receipt[" + commandId + ", " + firstSequence + ".." + lastSequence + ", intents=" + intents + "]";
    }
}
