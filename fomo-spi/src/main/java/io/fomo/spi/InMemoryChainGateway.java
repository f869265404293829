package io.fomo.spi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reference {@link ChainGateway}: books of balances and supplies in memory, for tests and
 * simulations. Every intent it accepts is {@link IntentStatus#CONFIRMED} at once with the reference
 * {@code "memory:<n>"}, n counting executed intents from 1, and it refuses one that takes more than an
 * account holds.
 *
 * <p>Two kinds of chain:
 * <ul>
 *   <li>{@link #InMemoryChainGateway()}: a bare ledger for simulations, with no chain rules: any account,
 *       any asset minted without limit, no pools;</li>
 *   <li>{@link #builder()}: a chain like a real one, the one {@code ChainGatewayContract} describes:
 *       accounts must be registered (they stand for addresses; an unregistered one is refused with
 *       {@link InvalidArgumentException}); each asset's supply is created once and a mint only releases
 *       from what is still unissued (beyond it: {@link InsufficientLiquidityException}; a burn does not
 *       make room); pools are constant-product pools of two assets that pay out only through swaps, and
 *       a swap asking more than the fee-adjusted invariant allows (Uniswap v2's check), or into a pool
 *       whose reserve of the input asset is empty (Uniswap v2 refuses it too), is
 *       {@link IntentStatus#REJECTED} with the reference {@code "memory:<n> reverted: K"}.</li>
 * </ul>
 *
 * <p>This class is thread-safe: every method holds the gateway's lock.
 */
public final class InMemoryChainGateway implements ChainGateway {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    /** A constant-product pool's two assets and its fee. */
    private record Pool(Asset a, Asset b, int feeBps) {
        boolean holds(Asset asset) {
            return a.equals(asset) || b.equals(asset);
        }
    }

    private final boolean chainRules;
    private final Set<AccountId> accounts;
    private final Map<Asset, Amount> unissued;
    private final Map<AccountId, Pool> pools;
    private final Map<IntentId, TokenIntent> intents = new HashMap<>();
    private final Map<IntentId, IntentConfirmation> confirmations = new HashMap<>();
    private final Map<Asset, Map<AccountId, Amount>> balances = new HashMap<>();
    private final Map<Asset, Amount> supplies = new HashMap<>();

    /** Creates a bare ledger on which nothing has happened: no registry, no supply limits, no pools. */
    public InMemoryChainGateway() {
        this.chainRules = false;
        this.accounts = Set.of();
        this.unissued = new HashMap<>();
        this.pools = Map.of();
    }

    private InMemoryChainGateway(Builder b) {
        this.chainRules = true;
        this.accounts = Set.copyOf(b.accounts);
        this.unissued = new HashMap<>(b.supplies);
        this.pools = Map.copyOf(b.pools);
    }

    /**
     * Starts a builder of a chain with a chain's rules: registered accounts, supplies created once, pools
     * that keep their invariant.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized IntentConfirmation execute(TokenIntent intent) {
        Objects.requireNonNull(intent, "intent");
        TokenIntent earlier = intents.get(intent.id());
        if (earlier != null) {
            if (!earlier.equals(intent)) {
                throw InvalidArgumentException.of("intentId", intent.id(),
                        "was used for a different intent " + earlier);
            }
            return confirmations.get(intent.id());
        }
        List<Leg> legs = legs(intent);
        if (chainRules) {
            checkChainRules(intent);
        }
        // Check every debit before changing any balance, so a refused intent changes nothing.
        for (Leg leg : legs) {
            if (leg.from == null && chainRules) {
                Amount left = unissued.getOrDefault(leg.amount.asset(), Amount.zero(leg.amount.asset()));
                if (left.isLessThan(leg.amount)) {
                    throw InsufficientLiquidityException.of(leg.field, leg.amount,
                            "exceeds the unissued supply " + left + ": the asset's supply was created once");
                }
            }
            if (leg.from != null) {
                Amount held = balanceOf(leg.from, leg.amount.asset());
                if (held.isLessThan(leg.amount)) {
                    throw InsufficientLiquidityException.of(leg.field, leg.amount,
                            "exceeds the balance " + held + " of account " + leg.from);
                }
            }
        }
        if (chainRules && intent.kind() == IntentKind.SWAP && !keepsTheInvariant(intent)) {
            IntentConfirmation rejected = IntentConfirmation.of(intent.id(), IntentStatus.REJECTED,
                    "memory:" + (intents.size() + 1) + " reverted: K");
            intents.put(intent.id(), intent);
            confirmations.put(intent.id(), rejected);
            return rejected;
        }
        for (Leg leg : legs) {
            Map<AccountId, Amount> book = balances.computeIfAbsent(leg.amount.asset(), a -> new HashMap<>());
            Amount zero = Amount.zero(leg.amount.asset());
            if (leg.from == null) {
                supplies.merge(leg.amount.asset(), leg.amount, Amount::plus);
                if (chainRules) {
                    unissued.put(leg.amount.asset(), unissued.get(leg.amount.asset()).minus(leg.amount));
                }
            } else {
                book.put(leg.from, book.getOrDefault(leg.from, zero).minus(leg.amount));
            }
            if (leg.to == null) {
                supplies.put(leg.amount.asset(), supplies.get(leg.amount.asset()).minus(leg.amount));
            } else {
                book.merge(leg.to, leg.amount, Amount::plus);
            }
        }
        IntentConfirmation confirmation =
                IntentConfirmation.of(intent.id(), IntentStatus.CONFIRMED, "memory:" + (intents.size() + 1));
        intents.put(intent.id(), intent);
        confirmations.put(intent.id(), confirmation);
        return confirmation;
    }

    @Override
    public synchronized Optional<IntentConfirmation> confirmation(IntentId intentId) {
        Objects.requireNonNull(intentId, "intentId");
        return Optional.ofNullable(confirmations.get(intentId));
    }

    @Override
    public synchronized Amount balanceOf(AccountId account, Asset asset) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(asset, "asset");
        Map<AccountId, Amount> book = balances.get(asset);
        Amount held = book == null ? null : book.get(account);
        return held == null ? Amount.zero(asset) : held;
    }

    @Override
    public synchronized Amount totalSupply(Asset asset) {
        Objects.requireNonNull(asset, "asset");
        return supplies.getOrDefault(asset, Amount.zero(asset));
    }

    private void checkChainRules(TokenIntent intent) {
        for (AccountId account : List.of(intent.from(), intent.to()).stream().flatMap(Optional::stream).toList()) {
            if (!accounts.contains(account)) {
                throw InvalidArgumentException.of("account", account, "has no address on this chain; register it first");
            }
        }
        List<Amount> amounts = new ArrayList<>();
        amounts.add(intent.amount());
        intent.secondAmount().ifPresent(amounts::add);
        for (Amount a : amounts) {
            if (!unissued.containsKey(a.asset())) {
                throw InvalidArgumentException.of("amount", a, "is of an asset with no token on this chain");
            }
        }
        AccountId from = intent.from().orElse(null);
        if (from != null && pools.containsKey(from)) {
            throw InvalidArgumentException.of("from", from, "is a pool: a pool pays out only through swaps");
        }
        if (intent.kind() == IntentKind.SWAP || intent.kind() == IntentKind.ADD_LIQUIDITY) {
            AccountId to = intent.to().orElseThrow();
            Pool pool = pools.get(to);
            if (pool == null) {
                throw InvalidArgumentException.of("to", to, "is not a pool");
            }
            for (Amount a : amounts) {
                if (!pool.holds(a.asset())) {
                    throw InvalidArgumentException.of("amount", a, "is not of one of the pool's assets " + pool.a()
                            + ", " + pool.b());
                }
            }
        }
    }

    /**
     * Uniswap v2's checks with the fee in bps: 0 &lt; rIn and out &lt; rOut (the pair asks that each token's
     * amount out be below its reserve, so an empty input reserve refuses every swap), then
     * (rIn·W + in·(W−f))·(rOut − out) ≥ rIn·rOut·W.
     */
    private boolean keepsTheInvariant(TokenIntent swap) {
        AccountId poolAccount = swap.to().orElseThrow();
        Amount in = swap.amount();
        Amount out = swap.secondAmount().orElseThrow();
        BigInteger rIn = balanceOf(poolAccount, in.asset()).units();
        BigInteger rOut = balanceOf(poolAccount, out.asset()).units();
        if (rIn.signum() == 0 || out.units().compareTo(rOut) >= 0) {
            return false;
        }
        BigInteger fee = BigInteger.valueOf(pools.get(poolAccount).feeBps());
        BigInteger left = rIn.multiply(BPS).add(in.units().multiply(BPS.subtract(fee))).multiply(rOut.subtract(out.units()));
        return left.compareTo(rIn.multiply(rOut).multiply(BPS)) >= 0;
    }

    /** Builds an {@link InMemoryChainGateway} with a chain's rules. */
    public static final class Builder {
        private final Set<AccountId> accounts = new HashSet<>();
        private final Map<Asset, Amount> supplies = new HashMap<>();
        private final Map<AccountId, Pool> pools = new HashMap<>();

        private Builder() {
        }

        /**
         * Registers an account (on a real chain: gives it an address).
         *
         * @param account the account
         * @return this builder
         */
        public Builder account(AccountId account) {
            accounts.add(Objects.requireNonNull(account, "account"));
            return this;
        }

        /**
         * Creates an asset's whole supply, once; mints release from it.
         *
         * @param supply the fixed supply, positive
         * @return this builder
         * @throws InvalidArgumentException if the supply is not positive or the asset already has one
         */
        public Builder supply(Amount supply) {
            Objects.requireNonNull(supply, "supply");
            if (!supply.isPositive()) {
                throw InvalidArgumentException.of("supply", supply, "must be positive");
            }
            if (supplies.putIfAbsent(supply.asset(), supply) != null) {
                throw InvalidArgumentException.of("supply", supply, "was already created for " + supply.asset());
            }
            return this;
        }

        /**
         * Registers an account as a constant-product pool of two assets.
         *
         * @param pool   the pool's account (registered as an account too)
         * @param a      one asset
         * @param b      the other asset
         * @param feeBps the swap fee taken from every input, 0 to 9,999 bps (Uniswap v2: 30)
         * @return this builder
         * @throws InvalidArgumentException if the assets are the same or the fee is out of range
         */
        public Builder pool(AccountId pool, Asset a, Asset b, int feeBps) {
            Objects.requireNonNull(pool, "pool");
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            if (a.equals(b)) {
                throw InvalidArgumentException.of("b", b, "must differ from " + a);
            }
            if (feeBps < 0 || feeBps > 9_999) {
                throw InvalidArgumentException.of("feeBps", feeBps, "must be between 0 and 9999");
            }
            pools.put(pool, new Pool(a, b, feeBps));
            accounts.add(pool);
            return this;
        }

        /**
         * Builds the gateway.
         *
         * @return a chain on which nothing has happened
         */
        public InMemoryChainGateway build() {
            return new InMemoryChainGateway(this);
        }
    }

    /** One movement of one asset; a null account is the mint (as source) or the burn (as sink). */
    private record Leg(String field, AccountId from, AccountId to, Amount amount) {
    }

    private static List<Leg> legs(TokenIntent intent) {
        AccountId from = intent.from().orElse(null);
        AccountId to = intent.to().orElse(null);
        Amount second = intent.secondAmount().orElse(null);
        List<Leg> legs = new ArrayList<>();
        switch (intent.kind()) {
            case MINT, BURN, TRANSFER -> legs.add(new Leg("amount", from, to, intent.amount()));
            case ADD_LIQUIDITY -> {
                legs.add(new Leg("first", from, to, intent.amount()));
                legs.add(new Leg("second", from, to, second));
            }
            case SWAP -> {
                legs.add(new Leg("amountIn", from, to, intent.amount()));
                legs.add(new Leg("amountOut", to, from, second));
            }
        }
        return legs;
    }
}
