package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.emission.AlphaSchedule;
import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.emission.Rate;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class EpochDistributorProperties {

    static final Asset F = Asset.FLOCK;
    static final Asset USD = Asset.USD;

    /** A user's activity on one deployment. */
    static final class Pair {
        final int deployment;
        final int user;
        final long spend;
        final long stake;

        Pair(int deployment, int user, long spend, long stake) {
            this.deployment = deployment;
            this.user = user;
            this.spend = spend;
            this.stake = stake;
        }
    }

    /** A random epoch: deployments (net revenue, incentives) and pairs. */
    static final class Spec {
        final long[] net;
        final long[] flockIncentive;
        final long[] mtIncentive;
        final List<Pair> pairs;

        Spec(long[] net, long[] flockIncentive, long[] mtIncentive, List<Pair> pairs) {
            this.net = net;
            this.flockIncentive = flockIncentive;
            this.mtIncentive = mtIncentive;
            this.pairs = pairs;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("net=" + java.util.Arrays.toString(net) + " pairs=");
            for (Pair p : pairs) {
                sb.append("(m").append(p.deployment).append(",u").append(p.user).append(',').append(p.spend).append(',')
                        .append(p.stake).append(')');
            }
            return sb.toString();
        }
    }

    static DeploymentId dep(int m) {
        return DeploymentId.of("m" + m);
    }

    @Provide
    Arbitrary<Spec> epochs() {
        return Arbitraries.integers().between(1, 4).flatMap(dn -> {
            Arbitrary<long[]> nets = Arbitraries.longs().between(0, 1_000_000_000L).injectDuplicates(0.2).array(long[].class).ofSize(dn);
            Arbitrary<long[]> inc = Arbitraries.longs().between(0, 1_000_000_000_000L).array(long[].class).ofSize(dn);
            Arbitrary<Pair> pair = Combinators.combine(Arbitraries.integers().between(0, dn - 1),
                    Arbitraries.integers().between(0, 12), Arbitraries.longs().between(0, 1_000_000_000L).injectDuplicates(0.3),
                    Arbitraries.of(0L, 1L, 7L, 1_000_000L, 123_456_789_000L)).as(Pair::new);
            Arbitrary<List<Pair>> pairs = pair.list().ofMaxSize(40).uniqueElements(p -> p.deployment * 100 + p.user);
            return Combinators.combine(nets, inc, inc, pairs).as(Spec::new);
        });
    }

    static EpochUsage usage(Spec s, long spendFactor, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int m = 0; m < s.net.length; m++) {
            order.add(m);
        }
        List<Pair> pairs = new ArrayList<>(s.pairs);
        if (seed != 0) {
            Collections.shuffle(order, new Random(seed));
            Collections.shuffle(pairs, new Random(seed + 1));
        }
        EpochUsage.Builder b = EpochUsage.builder(USD, F);
        for (int m : order) {
            b.deployment(dep(m), Amount.ofUnits(USD, s.net[m]), m * 10L, Amount.ofUnits(F, s.flockIncentive[m]),
                    Amount.ofUnits(Asset.modelToken(dep(m)), s.mtIncentive[m]));
        }
        for (Pair p : pairs) {
            b.usage(dep(p.deployment), AccountId.of("u" + p.user), Amount.ofUnits(USD, p.spend * spendFactor),
                    Amount.ofUnits(Asset.modelToken(dep(p.deployment)), p.stake));
        }
        return b.build();
    }

    static RewardParams params(int alphaPct) {
        return RewardParams.builder(EmissionSchedule.defaultFlock())
                .alpha(AlphaSchedule.constant(BigDecimal.valueOf(alphaPct, 2)))
                .alphaIncentive(AlphaSchedule.constant(BigDecimal.valueOf(100 - alphaPct, 2))).build();
    }

    /** Everything observable about a result, as text, for equality. */
    static String fingerprint(EpochResult r) {
        StringBuilder sb = new StringBuilder();
        r.forEachPayout((d, u, f, m) -> sb.append(d).append('/').append(u).append('=').append(f).append(',').append(m).append(';'));
        sb.append(r.pools()).append(r.carryOver()).append(r.splitDust()).append(r.unassigned());
        return sb.toString();
    }

    @Property(tries = 150)
    void everyPoolAndTheBudgetAreConservedExactly(@ForAll("epochs") Spec s, @ForAll @IntRange(min = 0, max = 100) int alpha,
            @ForAll @LongRange(min = 0, max = 10_000_000) long from) {
        EpochUsage u = usage(s, 1, 0);
        RewardParams p = params(alpha);
        EpochResult first = EpochDistributor.close(p, CarryOver.empty(F), u, from, from + 86_400);
        // the second epoch starts with carried dust
        EpochResult r = EpochDistributor.close(p, first.carryOver(), u, from + 86_400, from + 2 * 86_400);
        BigInteger freshGlobal = BigInteger.ZERO;
        BigInteger flockPaid = BigInteger.ZERO;
        for (PoolResult pool : r.pools()) {
            assertEquals(pool.budget(), pool.paid().plus(pool.dust()).plus(pool.returned()), pool.toString());
            assertTrue(pool.returned().isZero() || pool.paid().isZero());
            if (pool.kind() == PoolKind.GLOBAL_FLOCK) {
                freshGlobal = freshGlobal.add(pool.fresh().units());
            }
            if (pool.kind() != PoolKind.MT_INCENTIVE) {
                flockPaid = flockPaid.add(pool.paid().units());
            } else {
                BigInteger[] mtSum = {BigInteger.ZERO};
                r.forEachPayout((d, us, f, m) -> {
                    if (d.equals(pool.deployment())) {
                        mtSum[0] = mtSum[0].add(m.units());
                    }
                });
                assertEquals(pool.paid().units(), mtSum[0]);
            }
        }
        assertEquals(r.scheduled().plus(r.carriedIn()).units(),
                freshGlobal.add(r.splitDust().units()).add(r.unassigned().units()));
        assertEquals(flockPaid, r.totalFlockPaid().units());
    }

    @Property(tries = 100)
    void eachUsersFlockRewardIsTheSumOfItsPayouts(@ForAll("epochs") Spec s, @ForAll @IntRange(min = 0, max = 100) int alpha) {
        EpochResult r = EpochDistributor.close(params(alpha), CarryOver.empty(F), usage(s, 1, 0), 0, 86_400);
        java.util.TreeMap<AccountId, BigInteger> sums = new java.util.TreeMap<>();
        r.forEachPayout((d, u, f, m) -> sums.merge(u, f.units(), BigInteger::add));
        List<AccountId> seenLong = new ArrayList<>();
        List<BigInteger> unitsLong = new ArrayList<>();
        r.forEachFlockReward(new EpochResult.FlockRewardVisitor() {
            @Override
            public void visit(AccountId user, BigInteger units) {
                seenLong.add(user);
                unitsLong.add(units);
            }

            @Override
            public void visitLong(AccountId user, long units) {
                visit(user, BigInteger.valueOf(units));
            }
        });
        List<AccountId> seen = new ArrayList<>();
        List<BigInteger> units = new ArrayList<>();
        r.forEachFlockReward((user, u) -> {
            seen.add(user);
            units.add(u);
        });
        assertEquals(new ArrayList<>(sums.keySet()), seen, "every user once, ascending");
        assertEquals(r.users(), seen);
        assertEquals(new ArrayList<>(sums.values()), units);
        assertEquals(seen, seenLong);
        assertEquals(units, unitsLong);
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(r.flockRewardOf(seen.get(i)).units(), units.get(i));
        }
    }

    @Property(tries = 100)
    void theUsageGateAndZeroUsage(@ForAll("epochs") Spec s, @ForAll @IntRange(min = 0, max = 100) int alpha) {
        EpochUsage u = usage(s, 1, 0);
        EpochResult r = EpochDistributor.close(params(alpha), CarryOver.empty(F), u, 0, 86_400);
        long[] spend = new long[s.net.length];
        for (Pair p : s.pairs) {
            spend[p.deployment] += p.spend;
        }
        for (int m = 0; m < s.net.length; m++) {
            if (spend[m] == 0) {
                for (PoolKind k : PoolKind.values()) {
                    PoolResult pool = r.pool(dep(m), k);
                    assertTrue(pool.paid().isZero() && pool.returned().equals(pool.budget()), pool.toString());
                }
                assertTrue(r.pool(dep(m), PoolKind.GLOBAL_FLOCK).fresh().isZero());
            }
        }
        r.forEachPayout((d, us, f, m) -> {
            for (Pair p : s.pairs) {
                if (dep(p.deployment).equals(d) && AccountId.of("u" + p.user).equals(us) && p.spend == 0) {
                    assertTrue(f.isZero() && m.isZero());
                }
            }
        });
    }

    @Property(tries = 100)
    void orderScaleAndRepetitionChangeNoPayout(@ForAll("epochs") Spec s, @ForAll @IntRange(min = 0, max = 100) int alpha,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @LongRange(min = 1, max = 10_000) long factor) {
        RewardParams p = params(alpha);
        String base = fingerprint(EpochDistributor.close(p, CarryOver.empty(F), usage(s, 1, 0), 0, 86_400));
        assertEquals(base, fingerprint(EpochDistributor.close(p, CarryOver.empty(F), usage(s, 1, seed), 0, 86_400)));
        assertEquals(base, fingerprint(EpochDistributor.close(p, CarryOver.empty(F), usage(s, 1, 0), 0, 86_400)));
        // multiplying every spend by the same factor: payouts identical (net revenues unchanged)
        assertEquals(base, fingerprint(EpochDistributor.close(p, CarryOver.empty(F), usage(s, factor, 0), 0, 86_400)));
    }

    @Property(tries = 200)
    void splittingSpendDoesNotRaiseTheGloballyNormalisedBaseScore(@ForAll("epochs") Spec others,
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long total, @ForAll long seed) {
        // The user "me" spends `total`, split at random over the deployments. Each deployment's net revenue is
        // its paid spend (no hard costs). Claim: the combined base score is exactly total / all spend, whatever
        // the split, and with alpha = 1 the user's global reward never exceeds floor(E * total / all spend).
        int dn = others.net.length;
        Random rnd = new Random(seed);
        long[] part = new long[dn];
        long left = total;
        for (int m = 0; m < dn - 1; m++) {
            part[m] = left == 0 ? 0 : Math.floorMod(rnd.nextLong(), left + 1);
            left -= part[m];
        }
        part[dn - 1] = left;
        long[] spend = new long[dn];
        List<Pair> pairs = new ArrayList<>();
        for (Pair p : others.pairs) {
            pairs.add(p);
            spend[p.deployment] += p.spend;
        }
        for (int m = 0; m < dn; m++) {
            pairs.add(new Pair(m, 99, part[m], 0));
            spend[m] += part[m];
        }
        long all = 0;
        for (long v : spend) {
            all += v;
        }
        Spec s = new Spec(spend, new long[dn], new long[dn], pairs);
        EpochUsage u = usage(s, 1, 0);
        BigInteger[] f = u.combinedBaseScoreFraction(AccountId.of("u99"));
        assertEquals(f[0].multiply(BigInteger.valueOf(all)), f[1].multiply(BigInteger.valueOf(total)));
        EpochResult r = EpochDistributor.close(params(100), CarryOver.empty(F), u, 0, 86_400);
        BigInteger e = r.scheduled().units();
        assertTrue(r.flockRewardOf(AccountId.of("u99")).units()
                .compareTo(e.multiply(BigInteger.valueOf(total)).divide(BigInteger.valueOf(all))) <= 0);
    }

    @Property(tries = 100)
    void incentivePoolsMatchTheSinglePoolDistribution(@ForAll("epochs") Spec s, @ForAll @IntRange(min = 0, max = 100) int a,
            @ForAll boolean sameAlpha) {
        // Epoch close reuses the global weights for the incentive pools when alpha == alpha_i; both that path
        // and the general one must pay what RewardPool.distribute pays for the same pool.
        BigDecimal alpha = BigDecimal.valueOf(a, 2);
        BigDecimal alphaI = sameAlpha ? alpha : BigDecimal.valueOf(100 - a, 2);
        RewardParams p = RewardParams.builder(EmissionSchedule.defaultFlock()).alpha(AlphaSchedule.constant(alpha))
                .alphaIncentive(AlphaSchedule.constant(alphaI)).build();
        EpochResult r = EpochDistributor.close(p, CarryOver.empty(F), usage(s, 1, 0), 0, 86_400);
        for (int m = 0; m < s.net.length; m++) {
            List<Participant> ps = new ArrayList<>();
            long spend = 0;
            for (Pair x : s.pairs) {
                if (x.deployment == m) {
                    ps.add(Participant.of(AccountId.of("u" + x.user), BigDecimal.valueOf(x.spend), BigDecimal.valueOf(x.stake)));
                    spend += x.spend;
                }
            }
            if (spend == 0) {
                continue;
            }
            PoolDistribution d = RewardPool.distribute(Amount.ofUnits(F, s.flockIncentive[m]), ps, alphaI, true,
                    RewardPool.DEFAULT_FACTOR_SCALE, GmMultiplier.none());
            int mm = m;
            assertEquals(d.returned(), r.pool(dep(m), PoolKind.FLOCK_INCENTIVE).returned());
            assertEquals(d.dust(), r.pool(dep(m), PoolKind.FLOCK_INCENTIVE).dust());
            BigInteger globalOnly = BigInteger.ZERO;
            PoolDistribution g = RewardPool.distribute(r.pool(dep(m), PoolKind.GLOBAL_FLOCK).budget(), ps, alpha, false,
                    RewardPool.DEFAULT_FACTOR_SCALE, GmMultiplier.none());
            for (Participant x : ps) {
                BigInteger[] got = {null};
                r.forEachPayout((dd, u, f, mt) -> {
                    if (dd.equals(dep(mm)) && u.equals(x.account())) {
                        got[0] = f.units();
                    }
                });
                assertEquals(g.payoutOf(x.account()).units().add(d.payoutOf(x.account()).units()), got[0]);
                globalOnly = globalOnly.add(g.payoutOf(x.account()).units());
            }
            assertEquals(r.pool(dep(m), PoolKind.GLOBAL_FLOCK).paid().units(), globalOnly);
        }
    }
}
