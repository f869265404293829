package io.fomo.core.engine;

import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.LimitExceededException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an integrator asks the protocol to do. Each command is validated against the current state, turned
 * into journaled events and applied; a rejected command changes nothing. Commands are immutable values
 * (their amounts compare numerically, so record equality is exact).
 */
public sealed interface Command {

    /**
     * Tokens arriving from outside the protocol (bridged in, bought elsewhere), credited to an account.
     *
     * @param account the receiving account
     * @param amount  the amount, positive, of FLOCK or a graduated model token
     */
    record Deposit(AccountId account, Amount amount) implements Command {
        /**
         * Checks the components are present.
         *
         * @param account the receiving account
         * @param amount the amount, positive, of FLOCK or a graduated model token
         */
        public Deposit {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * Opens a Real Model Asset Offering: the issuer pays the launch fee and the raise starts, with an
     * optional first buy at the curve's lowest price.
     *
     * @param deployment the new deployment
     * @param issuer     the RMA issuer, who pays the launch fee
     * @param parameters the launch's preset parameters; their model token must be {@code MT-<deployment>}
     * @param pricing    the deployment's inference list price, floor and discount tiers
     * @param firstBuy   the issuer's first buy in gross FLOCK, zero for none
     */
    record OpenLaunch(DeploymentId deployment, AccountId issuer, LaunchParameters parameters, InferencePricing pricing,
            Amount firstBuy) implements Command {
        /**
         * Checks the components are present.
         *
         * @param deployment the new deployment
         * @param issuer the RMA issuer, who pays the launch fee
         * @param parameters the launch's preset parameters; their model token must be {@code MT-<deployment>}
         * @param pricing the deployment's inference list price, floor and discount tiers
         * @param firstBuy the issuer's first buy in gross FLOCK, zero for none
         */
        public OpenLaunch {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(parameters, "parameters");
            Objects.requireNonNull(pricing, "pricing");
            Objects.requireNonNull(firstBuy, "firstBuy");
        }
    }

    /**
     * A supporter buys model-token claims with FLOCK during the raise.
     *
     * @param deployment the deployment
     * @param buyer      the supporter
     * @param gross      the FLOCK offered, fee included
     */
    record Buy(DeploymentId deployment, AccountId buyer, Amount gross) implements Command {
        /**
         * Checks the components are present.
         *
         * @param deployment the deployment
         * @param buyer the supporter
         * @param gross the FLOCK offered, fee included
         */
        public Buy {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(buyer, "buyer");
            Objects.requireNonNull(gross, "gross");
        }
    }

    /**
     * A supporter tries to sell claims back during the raise; always rejected (FOMO-SPEC §1.4).
     *
     * @param deployment the deployment
     * @param seller     the supporter
     * @param amount     the MT offered
     */
    record Sell(DeploymentId deployment, AccountId seller, Amount amount) implements Command {
        /**
         * Checks the components are present.
         *
         * @param deployment the deployment
         * @param seller the supporter
         * @param amount the MT offered
         */
        public Sell {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(seller, "seller");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * Anyone graduates a raise that reached its minimum target after the window.
     *
     * @param deployment the deployment
     * @param actor      whoever triggers it
     */
    record Graduate(DeploymentId deployment, AccountId actor) implements Command {
        /**
         * Checks the components are present.
         *
         * @param deployment the deployment
         * @param actor whoever triggers it
         */
        public Graduate {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * Anyone closes a raise that missed its minimum target: it fails and refunds open.
     *
     * @param deployment the deployment
     * @param actor      whoever triggers it
     */
    record CloseLaunch(DeploymentId deployment, AccountId actor) implements Command {
        /**
         * Checks the components are present.
         *
         * @param deployment the deployment
         * @param actor whoever triggers it
         */
        public CloseLaunch {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * A supporter of a failed raise pulls back its principal, once.
     *
     * @param deployment the deployment
     * @param supporter  the supporter
     */
    record Redeem(DeploymentId deployment, AccountId supporter) implements Command {
        /**
         * Checks the components are present.
         *
         * @param deployment the deployment
         * @param supporter the supporter
         */
        public Redeem {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(supporter, "supporter");
        }
    }

    /**
     * The issuer claims what has vested of its allocation.
     *
     * @param deployment the deployment
     * @param issuer     the issuer
     */
    record ClaimVested(DeploymentId deployment, AccountId issuer) implements Command {
        /**
         * Checks the components are present.
         *
         * @param deployment the deployment
         * @param issuer the issuer
         */
        public ClaimVested {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(issuer, "issuer");
        }
    }

    /**
     * Marks a graduated deployment as serving (GRADUATED → LIVE).
     *
     * @param deployment the deployment
     * @param actor      the issuer
     */
    record GoLive(DeploymentId deployment, AccountId actor) implements Command {
        /**
         * Checks the components are present.
         *
         * @param deployment the deployment
         * @param actor the issuer
         */
        public GoLive {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * A paid inference: {@code units} of usage by a user, charged at the deployment's price for the
     * user's stake (never below the floor, rounded up) and routed as revenue.
     *
     * @param paymentId  the payment's id, unique forever
     * @param deployment the deployment served
     * @param user       the paying user
     * @param units      units of usage, positive
     */
    record RecordUsage(EventId paymentId, DeploymentId deployment, AccountId user, long units) implements Command {
        /**
         * Checks the components are present.
         *
         * @param paymentId the payment's id, unique forever
         * @param deployment the deployment served
         * @param user the paying user
         * @param units units of usage, positive
         */
        public RecordUsage {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * Paid inference calls on one deployment, decided together as one command: exactly what submitting each
     * call as a {@link RecordUsage}, in order and at the same instant, would decide (the same {@code charged}
     * facts, in the same order), but all or nothing: if any call would be refused, the batch is refused
     * with that call's error (its fields named {@code calls[i].user}, {@code calls[i].units}, a payment
     * error naming its payment id) and nothing is recorded. A metering back end settling a period's calls,
     * or a simulation settling a day's, journals one batch instead of one record per call.
     *
     * <p>The list is checked when the command is built, before anything is encoded: 1 to
     * {@link EngineLimits#MAX_CALLS_PER_USAGE_BATCH} calls (beyond: {@link LimitExceededException} naming
     * {@code calls}), none null.
     *
     * @param deployment the deployment served
     * @param calls      the calls, in the order they are charged
     */
    record RecordUsageBatch(DeploymentId deployment, List<Call> calls) implements Command {

        /**
         * One paid call of a batch: what a {@link RecordUsage} holds besides the deployment.
         *
         * @param paymentId the payment's id, unique forever
         * @param user      the paying user
         * @param units     units of usage, positive
         */
        public record Call(EventId paymentId, AccountId user, long units) {
            /**
             * Checks the components are present.
             *
             * @param paymentId the payment's id, unique forever
             * @param user the paying user
             * @param units units of usage, positive
             */
            public Call {
                Objects.requireNonNull(paymentId, "paymentId");
                Objects.requireNonNull(user, "user");
            }
        }

        /**
         * Checks the components are present and the number of calls, in constant time, then copies the list.
         *
         * @param deployment the deployment served
         * @param calls the calls, in the order they are charged
         * @throws InvalidArgumentException if there is no call
         * @throws LimitExceededException if there are more than {@link EngineLimits#MAX_CALLS_PER_USAGE_BATCH}
         * @throws NullPointerException if a component or a call is null
         */
        public RecordUsageBatch {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(calls, "calls");
            if (calls.isEmpty()) {
                throw InvalidArgumentException.of("calls", "[]", "must hold at least one call");
            }
            if (calls.size() > EngineLimits.MAX_CALLS_PER_USAGE_BATCH) {
                throw LimitExceededException.of("calls", calls.size() + " calls", "at most "
                        + EngineLimits.MAX_CALLS_PER_USAGE_BATCH + " calls may be recorded in one batch");
            }
            calls = List.copyOf(calls);
        }
    }

    /**
     * Stakes a deployment's model token.
     *
     * @param user       the staker
     * @param deployment the deployment
     * @param amount     the MT, positive
     */
    record Stake(AccountId user, DeploymentId deployment, Amount amount) implements Command {
        /**
         * Checks the components are present.
         *
         * @param user the staker
         * @param deployment the deployment
         * @param amount the MT, positive
         */
        public Stake {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * Unstakes a deployment's model token, not more than staked.
     *
     * @param user       the staker
     * @param deployment the deployment
     * @param amount     the MT, positive
     */
    record Unstake(AccountId user, DeploymentId deployment, Amount amount) implements Command {
        /**
         * Checks the components are present.
         *
         * @param user the staker
         * @param deployment the deployment
         * @param amount the MT, positive
         */
        public Unstake {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * Locks FLOCK for gmFLOCK; the lock's id is the command's id.
     *
     * @param user     the owner
     * @param amount   the FLOCK locked, positive
     * @param lockDays whole days, 1 to 365
     */
    record LockGmFlock(AccountId user, Amount amount, int lockDays) implements Command {
        /**
         * Checks the components are present.
         *
         * @param user the owner
         * @param amount the FLOCK locked, positive
         * @param lockDays whole days, 1 to 365
         */
        public LockGmFlock {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * Withdraws an ended gmFLOCK lock, paying the withdrawal fee.
     *
     * @param user   the owner
     * @param lockId the id of the command that made the lock
     */
    record WithdrawGmFlock(AccountId user, EventId lockId) implements Command {
        /**
         * Checks the components are present.
         *
         * @param user the owner
         * @param lockId the id of the command that made the lock
         */
        public WithdrawGmFlock {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(lockId, "lockId");
        }
    }

    /**
     * Closes the open epoch once its end has passed: routes its revenue after hard costs, runs the
     * buybacks and burns, distributes the epoch's emissions and incentives, and opens the next epoch.
     *
     * @param hardCosts each deployment's hard operating costs of the epoch, in the revenue asset; a
     *                  deployment not named has none
     */
    record CloseEpoch(Map<DeploymentId, Amount> hardCosts) implements Command {
        /**
         * Copies the costs into an unmodifiable, sorted map.
         *
         * @param hardCosts the costs
         */
        public CloseEpoch {
            Objects.requireNonNull(hardCosts, "hardCosts");
            hardCosts = Collections.unmodifiableSortedMap(new TreeMap<>(hardCosts));
        }
    }

    /**
     * Claims every reward a user has earned: its FLOCK balance and its MT on every deployment.
     *
     * @param user the user
     */
    record ClaimRewards(AccountId user) implements Command {
        /**
         * Checks the component is present.
         *
         * @param user the user
         */
        public ClaimRewards {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * Changes the adjustable protocol parameters from the next epoch on.
     *
     * @param change the new values
     */
    record ChangeParameters(ParameterChange change) implements Command {
        /**
         * Checks the component is present.
         *
         * @param change the new values
         */
        public ChangeParameters {
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * The commands of the metering layer (docs/usage.md): token-priced usage and prepaid credits. They are
     * declared in files of their own and handled by their own handler.
     */
    sealed interface Metering extends Command permits RecordTokenUsage, TopUpCredits {
    }

    /**
     * The commands of the secondary market (docs/engine.md, "Swaps"): trades on a graduated deployment's
     * MT/FLOCK pool. Declared in files of their own and handled by their own handler.
     */
    sealed interface Trading extends Command permits Swap {
    }
}
