package io.fomo.examples.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.examples.report.RewardStats;
import io.fomo.spi.AccountId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * {@link ClaimableFlock} against the plain way it replaces: a map of {@code BigInteger} balances (a credit
 * merges a positive payout, a claim puts the engine's balance or removes a zero one) and the sum of the
 * largest by sorting every balance. Few accounts and clustered values make ties and equal balances
 * common; values around {@code Long.MAX_VALUE}, 2<sup>64</sup> and 2<sup>127</sup> take the carries between
 * the two longs of a balance and the paths past 128 bits, and back.
 */
class ClaimableFlockProperties {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    enum Kind { CREDIT_LONG, CREDIT_BIG, SET }

    record Op(Kind kind, int account, BigInteger units) {
    }

    @Provide
    Arbitrary<BigInteger> units() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(5)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1_000_000_000_000_000_000L)),
                Arbitraries.longs().between(0, 4).map(d -> LONG_MAX.subtract(BigInteger.valueOf(d))),
                Arbitraries.longs().between(0, 4).map(d -> BigInteger.valueOf(Long.MAX_VALUE / 2 + d)),
                Arbitraries.longs().between(1, 4).map(d -> LONG_MAX.add(BigInteger.valueOf(d))),
                Arbitraries.longs().between(-4, 4).map(d -> BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(d))),
                Arbitraries.longs().between(-4, 4).map(d -> BigInteger.ONE.shiftLeft(127).add(BigInteger.valueOf(d))),
                Arbitraries.longs().between(1, 4).map(d -> BigInteger.ONE.shiftLeft(126).subtract(BigInteger.valueOf(d))),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(130)));
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 7),
                units()).as(Op::new);
        return op.list().ofMinSize(0).ofMaxSize(60);
    }

    private static AccountId account(int i) {
        return AccountId.of("acct-" + i);
    }

    private static BigInteger sortedSum(TreeMap<AccountId, BigInteger> model, int n) {
        List<BigInteger> all = new ArrayList<>(model.values());
        all.sort(Comparator.reverseOrder());
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < Math.min(n, all.size()); i++) {
            sum = sum.add(all.get(i));
        }
        return sum;
    }

    @Property(tries = 1_000)
    void balancesTotalAndLargestSumAreTheMapsAndTheSorts(@ForAll("ops") List<Op> ops) {
        ClaimableFlock book = new ClaimableFlock();
        TreeMap<AccountId, BigInteger> model = new TreeMap<>();
        for (Op op : ops) {
            AccountId a = account(op.account());
            BigInteger u = op.units();
            switch (op.kind()) {
                case CREDIT_LONG -> {
                    if (u.bitLength() < Long.SIZE) {
                        book.credit(a, u.longValueExact());
                    } else {
                        book.credit(a, u);
                    }
                    if (u.signum() > 0) {
                        model.merge(a, u, BigInteger::add);
                    }
                }
                case CREDIT_BIG -> {
                    book.credit(a, u);
                    if (u.signum() > 0) {
                        model.merge(a, u, BigInteger::add);
                    }
                }
                case SET -> {
                    book.set(a, u);
                    if (u.signum() == 0) {
                        model.remove(a);
                    } else {
                        model.put(a, u);
                    }
                }
                default -> throw new IllegalStateException(op.toString());
            }
            BigInteger total = model.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
            assertEquals(total, book.total(), "total after " + op);
            for (int n = 1; n <= 10; n++) {
                assertEquals(sortedSum(model, n), book.largestSum(n), "largest " + n + " after " + op);
            }
            assertEquals(RewardStats.largestSum(model.values(), 3), book.largestSum(3));
            for (int i = 0; i < 8; i++) {
                assertEquals(model.getOrDefault(account(i), BigInteger.ZERO), book.balance(account(i)));
            }
        }
        TreeMap<AccountId, BigInteger> held = new TreeMap<>();
        book.forEachHeld(held::put);
        assertEquals(model, held, "held: the positive balances");
    }

    @Property(tries = 100)
    void equalBalancesCountAsOftenAsTheyAreHeld(@ForAll @Size(min = 1, max = 30) List<Long> repeats) {
        ClaimableFlock book = new ClaimableFlock();
        int k = 0;
        for (long r : repeats) {
            book.credit(account(k++), Math.floorMod(r, 3) + 7);
        }
        List<BigInteger> values = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            values.add(book.balance(account(i)));
        }
        for (int n = 1; n <= k + 2; n++) {
            assertEquals(RewardStats.largestSum(values, n), book.largestSum(n));
        }
    }

    @Property(tries = 10)
    void negativeUnitsAndANonPositiveCountAreRefused(@ForAll("units") BigInteger u) {
        ClaimableFlock book = new ClaimableFlock();
        BigInteger negative = u.negate().subtract(BigInteger.ONE);
        assertThrows(InvalidArgumentException.class, () -> book.credit(account(0), negative));
        assertThrows(InvalidArgumentException.class, () -> book.set(account(0), negative));
        assertThrows(InvalidArgumentException.class, () -> book.credit(account(0), -1L));
        assertThrows(InvalidArgumentException.class, () -> book.largestSum(0));
        assertEquals(BigInteger.ZERO, book.total());
    }
}
