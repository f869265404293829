package io.fomo.spi.contract;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.IntentKind;
import io.fomo.spi.TokenIntent;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain contract's oracle: balances and supplies in base units, keyed {@code "<account> <asset>"}
 * and {@code "supply <asset>"}, the same keys {@link ChainGatewayContract} reads a gateway's books into.
 * Each asset's supply was created once ({@code "unissued <asset>"} starts at it and mints draw on it), and
 * a swap through the pool must keep Uniswap v2's fee-adjusted invariant, with both reserves above zero
 * (the pair asks {@code amountOut < reserve} of each token, so an empty input reserve refuses every swap).
 */
final class BooksModel {

    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    private final List<AccountId> accounts;
    private final List<Asset> assets;
    private final AccountId pool;
    private final int feeBps;
    private final Map<String, BigInteger> units = new HashMap<>();

    BooksModel(List<AccountId> accounts, List<Amount> supplies, AccountId pool, int feeBps) {
        this.accounts = accounts;
        this.assets = supplies.stream().map(Amount::asset).toList();
        this.pool = pool;
        this.feeBps = feeBps;
        supplies.forEach(s -> units.put("unissued " + s.asset(), s.units()));
    }

    /** Applies an intent if nothing would go below zero and a swap keeps the pool's invariant. */
    boolean apply(TokenIntent t) {
        if (t.kind() == IntentKind.SWAP && t.to().orElseThrow().equals(pool) && !keepsTheInvariant(t)) {
            return false;
        }
        Map<String, BigInteger> delta = new HashMap<>();
        AccountId from = t.from().orElse(null);
        AccountId to = t.to().orElse(null);
        move(delta, from, to, t.amount());
        t.secondAmount().ifPresent(second -> {
            switch (t.kind()) {
                case SWAP -> move(delta, to, from, second);
                default -> move(delta, from, to, second);
            }
        });
        for (Map.Entry<String, BigInteger> d : delta.entrySet()) {
            if (units.getOrDefault(d.getKey(), BigInteger.ZERO).add(d.getValue()).signum() < 0) {
                return false;
            }
        }
        delta.forEach((key, change) -> units.merge(key, change, BigInteger::add));
        return true;
    }

    /** A null source is a mint (the supply grows), a null sink a burn (the supply shrinks). */
    private static void move(Map<String, BigInteger> delta, AccountId from, AccountId to, Amount a) {
        String supply = "supply " + a.asset();
        BigInteger u = a.units();
        if (from == null) {
            delta.merge(supply, u, BigInteger::add);
            delta.merge("unissued " + a.asset(), u.negate(), BigInteger::add);
        } else {
            delta.merge(from + " " + a.asset(), u.negate(), BigInteger::add);
        }
        if (to == null) {
            delta.merge(supply, u.negate(), BigInteger::add);
        } else {
            delta.merge(to + " " + a.asset(), u, BigInteger::add);
        }
    }

    private boolean keepsTheInvariant(TokenIntent swap) {
        BigInteger in = swap.amount().units();
        BigInteger out = swap.secondAmount().orElseThrow().units();
        BigInteger rIn = units.getOrDefault(pool + " " + swap.amount().asset(), BigInteger.ZERO);
        BigInteger rOut = units.getOrDefault(pool + " " + swap.secondAmount().orElseThrow().asset(), BigInteger.ZERO);
        if (rIn.signum() == 0 || out.compareTo(rOut) >= 0) {
            return false;
        }
        BigInteger adjustedIn = rIn.multiply(BPS).add(in.multiply(BPS.subtract(BigInteger.valueOf(feeBps))));
        return adjustedIn.multiply(rOut.subtract(out)).compareTo(rIn.multiply(rOut).multiply(BPS)) >= 0;
    }

    /** The books, in the order and with the keys of the contract's snapshot of a gateway. */
    Map<String, Amount> snapshot() {
        Map<String, Amount> books = new LinkedHashMap<>();
        for (Asset asset : assets) {
            books.put("supply " + asset, amount(asset, "supply " + asset));
            for (AccountId account : accounts) {
                books.put(account + " " + asset, amount(asset, account + " " + asset));
            }
        }
        return books;
    }

    private Amount amount(Asset asset, String key) {
        return Amount.ofUnits(asset, units.getOrDefault(key, BigInteger.ZERO));
    }
}
