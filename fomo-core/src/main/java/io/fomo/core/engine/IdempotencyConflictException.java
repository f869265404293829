package io.fomo.core.engine;

import io.fomo.spi.EventId;
import io.fomo.spi.InvalidStateException;

/**
 * A command id that the journal already holds for a different command (as a payment API answers an
 * idempotency key reused with another body). Nothing was written. Its code is
 * {@link io.fomo.spi.ErrorCode#INVALID_STATE}.
 */
public final class IdempotencyConflictException extends InvalidStateException {

    private static final long serialVersionUID = 1L;

    /** The command id journaled for another command. */
    private final EventId commandId;

    IdempotencyConflictException(EventId commandId, CommandDigest journaled, CommandDigest submitted) {
        super(describe(commandId, journaled, submitted));
        this.commandId = commandId;
    }

    private static String describe(EventId id, CommandDigest journaled, CommandDigest submitted) {
        String v = id.value();
        String shown = v.length() > 64 ? v.substring(0, 64) + "..." : v;
        return "commandId = " + shown + ": was journaled for a different command (digest "
                + journaled.toString().substring(0, 16) + "..., this one " + submitted.toString().substring(0, 16)
                + "...); use a new id for a new command";
    }

    /**
     * Returns the reused command id.
     *
     * @return the id
     */
    public EventId commandId() {
        return commandId;
    }
}
