/**
 * The FOMO SDK's boundary: value types (assets, amounts, ids, errors) and the service provider
 * interfaces (event journal, chain gateway, price feed, clock) with in-memory reference implementations.
 * Depends on the JDK only.
 *
 * <p>The engine's module, to which one internal package is exported, is built after this one.
 */
@SuppressWarnings("module")
module io.fomo.spi {
    exports io.fomo.spi;
    // Not API: the engine hands over the arrays it journals (see HandedOver).
    exports io.fomo.spi.internal to io.fomo.core;
}
