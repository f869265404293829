package io.fomo.spi;

/** The final outcome of a {@link TokenIntent} the chain processed. */
public enum IntentStatus {
    /** The intent took effect. */
    CONFIRMED,
    /** The chain processed the intent and it had no effect (a reverted transaction, say). */
    REJECTED
}
