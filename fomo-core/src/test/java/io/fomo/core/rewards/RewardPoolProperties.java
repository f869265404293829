package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
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

class RewardPoolProperties {

    private static final Asset A = Asset.of("R", 18);

    @Provide
    Arbitrary<List<Participant>> participants() {
        Arbitrary<Participant> p = Combinators.combine(Arbitraries.longs().between(0, 1_000_000_000L),
                Arbitraries.longs().between(0, 1_000_000_000L).injectDuplicates(0.3))
                .as((sp, st) -> Participant.of(AccountId.of("u"), BigDecimal.valueOf(sp, 6), BigDecimal.valueOf(st, 3)));
        return p.list().ofMinSize(1).ofMaxSize(30).map(list -> {
            List<Participant> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Participant x = list.get(i);
                out.add(Participant.of(AccountId.of("user-" + i), x.spend(), x.stake()));
            }
            return out;
        });
    }

    @Provide
    Arbitrary<BigDecimal> alphas() {
        return Arbitraries.integers().between(0, 100).map(a -> BigDecimal.valueOf(a, 2));
    }

    private static PoolDistribution pay(long poolUnits, List<Participant> ps, BigDecimal alpha, boolean gated) {
        return RewardPool.distribute(Amount.ofUnits(A, poolUnits), ps, alpha, gated, RewardPool.DEFAULT_FACTOR_SCALE,
                GmMultiplier.none());
    }

    @Property(tries = 200)
    void everyPoolIsConservedExactly(@ForAll("participants") List<Participant> ps, @ForAll("alphas") BigDecimal alpha,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long pool, @ForAll boolean gated) {
        PoolDistribution d = pay(pool, ps, alpha, gated);
        Amount sum = d.dust().plus(d.returned());
        for (Amount a : d.payouts().values()) {
            sum = sum.plus(a);
        }
        assertEquals(Amount.ofUnits(A, pool), sum);
        assertTrue(d.returned().isZero() || d.returned().equals(d.pool()));
    }

    @Property(tries = 200)
    void zeroUsageEarnsZeroAndNoStakeEarnsNoIncentive(@ForAll("participants") List<Participant> ps,
            @ForAll("alphas") BigDecimal alpha, @ForAll boolean gated) {
        PoolDistribution d = pay(1_000_000_000_000_000_000L, ps, alpha, gated);
        for (Participant p : ps) {
            if (p.spend().signum() == 0 || (gated && p.stake().signum() == 0)) {
                assertTrue(d.payoutOf(p.account()).isZero(), p.toString());
            }
        }
    }

    @Property(tries = 200)
    void atEqualUsageAStakerEarnsStrictlyMoreWhenAlphaBelowOne(@ForAll("participants") List<Participant> others,
            @ForAll @IntRange(min = 0, max = 99) int alphaPct, @ForAll @LongRange(min = 1, max = 1_000_000_000L) long spend,
            @ForAll @LongRange(min = 1, max = 1_000_000L) long stake) {
        List<Participant> ps = new ArrayList<>(others);
        ps.add(Participant.of(AccountId.of("staker"), BigDecimal.valueOf(spend, 6), BigDecimal.valueOf(stake)));
        ps.add(Participant.of(AccountId.of("plain"), BigDecimal.valueOf(spend, 6), BigDecimal.ZERO));
        // A pool large enough that the exact payout difference exceeds one base unit (stake share >= 1e-6).
        PoolDistribution d = pay(Long.MAX_VALUE, ps, BigDecimal.valueOf(alphaPct, 2), false);
        assertTrue(d.payoutOf(AccountId.of("staker")).isGreaterThan(d.payoutOf(AccountId.of("plain"))), d.toString());
    }

    @Property(tries = 150)
    void scalingEverySpendChangesNoPayout(@ForAll("participants") List<Participant> ps, @ForAll("alphas") BigDecimal alpha,
            @ForAll @LongRange(min = 1, max = 1_000_000L) long factor, @ForAll boolean gated) {
        List<Participant> scaled = new ArrayList<>();
        for (Participant p : ps) {
            scaled.add(Participant.of(p.account(), p.spend().multiply(BigDecimal.valueOf(factor)), p.stake()));
        }
        assertEquals(pay(123_456_789_123_456_789L, ps, alpha, gated), pay(123_456_789_123_456_789L, scaled, alpha, gated));
    }

    @Property(tries = 150)
    void orderChangesNoPayoutAndRunsRepeat(@ForAll("participants") List<Participant> ps, @ForAll("alphas") BigDecimal alpha,
            @ForAll long seed) {
        List<Participant> shuffled = new ArrayList<>(ps);
        Collections.shuffle(shuffled, new Random(seed));
        PoolDistribution a = pay(987_654_321_987L, ps, alpha, false);
        assertEquals(a, pay(987_654_321_987L, shuffled, alpha, false));
        assertEquals(a, pay(987_654_321_987L, ps, alpha, false));
    }

    @Property(tries = 100)
    void withAlphaOnePayoutsArePureUsageShares(@ForAll("participants") List<Participant> ps,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long pool) {
        // Independent oracle: floor(pool * spend / total spend).
        PoolDistribution d = pay(pool, ps, BigDecimal.ONE, false);
        BigInteger total = BigInteger.ZERO;
        for (Participant p : ps) {
            total = total.add(p.spend().movePointRight(6).toBigIntegerExact());
        }
        for (Participant p : ps) {
            BigInteger expected = total.signum() == 0 ? BigInteger.ZERO
                    : BigInteger.valueOf(pool).multiply(p.spend().movePointRight(6).toBigIntegerExact()).divide(total);
            assertEquals(expected, d.payoutOf(p.account()).units());
        }
    }
}
