package io.fomo.core.revenue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Token supplies and the record of every buyback burn (FOMO-SPEC §2, §3.1). A supply is set once, when
 * the token exists (FLOCK's at genesis, an MT's at graduation), and afterwards only falls: the ledger has
 * no way to mint. Burning more than the supply is rejected.
 *
 * <p>A ledger is a value: each method returns a new ledger; a rejected command leaves this one as it
 * was.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BurnLedger {

    private static final BurnLedger EMPTY = new BurnLedger(Map.of(), Map.of(), List.of());

    private final Map<Asset, Amount> supplies;
    private final Map<Asset, Amount> burned;
    private final List<Burn> entries;

    private BurnLedger(Map<Asset, Amount> supplies, Map<Asset, Amount> burned, List<Burn> entries) {
        this.supplies = supplies;
        this.burned = burned;
        this.entries = entries;
    }

    /**
     * Returns a ledger that knows no token.
     *
     * @return the empty ledger
     */
    public static BurnLedger empty() {
        return EMPTY;
    }

    /**
     * Sets the supply of a new token (at graduation for an MT).
     *
     * @param supply the token's whole supply
     * @return the new ledger
     * @throws InvalidStateException if the token's supply is already set (it can only fall by burns)
     */
    public BurnLedger withSupply(Amount supply) {
        Objects.requireNonNull(supply, "supply");
        if (supplies.containsKey(supply.asset())) {
            throw InvalidStateException.of("supply", supply, "the supply of " + supply.asset()
                    + " is already set; it can only fall by burns");
        }
        Map<Asset, Amount> s = copy(supplies);
        s.put(supply.asset(), supply);
        return new BurnLedger(Collections.unmodifiableMap(s), burned, entries);
    }

    /**
     * Burns an amount for a deployment's buyback.
     *
     * @param epoch      the epoch
     * @param deployment the deployment
     * @param amount     the amount, positive, of a token with a supply
     * @return the new ledger
     * @throws InvalidArgumentException if the amount is zero
     * @throws InvalidStateException    if the token has no supply or the amount exceeds it
     */
    public BurnLedger burn(long epoch, DeploymentId deployment, Amount amount) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw InvalidArgumentException.of("amount", amount, "must be positive");
        }
        Amount supply = supplies.get(amount.asset());
        if (supply == null) {
            throw InvalidStateException.of("amount", amount, "no supply is set for " + amount.asset());
        }
        if (amount.isGreaterThan(supply)) {
            throw InvalidStateException.of("amount", amount, "exceeds the supply of " + supply);
        }
        Map<Asset, Amount> s = copy(supplies);
        s.put(amount.asset(), supply.minus(amount));
        Map<Asset, Amount> b = copy(burned);
        b.merge(amount.asset(), amount, Amount::plus);
        List<Burn> e = new ArrayList<>(entries);
        e.add(new Burn(epoch, deployment, amount));
        return new BurnLedger(Collections.unmodifiableMap(s), Collections.unmodifiableMap(b),
                Collections.unmodifiableList(e));
    }

    /**
     * Burns what a buyback execution bought: its MT and the FLOCK leg's FLOCK (zero amounts are skipped).
     *
     * @param epoch     the epoch
     * @param execution the execution
     * @return the new ledger
     * @throws InvalidStateException if a token has no supply or an amount exceeds it
     */
    public BurnLedger record(long epoch, BuybackExecution execution) {
        Objects.requireNonNull(execution, "execution");
        DeploymentId d = execution.budgetBefore().deployment();
        BurnLedger l = this;
        if (execution.mtBought().isPositive()) {
            l = l.burn(epoch, d, execution.mtBought());
        }
        if (execution.flockBought().isPositive()) {
            l = l.burn(epoch, d, execution.flockBought());
        }
        return l;
    }

    /**
     * Returns the current supply of a token.
     *
     * @param asset the token
     * @return the supply
     * @throws InvalidStateException if no supply is set
     */
    public Amount supplyOf(Asset asset) {
        Amount s = supplies.get(asset);
        if (s == null) {
            throw InvalidStateException.of("asset", asset, "no supply is set");
        }
        return s;
    }

    /**
     * Returns the total burned of a token.
     *
     * @param asset the token
     * @return the total, zero if none
     */
    public Amount burnedOf(Asset asset) {
        return burned.getOrDefault(asset, Amount.zero(asset));
    }

    /**
     * Returns every burn in order.
     *
     * @return an unmodifiable list
     */
    public List<Burn> entries() {
        return entries;
    }

    private static Map<Asset, Amount> copy(Map<Asset, Amount> m) {
        Map<Asset, Amount> c = new TreeMap<>((a, b) -> a.symbol().equals(b.symbol())
                ? Integer.compare(a.decimals(), b.decimals()) : a.symbol().compareTo(b.symbol()));
        c.putAll(m);
        return c;
    }

    @Override
    public String toString() {
        return "BurnLedger[supplies=" + supplies + ", burned=" + burned + "]";
    }

    /**
     * Returns every supply set, after the burns.
     *
     * @return an unmodifiable copy, by asset
     */
    public Map<Asset, Amount> supplies() {
        return Map.copyOf(supplies);
    }

    /**
     * Restores a ledger from its supplies (after the burns) and every burn, in order; the burned totals are
     * their sums.
     *
     * @param supplies the supply of every asset that has one, after the burns
     * @param burns    every burn, in the order they happened
     * @return the ledger
     * @throws NullPointerException  if an argument or an element is null
     * @throws InvalidStateException if a burn is of an asset without a supply
     */
    public static BurnLedger restore(Map<Asset, Amount> supplies, List<Burn> burns) {
        Objects.requireNonNull(supplies, "supplies");
        Objects.requireNonNull(burns, "burns");
        Map<Asset, Amount> s = new HashMap<>();
        for (Map.Entry<Asset, Amount> e : supplies.entrySet()) {
            Asset a = Objects.requireNonNull(e.getKey(), "supplies key");
            Amount.zero(a).requireSameAsset("supplies." + a, Objects.requireNonNull(e.getValue(), "supplies." + a));
            s.put(a, e.getValue());
        }
        Map<Asset, Amount> b = new HashMap<>();
        List<Burn> entries = new ArrayList<>(burns.size());
        for (Burn burn : burns) {
            Objects.requireNonNull(burn, "burns element");
            if (!s.containsKey(burn.amount().asset())) {
                throw InvalidStateException.of("burns", burn, "no supply is set for " + burn.amount().asset());
            }
            b.merge(burn.amount().asset(), burn.amount(), Amount::plus);
            entries.add(burn);
        }
        return new BurnLedger(Collections.unmodifiableMap(s), Collections.unmodifiableMap(b),
                Collections.unmodifiableList(entries));
    }
}
