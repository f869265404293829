package io.fomo.spi;

/** What a {@link TokenIntent} does on chain. */
public enum IntentKind {
    /** Creates tokens in an account; the total supply grows by the amount. */
    MINT,
    /** Destroys tokens held by an account; the total supply shrinks by the amount. */
    BURN,
    /** Moves tokens from one account to another. */
    TRANSFER,
    /** Deposits two assets from a provider into a pool account. */
    ADD_LIQUIDITY,
    /** Pays one asset from a trader into a pool and another asset from the pool back to the trader. */
    SWAP
}
