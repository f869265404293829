package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RevenueProperties {

    static final BigInteger W = BigInteger.valueOf(10_000);

    @Provide
    Arbitrary<RevenueWeights> weights() {
        // three cut points in 0..10000 give four weights summing to exactly 10000
        return Arbitraries.integers().between(0, 10_000).list().ofSize(3).map(cuts -> {
            List<Integer> c = new ArrayList<>(cuts);
            c.sort(null);
            return RevenueWeights.builder().mtBuybackBps(c.get(0)).flockBuybackBps(c.get(1) - c.get(0))
                    .treasuryBps(c.get(2) - c.get(1)).issuerBps(10_000 - c.get(2)).build();
        });
    }

    @Provide
    Arbitrary<BigInteger> units() {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1_000)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(20)));
    }

    static Amount usd(BigInteger units) {
        return Amount.ofUnits(Asset.USD, units);
    }

    static BigInteger share(BigInteger net, int bps) {
        return net.multiply(BigInteger.valueOf(bps)).divide(W);
    }

    @Property
    void routingConservesEveryUnitAndFloorsEachShare(@ForAll("weights") RevenueWeights w,
            @ForAll("units") BigInteger gross, @ForAll("units") BigInteger costs) {
        RevenueSplit s = RevenueRouter.of(w, RoundingMode.DOWN).route(usd(gross), usd(costs));
        BigInteger net = gross.subtract(costs).max(BigInteger.ZERO);
        assertEquals(net, s.net().units());
        assertEquals(gross, s.costsCovered().units().add(s.net().units()));
        assertEquals(net, s.mtBuyback().units().add(s.flockBuyback().units()).add(s.treasury().units())
                .add(s.issuer().units()));
        assertEquals(share(net, w.mtBuybackBps()), s.mtBuyback().units());
        assertEquals(share(net, w.flockBuybackBps()), s.flockBuyback().units());
        assertEquals(share(net, w.issuerBps()), s.issuer().units());
        BigInteger dust = s.treasuryDust().units();
        assertEquals(s.treasury().units().subtract(share(net, w.treasuryBps())), dust);
        assertTrue(dust.signum() >= 0 && dust.compareTo(BigInteger.valueOf(3)) <= 0, "dust " + dust);
    }

    @Property
    void netAndSharesAreMonotoneInGross(@ForAll("weights") RevenueWeights w, @ForAll("units") BigInteger gross,
            @ForAll("units") BigInteger more, @ForAll("units") BigInteger costs) {
        RevenueRouter r = RevenueRouter.of(w, RoundingMode.DOWN);
        RevenueSplit a = r.route(usd(gross), usd(costs));
        RevenueSplit b = r.route(usd(gross.add(more)), usd(costs));
        assertTrue(a.net().compareTo(b.net()) <= 0);
        assertTrue(a.mtBuyback().compareTo(b.mtBuyback()) <= 0);
        assertTrue(a.flockBuyback().compareTo(b.flockBuyback()) <= 0);
        assertTrue(a.issuer().compareTo(b.issuer()) <= 0);
    }

    @Property(tries = 200)
    void routingTheSumDiffersFromSummingTheRoutesByLessThanOneUnitPerPayment(@ForAll("weights") RevenueWeights w,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 5_000_000) Integer> payments) {
        RevenueRouter r = RevenueRouter.of(w, RoundingMode.DOWN);
        List<Amount> pays = payments.stream().map(p -> usd(BigInteger.valueOf(p))).toList();
        BigInteger total = payments.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        RevenueSplit each = r.routeEach(pays, usd(BigInteger.ZERO));
        RevenueSplit sum = r.route(usd(total), usd(BigInteger.ZERO));
        assertEquals(sum.net(), each.net());
        BigInteger k = BigInteger.valueOf(payments.size());
        for (int i = 0; i < 3; i++) {
            BigInteger d = i == 0 ? sum.mtBuyback().units().subtract(each.mtBuyback().units())
                    : i == 1 ? sum.flockBuyback().units().subtract(each.flockBuyback().units())
                            : sum.issuer().units().subtract(each.issuer().units());
            assertTrue(d.signum() >= 0 && d.compareTo(k) < 0, "difference " + d + " for " + k + " payments");
        }
        assertTrue(sum.treasury().compareTo(each.treasury()) <= 0);
    }

    @Property(tries = 100)
    void theLedgerRoutesTheSumWhateverTheChunking(@ForAll("weights") RevenueWeights w,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 5_000_000) Integer> payments,
            @ForAll @IntRange(min = 0, max = 50_000_000) int costs) {
        DeploymentId d = DeploymentId.of("m");
        RevenueLedger base = RevenueLedger.builder().router(RevenueRouter.of(w, RoundingMode.DOWN)).build().register(d);
        RevenueLedger chunked = base;
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < payments.size(); i++) {
            chunked = chunked.record(UsagePayment.of(EventId.of("p" + i), d, AccountId.of("u"),
                    usd(BigInteger.valueOf(payments.get(i))), Instant.ofEpochSecond(i)));
            total = total.add(BigInteger.valueOf(payments.get(i)));
        }
        RevenueLedger single = base.record(UsagePayment.of(EventId.of("all"), d, AccountId.of("u"), usd(total),
                Instant.ofEpochSecond(7)));
        Map<DeploymentId, Amount> c = Map.of(d, usd(BigInteger.valueOf(costs)));
        assertEquals(single.closeEpoch(c).splitOf(d), chunked.closeEpoch(c).splitOf(d));
        assertEquals(RevenueRouter.of(w, RoundingMode.DOWN).route(usd(total), c.get(d)), chunked.closeEpoch(c).splitOf(d));
    }

    @Provide
    Arbitrary<UsagePayment> anyPayment() {
        Arbitrary<String> ids = Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "h");
        Arbitrary<DeploymentId> deps = Arbitraries.of(DeploymentId.of("m"), DeploymentId.of("ghost"));
        Arbitrary<Amount> amounts = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 1_000_000).map(u -> Amount.ofUnits(Asset.USD, u)),
                Arbitraries.longs().between(0, 1_000_000).map(u -> Amount.ofUnits(Asset.USDC, u)),
                Arbitraries.longs().between(0, 1_000_000).map(u -> Amount.ofUnits(Asset.FLOCK, u)));
        Arbitrary<Instant> times = Arbitraries.longs().between(-10, 86_410).map(Instant::ofEpochSecond);
        return Combinators.combine(ids, deps, amounts, times)
                .as((id, d, a, t) -> UsagePayment.of(EventId.of(id), d, AccountId.of("u"), a, t));
    }

    @Property(tries = 200)
    void rejectedPaymentsChangeNothingAndAcceptedOnesAddUp(
            @ForAll @Size(max = 30) List<@net.jqwik.api.From("anyPayment") UsagePayment> payments) {
        DeploymentId d = DeploymentId.of("m");
        RevenueLedger l = RevenueLedger.builder().build().register(d);
        BigInteger expected = BigInteger.ZERO;
        java.util.Set<EventId> seen = new java.util.HashSet<>();
        for (UsagePayment p : payments) {
            boolean good = !p.amount().asset().equals(Asset.FLOCK) && p.amount().isPositive()
                    && p.deployment().equals(d) && !seen.contains(p.id())
                    && p.time().getEpochSecond() >= 0 && p.time().getEpochSecond() < 86_400;
            if (good) {
                l = l.record(p);
                seen.add(p.id());
                expected = expected.add(p.amount().units());
            } else {
                RevenueLedger before = l;
                assertThrows(FomoException.class, () -> before.record(p));
                assertEquals(expected, before.grossOf(d).units());
            }
        }
        assertEquals(expected, l.grossOf(d).units());
        assertEquals(seen.size(), l.paymentsAccepted());
    }
}
