package io.fomo.core.engine;

import java.math.BigDecimal;

/**
 * The engine's bounds on what one command may bring in (docs/limits.md, "The engine"). They sit where a
 * value enters so that no accepted command can make a later valid command impossible: an epoch close and
 * a claim stay possible after any sequence of accepted commands.
 *
 * <ul>
 *   <li>A {@link Command.RecordUsage} pays for at most {@link #MAX_UNITS_PER_PAYMENT} units, and its charge
 *       is at most {@link #MAX_CHARGE_PER_PAYMENT} in the price's asset, and so does every call of a
 *       {@link Command.RecordUsageBatch}, which holds at most {@link #MAX_CALLS_PER_USAGE_BATCH} calls;</li>
 *   <li>a {@link RecordTokenUsage} reports at most {@link #MAX_TOKENS_PER_CALL} input and as many output
 *       tokens, and its list charge is 0 to {@link #MAX_CHARGE_PER_PAYMENT} USD;</li>
 *   <li>a {@link Command.Deposit} may not bring the FLOCK on the engine's books above what exists of FLOCK
 *       ({@link ProtocolParameters#FLOCK_SUPPLY} less what buybacks have burned);</li>
 *   <li>a buyback the pool, the price or the supply cannot absorb is deferred with a journaled
 *       {@link Fact.BuybackDeferred} and its budget waits; it never fails the close.</li>
 * </ul>
 *
 * <p>This class has only constants.
 */
public final class EngineLimits {

    /** The most units one usage payment may pay for: 10^12. */
    public static final long MAX_UNITS_PER_PAYMENT = 1_000_000_000_000L;

    /** The largest charge of one usage payment, in the price's asset (USD): 10^9. */
    public static final BigDecimal MAX_CHARGE_PER_PAYMENT = BigDecimal.valueOf(1_000_000_000L);

    /**
     * The most calls one {@link Command.RecordUsageBatch} may hold: 10,000. A batch's journaled command and
     * facts grow with its calls (about 200 bytes each), so this keeps one batch under about 2 MB.
     */
    public static final int MAX_CALLS_PER_USAGE_BATCH = 10_000;

    /**
     * The most input tokens, and the most output tokens, one metered call ({@link RecordTokenUsage}) may
     * report: 10^12, like the units of one usage payment. The largest context windows hold about 10^7.
     */
    public static final long MAX_TOKENS_PER_CALL = 1_000_000_000_000L;

    private EngineLimits() {
    }
}
