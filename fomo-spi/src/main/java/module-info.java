/**
 * The FOMO SDK's boundary: value types (assets, amounts, ids, errors) and the service provider
 * interfaces (event journal, chain gateway, price feed, clock) with in-memory reference implementations.
 * Depends on the JDK only.
 */
module io.fomo.spi {
    exports io.fomo.spi;
}
