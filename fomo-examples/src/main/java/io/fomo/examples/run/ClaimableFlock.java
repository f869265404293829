package io.fomo.examples.run;

import io.fomo.spi.AccountId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The claimable FLOCK of every account a run has credited, in base units, with their total and the sum of
 * the largest balances: what the daily rows' top-10 reward share needs, kept by change (a close credits,
 * a claim sets) instead of asking the engine for every earner's balance every day.
 *
 * <p>A run credits every earner every day, and every day sums the ten largest of some ten thousand
 * balances; a map of {@code BigInteger}s made two numbers per credit and a heap pass over boxed numbers
 * scattered in memory. Here each account has a slot, found once per credit; a balance lives in a
 * {@code long} array while it fits one (a long holds over 9 FLOCK of 18 decimals) and as a
 * {@code BigInteger} only past that, so the daily scan for the largest reads one array. The numbers are
 * the exact ones: {@link ClaimableFlockProperties} checks them against a map and a sort.
 *
 * <p>An account's balance is zero until it is credited; a zero balance is not held ({@link #forEachHeld}).
 * Not thread-safe: one per run.
 */
final class ClaimableFlock {

    private final HashMap<AccountId, Integer> slots = new HashMap<>();
    private AccountId[] accounts = new AccountId[64];
    /** The balance of each slot while it fits a long; 0 for a slot held in {@link #big}. */
    private long[] small = new long[64];
    /** Null, or per slot the balance when it is past a long (and only then: a set that fits moves it back). */
    private BigInteger[] big;
    private int bigCount;
    private int size;
    /** The total is {@code total + pending}: credits that fit a long add to {@code pending} first. */
    private BigInteger total = BigInteger.ZERO;
    private long pending;

    /**
     * Adds a credit to an account's balance.
     *
     * @param account the account
     * @param units   the credit in base units, not negative; zero changes nothing (and makes no slot)
     */
    void credit(AccountId account, long units) {
        if (units <= 0) {
            if (units < 0) {
                throw InvalidArgumentException.of("units", units, "must not be negative");
            }
            return;
        }
        int s = slot(account);
        if (big != null && big[s] != null) {
            big[s] = big[s].add(BigInteger.valueOf(units));
        } else {
            long sum = small[s] + units;
            if (sum < 0) {
                promote(s, BigInteger.valueOf(small[s]).add(BigInteger.valueOf(units)));
            } else {
                small[s] = sum;
            }
        }
        long p = pending + units;
        if (p < 0) {
            total = total.add(BigInteger.valueOf(pending));
            p = units;
        }
        pending = p;
    }

    /**
     * Adds a credit to an account's balance.
     *
     * @param account the account
     * @param units   the credit in base units, not negative; zero changes nothing (and makes no slot)
     */
    void credit(AccountId account, BigInteger units) {
        Objects.requireNonNull(units, "units");
        if (units.bitLength() < Long.SIZE) {
            credit(account, units.longValue());
            return;
        }
        if (units.signum() < 0) {
            throw InvalidArgumentException.of("units", units, "must not be negative");
        }
        int s = slot(account);
        BigInteger now = balance(s).add(units);
        set(s, now);
        total = total.add(units);
    }

    /**
     * Sets an account's balance (after it claimed: the engine's word for what it still has).
     *
     * @param account the account
     * @param units   the balance in base units, not negative
     */
    void set(AccountId account, BigInteger units) {
        Objects.requireNonNull(units, "units");
        if (units.signum() < 0) {
            throw InvalidArgumentException.of("units", units, "must not be negative");
        }
        Integer known = slots.get(Objects.requireNonNull(account, "account"));
        if (known == null && units.signum() == 0) {
            return;
        }
        int s = known == null ? slot(account) : known;
        BigInteger before = balance(s);
        set(s, units);
        total = total.add(units).subtract(before);
    }

    /**
     * Returns an account's balance.
     *
     * @param account the account
     * @return the balance in base units, zero if never credited
     */
    BigInteger balance(AccountId account) {
        Integer s = slots.get(Objects.requireNonNull(account, "account"));
        return s == null ? BigInteger.ZERO : balance(s);
    }

    /**
     * Returns the sum of every balance.
     *
     * @return the total in base units
     */
    BigInteger total() {
        if (pending != 0) {
            total = total.add(BigInteger.valueOf(pending));
            pending = 0;
        }
        return total;
    }

    /**
     * Returns the sum of the {@code n} largest balances (of all of them if there are {@code n} or fewer), as
     * {@link io.fomo.examples.report.RewardStats#largestSum} over the balances would: equal balances count
     * as many times as they are held, zero balances add nothing.
     *
     * @param n how many of the largest to add up, positive
     * @return the sum in base units
     * @throws InvalidArgumentException if {@code n} is not positive
     */
    BigInteger largestSum(int n) {
        if (n < 1) {
            throw InvalidArgumentException.of("n", n, "must be positive");
        }
        BigInteger sum = BigInteger.ZERO;
        int rest = n;
        if (bigCount > 0) {
            // A balance past a long is larger than every balance in one: the largest are these first.
            List<BigInteger> large = new ArrayList<>(bigCount);
            for (int s = 0; s < size; s++) {
                if (big[s] != null) {
                    large.add(big[s]);
                }
            }
            large.sort(java.util.Comparator.reverseOrder());
            for (int i = 0; i < large.size() && rest > 0; i++, rest--) {
                sum = sum.add(large.get(i));
            }
            if (rest == 0) {
                return sum;
            }
        }
        // The rest largest longs, kept ascending in top[0..count): most balances fail the first comparison.
        long[] top = new long[Math.min(rest, size)];
        int count = 0;
        for (int s = 0; s < size; s++) {
            long v = small[s];
            if (count < top.length) {
                int i = count++;
                while (i > 0 && top[i - 1] > v) {
                    top[i] = top[i - 1];
                    i--;
                }
                top[i] = v;
            } else if (v > top[0]) {
                int i = 0;
                while (i + 1 < top.length && top[i + 1] < v) {
                    top[i] = top[i + 1];
                    i++;
                }
                top[i] = v;
            }
        }
        long acc = 0;
        for (int i = 0; i < count; i++) {
            long a = acc + top[i];
            if (a < 0) {
                sum = sum.add(BigInteger.valueOf(acc));
                a = top[i];
            }
            acc = a;
        }
        return sum.add(BigInteger.valueOf(acc));
    }

    /**
     * Visits every account holding a positive balance, in no particular order.
     *
     * @param visitor receives the account and its balance in base units
     */
    void forEachHeld(BiConsumer<AccountId, BigInteger> visitor) {
        for (int s = 0; s < size; s++) {
            if (big != null && big[s] != null) {
                visitor.accept(accounts[s], big[s]);
            } else if (small[s] != 0) {
                visitor.accept(accounts[s], BigInteger.valueOf(small[s]));
            }
        }
    }

    private int slot(AccountId account) {
        Integer s = slots.get(Objects.requireNonNull(account, "account"));
        if (s != null) {
            return s;
        }
        if (size == small.length) {
            int grown = size * 2;
            accounts = Arrays.copyOf(accounts, grown);
            small = Arrays.copyOf(small, grown);
            if (big != null) {
                big = Arrays.copyOf(big, grown);
            }
        }
        accounts[size] = account;
        slots.put(account, size);
        return size++;
    }

    private BigInteger balance(int s) {
        return big != null && big[s] != null ? big[s] : BigInteger.valueOf(small[s]);
    }

    /** Holds a slot's balance where it belongs: in {@link #small} if it fits a long, else in {@link #big}. */
    private void set(int s, BigInteger units) {
        if (units.bitLength() < Long.SIZE) {
            if (big != null && big[s] != null) {
                big[s] = null;
                bigCount--;
            }
            small[s] = units.longValue();
        } else {
            promote(s, units);
        }
    }

    private void promote(int s, BigInteger units) {
        if (big == null) {
            big = new BigInteger[small.length];
        }
        if (big[s] == null) {
            bigCount++;
        }
        big[s] = units;
        small[s] = 0;
    }
}
