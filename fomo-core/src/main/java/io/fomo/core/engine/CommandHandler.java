package io.fomo.core.engine;

import io.fomo.spi.EventId;
import io.fomo.spi.PriceQuote;
import java.time.Instant;

/** Prepares the commands of one family against the {@link State}, changing nothing until committed. */
interface CommandHandler {

    /**
     * Validates and computes a command, staging its movements in the batch.
     *
     * @param id      the command's id
     * @param at      the command's time
     * @param command the command, of this handler's family
     * @param quote   for CloseEpoch: the FLOCK price decided for the buybacks, or null when none
     * @param b       the staged movements of the books
     * @return what commits the command's changes to the state
     */
    Runnable prepare(EventId id, Instant at, Command command, PriceQuote quote, TokenLedger.Batch b);
}
