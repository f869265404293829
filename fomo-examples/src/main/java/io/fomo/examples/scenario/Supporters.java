package io.fomo.examples.scenario;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The supporters of a launch: either listed one by one with their buys, or generated from a seed.
 */
public sealed interface Supporters permits Supporters.Listed, Supporters.Generated {

    /**
     * One buy of a listed supporter.
     *
     * @param day   the simulated day of the buy (0 = the day the launch opens)
     * @param flock the gross FLOCK paid, positive
     */
    record Buy(int day, Amount flock) {

        /**
         * Checks the buy.
         *
         * @param day the simulated day of the buy (0 = the day the launch opens)
         * @param flock the gross FLOCK paid, positive
         * @throws InvalidArgumentException if the day is negative or the amount not positive FLOCK
         */
        public Buy {
            if (day < 0) {
                throw InvalidArgumentException.of("day", day, "must not be negative");
            }
            Objects.requireNonNull(flock, "flock");
            if (!flock.asset().equals(Asset.FLOCK) || !flock.isPositive()) {
                throw InvalidArgumentException.of("flock", flock, "must be a positive amount of FLOCK");
            }
        }
    }

    /**
     * One listed supporter.
     *
     * @param id   the supporter's account
     * @param buys the buys, in the order they happen within a day
     */
    record Supporter(AccountId id, List<Buy> buys) {

        /**
         * Copies the buys.
         *
         * @param id the supporter's account
         * @param buys the buys, in the order they happen within a day
         */
        public Supporter {
            Objects.requireNonNull(id, "id");
            buys = List.copyOf(buys);
        }
    }

    /**
     * Supporters listed in the scenario.
     *
     * @param supporters the supporters, ids distinct
     */
    record Listed(List<Supporter> supporters) implements Supporters {

        /**
         * Copies the list and checks that ids are distinct.
         *
         * @param supporters the supporters, ids distinct
         * @throws InvalidArgumentException if an id repeats
         */
        public Listed {
            supporters = List.copyOf(supporters);
            Set<AccountId> seen = new HashSet<>();
            for (Supporter s : supporters) {
                if (!seen.add(s.id())) {
                    throw InvalidArgumentException.of("supporters.id", s.id(), "appears twice");
                }
            }
        }
    }

    /**
     * Supporters generated from the seed: {@code count} supporters named {@code <idPrefix>-<n>} share
     * {@code totalFlock} by seeded integer weights from 1 to 100 (largest-remainder allocation, so the
     * parts sum to the total exactly); each buys once, on a seeded day in {@code [0, days)}. Named
     * supporters may be listed besides; on a day their buys come before the generated ones.
     *
     * @param count      the number of supporters, 1 to 10,000
     * @param totalFlock the gross FLOCK they pay in total, positive
     * @param days       the days over which they buy, positive
     * @param idPrefix   the prefix of their ids
     * @param listed     named supporters besides the generated ones, ids distinct and not of the generated form
     */
    record Generated(int count, Amount totalFlock, int days, String idPrefix, List<Supporter> listed)
            implements Supporters {

        /** The largest number of generated supporters. */
        public static final int MAX_COUNT = 10_000;

        /**
         * Checks the generator.
         *
         * @param count the number of supporters, 1 to 10,000
         * @param totalFlock the gross FLOCK they pay in total, positive
         * @param days the days over which they buy, positive
         * @param idPrefix the prefix of their ids
         * @param listed named supporters besides the generated ones, ids distinct and not of the generated form
         * @throws InvalidArgumentException if a value is out of range
         */
        public Generated {
            if (count < 1 || count > MAX_COUNT) {
                throw InvalidArgumentException.of("count", count, "must be from 1 to " + MAX_COUNT);
            }
            Objects.requireNonNull(totalFlock, "totalFlock");
            if (!totalFlock.asset().equals(Asset.FLOCK) || !totalFlock.isPositive()) {
                throw InvalidArgumentException.of("totalFlock", totalFlock, "must be a positive amount of FLOCK");
            }
            if (days < 1) {
                throw InvalidArgumentException.of("days", days, "must be positive");
            }
            AccountId.of(Objects.requireNonNull(idPrefix, "idPrefix") + "-0");
            listed = new Listed(listed).supporters();
            for (Supporter s : listed) {
                if (UsageModel.isGeneratedId(idPrefix, s.id().value())) {
                    throw InvalidArgumentException.of("listed.id", s.id(),
                            "has the form of a generated supporter id (" + idPrefix + "-<digits>)");
                }
            }
        }
    }
}
