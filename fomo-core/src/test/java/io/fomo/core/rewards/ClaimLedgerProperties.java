package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Crediting, claiming and copying, with payouts of several deployments interleaved and in runs, give the
 * balances and totals of plain {@link HashMap}s summing the same payouts; per asset,
 * {@code credited == claimed + outstanding}.
 */
class ClaimLedgerProperties {

    /** A payout or, with {@code claim}, a claim of the user's MT of the deployment. */
    record Step(int deployment, int user, long flock, long mt, boolean claim) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 5),
                Arbitraries.longs().between(0, 1_000_000), Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.integers().between(0, 9).map(k -> k == 0)).as(Step::new).list().ofMaxSize(200);
    }

    private static DeploymentId dep(int i) {
        return DeploymentId.of("dep-" + i);
    }

    private static AccountId user(int i) {
        return AccountId.of("user-" + i);
    }

    @Property(tries = 300)
    void balancesAndTotalsAreThoseOfTheSummedPayouts(@ForAll("steps") List<Step> steps) {
        ClaimLedger ledger = ClaimLedger.empty(Asset.FLOCK);
        ClaimLedger copyAtHalf = null;
        Map<String, BigInteger> mt = new HashMap<>();
        Map<Integer, BigInteger> credited = new HashMap<>();
        Map<Integer, BigInteger> claimed = new HashMap<>();
        BigInteger flock = BigInteger.ZERO;
        Map<Integer, BigInteger> flockOf = new HashMap<>();
        BigInteger flockClaimed = BigInteger.ZERO;
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            // fresh id instances every time, as decoded facts have
            DeploymentId d = dep(s.deployment());
            AccountId u = user(s.user());
            String key = s.deployment() + "/" + s.user();
            if (s.claim() && s.deployment() == 0) {
                // A claim of the user's FLOCK (summed over every deployment).
                BigInteger has = flockOf.getOrDefault(s.user(), BigInteger.ZERO);
                if (has.signum() > 0) {
                    assertEquals(Amount.ofUnits(Asset.FLOCK, has), ledger.claimFlock(u));
                    flockOf.remove(s.user());
                    flockClaimed = flockClaimed.add(has);
                }
            } else if (s.claim()) {
                BigInteger has = mt.getOrDefault(key, BigInteger.ZERO);
                if (has.signum() > 0) {
                    assertEquals(Amount.ofUnits(Asset.modelToken(d), has), ledger.claimMt(u, d));
                    mt.remove(key);
                    claimed.merge(s.deployment(), has, BigInteger::add);
                }
            } else {
                ledger.credit(d, u, Amount.ofUnits(Asset.FLOCK, s.flock()),
                        Amount.ofUnits(Asset.modelToken(d), s.mt()));
                flock = flock.add(BigInteger.valueOf(s.flock()));
                if (s.flock() > 0) {
                    flockOf.merge(s.user(), BigInteger.valueOf(s.flock()), BigInteger::add);
                }
                if (s.mt() > 0) {
                    mt.merge(key, BigInteger.valueOf(s.mt()), BigInteger::add);
                    credited.merge(s.deployment(), BigInteger.valueOf(s.mt()), BigInteger::add);
                }
            }
            if (k == steps.size() / 2) {
                copyAtHalf = ledger.copy();
                // the copy goes on independently: crediting it must not touch the original
                copyAtHalf.credit(dep(0), user(0), Amount.ofUnits(Asset.FLOCK, 0), Amount.ofUnits(Asset.modelToken(dep(0)), 7));
            }
        }
        assertEquals(Amount.ofUnits(Asset.FLOCK, flock), ledger.credited(Asset.FLOCK));
        for (int d = 0; d <= 3; d++) {
            Asset a = Asset.modelToken(dep(d));
            BigInteger c = credited.getOrDefault(d, BigInteger.ZERO);
            BigInteger cl = claimed.getOrDefault(d, BigInteger.ZERO);
            assertEquals(Amount.ofUnits(a, c), ledger.credited(a));
            assertEquals(Amount.ofUnits(a, cl), ledger.claimed(a));
            assertEquals(Amount.ofUnits(a, c.subtract(cl)), ledger.outstanding(a));
            List<BigInteger> held = new ArrayList<>();
            for (int u = 0; u <= 5; u++) {
                BigInteger b = mt.getOrDefault(d + "/" + u, BigInteger.ZERO);
                assertEquals(Amount.ofUnits(a, b), ledger.mtBalance(user(u), dep(d)));
                held.add(b);
            }
            for (int n = 1; n <= 8; n++) {
                assertEquals(Amount.ofUnits(a, largest(held, n)), ledger.largestBalancesSum(a, n), a + " top " + n);
            }
        }
        assertEquals(Amount.ofUnits(Asset.FLOCK, flockClaimed), ledger.claimed(Asset.FLOCK));
        assertEquals(Amount.ofUnits(Asset.FLOCK, flockOf.values().stream().reduce(BigInteger.ZERO, BigInteger::add)),
                ledger.outstanding(Asset.FLOCK));
        for (int u = 0; u <= 5; u++) {
            assertEquals(Amount.ofUnits(Asset.FLOCK, flockOf.getOrDefault(u, BigInteger.ZERO)), ledger.flockBalance(user(u)));
        }
        for (int n = 1; n <= 8; n++) {
            assertEquals(Amount.ofUnits(Asset.FLOCK, largest(flockOf.values(), n)),
                    ledger.largestBalancesSum(Asset.FLOCK, n), "FLOCK top " + n);
        }
    }

    @Property(tries = 50)
    void largestSumsRefuseANonPositiveCountAndAnUncreditedTokenHasNone(@ForAll @IntRange(min = -5, max = 0) int n) {
        ClaimLedger ledger = ClaimLedger.empty(Asset.FLOCK);
        ledger.credit(dep(0), user(0), Amount.ofUnits(Asset.FLOCK, 5), Amount.ofUnits(Asset.modelToken(dep(0)), 3));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> ledger.largestBalancesSum(Asset.FLOCK, n));
        assertTrue(e.getMessage().contains("n"), e.getMessage());
        assertEquals(Amount.zero(Asset.modelToken(dep(1))), ledger.largestBalancesSum(Asset.modelToken(dep(1)), 1));
        assertEquals(Amount.ofUnits(Asset.modelToken(dep(0)), 3), ledger.largestBalancesSum(Asset.modelToken(dep(0)), 1));
    }

    /** The sum of the {@code n} largest values, by sorting them (zeros add nothing). */
    private static BigInteger largest(java.util.Collection<BigInteger> values, int n) {
        List<BigInteger> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.reverseOrder());
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < Math.min(n, sorted.size()); i++) {
            sum = sum.add(sorted.get(i));
        }
        return sum;
    }
}
