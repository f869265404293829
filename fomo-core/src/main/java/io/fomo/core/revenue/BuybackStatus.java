package io.fomo.core.revenue;

/** The outcome of one buyback execution. */
public enum BuybackStatus {
    /** Every budget unit that could be converted at the price was spent. */
    COMPLETE,
    /** The slippage bound cut the MT buyback short; the rest of its budget waits for the next epoch. */
    PARTIAL,
    /** The price was older than the parameterised age: nothing ran and the whole budget waits. */
    DEFERRED_STALE_PRICE,
    /** The price was outside the parameters' price band: nothing ran and the whole budget waits. */
    DEFERRED_PRICE_OUT_OF_BAND
}
