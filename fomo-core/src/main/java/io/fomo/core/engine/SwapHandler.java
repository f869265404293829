package io.fomo.core.engine;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.amm.SwapResult;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.EventId;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.LimitExceededException;
import io.fomo.spi.PriceQuote;
import java.time.Instant;

/**
 * The secondary market: {@link Swap} on a graduated deployment's pool. The pool's own rules (Uniswap v2
 * in integer base units, {@link ConstantProductPool}) price the trade; this handler checks the command in
 * the order of docs/engine.md ("Swaps"), every check a comparison of amounts already bounded by
 * {@link Amount}'s own limits, done before the pool's arithmetic, and books the trade as one
 * {@link Fact.Swapped} with its {@code swap} intent.
 */
final class SwapHandler implements CommandHandler {

    private final State state;

    SwapHandler(State state) {
        this.state = state;
    }

    @Override
    public Runnable prepare(EventId id, Instant at, Command command, PriceQuote quote, TokenLedger.Batch b) {
        if (!(command instanceof Swap c)) {
            throw InvalidArgumentException.of("command", command, "not a trading command");
        }
        Accounts.user("trader", c.trader());
        Deployment d = state.graduated(c.deployment());
        ConstantProductPool pool = d.pool;
        Asset mt = d.rmo.params().mtAsset();
        Asset exact = c.amount().asset();
        if (!exact.equals(Asset.FLOCK) && !exact.equals(mt)) {
            throw new AssetMismatchException("amount", Asset.FLOCK, exact);
        }
        Asset other = exact.equals(Asset.FLOCK) ? mt : Asset.FLOCK;
        State.requireAsset("limit", c.limit(), other);
        State.positive("amount", c.amount());
        SwapResult r = c.kind() == Swap.Kind.EXACT_IN ? exactIn(c, pool, b) : exactOut(c, pool, b);
        b.swap(c.trader(), d.poolAccount(), r.amountIn(), r.amountOut());
        Fact.Swapped swapped = new Fact.Swapped(c.trader(), d.poolAccount(), r.amountIn(), r.amountOut());
        b.swapped(swapped);
        // The pool's new reserves follow from the fact alone (evolve), as on replay.
        return () -> { };
    }

    /**
     * Folds a secondary-market trade into its pool (after deciding and on replay alike): the pool receives
     * {@code in}, fee included (the fee stays in the pool), and pays {@code out}.
     *
     * @throws IllegalStateException if the fact names no graduated deployment's pool or does not fit it
     */
    void evolve(Fact.Swapped s) {
        Deployment d = null;
        for (Deployment candidate : state.deployments.values()) {
            if (candidate.hasPool() && candidate.poolAccount().equals(s.pool())) {
                d = candidate;
                break;
            }
        }
        if (d == null) {
            throw new IllegalStateException("a swap on " + s.pool() + ", which is no graduated deployment's pool");
        }
        ConstantProductPool pool = d.pool;
        Amount reserveIn = pool.reserve(s.in().asset()).plus(s.in());
        Amount reserveOut = pool.reserve(s.out().asset()).minus(s.out());
        ConstantProductPool next = s.in().asset().equals(pool.assetA())
                ? ConstantProductPool.open(reserveIn, reserveOut, pool.feeBps())
                : ConstantProductPool.open(reserveOut, reserveIn, pool.feeBps());
        state.deployments.put(d.id, d.withPool(next));
    }

    private static SwapResult exactIn(Swap c, ConstantProductPool pool, TokenLedger.Batch b) {
        Amount in = c.amount();
        State.requireBalance(b, "amount", c.trader(), in);
        Amount reserveOut = pool.reserve(pool.other(in.asset()));
        Amount out = pool.amountOut(in);
        if (out.isZero()) {
            throw InvalidArgumentException.of("amount", in, "too small: the output rounds to zero");
        }
        if (out.compareTo(reserveOut) >= 0) {
            throw InsufficientLiquidityException.of("amount", in, "the output would drain the reserve of "
                    + reserveOut);
        }
        if (out.isLessThan(c.limit())) {
            throw LimitExceededException.of("limit", c.limit(), "the swap of " + in + " gives only " + out
                    + ", less than the minimum output");
        }
        return pool.swapExactIn(in);
    }

    private static SwapResult exactOut(Swap c, ConstantProductPool pool, TokenLedger.Batch b) {
        Amount out = c.amount();
        Amount reserveOut = pool.reserve(out.asset());
        if (out.compareTo(reserveOut) >= 0) {
            throw InsufficientLiquidityException.of("amount", out, "must be less than the pool's reserve of "
                    + reserveOut);
        }
        Amount in = pool.amountIn(out);
        if (in.isGreaterThan(c.limit())) {
            throw LimitExceededException.of("limit", c.limit(), "the swap for " + out + " needs " + in
                    + ", more than the maximum input");
        }
        Amount has = b.balance(c.trader(), in.asset());
        if (has.isLessThan(in)) {
            throw InsufficientLiquidityException.of("amount", out, "needs " + in + " in; account " + c.trader()
                    + " holds only " + has);
        }
        return pool.swapExactOut(out);
    }
}
