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
        private final List<TokenIntent> intents = new ArrayList<>();
        private final List<Fact> facts = new ArrayList<>();
        /** What a Buy bought, for its receipt; null for any other command. */
        private io.fomo.core.launch.RmoEvent.Bought bought;

        private Batch(EventId command) {
            this.command = command;
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

        private IntentId nextId() {
            return IntentId.of(command.value() + "#" + (intents.size() + 1));
        }

        void mint(AccountId to, Amount amount) {
            if (amount.isZero()) {
                return;
            }
            give(to, amount);
            stagedSupply.put(amount.asset(), supplyOf(amount.asset()).plus(amount));
            facts.add(new Fact.Minted(to, amount));
            if (onChain(amount.asset())) {
                intents.add(TokenIntent.mint(nextId(), to, amount));
            }
        }

        void burn(String field, AccountId from, Amount amount) {
            if (amount.isZero()) {
                return;
            }
            take(field, from, amount);
            stagedSupply.put(amount.asset(), supplyOf(amount.asset()).minus(amount));
            facts.add(new Fact.Burned(from, amount));
            if (onChain(amount.asset())) {
                intents.add(TokenIntent.burn(nextId(), from, amount));
            }
        }

        void transfer(String field, AccountId from, AccountId to, Amount amount) {
            if (amount.isZero() || from.equals(to)) {
                return;
            }
            take(field, from, amount);
            give(to, amount);
            facts.add(new Fact.Moved(from, to, amount));
            if (onChain(amount.asset())) {
                intents.add(TokenIntent.transfer(nextId(), from, to, amount));
            }
        }

        void swap(AccountId trader, AccountId pool, Amount in, Amount out) {
            take("amountIn", trader, in);
            give(pool, in);
            take("amountOut", pool, out);
            give(trader, out);
            facts.add(new Fact.Swapped(trader, pool, in, out));
            intents.add(TokenIntent.swap(nextId(), trader, pool, in, out));
        }

        List<TokenIntent> intents() {
            return intents;
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
