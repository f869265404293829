package io.fomo.examples.report;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * How concentrated rewards are: the share held by the largest earners, the ranking of earners, and
 * the Lorenz curve. Exact integer arithmetic on base units; ratios are rounded DOWN once.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class RewardStats {

    private RewardStats() {
    }

    /**
     * Returns the share of the total held by the {@code n} largest amounts.
     *
     * @param rewards the amounts, one per earner, all of one asset
     * @param n       how many of the largest to count, positive
     * @return 0 to 1, rounded DOWN to {@value DailyRow#SHARE_SCALE} decimals; 0 when the total is zero
     * @throws InvalidArgumentException if {@code n} is not positive
     */
    public static BigDecimal topShare(Collection<Amount> rewards, int n) {
        Objects.requireNonNull(rewards, "rewards");
        if (n < 1) {
            throw InvalidArgumentException.of("n", n, "must be positive");
        }
        BigInteger total = BigInteger.ZERO;
        List<BigInteger> units = new ArrayList<>(rewards.size());
        for (Amount a : rewards) {
            units.add(a.units());
            total = total.add(a.units());
        }
        return share(largestSum(units, n), total);
    }

    /**
     * Returns the sum of the {@code n} largest of some amounts in base units (all of them if there are
     * {@code n} or fewer).
     *
     * @param units the amounts in base units, none negative
     * @param n     how many of the largest to add up, positive
     * @return the sum
     * @throws InvalidArgumentException if {@code n} is not positive
     */
    public static BigInteger largestSum(Iterable<BigInteger> units, int n) {
        Objects.requireNonNull(units, "units");
        if (n < 1) {
            throw InvalidArgumentException.of("n", n, "must be positive");
        }
        // The n largest in a min-heap of at most n (run daily over every earner: no full sort).
        PriorityQueue<BigInteger> largest = new PriorityQueue<>();
        for (BigInteger u : units) {
            if (largest.size() < n) {
                largest.add(u);
            } else if (u.compareTo(largest.peek()) > 0) {
                largest.poll();
                largest.add(u);
            }
        }
        BigInteger top = BigInteger.ZERO;
        for (BigInteger u : largest) {
            top = top.add(u);
        }
        return top;
    }

    /**
     * Returns a part's share of a total.
     *
     * @param part  the part, not negative and at most the total
     * @param total the total, not negative
     * @return 0 to 1, rounded DOWN to {@value DailyRow#SHARE_SCALE} decimals; 0 when the total is zero
     * @throws InvalidArgumentException if the part is negative or above the total
     */
    public static BigDecimal share(BigInteger part, BigInteger total) {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(total, "total");
        if (part.signum() < 0 || part.compareTo(total) > 0) {
            throw InvalidArgumentException.of("part", part, "must be from 0 to the total " + total);
        }
        if (total.signum() == 0) {
            return BigDecimal.ZERO.setScale(DailyRow.SHARE_SCALE);
        }
        return new BigDecimal(part).divide(new BigDecimal(total), DailyRow.SHARE_SCALE, RoundingMode.DOWN);
    }

    /**
     * Returns the earners ranked by amount, largest first (ties: by account id).
     *
     * @param rewards the amount of each earner
     * @param limit   the most entries to return, not negative
     * @return at most {@code limit} entries
     * @throws InvalidArgumentException if {@code limit} is negative
     */
    public static List<Map.Entry<AccountId, Amount>> ranking(Map<AccountId, Amount> rewards, int limit) {
        Objects.requireNonNull(rewards, "rewards");
        if (limit < 0) {
            throw InvalidArgumentException.of("limit", limit, "must not be negative");
        }
        List<Map.Entry<AccountId, Amount>> entries = new ArrayList<>(rewards.entrySet());
        entries.sort(Comparator.<Map.Entry<AccountId, Amount>, BigInteger>comparing(e -> e.getValue().units())
                .reversed().thenComparing(e -> e.getKey().value()));
        return List.copyOf(entries.subList(0, Math.min(limit, entries.size())));
    }

    /**
     * Returns the Lorenz curve: for {@code k = 0..points}, the share of the total held by the poorest
     * {@code floor(N·k/points)} earners.
     *
     * @param rewards the amounts, one per earner
     * @param points  the number of steps, positive
     * @return {@code points + 1} shares from 0 to 1, rounded DOWN to {@value DailyRow#SHARE_SCALE}
     *         decimals (all zero when the total is zero)
     * @throws InvalidArgumentException if {@code points} is not positive
     */
    public static List<BigDecimal> lorenz(Collection<Amount> rewards, int points) {
        Objects.requireNonNull(rewards, "rewards");
        if (points < 1) {
            throw InvalidArgumentException.of("points", points, "must be positive");
        }
        List<BigInteger> units = new ArrayList<>();
        for (Amount a : rewards) {
            units.add(a.units());
        }
        units.sort(Comparator.naturalOrder());
        BigInteger[] prefix = new BigInteger[units.size() + 1];
        prefix[0] = BigInteger.ZERO;
        for (int i = 0; i < units.size(); i++) {
            prefix[i + 1] = prefix[i].add(units.get(i));
        }
        BigInteger total = prefix[units.size()];
        List<BigDecimal> out = new ArrayList<>(points + 1);
        for (int k = 0; k <= points; k++) {
            int count = (int) ((long) units.size() * k / points);
            out.add(total.signum() == 0 ? BigDecimal.ZERO.setScale(DailyRow.SHARE_SCALE)
                    : new BigDecimal(prefix[count]).divide(new BigDecimal(total), DailyRow.SHARE_SCALE, RoundingMode.DOWN));
        }
        return out;
    }
}
