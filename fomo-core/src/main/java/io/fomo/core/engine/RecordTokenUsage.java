package io.fomo.core.engine;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import java.time.Instant;
import java.util.Objects;

/**
 * One metered, token-priced inference call (docs/usage.md). The engine applies the deployment's staking
 * discount for the user's stake and the deployment's floor to the list charge, books what is actually
 * paid as the deployment's revenue in the open epoch, deducts it from the team's prepaid credits, and
 * counts it as the user's spend for rewards.
 *
 * <p>The request id is the call's idempotency key: it is the revenue ledger's payment id, so a second
 * command with the same request id is rejected, and integrators submit it under the command id
 * {@code usage:<requestId>} so that a re-submission is a duplicate receipt. A call whose own time falls
 * in an epoch already closed is never dropped: it is booked in the open epoch and counted as late.
 *
 * @param requestId  the call's request id (OpenAI response id, LiteLLM {@code request_id}, CloudEvent id)
 * @param deployment the deployment the call's model is mapped to; it must have graduated
 * @param user       the user who made the call (its stake sets the discount; its spend earns rewards)
 * @param team       the team whose prepaid credits pay for the call (a user without a team is its own team)
 * @param tokens     the call's tokens
 * @param listCharge the call's price before discount, in USD: tokens at the model's prices, or the metered
 *                   cost as given
 * @param occurredAt when the call was made, by the record's own clock
 */
public record RecordTokenUsage(EventId requestId, DeploymentId deployment, AccountId user, AccountId team,
        TokenCounts tokens, Amount listCharge, Instant occurredAt) implements Command.Metering {

    /** The prefix of the command id under which a call is submitted: {@code usage:<requestId>}. */
    public static final String COMMAND_ID_PREFIX = "usage:";

    /**
     * Checks the components are present.
     *
     * @param requestId  the call's request id
     * @param deployment the deployment
     * @param user       the user
     * @param team       the paying team
     * @param tokens     the tokens
     * @param listCharge the charge before discount, in USD
     * @param occurredAt when the call was made
     */
    public RecordTokenUsage {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(listCharge, "listCharge");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /**
     * Returns the command id this call is submitted under, {@code usage:<requestId>}.
     *
     * @return the id
     */
    public EventId commandId() {
        return EventId.of(COMMAND_ID_PREFIX + requestId.value());
    }
}
