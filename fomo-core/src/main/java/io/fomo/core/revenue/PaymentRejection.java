package io.fomo.core.revenue;

/** Why a {@link RevenueLedger} rejected a usage payment. */
public enum PaymentRejection {
    /** The amount is zero (code INVALID_ARGUMENT). */
    BAD_AMOUNT,
    /** The amount is of an asset the ledger does not accept (code INVALID_ARGUMENT). */
    WRONG_ASSET,
    /** The deployment is not registered with the ledger (code INVALID_STATE). */
    UNKNOWN_DEPLOYMENT,
    /** A payment with the same id was already accepted (code INVALID_STATE). */
    DUPLICATE_ID,
    /** The time falls in an epoch that is already closed (code INVALID_STATE). */
    EPOCH_CLOSED,
    /** The time falls in an epoch after the current one, which must be closed first (code INVALID_STATE). */
    EPOCH_NOT_OPEN
}
