package io.fomo.core.launch;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import java.util.Objects;

/**
 * Something an actor asks an {@link Rmo} to do. Every action names its actor; the RMO checks the actor,
 * the state, the time and the amounts, and either returns the resulting events or throws without
 * changing anything.
 */
public sealed interface RmoAction {

    /**
     * Returns who acts.
     *
     * @return the actor
     */
    AccountId actor();

    /**
     * The issuer opens the raise, paying the launch fee, with an optional first buy at the curve's lowest
     * price (zero for none).
     *
     * @param actor    the issuer
     * @param firstBuy the gross FLOCK of the first buy, or zero
     */
    record Open(AccountId actor, Amount firstBuy) implements RmoAction {
        /**
         * Checks the components.
         *
         * @param actor    the issuer
         * @param firstBuy the gross FLOCK of the first buy, or zero
         */
        public Open {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(firstBuy, "firstBuy");
        }
    }

    /**
     * A supporter buys MT claims with gross FLOCK (the fee is taken from it).
     *
     * @param actor the buyer
     * @param gross the FLOCK paid, fee included
     */
    record Buy(AccountId actor, Amount gross) implements RmoAction {
        /**
         * Checks the components.
         *
         * @param actor the buyer
         * @param gross the FLOCK paid, fee included
         */
        public Buy {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(gross, "gross");
        }
    }

    /**
     * An attempt to sell MT back to the curve: always rejected (no sell-back during the raise; after it,
     * MT trades on the pool).
     *
     * @param actor  the seller
     * @param amount the MT offered
     */
    record Sell(AccountId actor, Amount amount) implements RmoAction {
        /**
         * Checks the components.
         *
         * @param actor  the seller
         * @param amount the MT offered
         */
        public Sell {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * Anyone triggers graduation once the min target is reached (and, by default, the window closed).
     *
     * @param actor who triggers it
     */
    record Graduate(AccountId actor) implements RmoAction {
        /**
         * Checks the component.
         *
         * @param actor who triggers it
         */
        public Graduate {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * Anyone closes a raise whose window ended below the min target: it fails.
     *
     * @param actor who closes it
     */
    record Close(AccountId actor) implements RmoAction {
        /**
         * Checks the component.
         *
         * @param actor who closes it
         */
        public Close {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * A supporter takes back their net principal after a failure, once.
     *
     * @param actor the supporter
     */
    record Redeem(AccountId actor) implements RmoAction {
        /**
         * Checks the component.
         *
         * @param actor the supporter
         */
        public Redeem {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * The issuer claims the vested part of their allocation.
     *
     * @param actor the issuer
     */
    record ClaimVested(AccountId actor) implements RmoAction {
        /**
         * Checks the component.
         *
         * @param actor the issuer
         */
        public ClaimVested {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * The issuer reports the graduated model deployed: the RMO goes live.
     *
     * @param actor the issuer
     */
    record GoLive(AccountId actor) implements RmoAction {
        /**
         * Checks the component.
         *
         * @param actor the issuer
         */
        public GoLive {
            Objects.requireNonNull(actor, "actor");
        }
    }
}
