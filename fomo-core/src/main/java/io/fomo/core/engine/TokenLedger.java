package io.fomo.core.engine;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.EventId;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.IntentId;
import io.fomo.spi.TokenIntent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The protocol's books of token balances, per account and asset, and the supply of every asset it mints.
 * Every movement of an on-chain asset is mirrored by a {@link TokenIntent} for the chain gateway; fiat
 * (USD, USDC revenue and yield) is booked without intents.
 *
 * <p>Changes are staged in a {@link Batch} that checks every balance as it goes and is committed only
 * when the whole command succeeded, so a rejected command leaves the books unchanged.
 */
final class TokenLedger {

    private final Map<AccountId, Map<Asset, Amount>> balances = new HashMap<>();
    private final Map<Asset, Amount> supplies = new HashMap<>();

    Amount balance(AccountId account, Asset asset) {
        Map<Asset, Amount> m = balances.get(account);
        Amount a = m == null ? null : m.get(asset);
        return a == null ? Amount.zero(asset) : a;
    }

    Amount supply(Asset asset) {
        Amount a = supplies.get(asset);
        return a == null ? Amount.zero(asset) : a;
    }

    /** Every non-zero balance, sorted by account then asset symbol, for the canonical state encoding. */
    TreeMap<String, Amount> sortedBalances() {
        TreeMap<String, Amount> out = new TreeMap<>();
        balances.forEach((account, m) -> m.forEach((asset, amount) -> {
            if (!amount.isZero()) {
                out.put(account.value() + "|" + asset.symbol(), amount);
            }
        }));
        return out;
    }

    TreeMap<String, Amount> sortedSupplies() {
        TreeMap<String, Amount> out = new TreeMap<>();
        supplies.forEach((asset, amount) -> out.put(asset.symbol(), amount));
        return out;
    }

    /**
     * Applies one fact to the books (the fold): {@link Fact.Minted}, {@link Fact.Burned}, {@link Fact.Moved}
     * and {@link Fact.Swapped} move balances and supplies; any other fact leaves the books as they are.
     *
     * @return whether the fact is a movement of the books
     * @throws io.fomo.spi.InvalidStateException if the fact takes more than an account holds
     */
    boolean apply(Fact fact) {
        if (fact instanceof Fact.Minted m) {
            add(m.to(), m.amount());
            supplies.put(m.amount().asset(), supply(m.amount().asset()).plus(m.amount()));
        } else if (fact instanceof Fact.Burned b) {
            remove("burned.from", b.from(), b.amount());
            supplies.put(b.amount().asset(), supply(b.amount().asset()).minus(b.amount()));
        } else if (fact instanceof Fact.Moved m) {
            remove("moved.from", m.from(), m.amount());
            add(m.to(), m.amount());
        } else if (fact instanceof Fact.Swapped s) {
            remove("swapped.trader", s.trader(), s.in());
            add(s.pool(), s.in());
            remove("swapped.pool", s.pool(), s.out());
            add(s.trader(), s.out());
        } else {
            return false;
        }
        return true;
    }

    private void add(AccountId account, Amount amount) {
        Map<Asset, Amount> m = balances.computeIfAbsent(account, k -> new HashMap<>());
        Amount has = m.get(amount.asset());
        m.put(amount.asset(), has == null ? amount : has.plus(amount));
    }

    private void remove(String field, AccountId account, Amount amount) {
        Amount has = balance(account, amount.asset());
        if (has.isLessThan(amount)) {
            throw io.fomo.spi.InvalidStateException.of(field, account, "holds " + has + ", less than the " + amount
                    + " a fact takes");
        }
        Amount left = has.minus(amount);
        if (left.isZero()) {
            balances.get(account).remove(amount.asset());
        } else {
            balances.get(account).put(amount.asset(), left);
        }
    }

    /**
     * The chain intents a command's facts make, numbered {@code <command>#1..}: one per movement of an
     * on-chain asset (a swap always). The one function both deciding and replay use.
     */
    static List<TokenIntent> intentsOf(EventId command, List<Fact> facts) {
        List<TokenIntent> out = new ArrayList<>();
        for (Fact f : facts) {
            if (f instanceof Fact.Minted m) {
                if (onChain(m.amount().asset())) {
                    out.add(TokenIntent.mint(intentId(command, out), m.to(), m.amount()));
                }
            } else if (f instanceof Fact.Burned b) {
                if (onChain(b.amount().asset())) {
                    out.add(TokenIntent.burn(intentId(command, out), b.from(), b.amount()));
                }
            } else if (f instanceof Fact.Moved m) {
                if (onChain(m.amount().asset())) {
                    out.add(TokenIntent.transfer(intentId(command, out), m.from(), m.to(), m.amount()));
                }
            } else if (f instanceof Fact.Swapped s) {
                out.add(TokenIntent.swap(intentId(command, out), s.trader(), s.pool(), s.in(), s.out()));
            }
        }
        return out;
    }

    private static IntentId intentId(EventId command, List<TokenIntent> before) {
        return IntentId.of(command.value() + "#" + (before.size() + 1));
    }

    /** Sets a balance, restoring a snapshot (docs/journal.md, "Snapshots"); only on a fresh ledger. */
    void restoreBalance(AccountId account, Amount amount) {
        balances.computeIfAbsent(account, k -> new HashMap<>()).put(amount.asset(), amount);
    }

    /** Sets a supply, restoring a snapshot; only on a fresh ledger. */
    void restoreSupply(Amount amount) {
        supplies.put(amount.asset(), amount);
    }

    /** Forgets everything, before a snapshot is restored into this ledger. */
    void clearForRestore() {
        balances.clear();
        supplies.clear();
    }

    Batch batch(EventId command) {
        return new Batch(command);
    }

    static boolean onChain(Asset asset) {
        return !asset.equals(Asset.USD) && !asset.equals(Asset.USDC);
    }

    /** Staged movements of one command. */
    final class Batch {
        private final EventId command;
        private final Map<AccountId, Map<Asset, Amount>> staged = new HashMap<>();
        private final Map<Asset, Amount> stagedSupply = new HashMap<>();
        private final List<Fact> facts = new ArrayList<>();
        /** What a Buy bought, for its receipt; null for any other command. */
        private io.fomo.core.launch.RmoEvent.Bought bought;

        private Batch(EventId command) {
            this.command = command;
        }

        /** What a Swap paid and received, for its receipt; null for any other command. */
        private Fact.Swapped swapped;

        /** Notes what a Swap paid and received, for its receipt. */
        void swapped(Fact.Swapped trade) {
            this.swapped = trade;
        }

        /** What a Swap paid and received; null for any other command. */
        Fact.Swapped swapped() {
            return swapped;
        }

        /** Notes what a Buy bought, for its receipt. */
        void bought(io.fomo.core.launch.RmoEvent.Bought event) {
            this.bought = event;
        }

        /** What a Buy bought; null for any other command. */
        io.fomo.core.launch.RmoEvent.Bought bought() {
            return bought;
        }

        Amount balance(AccountId account, Asset asset) {
            Map<Asset, Amount> m = staged.get(account);
            Amount a = m == null ? null : m.get(asset);
            return a == null ? TokenLedger.this.balance(account, asset) : a;
        }

        private void set(AccountId account, Amount value) {
            staged.computeIfAbsent(account, k -> new HashMap<>()).put(value.asset(), value);
        }

        private void take(String field, AccountId from, Amount amount) {
            Amount has = balance(from, amount.asset());
            if (has.isLessThan(amount)) {
                throw InsufficientLiquidityException.of(field, amount,
                        "account " + from + " holds only " + has);
            }
            set(from, has.minus(amount));
        }

        private void give(AccountId to, Amount amount) {
            set(to, balance(to, amount.asset()).plus(amount));
        }

        private Amount supplyOf(Asset asset) {
            Amount s = stagedSupply.get(asset);
            return s == null ? supply(asset) : s;
        }

        void mint(AccountId to, Amount amount) {
            if (amount.isZero()) {
                return;
            }
            give(to, amount);
            stagedSupply.put(amount.asset(), supplyOf(amount.asset()).plus(amount));
            facts.add(new Fact.Minted(to, amount));
        }

        void burn(String field, AccountId from, Amount amount) {
            if (amount.isZero()) {
                return;
            }
            take(field, from, amount);
            stagedSupply.put(amount.asset(), supplyOf(amount.asset()).minus(amount));
            facts.add(new Fact.Burned(from, amount));
        }

        void transfer(String field, AccountId from, AccountId to, Amount amount) {
            if (amount.isZero() || from.equals(to)) {
                return;
            }
            take(field, from, amount);
            give(to, amount);
            facts.add(new Fact.Moved(from, to, amount));
        }

        void swap(AccountId trader, AccountId pool, Amount in, Amount out) {
            take("amountIn", trader, in);
            give(pool, in);
            take("amountOut", pool, out);
            give(trader, out);
            facts.add(new Fact.Swapped(trader, pool, in, out));
        }

        /** The intents of the facts staged so far ({@link #intentsOf}). */
        List<TokenIntent> intents() {
            return intentsOf(command, facts);
        }

        /** Records a decision that is not a movement of the books (a charge, a quote, a close). */
        void fact(Fact fact) {
            facts.add(fact);
        }

        /** Every fact of this batch, movements and decisions, in the order they were decided. */
        List<Fact> facts() {
            return facts;
        }

        void commit() {
            staged.forEach((account, m) -> {
                Map<Asset, Amount> target = balances.computeIfAbsent(account, k -> new HashMap<>());
                m.forEach((asset, amount) -> {
                    if (amount.isZero()) {
                        target.remove(asset);
                    } else {
                        target.put(asset, amount);
                    }
                });
            });
            supplies.putAll(stagedSupply);
        }
    }
}
