package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.emission.AlphaSchedule;
import io.fomo.core.emission.EmissionReserve;
import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.emission.Rate;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class EpochDistributorTest {

    static final Asset F = Asset.FLOCK;
    static final Asset USD = Asset.USD;
    static final DeploymentId M1 = DeploymentId.of("m1");
    static final DeploymentId M2 = DeploymentId.of("m2");
    static final DeploymentId M3 = DeploymentId.of("m3");
    static final AccountId A = AccountId.of("a");
    static final AccountId B = AccountId.of("b");
    static final AccountId C = AccountId.of("c");
    static final AccountId D = AccountId.of("d");

    static RewardParams oneFlockPerSecond() {
        return RewardParams.builder(EmissionSchedule.constant(F, Rate.perSecond(BigDecimal.ONE))).build();
    }

    static Amount usd(long v) {
        return Amount.of(USD, v);
    }

    static Amount flock(String v) {
        return Amount.parse(F, v);
    }

    static Amount mt(DeploymentId m, long v) {
        return Amount.of(Asset.modelToken(m), v);
    }

    @Test
    void handWorkedEpoch() {
        // 1000 FLOCK over [0, 1000). m1 net 30, m2 net 10 -> 750 / 250. m3 has net revenue but no paid usage.
        EpochUsage usage = EpochUsage.builder(USD, F)
                .deployment(M3, usd(50), 0, flock("7"), mt(M3, 3))
                .deployment(M1, usd(30), 0, flock("90"), mt(M1, 10))
                .deployment(M2, usd(10), 0, flock("5"), mt(M2, 0))
                .usage(M1, B, usd(5), mt(M1, 300))
                .usage(M1, A, usd(5), mt(M1, 0))
                .usage(M2, C, usd(7), mt(M2, 0))
                .usage(M3, D, usd(0), mt(M3, 1000))
                .build();
        EpochResult r = EpochDistributor.close(oneFlockPerSecond(), CarryOver.empty(F), usage, 0, 1000);
        // m1 global 750: a factor 0.5 (no stake), b factor 1 (all the stake), equal spend -> 250 / 500.
        // m1 FLOCK incentive 90 and MT incentive 10 are stake-gated: all to b. m2: c alone gets 250.
        assertEquals(flock("250"), r.flockRewardOf(A));
        assertEquals(flock("590"), r.flockRewardOf(B));
        assertEquals(flock("250"), r.flockRewardOf(C));
        assertEquals(flock("0"), r.flockRewardOf(D));
        assertEquals(mt(M1, 10), r.mtRewardOf(B, M1));
        assertEquals(mt(M1, 0), r.mtRewardOf(A, M1));
        // m2's incentive pool has no staker: returned to its source. m3 fails the usage gate: all returned.
        assertEquals(flock("5"), r.pool(M2, PoolKind.FLOCK_INCENTIVE).returned());
        assertEquals(flock("0"), r.pool(M3, PoolKind.GLOBAL_FLOCK).fresh());
        assertEquals(flock("7"), r.pool(M3, PoolKind.FLOCK_INCENTIVE).returned());
        assertEquals(mt(M3, 3), r.pool(M3, PoolKind.MT_INCENTIVE).returned());
        assertEquals(flock("0"), r.returnedToReserve());
        assertEquals(flock("1090"), r.totalFlockPaid());
    }

    @Test
    void noPaidUsageSendsTheWholeBudgetBackToTheReserve() {
        EpochUsage usage = EpochUsage.builder(USD, F).deployment(M1, usd(30)).usage(M1, A, usd(0), mt(M1, 5)).build();
        EpochResult r = EpochDistributor.close(oneFlockPerSecond(), CarryOver.empty(F), usage, 0, 100);
        assertEquals(flock("100"), r.unassigned());
        assertEquals(flock("100"), r.returnedToReserve());
        EmissionReserve reserve = EmissionReserve.of(flock("1000")).release(r.scheduled()).giveBack(r.returnedToReserve());
        assertEquals(flock("1000"), reserve.balance());
    }

    @Test
    void alphaZeroWithoutStakersReturnsTheGlobalPool() {
        RewardParams p = RewardParams.builder(EmissionSchedule.constant(F, Rate.perSecond(BigDecimal.ONE)))
                .alpha(AlphaSchedule.constant(BigDecimal.ZERO)).build();
        EpochUsage usage = EpochUsage.builder(USD, F).deployment(M1, usd(30)).usage(M1, A, usd(3), mt(M1, 0)).build();
        EpochResult r = EpochDistributor.close(p, CarryOver.empty(F), usage, 0, 100);
        assertEquals(flock("100"), r.pool(M1, PoolKind.GLOBAL_FLOCK).returned());
        assertEquals(flock("100"), r.returnedToReserve());
    }

    @Test
    void dustIsCarriedToTheSamePoolNextEpoch() {
        Asset unit = Asset.of("FLOCK", 0);
        RewardParams p = RewardParams.builder(EmissionSchedule.constant(unit, Rate.perSecond(BigDecimal.ONE))).build();
        // 10 units over three equal deployments: 3 each, 1 unit of split dust; each pool of 3 split over two
        // equal users leaves 1 unit of pool dust.
        EpochUsage.Builder b = EpochUsage.builder(USD, unit);
        for (DeploymentId m : new DeploymentId[] {M1, M2, M3}) {
            b.deployment(m, usd(1)).usage(m, A, usd(1), mt(m, 0)).usage(m, B, usd(1), mt(m, 0));
        }
        EpochUsage usage = b.build();
        EpochResult first = EpochDistributor.close(p, CarryOver.empty(unit), usage, 0, 10);
        assertEquals(Amount.of(unit, 1), first.splitDust());
        assertEquals(Amount.of(unit, 1), first.pool(M1, PoolKind.GLOBAL_FLOCK).dust());
        assertEquals(Amount.of(unit, 3), first.flockRewardOf(A));
        EpochResult second = EpochDistributor.close(p, first.carryOver(), usage, 10, 20);
        // budget 10 + 1 = 11 -> 3 each (dust 2); each pool 3 + 1 carried = 4 -> 2 each, no dust.
        assertEquals(Amount.of(unit, 1), second.carriedIn());
        assertEquals(Amount.of(unit, 2), second.splitDust());
        assertEquals(Amount.of(unit, 1), second.pool(M1, PoolKind.GLOBAL_FLOCK).carriedIn());
        assertEquals(Amount.of(unit, 0), second.pool(M1, PoolKind.GLOBAL_FLOCK).dust());
        assertEquals(Amount.of(unit, 6), second.flockRewardOf(A));
    }

    @Test
    void alphaFollowsItsScheduleAcrossTheSeason() {
        RewardParams p = RewardParams.builder(EmissionSchedule.constant(F, Rate.perSecond(BigDecimal.ONE)))
                .alpha(AlphaSchedule.linear(new BigDecimal("0.9"), new BigDecimal("0.5"), 0, 100, 18, RoundingMode.DOWN))
                .build();
        EpochUsage usage = EpochUsage.builder(USD, F).deployment(M1, usd(1))
                .usage(M1, A, usd(1), mt(M1, 0)).usage(M1, B, usd(1), mt(M1, 1)).build();
        // at t = 0: a 0.9, b 1 -> a gets 0.9/1.9 of 100; at t = 100: a 0.5, b 1 -> a gets 1/3 of 100.
        EpochResult early = EpochDistributor.close(p, CarryOver.empty(F), usage, 0, 100);
        EpochResult late = EpochDistributor.close(p, CarryOver.empty(F), usage, 100, 200);
        assertEquals(0, new BigDecimal("0.9").compareTo(early.alpha()));
        assertEquals(new BigDecimal("100").multiply(new BigDecimal("0.9")).divide(new BigDecimal("1.9"), 18, RoundingMode.DOWN),
                early.flockRewardOf(A).value());
        assertEquals(new BigDecimal("100").divide(new BigDecimal("3"), 18, RoundingMode.DOWN), late.flockRewardOf(A).value());
    }

    @Test
    void ageFactorWeightsTheSplit() {
        RewardParams p = RewardParams.builder(EmissionSchedule.constant(F, Rate.perSecond(BigDecimal.ONE)))
                .ageFactor(AgeFactor.linearRamp(10, io.fomo.core.math.Share.ofBps(5_000))).build();
        EpochUsage usage = EpochUsage.builder(USD, F)
                .deployment(M1, usd(10), 0, flock("0"), mt(M1, 0)).deployment(M2, usd(10), 30, flock("0"), mt(M2, 0))
                .usage(M1, A, usd(1), mt(M1, 0)).usage(M2, A, usd(1), mt(M2, 0)).build();
        // new m1 weighs 0.5, mature m2 weighs 1: 100 and 200 of 300.
        EpochResult r = EpochDistributor.close(p, CarryOver.empty(F), usage, 0, 300);
        assertEquals(flock("100"), r.pool(M1, PoolKind.GLOBAL_FLOCK).fresh());
        assertEquals(flock("200"), r.pool(M2, PoolKind.GLOBAL_FLOCK).fresh());
    }

    @Test
    void splittingCanRaiseAPerDeploymentNormalisedScoreButNotTheGlobalOne() {
        // u spends 10 on m1 against v's 10. Moving 1 of it to an empty m2 makes u alone there: per-deployment
        // usage shares 9/19 + 1/1 > 10/20. Globally (weighted by revenue share) it stays 10/20.
        EpochUsage before = EpochUsage.builder(USD, F).deployment(M1, usd(20))
                .usage(M1, A, usd(10), mt(M1, 0)).usage(M1, B, usd(10), mt(M1, 0)).build();
        EpochUsage after = EpochUsage.builder(USD, F).deployment(M1, usd(19)).deployment(M2, usd(1))
                .usage(M1, A, usd(9), mt(M1, 0)).usage(M1, B, usd(10), mt(M1, 0)).usage(M2, A, usd(1), mt(M2, 0)).build();
        MathContext mc = new MathContext(30);
        BigDecimal perDeployment = new BigDecimal("9").divide(new BigDecimal("19"), mc).add(BigDecimal.ONE);
        assertTrue(perDeployment.compareTo(new BigDecimal("0.5")) > 0);
        assertEquals(0, new BigDecimal("0.5").compareTo(before.combinedBaseScore(A, mc)));
        assertEquals(0, new BigDecimal("0.5").compareTo(after.combinedBaseScore(A, mc)));
    }

    @Test
    void rejectedInputNamesTheFieldAndChangesNothing() {
        EpochUsage.Builder b = EpochUsage.builder(USD, F).deployment(M1, usd(1));
        assertTrue(assertThrows(InvalidArgumentException.class, () -> b.deployment(M1, usd(2))).getMessage()
                .startsWith("deployment = m1"));
        assertTrue(assertThrows(InvalidArgumentException.class, () -> b.usage(M2, A, usd(1), mt(M2, 0))).getMessage()
                .startsWith("deployment = m2"));
        b.usage(M1, A, usd(1), mt(M1, 0));
        EpochUsage ok = b.build();
        assertEquals(1, ok.pairCount());
        b.usage(M1, A, usd(2), mt(M1, 0));
        assertThrows(InvalidArgumentException.class, b::build);
        assertThrows(InvalidArgumentException.class,
                () -> EpochDistributor.close(oneFlockPerSecond(), CarryOver.empty(F), ok, 10, 10));
        assertThrows(InvalidArgumentException.class, () -> EpochDistributor.close(
                RewardParams.builder(EmissionSchedule.constant(USD, Rate.perSecond(BigDecimal.ONE))).build(),
                CarryOver.empty(F), ok, 0, 10));
    }

    @Test
    void claimsPayEachBalanceOnceAndConserve() {
        EpochUsage usage = EpochUsage.builder(USD, F)
                .deployment(M1, usd(30), 0, flock("90"), mt(M1, 10))
                .usage(M1, A, usd(5), mt(M1, 0)).usage(M1, B, usd(5), mt(M1, 300)).build();
        EpochResult r = EpochDistributor.close(oneFlockPerSecond(), CarryOver.empty(F), usage, 0, 1000);
        ClaimLedger ledger = ClaimLedger.empty(F);
        ledger.credit(r);
        ledger.credit(r);
        assertEquals(r.flockRewardOf(B).plus(r.flockRewardOf(B)), ledger.flockBalance(B));
        Amount claimed = ledger.claimFlock(B);
        assertEquals(r.flockRewardOf(B).multipliedBy(2), claimed);
        assertThrows(InvalidStateException.class, () -> ledger.claimFlock(B));
        assertEquals(mt(M1, 20), ledger.claimMt(B, M1));
        assertThrows(InvalidStateException.class, () -> ledger.claimMt(A, M1)); // a never staked: no MT
        assertEquals(ledger.credited(F), ledger.claimed(F).plus(ledger.outstanding(F)));
        assertEquals(ledger.credited(Asset.modelToken(M1)),
                ledger.claimed(Asset.modelToken(M1)).plus(ledger.outstanding(Asset.modelToken(M1))));
    }

    @Test
    void tenThousandPairsMatchAnIndependentComputation() {
        // 20 deployments x 500 users drawn from 1,000; alpha = 1 so payouts are pure usage shares and can be
        // recomputed with plain integer arithmetic: floor(floor(E * net_m / N) * spend / S_m).
        int deployments = 20;
        int perDeployment = 500;
        RewardParams p = RewardParams.builder(EmissionSchedule.constant(F, Rate.perDay(new BigDecimal("10000"))))
                .alpha(AlphaSchedule.constant(BigDecimal.ONE)).build();
        EpochUsage.Builder b = EpochUsage.builder(USD, F);
        long[] net = new long[deployments];
        long[][] spend = new long[deployments][perDeployment];
        for (int m = 0; m < deployments; m++) {
            net[m] = 1_000 + 37L * m;
            b.deployment(DeploymentId.of(String.format("m%02d", m)), Amount.ofUnits(USD, net[m]));
        }
        for (int m = 0; m < deployments; m++) {
            DeploymentId id = DeploymentId.of(String.format("m%02d", m));
            for (int k = 0; k < perDeployment; k++) {
                spend[m][k] = 1 + (k * 7919L + m * 104_729L) % 100_000;
                b.usage(id, AccountId.of(String.format("u%04d", (k * 2 + m) % 1_000)), Amount.ofUnits(USD, spend[m][k]),
                        Amount.ofUnits(Asset.modelToken(id), k));
            }
        }
        EpochUsage usage = b.build();
        assertEquals(10_000, usage.pairCount());
        EpochResult r = EpochDistributor.close(p, CarryOver.empty(F), usage, 0, 86_400);
        BigInteger e = new BigInteger("10000").multiply(BigInteger.TEN.pow(18));
        long totalNet = 0;
        for (long n : net) {
            totalNet += n;
        }
        BigInteger paid = BigInteger.ZERO;
        for (int m = 0; m < deployments; m++) {
            DeploymentId id = DeploymentId.of(String.format("m%02d", m));
            BigInteger bm = e.multiply(BigInteger.valueOf(net[m])).divide(BigInteger.valueOf(totalNet));
            long sm = 0;
            for (long s : spend[m]) {
                sm += s;
            }
            for (int k = 0; k < perDeployment; k++) {
                BigInteger expected = bm.multiply(BigInteger.valueOf(spend[m][k])).divide(BigInteger.valueOf(sm));
                paid = paid.add(expected);
                if (k % 50 == 0) {
                    AccountId u = AccountId.of(String.format("u%04d", (k * 2 + m) % 1_000));
                    BigInteger[] got = new BigInteger[1];
                    r.forEachPayout((dep, user, f, mtAmt) -> {
                        if (dep.equals(id) && user.equals(u)) {
                            got[0] = f.units();
                        }
                    });
                    assertEquals(expected, got[0], id + "/" + u);
                }
            }
        }
        assertEquals(paid, r.totalFlockPaid().units());
        assertEquals(e, r.totalFlockPaid().units().add(r.splitDust().units()).add(sumDust(r)));
    }

    private static BigInteger sumDust(EpochResult r) {
        BigInteger s = BigInteger.ZERO;
        for (PoolResult p : r.pools()) {
            if (p.kind() == PoolKind.GLOBAL_FLOCK) {
                s = s.add(p.dust().units()).add(p.returned().units());
            }
        }
        return s;
    }
}
