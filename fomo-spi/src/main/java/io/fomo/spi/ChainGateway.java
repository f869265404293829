package io.fomo.spi;

import java.util.Optional;

/**
 * Carries out {@link TokenIntent token intents} on a chain. The engine journals an intent first and
 * executes it afterwards, possibly more than once (after a crash, on replay), so execution is
 * idempotent by intent id.
 *
 * <h2>Idempotency</h2>
 * An intent id is executed at most once. Executing an intent equal to one executed before returns the
 * same {@link IntentConfirmation} and changes nothing. Executing a different intent under an id already
 * used is rejected with {@link InvalidArgumentException}.
 *
 * <h2>Refusal versus rejection</h2>
 * A gateway may refuse an intent before it reaches the chain by throwing: {@link InvalidArgumentException}
 * (malformed for this chain), {@link InsufficientLiquidityException} (a burn, transfer, deposit or swap
 * beyond a balance). A refused intent changes nothing and is not recorded: its id stays unused and the
 * same intent may be executed again later. Once the chain has processed an intent its outcome is final
 * and is returned as a confirmation, {@link IntentStatus#CONFIRMED} or {@link IntentStatus#REJECTED}
 * (a reverted transaction, say); a rejected intent changed nothing either.
 *
 * <h2>Balances</h2>
 * {@link #balanceOf} and {@link #totalSupply} read the chain's books. Only mints and burns change a
 * total supply; the other intents move tokens between accounts.
 *
 * <p>Implementations are thread-safe. Every adapter passes the contract test kit
 * {@code io.fomo.spi.contract.ChainGatewayContract} shipped in this module's test jar.
 */
public interface ChainGateway {

    /**
     * Executes an intent, once.
     *
     * @param intent the intent
     * @return the confirmation; the earlier one if this intent was executed before
     * @throws InvalidArgumentException        if the intent's id was used for a different intent, or the
     *                                         gateway cannot carry out this intent
     * @throws InsufficientLiquidityException if an account does not hold what the intent takes from it
     */
    IntentConfirmation execute(TokenIntent intent);

    /**
     * Returns the confirmation of an intent executed before.
     *
     * @param intentId the intent's id
     * @return the confirmation, empty if no intent with this id was executed
     */
    Optional<IntentConfirmation> confirmation(IntentId intentId);

    /**
     * Returns what an account holds of an asset.
     *
     * @param account the account
     * @param asset   the asset
     * @return the balance, zero for an account or asset the chain has not seen
     */
    Amount balanceOf(AccountId account, Asset asset);

    /**
     * Returns how much of an asset exists.
     *
     * @param asset the asset
     * @return the total supply: everything minted less everything burned, zero for an unseen asset
     */
    Amount totalSupply(Asset asset);
}
