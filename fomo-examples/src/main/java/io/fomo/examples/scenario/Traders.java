package io.fomo.examples.scenario;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The secondary-market behaviours of one launch once its pool exists (a launch's {@code "traders"} object,
 * docs/scenarios.md, "Trader behaviours"): the launch's supporters taking profit, tier-seeking users,
 * noise traders and the issuer's vesting sales. Each part is optional; an absent part does nothing.
 *
 * @param profitTaking the supporters' profit taking, if they take profit
 * @param tierUsers    users who buy MT to reach a discount tier and stake it, if any
 * @param noise        noise traders, if any
 * @param issuerSales  the issuer's claims of vested MT and sales, if it sells
 * @param slippageBps  every swap's tolerance around its quote, 0 to 5,000
 */
public record Traders(Optional<ProfitTaking> profitTaking, Optional<TierUsers> tierUsers, Optional<Noise> noise,
        Optional<IssuerSales> issuerSales, int slippageBps) {

    /** The largest number of tier users or noise traders of one launch. */
    public static final int MAX_TRADERS = 10_000;
    /** Basis points in one. */
    public static final int BPS = 10_000;

    /**
     * Checks the parts.
     *
     * @param profitTaking the supporters' profit taking, if any
     * @param tierUsers    tier users, if any
     * @param noise        noise traders, if any
     * @param issuerSales  issuer sales, if any
     * @param slippageBps  0 to 5,000
     * @throws InvalidArgumentException if the slippage is out of range
     */
    public Traders {
        Objects.requireNonNull(profitTaking, "profitTaking");
        Objects.requireNonNull(tierUsers, "tierUsers");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(issuerSales, "issuerSales");
        if (slippageBps < 0 || slippageBps > 5_000) {
            throw InvalidArgumentException.of("slippageBps", slippageBps, "must be between 0 and 5000");
        }
    }

    /**
     * The launch's supporters (listed and generated) taking profit on the pool.
     *
     * @param multiple       the multiple of its raise price at which a supporter sells, 1 to 10^6
     * @param shareBps       the share of its MT it sells then, 1 to 10,000
     * @param probabilityBps the daily chance that a qualifying supporter sells, 0 to 10,000
     */
    public record ProfitTaking(BigDecimal multiple, int shareBps, int probabilityBps) {

        /**
         * Checks the values.
         *
         * @param multiple       1 to 10^6
         * @param shareBps       1 to 10,000
         * @param probabilityBps 0 to 10,000
         * @throws InvalidArgumentException if a value is out of range
         */
        public ProfitTaking {
            Objects.requireNonNull(multiple, "multiple");
            if (multiple.compareTo(BigDecimal.ONE) < 0 || multiple.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                throw InvalidArgumentException.of("multiple", multiple, "must be between 1 and 10^6");
            }
            bps("shareBps", shareBps, 1);
            bps("probabilityBps", probabilityBps, 0);
        }
    }

    /**
     * Users who buy MT on the pool to reach the next discount tier of the launch's pricing, and stake it.
     *
     * @param count          how many, 1 to {@value #MAX_TRADERS}, named {@code <idPrefix>-<n>}
     * @param flock          the FLOCK each receives from outside when the pool opens, positive
     * @param probabilityBps the daily chance that one climbs a tier, 0 to 10,000
     * @param idPrefix       the prefix of their account ids
     */
    public record TierUsers(int count, Amount flock, int probabilityBps, String idPrefix) {

        /**
         * Checks the values.
         *
         * @param count          1 to {@value #MAX_TRADERS}
         * @param flock          positive FLOCK
         * @param probabilityBps 0 to 10,000
         * @param idPrefix       an account id prefix
         * @throws InvalidArgumentException if a value is out of range
         */
        public TierUsers {
            countRange("count", count);
            positiveFlock("flock", flock);
            bps("probabilityBps", probabilityBps, 0);
            Objects.requireNonNull(idPrefix, "idPrefix");
        }
    }

    /**
     * Noise traders buying or selling a seeded FLOCK value each day; each holds {@code 2 × dailyFlock} of
     * FLOCK at the start of every day (topped up from outside), and the MT it bought.
     *
     * @param count       how many, 1 to {@value #MAX_TRADERS}, named {@code <idPrefix>-<n>}
     * @param dailyFlock  the mean value of a trade, positive FLOCK
     * @param activityBps the daily chance that one trades, 0 to 10,000
     * @param idPrefix    the prefix of their account ids
     */
    public record Noise(int count, Amount dailyFlock, int activityBps, String idPrefix) {

        /**
         * Checks the values.
         *
         * @param count       1 to {@value #MAX_TRADERS}
         * @param dailyFlock  positive FLOCK
         * @param activityBps 0 to 10,000
         * @param idPrefix    an account id prefix
         * @throws InvalidArgumentException if a value is out of range
         */
        public Noise {
            countRange("count", count);
            positiveFlock("dailyFlock", dailyFlock);
            bps("activityBps", activityBps, 0);
            Objects.requireNonNull(idPrefix, "idPrefix");
        }
    }

    /**
     * The issuer claiming its vested MT every {@code everyDays} days once graduated, and selling a share of
     * what it claimed on the pool.
     *
     * @param everyDays the days between two claims, 1 to {@value Scenario#MAX_DAYS}
     * @param shareBps  the share of each claim sold, 0 to 10,000 (0 claims and holds)
     */
    public record IssuerSales(int everyDays, int shareBps) {

        /**
         * Checks the values.
         *
         * @param everyDays 1 to {@value Scenario#MAX_DAYS}
         * @param shareBps  0 to 10,000
         * @throws InvalidArgumentException if a value is out of range
         */
        public IssuerSales {
            if (everyDays < 1 || everyDays > Scenario.MAX_DAYS) {
                throw InvalidArgumentException.of("everyDays", everyDays, "must be from 1 to " + Scenario.MAX_DAYS);
            }
            bps("shareBps", shareBps, 0);
        }
    }

    private static void bps(String field, int v, int min) {
        if (v < min || v > BPS) {
            throw InvalidArgumentException.of(field, v, "must be between " + min + " and " + BPS);
        }
    }

    private static void countRange(String field, int v) {
        if (v < 1 || v > MAX_TRADERS) {
            throw InvalidArgumentException.of(field, v, "must be from 1 to " + MAX_TRADERS);
        }
    }

    private static void positiveFlock(String field, Amount a) {
        Objects.requireNonNull(a, field);
        if (!a.asset().equals(Asset.FLOCK) || !a.isPositive()) {
            throw InvalidArgumentException.of(field, a, "must be a positive amount of FLOCK");
        }
    }
}
