package io.fomo.evm;

import io.fomo.spi.Asset;
import io.fomo.spi.InvalidStateException;
import java.util.Objects;

/**
 * An on-chain price that must not be used: not positive, from an incomplete round, older than the feed's
 * heartbeat, or reported while the L2 sequencer is down or just back up. It is an
 * {@link InvalidStateException}, which the engine treats like a missing price: buybacks wait for the next
 * epoch close.
 */
public final class UnusablePriceException extends InvalidStateException {

    private static final long serialVersionUID = 1L;

    /** Why the price is unusable. */
    public enum Reason {
        /** The answer is zero or negative. */
        NON_POSITIVE,
        /** The round has no update time, or was answered in an earlier round. */
        INCOMPLETE_ROUND,
        /** The answer is older than the configured heartbeat at the time asked for. */
        STALE,
        /** The L2 sequencer-uptime feed says the sequencer is down. */
        SEQUENCER_DOWN,
        /** The sequencer came back up less than the grace period ago. */
        SEQUENCER_GRACE_PERIOD
    }

    private final transient Asset asset;
    /** Why the price cannot be used. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param asset   the asset whose price is unusable
     * @param reason  why
     * @param details what was seen, for the message
     */
    public UnusablePriceException(Asset asset, Reason reason, String details) {
        super("price of " + Objects.requireNonNull(asset, "asset").symbol() + " is unusable ("
                + Objects.requireNonNull(reason, "reason") + "): " + details);
        this.asset = asset;
        this.reason = reason;
    }

    /**
     * Returns the asset.
     *
     * @return the asset
     */
    public Asset asset() {
        return asset;
    }

    /**
     * Returns why the price is unusable.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
