package io.fomo.core.revenue;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.spi.Amount;
import io.fomo.spi.PriceQuote;
import java.util.Objects;

/**
 * The result of one buyback execution for one deployment: what each leg spent and bought, what is burned,
 * the budget left to wait for the next epoch, and the pool after the MT swap.
 *
 * <p>Identities, exactly: {@code before.mtBudget == mtUsdSpent + after.mtBudget};
 * {@code before.flockBudget == flockUsdSpent + after.flockBudget}; the FLOCK bought by the MT leg all
 * enters the pool and the MT bought all leaves it, and both legs' bought tokens are burned
 * ({@code mtBurned == mtBought}, {@code flockBurned == flockBought}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BuybackExecution {

    private final BuybackStatus status;
    private final PriceQuote price;
    private final BuybackBudget before;
    private final BuybackBudget after;
    private final Amount mtUsdSpent;
    private final Amount flockForMt;
    private final Amount mtBought;
    private final Amount flockUsdSpent;
    private final Amount flockBought;
    private final ConstantProductPool poolBefore;
    private final ConstantProductPool poolAfter;

    BuybackExecution(BuybackStatus status, PriceQuote price, BuybackBudget before, BuybackBudget after,
            Amount mtUsdSpent, Amount flockForMt, Amount mtBought, Amount flockUsdSpent, Amount flockBought,
            ConstantProductPool poolBefore, ConstantProductPool poolAfter) {
        this.status = status;
        this.price = price;
        this.before = before;
        this.after = after;
        this.mtUsdSpent = mtUsdSpent;
        this.flockForMt = flockForMt;
        this.mtBought = mtBought;
        this.flockUsdSpent = flockUsdSpent;
        this.flockBought = flockBought;
        this.poolBefore = poolBefore;
        this.poolAfter = poolAfter;
    }

    /**
     * Returns the outcome.
     *
     * @return the status
     */
    public BuybackStatus status() {
        return status;
    }

    /**
     * Returns the FLOCK/USD price used (or rejected, when deferred).
     *
     * @return the quote
     */
    public PriceQuote price() {
        return price;
    }

    /**
     * Returns the budget before the execution.
     *
     * @return the budget
     */
    public BuybackBudget budgetBefore() {
        return before;
    }

    /**
     * Returns the budget left, which waits for the next epoch.
     *
     * @return the budget
     */
    public BuybackBudget budgetAfter() {
        return after;
    }

    /**
     * Returns the USD the MT leg spent buying FLOCK at the price (rounded UP, never above the budget).
     *
     * @return the USD spent
     */
    public Amount mtUsdSpent() {
        return mtUsdSpent;
    }

    /**
     * Returns the FLOCK the MT leg bought at the price and swapped into the pool.
     *
     * @return the FLOCK
     */
    public Amount flockForMt() {
        return flockForMt;
    }

    /**
     * Returns the MT bought out of the pool; all of it is burned.
     *
     * @return the MT
     */
    public Amount mtBought() {
        return mtBought;
    }

    /**
     * Returns the USD the FLOCK leg spent (rounded UP, never above the budget).
     *
     * @return the USD spent
     */
    public Amount flockUsdSpent() {
        return flockUsdSpent;
    }

    /**
     * Returns the FLOCK the FLOCK leg bought at the price; all of it is burned.
     *
     * @return the FLOCK
     */
    public Amount flockBought() {
        return flockBought;
    }

    /**
     * Returns the pool before the MT swap.
     *
     * @return the pool
     */
    public ConstantProductPool poolBefore() {
        return poolBefore;
    }

    /**
     * Returns the pool after the MT swap (the same pool when nothing was swapped).
     *
     * @return the pool
     */
    public ConstantProductPool poolAfter() {
        return poolAfter;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BuybackExecution e && e.status == status && e.price.equals(price)
                && e.before.equals(before) && e.after.equals(after) && e.mtUsdSpent.equals(mtUsdSpent)
                && e.flockForMt.equals(flockForMt) && e.mtBought.equals(mtBought)
                && e.flockUsdSpent.equals(flockUsdSpent) && e.flockBought.equals(flockBought)
                && e.poolBefore.equals(poolBefore) && e.poolAfter.equals(poolAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, before, after, mtBought, flockBought);
    }

    @Override
    public String toString() {
        return "BuybackExecution[" + status + ", mtUsdSpent=" + mtUsdSpent + ", flockForMt=" + flockForMt
                + ", mtBought=" + mtBought + ", flockUsdSpent=" + flockUsdSpent + ", flockBought=" + flockBought
                + ", left=" + after + "]";
    }
}
