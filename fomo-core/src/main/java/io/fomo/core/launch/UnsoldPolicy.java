package io.fomo.core.launch;

/** What happens at graduation to sale tokens the curve did not sell (FOMO-SPEC §1.11). */
public enum UnsoldPolicy {
    /** Burned: never minted to anyone (the default). */
    BURN,
    /** Added to the MT side of the initial pool, within the pool's price cap; any excess to treasury. */
    LIQUIDITY,
    /** Given to the treasury. */
    TREASURY
}
