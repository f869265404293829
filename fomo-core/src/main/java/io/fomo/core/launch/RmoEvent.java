package io.fomo.core.launch;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import java.time.Instant;
import java.util.Objects;

/**
 * A fact that an accepted {@link RmoAction} produced. The state of an RMO is the fold of its events
 * ({@link Rmo#evolve(RmoEvent)}), so an engine that journals events replays the RMO exactly.
 */
public sealed interface RmoEvent {

    /**
     * Returns when it happened.
     *
     * @return the instant
     */
    Instant at();

    /**
     * The raise opened; the issuer paid the launch fee.
     *
     * @param issuer    the issuer
     * @param at        when
     * @param launchFee the fee paid, kept in every outcome
     * @param closesAt  the end of the window (exclusive for buys)
     */
    record Opened(AccountId issuer, Instant at, Amount launchFee, Instant closesAt) implements RmoEvent {
        /**
         * Checks the components.
         *
         * @param issuer    the issuer
         * @param at        when
         * @param launchFee the fee paid
         * @param closesAt  the end of the window
         */
        public Opened {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(launchFee, "launchFee");
            Objects.requireNonNull(closesAt, "closesAt");
        }
    }

    /**
     * A buy executed: {@code gross = net + fee + returned}, {@code fee = platformFee + creatorFee}.
     *
     * @param buyer       the buyer
     * @param at          when
     * @param gross       the FLOCK the buyer offered
     * @param fee         the swap fee kept
     * @param platformFee the platform's part of the fee
     * @param creatorFee  the creator's part of the fee
     * @param net         the FLOCK that reached the curve (the principal)
     * @param mtOut       the MT claim bought
     * @param returned    the unfilled FLOCK returned (an overfill at the max target), fee included
     * @param firstBuy    whether this is the issuer's first buy
     */
    record Bought(AccountId buyer, Instant at, Amount gross, Amount fee, Amount platformFee, Amount creatorFee,
            Amount net, Amount mtOut, Amount returned, boolean firstBuy) implements RmoEvent {
        /**
         * Checks the components.
         *
         * @param buyer       the buyer
         * @param at          when
         * @param gross       the FLOCK offered
         * @param fee         the fee kept
         * @param platformFee the platform's part
         * @param creatorFee  the creator's part
         * @param net         the principal
         * @param mtOut       the MT bought
         * @param returned    the FLOCK returned
         * @param firstBuy    whether this is the first buy
         */
        public Bought {
            Objects.requireNonNull(buyer, "buyer");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(gross, "gross");
            Objects.requireNonNull(fee, "fee");
            Objects.requireNonNull(platformFee, "platformFee");
            Objects.requireNonNull(creatorFee, "creatorFee");
            Objects.requireNonNull(net, "net");
            Objects.requireNonNull(mtOut, "mtOut");
            Objects.requireNonNull(returned, "returned");
        }
    }

    /**
     * The raise graduated.
     *
     * @param at         when
     * @param trigger    why
     * @param graduation what it minted, split and seeded
     */
    record Graduated(Instant at, Trigger trigger, Graduation graduation) implements RmoEvent {
        /**
         * Checks the components.
         *
         * @param at         when
         * @param trigger    why
         * @param graduation what it did
         */
        public Graduated {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(graduation, "graduation");
        }
    }

    /** Why a raise graduated. */
    enum Trigger {
        /** A buy reached the max target. */
        MAX_TARGET,
        /** Someone graduated a raise at or above the min target. */
        MIN_TARGET
    }

    /**
     * The raise failed: the window ended below the min target.
     *
     * @param at     when it was closed
     * @param raised the net FLOCK raised, now redeemable
     */
    record Failed(Instant at, Amount raised) implements RmoEvent {
        /**
         * Checks the components.
         *
         * @param at     when
         * @param raised the net FLOCK raised
         */
        public Failed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(raised, "raised");
        }
    }

    /**
     * A supporter redeemed their principal.
     *
     * @param supporter the supporter
     * @param at        when
     * @param amount    the FLOCK refunded
     */
    record Redeemed(AccountId supporter, Instant at, Amount amount) implements RmoEvent {
        /**
         * Checks the components.
         *
         * @param supporter the supporter
         * @param at        when
         * @param amount    the FLOCK refunded
         */
        public Redeemed {
            Objects.requireNonNull(supporter, "supporter");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * The issuer claimed vested MT.
     *
     * @param issuer the issuer
     * @param at     when
     * @param amount the MT claimed
     */
    record VestingClaimed(AccountId issuer, Instant at, Amount amount) implements RmoEvent {
        /**
         * Checks the components.
         *
         * @param issuer the issuer
         * @param at     when
         * @param amount the MT claimed
         */
        public VestingClaimed {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * The graduated model went live.
     *
     * @param actor who reported it
     * @param at    when
     */
    record WentLive(AccountId actor, Instant at) implements RmoEvent {
        /**
         * Checks the components.
         *
         * @param actor who reported it
         * @param at    when
         */
        public WentLive {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
        }
    }
}
