package io.fomo.core.engine;

import io.fomo.spi.EventId;
import io.fomo.spi.InvalidStateException;
import java.util.Optional;

/**
 * A journal that is not what an engine wrote, or was written by rules this engine does not have: replay
 * stops at the first batch that fails, before applying it, and names its first sequence number. Its code
 * is {@link io.fomo.spi.ErrorCode#INVALID_STATE}.
 */
public final class JournalIntegrityException extends InvalidStateException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the journal. */
    public enum Kind {
        /** A batch does not match its seal: a row was edited, inserted, removed or moved, or an earlier batch removed. */
        CHAIN,
        /** Sequence numbers are not dense: a row is missing or numbered twice. */
        GAP,
        /** A batch has no seal: the journal was cut inside a batch, or a seal was removed or retyped. */
        UNSEALED,
        /** A sealed entry cannot be read: malformed payload, unknown type or tag, or entries out of their order. */
        MALFORMED,
        /** The rules of this engine decide a journaled command differently from the journaled facts. */
        DIVERGED,
        /** The journal was written by newer rules than this engine has. */
        NEWER_RULES,
        /** A command id appears in two batches. */
        DUPLICATE_ID,
        /** The journal's head hash is not the one expected ({@link FomoProtocol#requireHead}): its tail was cut or replaced. */
        HEAD
    }

    /** The journal sequence number where the failure was found. */
    private final long sequence;
    /** What kind of failure it is. */
    private final Kind kind;
    /** The command id concerned, or null. */
    private final EventId commandId;
    /** The rules version recorded in the journal's genesis (0 when unknown). */
    private final int journalRules;

    JournalIntegrityException(long sequence, Kind kind, EventId commandId, int journalRules, String message,
            Throwable cause) {
        super("journal integrity (" + kind + ") at sequence " + sequence + ": " + message, cause);
        this.sequence = sequence;
        this.kind = kind;
        this.commandId = commandId;
        this.journalRules = journalRules;
    }

    static JournalIntegrityException of(long sequence, Kind kind, String message) {
        return new JournalIntegrityException(sequence, kind, null, 0, message, null);
    }

    /**
     * Returns the sequence number of the first record of the batch that failed.
     *
     * @return the sequence number
     */
    public long sequence() {
        return sequence;
    }

    /**
     * Returns what is wrong.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the id of the command whose batch failed, when the failure is about one command.
     *
     * @return the command id, empty otherwise
     */
    public Optional<EventId> commandId() {
        return Optional.ofNullable(commandId);
    }

    /**
     * Returns the rules version recorded in the journal's genesis, 0 when it was not read yet.
     *
     * @return the journal's rules version
     */
    public int journalRules() {
        return journalRules;
    }

    /**
     * Returns whether the journal's rules version differs from this engine's ({@link FomoProtocol#RULES_VERSION}).
     *
     * @return true if they differ and the journal's is known
     */
    public boolean rulesDiffer() {
        return journalRules != 0 && journalRules != FomoProtocol.RULES_VERSION;
    }
}
