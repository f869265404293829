package io.fomo.core.engine;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a command decided, journaled beside it: the exact movements of the protocol's books (minted,
 * burned, moved, swapped, with their amounts) and the decisions that are not movements (the price a
 * usage call was charged, a team's prepaid credits topped up or deducted and its arrears, the FLOCK quote an
 * epoch close used, which epoch closed). Facts are the
 * language-neutral record of what happened; {@code docs/journal.md} lists every field and its stable
 * type tag. Facts are immutable values (their amounts compare numerically).
 */
public sealed interface Fact {

    /**
     * Tokens (or fiat) created in an account: the book supply of the asset grows by the amount.
     *
     * @param to     the account credited
     * @param amount the amount, positive
     */
    record Minted(AccountId to, Amount amount) implements Fact {
        /**
         * Checks the components are present.
         *
         * @param to     the account credited
         * @param amount the amount, positive
         */
        public Minted {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * Tokens destroyed from an account: the book supply of the asset falls by the amount.
     *
     * @param from   the account debited
     * @param amount the amount, positive
     */
    record Burned(AccountId from, Amount amount) implements Fact {
        /**
         * Checks the components are present.
         *
         * @param from   the account debited
         * @param amount the amount, positive
         */
        public Burned {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * Tokens moved between two accounts of the books.
     *
     * @param from   the account debited
     * @param to     the account credited
     * @param amount the amount, positive
     */
    record Moved(AccountId from, AccountId to, Amount amount) implements Fact {
        /**
         * Checks the components are present.
         *
         * @param from   the account debited
         * @param to     the account credited
         * @param amount the amount, positive
         */
        public Moved {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * A swap through a pool: the trader pays {@code in} to the pool and receives {@code out} from it.
     *
     * @param trader the trader
     * @param pool   the pool's account
     * @param in     what the trader paid
     * @param out    what the trader bought
     */
    record Swapped(AccountId trader, AccountId pool, Amount in, Amount out) implements Fact {
        /**
         * Checks the components are present.
         *
         * @param trader the trader
         * @param pool   the pool's account
         * @param in     what the trader paid
         * @param out    what the trader bought
         */
        public Swapped {
            Objects.requireNonNull(trader, "trader");
            Objects.requireNonNull(pool, "pool");
            Objects.requireNonNull(in, "in");
            Objects.requireNonNull(out, "out");
        }
    }

    /**
     * A usage call charged to a user at the price decided then (list price, discount tier, floor).
     *
     * @param payment    the payment's id
     * @param deployment the deployment used
     * @param user       the paying user
     * @param amount     the amount charged
     */
    record Charged(EventId payment, DeploymentId deployment, AccountId user, Amount amount) implements Fact {
        /**
         * Checks the components are present.
         *
         * @param payment    the payment's id
         * @param deployment the deployment used
         * @param user       the paying user
         * @param amount     the amount charged
         */
        public Charged {
            Objects.requireNonNull(payment, "payment");
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * A team's prepaid credits topped up: the amount paid (USD or USDC; USDC credits one USD micro-unit per
     * base unit). Buying credits is cash in, not revenue.
     *
     * @param team   the team credited
     * @param amount the amount paid, with its asset
     */
    record CreditsToppedUp(AccountId team, Amount amount) implements Fact {
        /**
         * Checks the components are present.
         *
         * @param team   the team credited
         * @param amount the amount paid, with its asset
         */
        public CreditsToppedUp {
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * A metered call's charge deducted from its team's prepaid credits (in full, even beyond the balance).
     *
     * @param team    the paying team
     * @param amount  the amount deducted, in USD
     * @param request the call's request id
     */
    record CreditsDeducted(AccountId team, Amount amount, EventId request) implements Fact {
        /**
         * Checks the components are present.
         *
         * @param team    the paying team
         * @param amount  the amount deducted, in USD
         * @param request the call's request id
         */
        public CreditsDeducted {
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * The part of a deduction the team's balance did not cover: its arrears grow by the amount.
     *
     * @param team   the team
     * @param amount the arrears created, in USD
     */
    record ArrearsIncurred(AccountId team, Amount amount) implements Fact {
        /**
         * Checks the components are present.
         *
         * @param team   the team
         * @param amount the arrears created, in USD
         */
        public ArrearsIncurred {
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * The part of a top-up that paid the team's arrears first: its arrears fall by the amount.
     *
     * @param team   the team
     * @param amount the arrears settled, in USD
     */
    record ArrearsSettled(AccountId team, Amount amount) implements Fact {
        /**
         * Checks the components are present.
         *
         * @param team   the team
         * @param amount the arrears settled, in USD
         */
        public ArrearsSettled {
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * The FLOCK price in USD an epoch close used for its buybacks, as the price feed gave it.
     *
     * @param price  the price, positive
     * @param source the feed's source
     * @param at     the quote's timestamp
     */
    record Quoted(BigDecimal price, String source, Instant at) implements Fact {
        /**
         * Checks the components are present.
         *
         * @param price  the price, positive
         * @param source the feed's source
         * @param at     the quote's timestamp
         */
        public Quoted {
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(at, "at");
        }

        /**
         * Compares numerically: {@code 2.50} and {@code 2.5} are the same price.
         *
         * @param other the other object
         * @return true if the same quote
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof Quoted q && q.price.compareTo(price) == 0 && q.source.equals(source)
                    && q.at.equals(at);
        }

        /**
         * Hashes consistently with {@link #equals(Object)}.
         *
         * @return the hash
         */
        @Override
        public int hashCode() {
            return Objects.hash(price.stripTrailingZeros(), source, at);
        }
    }

    /**
     * A deployment's buyback was not executed at an epoch close; its budget stays, deferred to a later
     * close. The reason is one of the stable codes below, decided from the journaled state and quote
     * alone, so a replay decides it again.
     *
     * @param deployment the deployment whose buyback waits
     * @param reason     {@link #NO_PRICE}, {@link #STALE_PRICE}, {@link #PRICE_OUT_OF_BAND},
     *                   {@link #UNPRICEABLE} or {@link #SUPPLY}
     */
    record BuybackDeferred(DeploymentId deployment, String reason) implements Fact {
        /** The price feed gave no FLOCK price for the close (none known, or the feed failed). */
        public static final String NO_PRICE = "no-price";
        /** The FLOCK price is older than the buyback parameters' maximum age. */
        public static final String STALE_PRICE = "stale-price";
        /** The FLOCK price is outside the band the buyback parameters accept (an absurd price). */
        public static final String PRICE_OUT_OF_BAND = "price-out-of-band";
        /** At this price the budget buys an amount outside the numbers' bounds (an absurd price). */
        public static final String UNPRICEABLE = "unpriceable";
        /** What the buyback would burn exceeds what exists of the token beyond the engine's own books. */
        public static final String SUPPLY = "supply";

        /**
         * Checks the fields.
         *
         * @param deployment the deployment whose buyback waits
         * @param reason     one of the reason codes
         */
        public BuybackDeferred {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(reason, "reason");
            if (!java.util.Set.of(NO_PRICE, STALE_PRICE, PRICE_OUT_OF_BAND, UNPRICEABLE, SUPPLY).contains(reason)) {
                throw io.fomo.spi.InvalidArgumentException.of("reason", reason, "is not a buyback deferral reason");
            }
        }
    }

    /**
     * An epoch was closed: its revenue routed, buybacks executed, emissions distributed.
     *
     * @param epoch the epoch closed, 0 or more
     */
    record EpochClosed(long epoch) implements Fact {
        /**
         * Checks the epoch is not negative.
         *
         * @param epoch the epoch closed, 0 or more
         */
        public EpochClosed {
            if (epoch < 0) {
                throw io.fomo.spi.InvalidArgumentException.of("epoch", epoch, "must not be negative");
            }
        }
    }

    // ------------------------------------------------------------------ the rest of the state (issue 12)
    // With these, the whole state is the fold of the facts: replay applies them and decides nothing.

    /**
     * A raise opened: the deployment exists, with the launch parameters and pricing of its
     * {@code open-launch} command, and is fundraising.
     *
     * @param deployment the deployment
     * @param issuer     its issuer
     * @param at         when it opened
     * @param closesAt   when the raise window closes
     * @param launchFee  the launch fee paid
     */
    record LaunchOpened(DeploymentId deployment, AccountId issuer, Instant at, Instant closesAt, Amount launchFee)
            implements Fact {
    }

    /**
     * A buy into a raise, as the curve and the fees decided it.
     *
     * @param deployment  the deployment
     * @param buyer       the buyer
     * @param at          when
     * @param gross       FLOCK paid, fees included
     * @param fee         the whole fee
     * @param platformFee the platform's part of the fee
     * @param creatorFee  the issuer's part of the fee
     * @param net         FLOCK into the raise
     * @param mtOut       MT bought
     * @param returned    FLOCK returned as overfill
     * @param firstBuy    whether this is the issuer's first buy at the open
     */
    record LaunchBought(DeploymentId deployment, AccountId buyer, Instant at, Amount gross, Amount fee,
            Amount platformFee, Amount creatorFee, Amount net, Amount mtOut, Amount returned, boolean firstBuy)
            implements Fact {
    }

    /**
     * A raise graduated, with the outcome decided then: the MT and FLOCK splits, the pool opened and the
     * per-epoch incentive budgets.
     *
     * @param deployment    the deployment
     * @param at            when
     * @param trigger       {@code max-target} (a buy reached it) or {@code min-target} (graduated by hand)
     * @param epoch         the open epoch at graduation (the deployment's age counts from it)
     * @param sold          MT sold in the raise
     * @param burned        unsold MT burned
     * @param treasury      MT to the treasury
     * @param poolMt        MT seeded into the pool
     * @param raised        FLOCK raised
     * @param liquidity     the raise's liquidity share (FLOCK)
     * @param hosting       the raise's hosting reserve (FLOCK)
     * @param staking       the raise's staking incentives (FLOCK)
     * @param poolFlock     FLOCK seeded into the pool
     * @param finalPrice    the curve's spot price at graduation
     * @param flockPerEpoch the FLOCK staking incentive per epoch
     * @param mtPerEpoch    the MT incentive per epoch
     */
    record LaunchGraduated(DeploymentId deployment, Instant at, String trigger, long epoch, Amount sold, Amount burned,
            Amount treasury, Amount poolMt, Amount raised, Amount liquidity, Amount hosting, Amount staking,
            Amount poolFlock, BigDecimal finalPrice, Amount flockPerEpoch, Amount mtPerEpoch) implements Fact {
        /** The trigger of a graduation by a buy that reached the max target. */
        public static final String MAX_TARGET = "max-target";
        /** The trigger of a graduation by hand at or above the min target. */
        public static final String MIN_TARGET = "min-target";

        /**
         * Compares numerically (the final price by value).
         *
         * @param other the other object
         * @return true if the same graduation
         */
        @Override
        public boolean equals(Object other) {
            return other instanceof LaunchGraduated g && g.deployment.equals(deployment) && g.at.equals(at)
                    && g.trigger.equals(trigger) && g.epoch == epoch && g.sold.equals(sold) && g.burned.equals(burned)
                    && g.treasury.equals(treasury) && g.poolMt.equals(poolMt) && g.raised.equals(raised)
                    && g.liquidity.equals(liquidity) && g.hosting.equals(hosting) && g.staking.equals(staking)
                    && g.poolFlock.equals(poolFlock) && g.finalPrice.compareTo(finalPrice) == 0
                    && g.flockPerEpoch.equals(flockPerEpoch) && g.mtPerEpoch.equals(mtPerEpoch);
        }

        /**
         * Hashes consistently with {@link #equals(Object)}.
         *
         * @return the hash
         */
        @Override
        public int hashCode() {
            return Objects.hash(deployment, at, trigger, epoch, sold, raised, finalPrice.stripTrailingZeros());
        }
    }

    /**
     * A raise failed (closed below its min target); supporters may redeem.
     *
     * @param deployment the deployment
     * @param at         when
     * @param raised     FLOCK raised
     */
    record LaunchFailed(DeploymentId deployment, Instant at, Amount raised) implements Fact {
    }

    /**
     * A supporter of a failed raise redeemed its principal.
     *
     * @param deployment the deployment
     * @param supporter  the supporter
     * @param at         when
     * @param amount     FLOCK refunded
     */
    record LaunchRedeemed(DeploymentId deployment, AccountId supporter, Instant at, Amount amount) implements Fact {
    }

    /**
     * The issuer claimed vested MT.
     *
     * @param deployment the deployment
     * @param issuer     the issuer
     * @param at         when
     * @param amount     MT claimed
     */
    record VestingClaimed(DeploymentId deployment, AccountId issuer, Instant at, Amount amount) implements Fact {
    }

    /**
     * A graduated deployment went live.
     *
     * @param deployment the deployment
     * @param actor      who made it live
     * @param at         when
     */
    record LaunchLive(DeploymentId deployment, AccountId actor, Instant at) implements Fact {
    }

    /**
     * MT staked on a deployment.
     *
     * @param user       the staker
     * @param deployment the deployment
     * @param amount     MT staked
     */
    record Staked(AccountId user, DeploymentId deployment, Amount amount) implements Fact {
    }

    /**
     * MT unstaked from a deployment.
     *
     * @param user       the staker
     * @param deployment the deployment
     * @param amount     MT unstaked
     */
    record Unstaked(AccountId user, DeploymentId deployment, Amount amount) implements Fact {
    }

    /**
     * A gmFLOCK lock opened, with the gmFLOCK the terms gave it then.
     *
     * @param lock      the lock's id (the command's id)
     * @param owner     its owner
     * @param principal FLOCK locked
     * @param gmFlock   gmFLOCK minted
     * @param lockDays  its days
     * @param start     its start
     */
    record GmFlockLocked(EventId lock, AccountId owner, Amount principal, Amount gmFlock, int lockDays, Instant start)
            implements Fact {
    }

    /**
     * A gmFLOCK lock withdrawn after its end.
     *
     * @param lock     the lock's id
     * @param owner    its owner
     * @param returned FLOCK returned
     * @param fee      FLOCK kept as the withdrawal fee
     * @param gmFlock  gmFLOCK burned
     */
    record GmFlockWithdrawn(EventId lock, AccountId owner, Amount returned, Amount fee, Amount gmFlock)
            implements Fact {
    }

    /**
     * A parameter change scheduled; it takes effect when the open epoch closes.
     *
     * @param change the new adjustable parameters
     */
    record ParametersScheduled(ParameterChange change) implements Fact {
    }

    /**
     * The scheduled parameter change took effect, from an epoch on.
     *
     * @param epoch the first epoch it governs
     */
    record ParametersActivated(long epoch) implements Fact {
    }

    /**
     * An epoch close routed one deployment's revenue (its part of the epoch's revenue summary).
     *
     * @param deployment   the deployment
     * @param gross        gross revenue of the epoch
     * @param hardCosts    its hard costs
     * @param costsCovered the costs covered from the gross
     * @param net          net revenue
     * @param mtBuyback    the MT buyback budget credited
     * @param flockBuyback the FLOCK buyback budget credited
     * @param treasury     the treasury's share
     * @param issuer       the issuer's yield
     * @param treasuryDust rounding dust that went to the treasury
     */
    record RevenueRouted(DeploymentId deployment, Amount gross, Amount hardCosts, Amount costsCovered, Amount net,
            Amount mtBuyback, Amount flockBuyback, Amount treasury, Amount issuer, Amount treasuryDust) implements Fact {
    }

    /**
     * A buyback executed at an epoch close (possibly only in part, or with nothing spent): what it spent
     * and bought, the budget left and the pool after it. Its MT and FLOCK bought are burned.
     *
     * @param deployment  the deployment
     * @param epoch       the epoch closed
     * @param mtSpent     USD spent on the MT leg
     * @param flockForMt  FLOCK swapped into the pool for MT
     * @param mtBought    MT bought (burned)
     * @param flockSpent  USD spent on the FLOCK leg
     * @param flockBought FLOCK bought (burned)
     * @param mtLeft      the MT budget left (USD)
     * @param flockLeft   the FLOCK budget left (USD)
     * @param poolFlock   the pool's FLOCK reserve after
     * @param poolMt      the pool's MT reserve after
     */
    record BuybackExecuted(DeploymentId deployment, long epoch, Amount mtSpent, Amount flockForMt, Amount mtBought,
            Amount flockSpent, Amount flockBought, Amount mtLeft, Amount flockLeft, Amount poolFlock, Amount poolMt)
            implements Fact {
    }

    /**
     * The emission of a closed epoch: released from the reserve, and what no one could receive given back.
     *
     * @param epoch     the epoch
     * @param scheduled released from the reserve
     * @param returned  given back to the reserve
     */
    record EmissionReleased(long epoch, Amount scheduled, Amount returned) implements Fact {
    }

    /**
     * One pool's dust carried to the next epoch.
     *
     * @param deployment the deployment
     * @param kind       the pool kind ({@code GLOBAL}, {@code FLOCK_INCENTIVE}, {@code MT_INCENTIVE})
     * @param amount     the dust
     */
    record PoolDust(DeploymentId deployment, io.fomo.core.rewards.PoolKind kind, Amount amount) {
    }

    /**
     * The dust an epoch close carries to the next epoch: the global part and each pool's. It replaces
     * the dust carried before.
     *
     * @param global the global dust (FLOCK)
     * @param pools  each pool's dust, by deployment then kind
     */
    record DustCarried(Amount global, java.util.List<PoolDust> pools) implements Fact {
        /**
         * Copies the list.
         *
         * @param global the global dust (FLOCK)
         * @param pools  each pool's dust, by deployment then kind
         */
        public DustCarried {
            Objects.requireNonNull(global, "global");
            pools = java.util.List.copyOf(pools);
        }
    }

    /**
     * One user's reward for one deployment at an epoch close, credited to its claimable balances (one per
     * pair of the epoch's usage; amounts may be zero).
     *
     * @param deployment the deployment
     * @param user       the user
     * @param flock      FLOCK credited
     * @param mt         the deployment's MT credited
     */
    record RewardCredited(DeploymentId deployment, AccountId user, Amount flock, Amount mt) implements Fact {
    }

    /**
     * A user claimed its whole claimable FLOCK.
     *
     * @param user   the user
     * @param amount FLOCK claimed
     */
    record RewardsClaimed(AccountId user, Amount amount) implements Fact {
    }

    /**
     * A user claimed its whole claimable MT of one deployment.
     *
     * @param user       the user
     * @param deployment the deployment
     * @param amount     MT claimed
     */
    record MtRewardsClaimed(AccountId user, DeploymentId deployment, Amount amount) implements Fact {
    }
}
