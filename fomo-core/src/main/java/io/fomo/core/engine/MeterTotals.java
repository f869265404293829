package io.fomo.core.engine;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.util.Objects;

/**
 * What the engine has metered for one deployment since genesis through {@link RecordTokenUsage}.
 *
 * @param calls        calls booked
 * @param inputTokens  input tokens, cached ones included
 * @param cachedTokens the cached part of the input tokens
 * @param outputTokens output tokens
 * @param listCharges  the calls' charges before discount, in USD
 * @param revenue      what was actually paid (after discount and floor), in USD
 * @param late         calls whose own time fell in an epoch already closed (booked in the open epoch)
 */
public record MeterTotals(long calls, long inputTokens, long cachedTokens, long outputTokens, Amount listCharges,
        Amount revenue, long late) {

    /** Nothing metered. */
    public static final MeterTotals EMPTY = new MeterTotals(0, 0, 0, 0, Amount.zero(Asset.USD), Amount.zero(Asset.USD), 0);

    /**
     * Checks the amounts are present.
     *
     * @param calls        calls booked
     * @param inputTokens  input tokens, cached ones included
     * @param cachedTokens the cached part of the input tokens
     * @param outputTokens output tokens
     * @param listCharges  charges before discount, in USD
     * @param revenue      what was actually paid, in USD
     * @param late         calls booked late
     */
    public MeterTotals {
        Objects.requireNonNull(listCharges, "listCharges");
        Objects.requireNonNull(revenue, "revenue");
    }

    /**
     * Returns these totals with one more call. The counts saturate at {@link Long#MAX_VALUE} instead of
     * overflowing: they are statistics, and a call must never be refused because of the calls before it
     * (docs/limits.md).
     *
     * @param tokens the call's tokens
     * @param list   its charge before discount
     * @param paid   what it paid
     * @param isLate whether it was booked late
     * @return the new totals
     */
    public MeterTotals plus(TokenCounts tokens, Amount list, Amount paid, boolean isLate) {
        return new MeterTotals(saturated(calls, 1), saturated(inputTokens, tokens.input()),
                saturated(cachedTokens, tokens.cachedInput()), saturated(outputTokens, tokens.output()),
                listCharges.plus(list), revenue.plus(paid), saturated(late, isLate ? 1 : 0));
    }

    private static long saturated(long total, long more) {
        return more > Long.MAX_VALUE - total ? Long.MAX_VALUE : total + more;
    }
}
