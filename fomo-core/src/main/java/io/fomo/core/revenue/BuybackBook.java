package io.fomo.core.revenue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every deployment's unspent buyback budgets: credited by each closed epoch, reduced by each execution.
 *
 * <p>A book is a value: each method returns a new book.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BuybackBook {

    private final Asset asset;
    private final Map<DeploymentId, BuybackBudget> budgets;

    private BuybackBook(Asset asset, Map<DeploymentId, BuybackBudget> budgets) {
        this.asset = asset;
        this.budgets = budgets;
    }

    /**
     * Returns a book with no budget.
     *
     * @param asset the revenue asset budgets are kept in
     * @return the book
     */
    public static BuybackBook empty(Asset asset) {
        return new BuybackBook(Objects.requireNonNull(asset, "asset"), Map.of());
    }

    /**
     * Credits every deployment's buyback parts of a closed epoch.
     *
     * @param epoch the closed epoch
     * @return the new book
     * @throws io.fomo.spi.AssetMismatchException if the epoch's asset differs
     */
    public BuybackBook credit(EpochRevenue epoch) {
        Objects.requireNonNull(epoch, "epoch");
        Map<DeploymentId, BuybackBudget> next = new TreeMap<>(budgets);
        epoch.splits().forEach((d, s) -> next.put(d, budgetOf(d).credit(s)));
        return new BuybackBook(asset, Collections.unmodifiableMap(next));
    }

    /**
     * Sets a deployment's budget to a value decided elsewhere (a fold of journaled facts).
     *
     * @param budget the deployment's new budget
     * @return the new book
     * @throws io.fomo.spi.AssetMismatchException if the budget is in another asset
     */
    public BuybackBook withBudget(BuybackBudget budget) {
        Objects.requireNonNull(budget, "budget");
        Amount.zero(asset).requireSameAsset("budget.mtBudget", budget.mtBudget());
        Map<DeploymentId, BuybackBudget> next = new TreeMap<>(budgets);
        next.put(budget.deployment(), budget);
        return new BuybackBook(asset, Collections.unmodifiableMap(next));
    }

    /**
     * Replaces a deployment's budget by what an execution left.
     *
     * @param execution the execution
     * @return the new book
     * @throws InvalidArgumentException if the execution did not start from this book's budget
     */
    public BuybackBook apply(BuybackExecution execution) {
        Objects.requireNonNull(execution, "execution");
        DeploymentId d = execution.budgetBefore().deployment();
        if (!execution.budgetBefore().equals(budgetOf(d))) {
            throw InvalidArgumentException.of("execution.budgetBefore", execution.budgetBefore(),
                    "is not the book's budget " + budgetOf(d));
        }
        Map<DeploymentId, BuybackBudget> next = new TreeMap<>(budgets);
        next.put(d, execution.budgetAfter());
        return new BuybackBook(asset, Collections.unmodifiableMap(next));
    }

    /**
     * Returns a deployment's budget.
     *
     * @param deployment the deployment
     * @return the budget, zero if never credited
     */
    public BuybackBudget budgetOf(DeploymentId deployment) {
        BuybackBudget b = budgets.get(deployment);
        return b != null ? b : BuybackBudget.of(deployment, Amount.zero(asset), Amount.zero(asset));
    }

    @Override
    public String toString() {
        return "BuybackBook" + budgets.values();
    }

    /**
     * Returns every budget credited so far, by deployment.
     *
     * @return an unmodifiable sorted copy
     */
    public java.util.SortedMap<DeploymentId, BuybackBudget> budgets() {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(budgets));
    }

    /**
     * Restores a book from its budgets, as a snapshot of the engine's state holds them.
     *
     * @param asset   the revenue asset budgets are kept in
     * @param budgets the budgets, by deployment
     * @return the book
     * @throws NullPointerException     if an argument or an element is null
     * @throws InvalidArgumentException if a budget is filed under another deployment or in another asset
     */
    public static BuybackBook restore(Asset asset, Map<DeploymentId, BuybackBudget> budgets) {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(budgets, "budgets");
        Map<DeploymentId, BuybackBudget> copy = new java.util.HashMap<>();
        for (Map.Entry<DeploymentId, BuybackBudget> e : budgets.entrySet()) {
            DeploymentId d = Objects.requireNonNull(e.getKey(), "budgets key");
            BuybackBudget b = Objects.requireNonNull(e.getValue(), "budgets." + d);
            if (!b.deployment().equals(d)) {
                throw InvalidArgumentException.of("budgets." + d, b.deployment(), "is another deployment's budget");
            }
            Amount.zero(asset).requireSameAsset("budgets." + d, b.mtBudget());
            copy.put(d, b);
        }
        return new BuybackBook(asset, java.util.Collections.unmodifiableMap(copy));
    }
}
