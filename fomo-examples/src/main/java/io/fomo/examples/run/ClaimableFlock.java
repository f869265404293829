package io.fomo.examples.run;

import io.fomo.spi.AccountId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * scattered in memory. Here each account has a slot, found once per credit; a balance lives in two
 * {@code long} arrays as a 128-bit number (a long alone holds only 9.2 FLOCK of 18 decimals, which a
 * year's earner passes; all the FLOCK there is fits 90 bits) and as a {@code BigInteger} only from
 * 2<sup>127</sup>, so the daily scan for the largest reads two arrays. The numbers are the exact ones:
 * {@link ClaimableFlockProperties} checks them against a map and a sort.
 *
 * <p>An account's balance is zero until it is credited; a zero balance is not held ({@link #forEachHeld}).
 * Not thread-safe: one per run.
 */
final class ClaimableFlock {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(Long.SIZE);
    /** Balances below 2<sup>127</sup> are held in {@link #hi} and {@link #lo}. */
    private static final int WIDE_BITS = 2 * Long.SIZE - 1;

    private final HashMap<AccountId, Integer> slots = new HashMap<>();
    private AccountId[] accounts = new AccountId[64];
    /** The balance of each slot below 2<sup>127</sup> is {@code hi·2^64 + lo}, {@code lo} unsigned; 0 for one in {@link #big}. */
    private long[] hi = new long[64];
    private long[] lo = new long[64];
    /** Null, or per slot the balance when it is 2<sup>127</sup> or more (and only then). */
    private BigInteger[] big;
    private int bigCount;
    private int size;
    /**
     * The total is {@code total + pendingHi·2^64 + pendingLo} ({@code pendingLo} unsigned): credits that fit a
     * long add to the pending 128 bits first (a day credits thousands of FLOCK: past a long many times).
     */
    private BigInteger total = BigInteger.ZERO;
    private long pendingHi;
    private long pendingLo;

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
            long l = lo[s] + units;
            long h = hi[s] + (Long.compareUnsigned(l, lo[s]) < 0 ? 1 : 0);
            if (h < 0) {
                set(s, wide(hi[s], lo[s]).add(BigInteger.valueOf(units)));
            } else {
                hi[s] = h;
                lo[s] = l;
            }
        }
        long l = pendingLo + units;
        long h = pendingHi + (Long.compareUnsigned(l, pendingLo) < 0 ? 1 : 0);
        if (h < 0) {
            total = total.add(wide(pendingHi, pendingLo));
            h = 0;
            l = units;
        }
        pendingHi = h;
        pendingLo = l;
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
        set(s, balance(s).add(units));
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
        if (pendingHi != 0 || pendingLo != 0) {
            total = total.add(wide(pendingHi, pendingLo));
            pendingHi = 0;
            pendingLo = 0;
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
            // A balance from 2^127 is larger than every balance below: the largest are these first.
            List<BigInteger> large = new ArrayList<>(bigCount);
            for (int s = 0; s < size; s++) {
                if (big[s] != null) {
                    large.add(big[s]);
                }
            }
            large.sort(Comparator.reverseOrder());
            for (int i = 0; i < large.size() && rest > 0; i++, rest--) {
                sum = sum.add(large.get(i));
            }
            if (rest == 0) {
                return sum;
            }
        }
        // The rest largest 128-bit balances, kept ascending in top[0..count): most fail the first comparison.
        int k = Math.min(rest, size);
        long[] topHi = new long[k];
        long[] topLo = new long[k];
        int count = 0;
        for (int s = 0; s < size; s++) {
            long h = hi[s];
            long l = lo[s];
            if (count < k) {
                int i = count++;
                while (i > 0 && compare(topHi[i - 1], topLo[i - 1], h, l) > 0) {
                    topHi[i] = topHi[i - 1];
                    topLo[i] = topLo[i - 1];
                    i--;
                }
                topHi[i] = h;
                topLo[i] = l;
            } else if (compare(h, l, topHi[0], topLo[0]) > 0) {
                int i = 0;
                while (i + 1 < k && compare(topHi[i + 1], topLo[i + 1], h, l) < 0) {
                    topHi[i] = topHi[i + 1];
                    topLo[i] = topLo[i + 1];
                    i++;
                }
                topHi[i] = h;
                topLo[i] = l;
            }
        }
        for (int i = 0; i < count; i++) {
            sum = sum.add(wide(topHi[i], topLo[i]));
        }
        return sum;
    }

    /**
     * Visits every account holding a positive balance, in no particular order.
     *
     * @param visitor receives the account and its balance in base units
     */
    void forEachHeld(BiConsumer<AccountId, BigInteger> visitor) {
        for (int s = 0; s < size; s++) {
            BigInteger b = balance(s);
            if (b.signum() > 0) {
                visitor.accept(accounts[s], b);
            }
        }
    }

    private static int compare(long h1, long l1, long h2, long l2) {
        return h1 != h2 ? Long.compare(h1, h2) : Long.compareUnsigned(l1, l2);
    }

    private static BigInteger wide(long h, long l) {
        if (h == 0 && l >= 0) {
            return BigInteger.valueOf(l);
        }
        BigInteger low = BigInteger.valueOf(l);
        if (l < 0) {
            low = low.add(TWO_64);
        }
        return BigInteger.valueOf(h).shiftLeft(Long.SIZE).add(low);
    }

    private int slot(AccountId account) {
        Integer s = slots.get(Objects.requireNonNull(account, "account"));
        if (s != null) {
            return s;
        }
        if (size == lo.length) {
            int grown = size * 2;
            accounts = Arrays.copyOf(accounts, grown);
            hi = Arrays.copyOf(hi, grown);
            lo = Arrays.copyOf(lo, grown);
            if (big != null) {
                big = Arrays.copyOf(big, grown);
            }
        }
        accounts[size] = account;
        slots.put(account, size);
        return size++;
    }

    private BigInteger balance(int s) {
        return big != null && big[s] != null ? big[s] : wide(hi[s], lo[s]);
    }

    /** Holds a slot's balance where it belongs: in {@link #hi} and {@link #lo} below 2^127, else in {@link #big}. */
    private void set(int s, BigInteger units) {
        if (units.bitLength() <= WIDE_BITS) {
            if (big != null && big[s] != null) {
                big[s] = null;
                bigCount--;
            }
            hi[s] = units.shiftRight(Long.SIZE).longValue();
            lo[s] = units.longValue();
        } else {
            if (big == null) {
                big = new BigInteger[lo.length];
            }
            if (big[s] == null) {
                bigCount++;
            }
            big[s] = units;
            hi[s] = 0;
            lo[s] = 0;
        }
    }
}
