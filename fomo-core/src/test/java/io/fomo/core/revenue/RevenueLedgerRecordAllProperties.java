package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import java.math.BigInteger;
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
import net.jqwik.api.Tuple;

/**
 * {@link RevenueLedger#recordAll} is recording one by one: over random days of batches (ids drawn from a pool,
 * so a batch repeats its own ids and those of earlier days; amounts up to near {@code Long.MAX_VALUE}, so sums
 * pass what a long holds; now and then a wrong asset, a zero, an unknown deployment or a time outside the
 * epoch), each batch gives the ledger that folding {@link RevenueLedger#record} over it gives (gross, counts,
 * every id, the close), or the same error, and then leaves the ledger as it was.
 */
class RevenueLedgerRecordAllProperties {

    /** A payment as drawn: id from a pool (repeats), deployment (the third is unregistered), amount, time. */
    record Draw(int id, int deployment, long units, int asset, int hourOffset) {
    }

    @Provide
    Arbitrary<List<List<Draw>>> days() {
        Arbitrary<Long> units = Arbitraries.oneOf(Arbitraries.longs().between(1, 1_000_000),
                Arbitraries.longs().between(Long.MAX_VALUE / 4, Long.MAX_VALUE), Arbitraries.just(0L));
        Arbitrary<Draw> draw = Combinators.combine(Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 20).map(d -> d == 0 ? 2 : d % 2), units,
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 60).map(h -> h == 0 ? 30 : 0))
                .as(Draw::new);
        // Mostly good draws: a bad one (zero, unknown deployment, wrong asset, other epoch) in a batch fails it.
        Arbitrary<Draw> good = Combinators.combine(Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 1), units.filter(u -> u > 0), Arbitraries.integers().between(1, 40),
                Arbitraries.just(0)).as(Draw::new);
        Arbitrary<List<Draw>> batch = Arbitraries.frequencyOf(Tuple.of(6, good.list().ofMaxSize(80)),
                Tuple.of(1, draw.list().ofMaxSize(20)));
        return batch.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 150)
    void aBatchIsItsPaymentsRecordedInTurn(@ForAll("days") List<List<Draw>> days, @ForAll boolean closeDaily) {
        RevenueLedger one = new RevenueLedgerTest().ledger();
        RevenueLedger all = one;
        long epoch = one.epoch();
        for (List<Draw> day : days) {
            List<UsagePayment> payments = new ArrayList<>();
            for (Draw d : day) {
                payments.add(payment(d, epoch));
            }
            RevenueLedger byOne = one;
            FomoException oneError = null;
            try {
                for (UsagePayment p : payments) {
                    byOne = byOne.record(p);
                }
            } catch (FomoException e) {
                oneError = e;
            }
            RevenueLedger byAll = null;
            FomoException allError = null;
            try {
                byAll = all.recordAll(payments);
            } catch (FomoException e) {
                allError = e;
            }
            if (oneError != null) {
                assertNotNull(allError, "recordAll accepted what record refused: " + oneError.getMessage());
                assertEquals(oneError.getClass(), allError.getClass(), oneError.getMessage());
                assertEquals(oneError.getMessage(), allError.getMessage());
                sameLedger(one, all, "after a refused batch");
                continue;
            }
            assertEquals(null, allError, () -> "recordAll refused what record accepted: " + payments);
            sameLedger(byOne, byAll, "after a batch of " + payments.size());
            one = byOne;
            all = byAll;
            if (closeDaily) {
                EpochRevenue c1 = one.closeEpoch(Map.of());
                EpochRevenue c2 = all.closeEpoch(Map.of());
                assertEquals(c1.totalGross(), c2.totalGross());
                for (DeploymentId d : one.deployments()) {
                    assertEquals(c1.splitOf(d), c2.splitOf(d), d.value());
                }
                one = c1.ledger();
                all = c2.ledger();
                epoch++;
            }
        }
    }

    @Property(tries = 20)
    void anEmptyBatchIsTheSameLedger(@ForAll("days") List<List<Draw>> days) {
        RevenueLedger l = new RevenueLedgerTest().ledger();
        assertSame(l, l.recordAll(List.of()));
    }

    private static void sameLedger(RevenueLedger expected, RevenueLedger actual, String when) {
        assertEquals(expected.epoch(), actual.epoch(), when);
        assertEquals(expected.paymentsAccepted(), actual.paymentsAccepted(), when);
        assertEquals(expected.seenPayments(), actual.seenPayments(), when);
        for (DeploymentId d : expected.deployments()) {
            Amount g = expected.grossOf(d);
            assertEquals(g, actual.grossOf(d), when + ", gross of " + d);
            assertEquals(g.value().scale(), actual.grossOf(d).value().scale(), when + ", scale of " + d);
            assertEquals(expected.paymentCount(d), actual.paymentCount(d), when + ", count of " + d);
        }
        for (int i = 0; i <= 400; i++) {
            EventId id = EventId.of("p" + i);
            assertEquals(expected.hasSeen(id), actual.hasSeen(id), when + ", " + id);
        }
    }

    private static UsagePayment payment(Draw d, long epoch) {
        List<DeploymentId> deployments = List.of(RevenueLedgerTest.QWEN, RevenueLedgerTest.LLAMA,
                DeploymentId.of("nowhere"));
        Asset asset = d.asset() == 0 ? Asset.FLOCK : d.asset() % 3 == 0 ? Asset.USDC : Asset.USD;
        Amount amount = Amount.ofUnits(asset, BigInteger.valueOf(d.units()));
        Instant noon = RevenueLedgerTest.NOON.plusSeconds(86_400L * (epoch - RevenueLedgerTest.DAY));
        return UsagePayment.of(EventId.of("p" + d.id()), deployments.get(d.deployment()), RevenueLedgerTest.ALICE,
                amount, noon.plusSeconds(3600L * d.hourOffset()));
    }
}
