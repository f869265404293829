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
 * Who uses the deployment once it is live, and how much they spend. Usage days count from the day the
 * deployment goes live (usage day 0).
 *
 * <p>On usage day {@code k} the population is {@code n(k)} users named {@code <idPrefix>-<i>} (zero-padded
 * to the width of {@code maxCount − 1}): {@code n(0) = count}, and with a growth of {@code g} ppm a day the
 * population, kept in millionths of a user, grows by {@code floor(pop·g/10^6)} each day up to
 * {@code maxCount}. Each user draws, in index order from that day's seeded stream, an activity number
 * {@code a} in {@code [0, 10^6)} and a spend {@code s} in {@code [minDailySpend, maxDailySpend]} (uniform
 * over USD micro-units); the user pays {@code s} that day when {@code a < activePpm} and {@code s > 0}.
 * Whales spend a fixed amount on the days of their range, each with its own activity draw. Everything is
 * integer arithmetic on the seed: the same seed gives the same spends on every JVM.
 *
 * @param count         users on usage day 0, 0 to {@link #MAX_USERS}
 * @param minDailySpend the least a user spends on an active day, USD
 * @param maxDailySpend the most a user spends on an active day, USD, not below the minimum
 * @param activePpm     the chance that a user is active on a day, in millionths (10^6 = always)
 * @param growthPpm     the population's daily growth, in millionths (0 = constant)
 * @param maxCount      the cap on the population, not below {@code count}, at most {@link #MAX_USERS}
 * @param idPrefix      the prefix of generated user ids
 * @param whales        big users with a fixed daily spend, ids distinct and not of the generated form
 */
public record UsageModel(int count, Amount minDailySpend, Amount maxDailySpend, int activePpm, int growthPpm,
        int maxCount, String idPrefix, List<Whale> whales) {

    /** The largest population. */
    public static final int MAX_USERS = 100_000;
    /** The largest population times days a scenario may ask for (a year of 10,000 users is 3,650,000). */
    public static final long MAX_USER_DAYS = 5_000_000;
    /** One million: probabilities and growth rates are in millionths. */
    public static final int PPM = 1_000_000;

    /**
     * A big user with a fixed spend.
     *
     * @param id         the whale's account
     * @param dailySpend what it spends on an active day, USD, positive
     * @param fromDay    the first usage day it spends, not negative
     * @param toDay      the last usage day it spends, not before {@code fromDay}
     * @param activePpm  the chance that it is active on a day in its range, in millionths
     */
    public record Whale(AccountId id, Amount dailySpend, int fromDay, int toDay, int activePpm) {

        /**
         * Checks the whale.
         *
         * @param id the whale's account
         * @param dailySpend what it spends on an active day, USD, positive
         * @param fromDay the first usage day it spends, not negative
         * @param toDay the last usage day it spends, not before {@code fromDay}
         * @param activePpm the chance that a user is active on a day, in millionths (10^6 = always)
         * @throws InvalidArgumentException if a value is out of range
         */
        public Whale {
            Objects.requireNonNull(id, "id");
            usd("dailySpendUsd", dailySpend);
            if (!dailySpend.isPositive()) {
                throw InvalidArgumentException.of("dailySpendUsd", dailySpend, "must be positive");
            }
            if (fromDay < 0 || toDay < fromDay) {
                throw InvalidArgumentException.of("toDay", toDay, "needs 0 <= fromDay (" + fromDay + ") <= toDay");
            }
            ppm("activeProbability", activePpm);
        }
    }

    /**
     * Checks the model.
     *
     * @param count users on usage day 0, 0 to {@link #MAX_USERS}
     * @param minDailySpend the least a user spends on an active day, USD
     * @param maxDailySpend the most a user spends on an active day, USD, not below the minimum
     * @param activePpm the chance that it is active on a day in its range, in millionths
     * @param growthPpm the population's daily growth, in millionths (0 = constant)
     * @param maxCount the cap on the population, not below {@code count}, at most {@link #MAX_USERS}
     * @param idPrefix the prefix of generated user ids
     * @param whales big users with a fixed daily spend, ids distinct and not of the generated form
     * @throws InvalidArgumentException if a value is out of range, or a whale's id repeats or has the form
     *                                  of a generated id
     */
    public UsageModel {
        if (count < 0 || count > MAX_USERS) {
            throw InvalidArgumentException.of("count", count, "must be from 0 to " + MAX_USERS);
        }
        usd("dailySpendUsd.min", minDailySpend);
        usd("dailySpendUsd.max", maxDailySpend);
        if (maxDailySpend.isLessThan(minDailySpend) || !maxDailySpend.isPositive()) {
            throw InvalidArgumentException.of("dailySpendUsd.max", maxDailySpend,
                    "must be positive and not below the minimum " + minDailySpend);
        }
        ppm("activeProbability", activePpm);
        ppm("growthPerDay", growthPpm);
        if (maxCount < count || maxCount > MAX_USERS) {
            throw InvalidArgumentException.of("maxCount", maxCount, "must be from count (" + count + ") to " + MAX_USERS);
        }
        Objects.requireNonNull(idPrefix, "idPrefix");
        AccountId.of(idPrefix + "-0");
        whales = List.copyOf(whales);
        Set<AccountId> seen = new HashSet<>();
        for (Whale w : whales) {
            if (!seen.add(w.id())) {
                throw InvalidArgumentException.of("whales.id", w.id(), "appears twice");
            }
            if (isGeneratedId(idPrefix, w.id().value())) {
                throw InvalidArgumentException.of("whales.id", w.id(),
                        "has the form of a generated user id (" + idPrefix + "-<digits>); choose another");
            }
        }
    }

    /**
     * Returns the id of the generated user with an index.
     *
     * @param index the index, from 0 to {@code maxCount − 1}
     * @return {@code <idPrefix>-<index>}, zero-padded to the width of {@code maxCount − 1}
     */
    public AccountId userId(int index) {
        int width = Integer.toString(Math.max(maxCount - 1, 0)).length();
        StringBuilder digits = new StringBuilder(Integer.toString(index));
        while (digits.length() < width) {
            digits.insert(0, '0');
        }
        return AccountId.of(idPrefix + "-" + digits);
    }

    static boolean isGeneratedId(String prefix, String id) {
        if (!id.startsWith(prefix + "-") || id.length() == prefix.length() + 1) {
            return false;
        }
        for (int i = prefix.length() + 1; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static void usd(String field, Amount a) {
        Objects.requireNonNull(a, field);
        if (!a.asset().equals(Asset.USD)) {
            throw InvalidArgumentException.of(field, a, "must be USD");
        }
    }

    private static void ppm(String field, int v) {
        if (v < 0 || v > PPM) {
            throw InvalidArgumentException.of(field, v + " ppm", "must be from 0 to " + PPM + " ppm");
        }
    }
}
