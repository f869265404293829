package io.fomo.core.engine;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;
import java.util.Objects;

/**
 * A trade on a graduated deployment's MT/FLOCK pool (FOMO-SPEC §2), in either direction, with Uniswap v2
 * semantics: the pool's fee ({@code poolFeeBps} of the launch) is taken from the input and stays in the
 * pool; outputs round down and exact-out inputs round up, in the pool's favour.
 *
 * <ul>
 *   <li>{@link Kind#EXACT_IN}: the trader pays exactly {@code amount} (FLOCK to buy MT, or MT to sell it)
 *       and receives at least {@code limit} of the other asset (zero: no minimum);</li>
 *   <li>{@link Kind#EXACT_OUT}: the trader receives exactly {@code amount} and pays at most {@code limit}
 *       of the other asset.</li>
 * </ul>
 * A swap past its limit is refused with a {@link io.fomo.spi.LimitExceededException} naming
 * {@code limit}, and changes nothing. The receipt's {@link Receipt#swapped()} says what was paid and
 * received.
 *
 * @param deployment the deployment whose pool trades; it must have graduated
 * @param trader     the trader, who pays the input and receives the output
 * @param kind       which side is exact
 * @param amount     the exact side: the input (EXACT_IN) or the output (EXACT_OUT), positive, of FLOCK or
 *                   the deployment's MT
 * @param limit      the bound on the other side, of the other asset: the minimum output (EXACT_IN, zero
 *                   or more) or the maximum input (EXACT_OUT)
 */
public record Swap(DeploymentId deployment, AccountId trader, Kind kind, Amount amount, Amount limit)
        implements Command.Trading {

    /** Which side of a swap is exact. */
    public enum Kind {
        /** The input is exact; the limit is the minimum output. */
        EXACT_IN,
        /** The output is exact; the limit is the maximum input. */
        EXACT_OUT
    }

    /**
     * Checks the components are present.
     *
     * @param deployment the deployment
     * @param trader     the trader
     * @param kind       which side is exact
     * @param amount     the exact side
     * @param limit      the bound on the other side
     */
    public Swap {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(trader, "trader");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(limit, "limit");
    }

    /**
     * A swap of an exact input for at least a minimum output.
     *
     * @param deployment the deployment
     * @param trader     the trader
     * @param in         the input, FLOCK or the deployment's MT
     * @param minOut     the least output accepted, of the other asset (zero for no minimum)
     * @return the command
     */
    public static Swap exactIn(DeploymentId deployment, AccountId trader, Amount in, Amount minOut) {
        return new Swap(deployment, trader, Kind.EXACT_IN, in, minOut);
    }

    /**
     * A swap for an exact output, paying at most a maximum input.
     *
     * @param deployment the deployment
     * @param trader     the trader
     * @param out        the output wanted, FLOCK or the deployment's MT
     * @param maxIn      the most input accepted, of the other asset
     * @return the command
     */
    public static Swap exactOut(DeploymentId deployment, AccountId trader, Amount out, Amount maxIn) {
        return new Swap(deployment, trader, Kind.EXACT_OUT, out, maxIn);
    }
}
