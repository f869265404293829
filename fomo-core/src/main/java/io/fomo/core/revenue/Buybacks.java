package io.fomo.core.revenue;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.amm.SwapResult;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.PriceFeed;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Executes a deployment's buybacks (FOMO-SPEC §3.1) at one FLOCK/USD price.
 *
 * <ol>
 *   <li>If the price is older than {@link BuybackParameters#maxPriceAge()}, nothing runs: the result is
 *       {@link BuybackStatus#DEFERRED_STALE_PRICE} with the budget and the pool unchanged.</li>
 *   <li>If the price is outside {@link BuybackParameters#priceBand()}, nothing runs either:
 *       {@link BuybackStatus#DEFERRED_PRICE_OUT_OF_BAND}, the budget and the pool unchanged.</li>
 *   <li>FLOCK leg: the FLOCK budget buys {@code floor(budget / price)} FLOCK (DOWN to 18 decimals) at the
 *       price; the USD spent is {@code FLOCK * price} rounded UP to USD's decimals, which never exceeds
 *       the budget; the FLOCK is burned.</li>
 *   <li>MT leg: the MT budget could buy {@code a = floor(budget / price)} FLOCK. The leg swaps the largest
 *       {@code x <= a} FLOCK into the MT/FLOCK pool whose price impact
 *       ({@code 1 - out * R_flock / (x * R_mt)}, fee included) is at most
 *       {@link BuybackParameters#maxSlippage()}; it spends {@code x * price} rounded UP, and burns the MT
 *       out. The USD for {@code a - x} stays in the budget for the next epoch.</li>
 * </ol>
 * Price impact falls as a pool deepens and rises with size, so {@code x} comes from the closed form
 * {@code x <= R_flock * (g - (1 - s)) / (g * (1 - s))}, {@code g = 1 - fee}, then a binary search over
 * base units that checks the exact bound with the pool's own integer output; the executed swap always
 * satisfies the bound.
 *
 * <p>This class is thread-safe; it has no state.
 */
public final class Buybacks {

    private Buybacks() {
    }

    /**
     * Executes at the price a feed gives for FLOCK at {@code now}.
     *
     * @param budget the deployment's budget
     * @param pool   the deployment's MT/FLOCK pool
     * @param feed   the FLOCK/USD feed
     * @param now    the time of execution
     * @param params the parameters
     * @return the execution
     * @throws io.fomo.spi.InvalidStateException if the feed has no FLOCK price at or before now
     * @throws InvalidArgumentException          as {@link #execute(BuybackBudget, ConstantProductPool,
     *                                           PriceQuote, Instant, BuybackParameters)}
     */
    public static BuybackExecution execute(BuybackBudget budget, ConstantProductPool pool, PriceFeed feed,
            Instant now, BuybackParameters params) {
        Objects.requireNonNull(feed, "feed");
        return execute(budget, pool, feed.priceAt(Asset.FLOCK, now), now, params);
    }

    /**
     * Executes at a given FLOCK/USD quote.
     *
     * @param budget the deployment's budget, in a USD-like asset of 6 or fewer decimals
     * @param pool   the deployment's MT/FLOCK pool
     * @param price  the FLOCK price in USD, with its timestamp
     * @param now    the time of execution
     * @param params the parameters
     * @return the execution
     * @throws InvalidArgumentException if the quote is not for FLOCK, is from after {@code now}, or the pool
     *                                  does not hold FLOCK and the deployment's MT
     */
    public static BuybackExecution execute(BuybackBudget budget, ConstantProductPool pool, PriceQuote price,
            Instant now, BuybackParameters params) {
        return execute(budget, pool, price, now, params, null);
    }

    /**
     * Executes at a given FLOCK/USD quote, taking at most {@code flockRoom} FLOCK out of circulation: the
     * FLOCK the MT leg pays into the pool plus the FLOCK the FLOCK leg buys and burns. What the room cannot
     * absorb stays in the budget ({@link BuybackStatus#PARTIAL}). An engine whose books hold almost all of a
     * token's fixed supply passes what is left outside them, so a buyback never burns more than exists.
     *
     * @param budget    the deployment's budget, in a USD-like asset of 6 or fewer decimals
     * @param pool      the deployment's MT/FLOCK pool
     * @param price     the FLOCK price in USD, with its timestamp
     * @param now       the time of execution
     * @param params    the parameters
     * @param flockRoom the most FLOCK the execution may take out of circulation, not negative; null for no bound
     * @return the execution
     * @throws InvalidArgumentException as {@link #execute(BuybackBudget, ConstantProductPool, PriceQuote,
     *                                  Instant, BuybackParameters)}, or if the room is negative or not FLOCK
     */
    public static BuybackExecution execute(BuybackBudget budget, ConstantProductPool pool, PriceQuote price,
            Instant now, BuybackParameters params, Amount flockRoom) {
        if (flockRoom != null) {
            Amount.zero(Asset.FLOCK).requireSameAsset("flockRoom", flockRoom);
            if (flockRoom.value().signum() < 0) {
                throw InvalidArgumentException.of("flockRoom", flockRoom, "must not be negative");
            }
        }
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(params, "params");
        Asset mt = Asset.modelToken(budget.deployment());
        if (!price.asset().equals(Asset.FLOCK)) {
            throw new AssetMismatchException("price.asset", Asset.FLOCK, price.asset());
        }
        Amount flockReserve = pool.reserve(Asset.FLOCK);
        Amount mtReserve = pool.reserve(mt);
        if (price.timestamp().isAfter(now)) {
            throw InvalidArgumentException.of("price.timestamp", price.timestamp(), "is after now = " + now);
        }
        Amount usdZero = Amount.zero(budget.mtBudget().asset());
        Amount flockZero = Amount.zero(Asset.FLOCK);
        if (Duration.between(price.timestamp(), now).compareTo(params.maxPriceAge()) > 0) {
            return new BuybackExecution(BuybackStatus.DEFERRED_STALE_PRICE, price, budget, budget, usdZero, flockZero,
                    Amount.zero(mt), usdZero, flockZero, pool, pool);
        }
        if (!params.priceBand().contains(price.price())) {
            return new BuybackExecution(BuybackStatus.DEFERRED_PRICE_OUT_OF_BAND, price, budget, budget, usdZero,
                    flockZero, Amount.zero(mt), usdZero, flockZero, pool, pool);
        }
        BigDecimal p = price.price();

        BigDecimal rawFlock = budget.flockBudget().value().divide(p, Asset.FLOCK.decimals(), RoundingMode.DOWN);
        BigDecimal rawAffordable = budget.mtBudget().value().divide(p, Asset.FLOCK.decimals(), RoundingMode.DOWN);
        boolean roomBound = false;
        if (flockRoom != null && rawAffordable.compareTo(flockRoom.value()) > 0) {
            rawAffordable = flockRoom.value();
            roomBound = true;
        }
        Amount affordable = Amount.of(Asset.FLOCK, rawAffordable);
        Amount x = affordable.isZero() ? affordable
                : largestWithinSlippage(pool, flockReserve, mtReserve, affordable, params.maxSlippage().fraction());
        if (flockRoom != null && rawFlock.compareTo(flockRoom.value().subtract(x.value())) > 0) {
            rawFlock = flockRoom.value().subtract(x.value());
            roomBound = true;
        }
        Amount flockBought = Amount.of(Asset.FLOCK, rawFlock);
        Amount flockUsdSpent = cost(flockBought, p, usdZero.asset());
        ConstantProductPool after = pool;
        Amount mtBought = Amount.zero(mt);
        if (x.isPositive()) {
            SwapResult swap = pool.swapExactIn(x);
            after = swap.pool();
            mtBought = swap.amountOut();
        }
        Amount mtUsdSpent = cost(x, p, usdZero.asset());
        BuybackBudget left = BuybackBudget.of(budget.deployment(), budget.mtBudget().minus(mtUsdSpent),
                budget.flockBudget().minus(flockUsdSpent));
        BuybackStatus status = x.equals(affordable) && !roomBound ? BuybackStatus.COMPLETE : BuybackStatus.PARTIAL;
        return new BuybackExecution(status, price, budget, left, mtUsdSpent, x, mtBought, flockUsdSpent, flockBought,
                pool, after);
    }

    /**
     * Tells whether swapping {@code x} FLOCK keeps the price impact within {@code s}, exactly:
     * {@code out * R_flock >= (1 - s) * x * R_mt}, with a positive output.
     */
    static boolean withinSlippage(ConstantProductPool pool, Amount flockReserve, Amount mtReserve, Amount x,
            BigDecimal s) {
        if (!x.isPositive()) {
            return true;
        }
        Amount out;
        try {
            out = pool.amountOut(x);
        } catch (io.fomo.spi.InsufficientLiquidityException e) {
            return false;
        }
        if (out.isZero()) {
            return false;
        }
        BigDecimal lhs = new BigDecimal(out.units().multiply(flockReserve.units()));
        BigDecimal rhs = BigDecimal.ONE.subtract(s).multiply(new BigDecimal(x.units().multiply(mtReserve.units())));
        return lhs.compareTo(rhs) >= 0;
    }

    private static Amount largestWithinSlippage(ConstantProductPool pool, Amount flockReserve, Amount mtReserve,
            Amount affordable, BigDecimal s) {
        if (withinSlippage(pool, flockReserve, mtReserve, affordable, s)) {
            return affordable;
        }
        BigDecimal g = BigDecimal.ONE.subtract(BigDecimal.valueOf(pool.feeBps()).movePointLeft(4));
        BigDecimal keep = BigDecimal.ONE.subtract(s);
        if (g.compareTo(keep) <= 0) {
            return Amount.zero(Asset.FLOCK);
        }
        // Closed-form bound of the real-valued model; the integer output is at most this good.
        BigInteger bound = new BigDecimal(flockReserve.units()).multiply(g.subtract(keep))
                .divide(g.multiply(keep), 0, RoundingMode.DOWN).toBigInteger();
        BigInteger lo = BigInteger.ZERO;
        BigInteger hi = bound.min(affordable.units()).add(BigInteger.ONE);
        // invariant: lo is acceptable (0 always is), hi is not (above the closed form, or affordable fails)
        while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
            BigInteger mid = lo.add(hi).shiftRight(1);
            if (withinSlippage(pool, flockReserve, mtReserve, Amount.ofUnits(Asset.FLOCK, mid), s)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Amount.ofUnits(Asset.FLOCK, lo);
    }

    private static Amount cost(Amount flock, BigDecimal price, Asset usd) {
        return Amount.of(usd, flock.value().multiply(price), RoundingMode.UP);
    }
}
