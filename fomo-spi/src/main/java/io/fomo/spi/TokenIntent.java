package io.fomo.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One token operation the engine has decided on and journaled, to be carried out by a
 * {@link ChainGateway}: a mint, burn, transfer, liquidity deposit or swap.
 *
 * <p>Fields by {@link IntentKind kind}:
 * <table>
 *   <caption>Which accounts and amounts each kind carries</caption>
 *   <tr><th>kind</th><th>from</th><th>to</th><th>amount</th><th>secondAmount</th></tr>
 *   <tr><td>MINT</td><td>-</td><td>recipient</td><td>minted</td><td>-</td></tr>
 *   <tr><td>BURN</td><td>holder</td><td>-</td><td>burned</td><td>-</td></tr>
 *   <tr><td>TRANSFER</td><td>sender</td><td>recipient</td><td>moved from → to</td><td>-</td></tr>
 *   <tr><td>ADD_LIQUIDITY</td><td>provider</td><td>pool</td><td>first asset, from → to</td>
 *       <td>second asset, from → to</td></tr>
 *   <tr><td>SWAP</td><td>trader</td><td>pool</td><td>paid in, from → to</td>
 *       <td>paid out, to → from</td></tr>
 * </table>
 * Every amount is positive; the accounts of a two-party intent differ; the two amounts of a liquidity
 * deposit or swap are of different assets. The amounts of a swap are the engine's exact quote; the
 * gateway carries them out and does not price anything itself.
 *
 * <p>Two intents are equal when all their fields are equal; a gateway uses this to tell a retry of an
 * intent (equal) from a different intent reusing its id.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TokenIntent {

    private final IntentId id;
    private final IntentKind kind;
    private final AccountId from;
    private final AccountId to;
    private final Amount amount;
    private final Amount secondAmount;

    private TokenIntent(IntentId id, IntentKind kind, AccountId from, AccountId to, Amount amount,
                        Amount secondAmount) {
        this.id = id;
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.amount = amount;
        this.secondAmount = secondAmount;
    }

    /**
     * Returns an intent to create tokens in an account.
     *
     * @param id     the intent id
     * @param to     the recipient
     * @param amount the amount to mint, positive
     * @return the intent
     * @throws InvalidArgumentException if the amount is zero
     */
    public static TokenIntent mint(IntentId id, AccountId to, Amount amount) {
        Objects.requireNonNull(to, "to");
        return new TokenIntent(checkedId(id), IntentKind.MINT, null, to, positive("amount", amount), null);
    }

    /**
     * Returns an intent to destroy tokens an account holds.
     *
     * @param id     the intent id
     * @param from   the holder
     * @param amount the amount to burn, positive
     * @return the intent
     * @throws InvalidArgumentException if the amount is zero
     */
    public static TokenIntent burn(IntentId id, AccountId from, Amount amount) {
        Objects.requireNonNull(from, "from");
        return new TokenIntent(checkedId(id), IntentKind.BURN, from, null, positive("amount", amount), null);
    }

    /**
     * Returns an intent to move tokens between two accounts.
     *
     * @param id     the intent id
     * @param from   the sender
     * @param to     the recipient, not the sender
     * @param amount the amount to move, positive
     * @return the intent
     * @throws InvalidArgumentException if the amount is zero or the accounts are the same
     */
    public static TokenIntent transfer(IntentId id, AccountId from, AccountId to, Amount amount) {
        return new TokenIntent(checkedId(id), IntentKind.TRANSFER, from, distinct(from, to),
                positive("amount", amount), null);
    }

    /**
     * Returns an intent to deposit two assets from a provider into a pool.
     *
     * @param id     the intent id
     * @param from   the liquidity provider
     * @param pool   the pool's account, not the provider
     * @param first  the amount of the first asset, positive
     * @param second the amount of the second asset, positive, of another asset than the first
     * @return the intent
     * @throws InvalidArgumentException if an amount is zero, the assets or the accounts are the same
     */
    public static TokenIntent addLiquidity(IntentId id, AccountId from, AccountId pool, Amount first,
                                           Amount second) {
        return new TokenIntent(checkedId(id), IntentKind.ADD_LIQUIDITY, from, distinct(from, pool),
                positive("first", first), otherAsset("second", positive("second", second), first));
    }

    /**
     * Returns an intent to swap through a pool: the trader pays {@code amountIn} into the pool, and the
     * pool pays {@code amountOut} to the trader.
     *
     * @param id        the intent id
     * @param trader    the trader
     * @param pool      the pool's account, not the trader
     * @param amountIn  what the trader pays, positive
     * @param amountOut what the pool pays, positive, of another asset than {@code amountIn}
     * @return the intent
     * @throws InvalidArgumentException if an amount is zero, the assets or the accounts are the same
     */
    public static TokenIntent swap(IntentId id, AccountId trader, AccountId pool, Amount amountIn,
                                   Amount amountOut) {
        return new TokenIntent(checkedId(id), IntentKind.SWAP, trader, distinct(trader, pool),
                positive("amountIn", amountIn), otherAsset("amountOut", positive("amountOut", amountOut), amountIn));
    }

    private static IntentId checkedId(IntentId id) {
        return Objects.requireNonNull(id, "id");
    }

    private static Amount positive(String field, Amount amount) {
        Objects.requireNonNull(amount, field);
        if (!amount.isPositive()) {
            throw InvalidArgumentException.of(field, amount, "must be positive");
        }
        return amount;
    }

    private static AccountId distinct(AccountId from, AccountId to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw InvalidArgumentException.of("to", to, "must differ from the account the tokens come from");
        }
        return to;
    }

    private static Amount otherAsset(String field, Amount second, Amount first) {
        if (second.asset().equals(first.asset())) {
            throw InvalidArgumentException.of(field, second, "must be of another asset than " + first);
        }
        return second;
    }

    /**
     * Returns the intent id.
     *
     * @return the id
     */
    public IntentId id() {
        return id;
    }

    /**
     * Returns what the intent does.
     *
     * @return the kind
     */
    public IntentKind kind() {
        return kind;
    }

    /**
     * Returns the account tokens come from: the holder, sender, provider or trader.
     *
     * @return the account, empty for a mint
     */
    public Optional<AccountId> from() {
        return Optional.ofNullable(from);
    }

    /**
     * Returns the account tokens go to: the recipient or the pool.
     *
     * @return the account, empty for a burn
     */
    public Optional<AccountId> to() {
        return Optional.ofNullable(to);
    }

    /**
     * Returns the main amount: minted, burned, moved, the first deposit, or paid into a swap.
     *
     * @return the amount, positive
     */
    public Amount amount() {
        return amount;
    }

    /**
     * Returns the second amount: the second deposit of a liquidity intent, or what a swap pays out.
     *
     * @return the amount, empty unless the kind is {@link IntentKind#ADD_LIQUIDITY} or {@link IntentKind#SWAP}
     */
    public Optional<Amount> secondAmount() {
        return Optional.ofNullable(secondAmount);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenIntent t && t.id.equals(id) && t.kind == kind
                && Objects.equals(t.from, from) && Objects.equals(t.to, to)
                && t.amount.equals(amount) && Objects.equals(t.secondAmount, secondAmount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind, from, to, amount, secondAmount);
    }

    /**
     * Returns the kind, id, accounts and amounts.
     *
     * @return for example {@code "TRANSFER[i-7: alice -> bob, 1.5 FLOCK]"}
     */
    @Override
    public String toString() {
        return kind + "[" + id + ": " + (from == null ? "" : from) + " -> " + (to == null ? "" : to)
                + ", " + amount + (secondAmount == null ? "" : ", " + secondAmount) + ']';
    }
}
