package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import io.fomo.core.internal.IntegerRoots;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of epoch close against the general path and the JDK: {@link IntegerRoots} against
 * {@link BigInteger#sqrt()}, {@link StakingFactor.FloorCurve} against {@link StakingFactor#scaled}, the
 * one-division form of {@code floorScaled} against the form it replaced (root of {@code c·a·b}, then
 * divided by {@code b}), {@link PayoutArray} against an array of {@link BigInteger} sums, and the
 * counting sorts of {@link EpochUsage.Builder#build()} against a sorted map of the pairs.
 */
class FastPathProperties {

    @Provide
    Arbitrary<BigInteger> anySize() {
        return Arbitraries.integers().between(0, 700)
                .flatMap(bits -> Arbitraries.bigIntegers().between(BigInteger.ZERO,
                        BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)));
    }

    @Property(tries = 2_000)
    void floorSqrtIsTheJdkRoot(@ForAll("anySize") BigInteger n) {
        assertEquals(n.sqrt(), IntegerRoots.floorSqrt(n));
        assertArrayEquals(n.sqrtAndRemainder(), IntegerRoots.floorSqrtAndRemainder(n));
    }

    @Property(tries = 1_000)
    void floorSqrtAroundPerfectSquares(@ForAll("anySize") BigInteger r) {
        BigInteger square = r.multiply(r);
        assertEquals(r, IntegerRoots.floorSqrt(square));
        assertEquals(r, IntegerRoots.floorSqrt(square.add(r).add(r)), "(r+1)² − 1");
        if (r.signum() > 0) {
            assertEquals(r.subtract(BigInteger.ONE), IntegerRoots.floorSqrt(square.subtract(BigInteger.ONE)));
        }
    }

    @Property(tries = 1_000)
    void floorSqrtOfALong(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long v) {
        assertEquals(BigInteger.valueOf(v).sqrt().longValueExact(), IntegerRoots.floorSqrt(v));
    }

    @Test
    void floorSqrtRejectsANegativeNumber() {
        assertThrows(ArithmeticException.class, () -> IntegerRoots.floorSqrt(BigInteger.valueOf(-1)));
    }

    @Provide
    Arbitrary<BigDecimal> alphas() {
        return Arbitraries.integers().between(0, 8).flatMap(scale -> Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.TEN.pow(scale)).map(u -> new BigDecimal(u, scale)));
    }

    @Provide
    Arbitrary<BigInteger> stakes() {
        return Arbitraries.integers().between(0, 30)
                .flatMap(digits -> Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(digits)));
    }

    @Property(tries = 1_000)
    void floorCurveIsTheFactorRoundedDown(@ForAll("alphas") BigDecimal alpha, @ForAll("stakes") BigInteger stake,
            @ForAll("stakes") BigInteger others, @ForAll @IntRange(min = 0, max = 60) int scale) {
        BigDecimal a = StakingFactor.strip(alpha);
        BigInteger total = stake.add(others).subtract(BigInteger.ONE);
        StakingFactor.FloorCurve curve = StakingFactor.FloorCurve.of(a, scale);
        if (Math.max(0, a.scale()) > scale) {
            assertNull(curve);
            return;
        }
        BigInteger general = StakingFactor.scaled(a, stake, total, scale, RoundingMode.DOWN);
        assertEquals(general, curve.at(stake, total));
        assertEquals(replacedForm(a, stake, total, scale), curve.at(stake, total));
        assertEquals(StakingFactor.scaled(a, BigInteger.ZERO, total, scale, RoundingMode.DOWN), curve.unstaked());
    }

    @Property(tries = 1_000)
    void oneDivisionFormIsTheReplacedForm(@ForAll("alphas") BigDecimal alpha, @ForAll("stakes") BigInteger stake,
            @ForAll("stakes") BigInteger others, @ForAll @IntRange(min = 0, max = 60) int extra) {
        BigDecimal a = StakingFactor.strip(alpha);
        BigInteger total = stake.add(others).subtract(BigInteger.ONE);
        int k = Math.max(0, a.scale()) + extra;
        assertArrayEquals(replacedFloorScaled(a, stake, total, k), StakingFactor.floorScaled(a, stake, total, k));
    }

    /** One step of filling a payout array: add {@code units} to entry {@code i}, as a long or not. */
    record Step(int i, BigInteger units, boolean asLong, boolean fromOther) {
    }

    @Provide
    Arbitrary<List<Step>> payoutSteps() {
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        Arbitrary<BigInteger> units = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1_000)),
                Arbitraries.bigIntegers().between(max.shiftRight(2), max),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30)));
        return Combinators.combine(Arbitraries.integers().between(0, 4), units, Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Step::new).list().ofMaxSize(40);
    }

    @Property(tries = 500)
    void payoutArrayHoldsExactSums(@ForAll("payoutSteps") List<Step> steps) {
        PayoutArray a = new PayoutArray(5);
        PayoutArray other = new PayoutArray(5);
        BigInteger[] model = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        BigInteger[] otherModel = model.clone();
        for (Step s : steps) {
            if (s.fromOther()) {
                other.add(s.i(), s.units());
                otherModel[s.i()] = otherModel[s.i()].add(s.units());
                a.addFrom(4 - s.i(), other, s.i());
                model[4 - s.i()] = model[4 - s.i()].add(otherModel[s.i()]);
            } else if (s.asLong() && s.units().bitLength() < Long.SIZE) {
                a.add(s.i(), s.units().longValueExact());
                model[s.i()] = model[s.i()].add(s.units());
            } else {
                a.add(s.i(), s.units());
                model[s.i()] = model[s.i()].add(s.units());
            }
        }
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < 5; i++) {
            assertEquals(model[i], a.get(i), "entry " + i);
            if (a.fitsLong(i)) {
                assertEquals(model[i], BigInteger.valueOf(a.longAt(i)), "long entry " + i);
            } else {
                assertTrue(model[i].bitLength() >= Long.SIZE - 1, "promoted entry " + i + " fits a long: " + model[i]);
            }
            total = total.add(model[i]);
        }
        assertEquals(total, a.sum());
        assertEquals(5, a.size());
    }

    /** A pair to add: deployment and user numbers, spend and stake units. */
    record PairInput(int deployment, int user, long spend, long stake) {
    }

    @Provide
    Arbitrary<List<PairInput>> pairInputs() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 40),
                Arbitraries.longs().between(0, 1_000), Arbitraries.longs().between(0, 1_000))
                .as(PairInput::new).list().uniqueElements(p -> List.of(p.deployment(), p.user())).ofMaxSize(120);
    }

    private static EpochUsage.Builder builderOf(List<PairInput> inputs) {
        EpochUsage.Builder b = EpochUsage.builder(Asset.USD, Asset.FLOCK);
        for (int d = 4; d >= 0; d--) {
            b.deployment(dep(d), Amount.ofUnits(Asset.USD, 1));
        }
        for (PairInput p : inputs) {
            DeploymentId d = dep(p.deployment());
            b.usage(d, AccountId.of("user-" + p.user()), Amount.ofUnits(Asset.USD, p.spend()),
                    Amount.ofUnits(Asset.modelToken(d), p.stake()));
        }
        return b;
    }

    @Property(tries = 300)
    void buildOrdersPairsByDeploymentThenAccount(@ForAll("pairInputs") List<PairInput> inputs) {
        // Reference: a sorted map keyed by deployment, then account.
        TreeMap<DeploymentId, TreeMap<AccountId, long[]>> expected = new TreeMap<>();
        for (PairInput p : inputs) {
            expected.computeIfAbsent(dep(p.deployment()), x -> new TreeMap<>())
                    .put(AccountId.of("user-" + p.user()), new long[] {p.spend(), p.stake()});
        }
        EpochUsage usage = builderOf(inputs).build();
        List<AccountId> users = new ArrayList<>(new java.util.TreeSet<>(
                expected.values().stream().flatMap(m -> m.keySet().stream()).toList()));
        assertEquals(users, usage.users());
        assertEquals(List.of(dep(0), dep(1), dep(2), dep(3), dep(4)), usage.deployments());
        assertEquals(inputs.size(), usage.pairCount());
        for (int d = 0; d < 5; d++) {
            Map<AccountId, long[]> slice = expected.getOrDefault(dep(d), new TreeMap<>());
            int i = usage.offset[d];
            assertEquals(slice.size(), usage.offset[d + 1] - i);
            for (Map.Entry<AccountId, long[]> e : slice.entrySet()) {
                assertEquals(e.getKey(), usage.account[i]);
                assertEquals(users.indexOf(e.getKey()), usage.userRank[i]);
                assertEquals(BigInteger.valueOf(e.getValue()[0]), usage.spend[i]);
                assertEquals(BigInteger.valueOf(e.getValue()[1]), usage.stake[i]);
                i++;
            }
        }
    }

    @Property(tries = 100)
    void buildRejectsARepeatedPair(@ForAll("pairInputs") List<PairInput> inputs, @ForAll int pick) {
        if (inputs.isEmpty()) {
            return;
        }
        List<PairInput> withRepeat = new ArrayList<>(inputs);
        PairInput p = inputs.get(Math.floorMod(pick, inputs.size()));
        withRepeat.add(Math.floorMod(pick, withRepeat.size() + 1),
                new PairInput(p.deployment(), p.user(), p.spend() + 1, p.stake()));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, builderOf(withRepeat)::build);
        assertEquals("usage = model-" + p.deployment() + "/user-" + p.user()
                + ": the (deployment, user) pair was added twice", e.getMessage());
    }

    private static DeploymentId dep(int d) {
        return DeploymentId.of("model-" + d);
    }

    /** The floor at {@code k} decimals and the inexact flag, as computed before the one-division form. */
    private static BigInteger[] replacedFloorScaled(BigDecimal alpha, BigInteger a, BigInteger b, int k) {
        int sa = Math.max(0, alpha.scale());
        BigInteger an = alpha.setScale(k).unscaledValue();
        BigInteger bn = BigDecimal.ONE.subtract(alpha).setScale(sa).unscaledValue();
        if (a.signum() == 0 || bn.signum() == 0) {
            return new BigInteger[] {an, BigInteger.ZERO};
        }
        BigInteger m = bn.multiply(bn).multiply(a).multiply(b).multiply(BigInteger.TEN.pow(2 * (k - sa)));
        BigInteger[] rootRem = m.sqrtAndRemainder();
        BigInteger[] qr = rootRem[0].divideAndRemainder(b);
        boolean inexact = rootRem[1].signum() != 0 || qr[1].signum() != 0;
        return new BigInteger[] {an.add(qr[0]), inexact ? BigInteger.ONE : BigInteger.ZERO};
    }

    /** The factor at {@code scale} rounded DOWN, by the replaced form and a BigDecimal rounding. */
    private static BigInteger replacedForm(BigDecimal alpha, BigInteger stake, BigInteger total, int scale) {
        int k = Math.max(scale, Math.max(0, alpha.scale())) + 1;
        BigInteger[] fl = replacedFloorScaled(alpha, stake, total, k);
        return new BigDecimal(fl[0].multiply(BigInteger.TEN).add(fl[1]), k + 1)
                .setScale(scale, RoundingMode.DOWN).unscaledValue();
    }
}
