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
}
