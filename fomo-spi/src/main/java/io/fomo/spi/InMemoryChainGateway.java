package io.fomo.spi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference {@link ChainGateway}: books of balances and supplies in memory, for tests and
 * simulations. Every intent it accepts is {@link IntentStatus#CONFIRMED} at once with the reference
 * {@code "memory:<n>"}, n counting executed intents from 1; it never rejects an accepted intent, and
 * refuses one that takes more than an account holds.
 *
 * <p>This class is thread-safe: every method holds the gateway's lock.
 */
public final class InMemoryChainGateway implements ChainGateway {

    private final Map<IntentId, TokenIntent> intents = new HashMap<>();
    private final Map<IntentId, IntentConfirmation> confirmations = new HashMap<>();
    private final Map<Asset, Map<AccountId, Amount>> balances = new HashMap<>();
    private final Map<Asset, Amount> supplies = new HashMap<>();

    /** Creates a chain on which nothing has happened. */
    public InMemoryChainGateway() {
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
        // Check every debit before changing any balance, so a refused intent changes nothing.
        for (Leg leg : legs) {
            if (leg.from != null) {
                Amount held = balanceOf(leg.from, leg.amount.asset());
                if (held.isLessThan(leg.amount)) {
                    throw InsufficientLiquidityException.of(leg.field, leg.amount,
                            "exceeds the balance " + held + " of account " + leg.from);
                }
            }
        }
        for (Leg leg : legs) {
            Map<AccountId, Amount> book = balances.computeIfAbsent(leg.amount.asset(), a -> new HashMap<>());
            Amount zero = Amount.zero(leg.amount.asset());
            if (leg.from == null) {
                supplies.merge(leg.amount.asset(), leg.amount, Amount::plus);
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
