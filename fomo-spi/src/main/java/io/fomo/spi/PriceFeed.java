package io.fomo.spi;

import java.time.Instant;

/**
 * Prices of assets in US dollars over time (FLOCK/USD above all), for revenue conversion and reports.
 *
 * <p>A feed answers with the latest quote observed at or before the time asked for; it never answers
 * with a quote from the future of that time, and never interpolates. Asking twice about the same asset
 * and time gives the same quote, so a replay sees the prices the original run saw.
 *
 * <p>Implementations are thread-safe. Every adapter passes the contract test kit
 * {@code io.fomo.spi.contract.PriceFeedContract} shipped in this module's test jar.
 */
public interface PriceFeed {

    /**
     * Returns the price of an asset at a time.
     *
     * @param asset the asset
     * @param at    the time; the quote returned has a timestamp at or before it
     * @return the latest quote for the asset with {@code timestamp <= at}
     * @throws InvalidStateException if the feed has no price for the asset at or before the time (the
     *                               asset is unknown, or its first price came later)
     */
    PriceQuote priceAt(Asset asset, Instant at);
}
