package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fomo.core.rewards.EpochDistributorProperties.Pair;
import io.fomo.core.rewards.EpochDistributorProperties.Spec;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The two public steps of an epoch close, {@link EpochSplit} then {@link DeploymentClose} per deployment, each
 * deployment closed on its own as a distributed job would, give exactly what {@link EpochDistributor#close}
 * gives: every payout, every pool (fresh, carried, paid, dust, returned), the split dust and the unassigned
 * budget.
 */
class EpochStepsProperties {

    static final Asset F = Asset.FLOCK;
    static final Asset USD = Asset.USD;

    @Provide
    Arbitrary<Spec> epochs() {
        return new EpochDistributorProperties().epochs();
    }

    /** The epoch through the two public steps, pairs handed over in a shuffled order; as the fingerprint. */
    static String composed(Spec s, RewardParams p, CarryOver carry, long from, long seed) {
        int dn = s.net.length;
        List<Pair> pairs = new ArrayList<>(s.pairs);
        Collections.shuffle(pairs, new Random(seed));
        long[] spend = new long[dn];
        Map<Integer, DeploymentPairs.Builder> builders = new TreeMap<>();
        for (int m = 0; m < dn; m++) {
            builders.put(m, DeploymentPairs.builder(EpochDistributorProperties.dep(m), USD));
        }
        for (Pair x : pairs) {
            spend[x.deployment] += x.spend;
            builders.get(x.deployment).pair(AccountId.of("u" + x.user), Amount.ofUnits(USD, x.spend),
                    Amount.ofUnits(Asset.modelToken(EpochDistributorProperties.dep(x.deployment)), x.stake));
        }
        List<DeploymentTotals> totals = new ArrayList<>();
        for (int m = dn - 1; m >= 0; m--) {
            totals.add(DeploymentTotals.of(EpochDistributorProperties.dep(m), Amount.ofUnits(USD, s.net[m]), m * 10L,
                    Amount.ofUnits(USD, spend[m])));
        }
        EpochSplit split = EpochSplit.of(p, carry, totals, from, from + 86_400);
        StringBuilder payouts = new StringBuilder();
        List<PoolResult> pools = new ArrayList<>(split.absentPools());
        Map<DeploymentId, Map<PoolKind, Amount>> next = new TreeMap<>();
        for (int m = 0; m < dn; m++) {
            DeploymentId d = EpochDistributorProperties.dep(m);
            DeploymentPairs dp = builders.get(m).build();
            assertEquals(Amount.ofUnits(USD, spend[m]), dp.paidSpend());
            DeploymentBudget budget = split.budget(d, Amount.ofUnits(F, s.flockIncentive[m]),
                    Amount.ofUnits(Asset.modelToken(d), s.mtIncentive[m]), carry);
            DeploymentClose c = DeploymentClose.of(p, budget, dp);
            c.forEachPayout((u, f, mt) -> payouts.append(d).append('/').append(u).append('=').append(f).append(',')
                    .append(mt).append(';'));
            pools.addAll(c.pools());
            for (PoolResult r : c.pools()) {
                if (r.dust().isPositive()) {
                    next.computeIfAbsent(d, x -> CarryOver.newPoolMap()).put(r.kind(), r.dust());
                }
            }
        }
        pools.sort((a, b) -> {
            int c = a.deployment().compareTo(b.deployment());
            return c != 0 ? c : a.kind().compareTo(b.kind());
        });
        return payouts.toString() + pools + new CarryOver(split.splitDust(), next) + split.splitDust()
                + split.unassigned();
    }

    @Property(tries = 200)
    void composingTheStepsEqualsTheDistributor(@ForAll("epochs") Spec s, @ForAll @IntRange(min = 0, max = 100) int alpha,
            @ForAll @LongRange(min = 0, max = 10_000_000) long from, @ForAll long seed) {
        RewardParams p = EpochDistributorProperties.params(alpha);
        EpochUsage u = EpochDistributorProperties.usage(s, 1, 0);
        EpochResult first = EpochDistributor.close(p, CarryOver.empty(F), u, from, from + 86_400);
        assertEquals(EpochDistributorProperties.fingerprint(first), composed(s, p, CarryOver.empty(F), from, seed));
        // With dust carried in, from deployments of this epoch (and, after dropping one, of an absent one).
        EpochResult second = EpochDistributor.close(p, first.carryOver(), u, from + 86_400, from + 2 * 86_400);
        assertEquals(EpochDistributorProperties.fingerprint(second),
                composed(s, p, first.carryOver(), from + 86_400, seed));
        if (s.net.length > 1) {
            Spec fewer = dropLast(s);
            EpochResult third = EpochDistributor.close(p, first.carryOver(), EpochDistributorProperties.usage(fewer, 1, 0),
                    from + 86_400, from + 2 * 86_400);
            assertEquals(EpochDistributorProperties.fingerprint(third),
                    composed(fewer, p, first.carryOver(), from + 86_400, seed));
        }
    }

    @Property(tries = 100)
    void conservationPerDeploymentAndForTheSplit(@ForAll("epochs") Spec s, @ForAll @IntRange(min = 0, max = 100) int alpha) {
        RewardParams p = EpochDistributorProperties.params(alpha);
        int dn = s.net.length;
        long[] spend = new long[dn];
        for (Pair x : s.pairs) {
            spend[x.deployment] += x.spend;
        }
        List<DeploymentTotals> totals = new ArrayList<>();
        for (int m = 0; m < dn; m++) {
            totals.add(DeploymentTotals.of(EpochDistributorProperties.dep(m), Amount.ofUnits(USD, s.net[m]), 0,
                    Amount.ofUnits(USD, spend[m])));
        }
        EpochSplit split = EpochSplit.of(p, CarryOver.empty(F), totals, 0, 86_400);
        BigInteger shares = BigInteger.ZERO;
        for (DeploymentId d : split.deployments()) {
            shares = shares.add(split.share(d).units());
        }
        assertEquals(split.scheduled().plus(split.carriedIn()).units(),
                shares.add(split.splitDust().units()).add(split.unassigned().units()));
        for (int m = 0; m < dn; m++) {
            DeploymentId d = EpochDistributorProperties.dep(m);
            DeploymentPairs.Builder b = DeploymentPairs.builder(d, USD);
            for (Pair x : s.pairs) {
                if (x.deployment == m) {
                    b.pair(AccountId.of("u" + x.user), Amount.ofUnits(USD, x.spend),
                            Amount.ofUnits(Asset.modelToken(d), x.stake));
                }
            }
            DeploymentClose c = DeploymentClose.of(p, split.budget(d, Amount.ofUnits(F, s.flockIncentive[m]),
                    Amount.ofUnits(Asset.modelToken(d), s.mtIncentive[m]), CarryOver.empty(F)), b.build());
            BigInteger[] paid = {BigInteger.ZERO, BigInteger.ZERO};
            c.forEachPayout((u, f, mt) -> {
                paid[0] = paid[0].add(f.units());
                paid[1] = paid[1].add(mt.units());
            });
            assertEquals(c.pool(PoolKind.GLOBAL_FLOCK).paid().plus(c.pool(PoolKind.FLOCK_INCENTIVE).paid()).units(), paid[0]);
            assertEquals(c.pool(PoolKind.MT_INCENTIVE).paid().units(), paid[1]);
            for (PoolResult r : c.pools()) {
                assertEquals(r.budget(), r.paid().plus(r.dust()).plus(r.returned()), r.toString());
            }
        }
    }

    private static Spec dropLast(Spec s) {
        int dn = s.net.length - 1;
        List<Pair> kept = new ArrayList<>();
        for (Pair x : s.pairs) {
            if (x.deployment < dn) {
                kept.add(x);
            }
        }
        return new Spec(java.util.Arrays.copyOf(s.net, dn), java.util.Arrays.copyOf(s.flockIncentive, dn),
                java.util.Arrays.copyOf(s.mtIncentive, dn), kept);
    }
}
