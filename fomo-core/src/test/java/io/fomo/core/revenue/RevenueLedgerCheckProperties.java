package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RevenueLedger#check} refuses exactly what {@link RevenueLedger#record} refuses, with the same
 * error, and treats the ids decided before as seen: checking random payments one after another (each id
 * added to the decided set once it passes) refuses the same payment, with the same error, as recording
 * them one after another.
 */
class RevenueLedgerCheckProperties {

    /** A payment as drawn: id from a small pool (repeats), deployment (one unregistered), amount, time. */
    record Draw(int id, int deployment, long units, boolean usdc, int hourOffset) {
    }

    @Provide
    Arbitrary<List<Draw>> draws() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(0, 1_000_000), Arbitraries.of(false, false, false, true),
                Arbitraries.integers().between(-30, 30)).as(Draw::new).list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 300)
    void checkingInTurnRefusesWhatRecordingInTurnRefuses(@ForAll("draws") List<Draw> draws) {
        RevenueLedger start = new RevenueLedgerTest().ledger();
        List<DeploymentId> deployments = List.of(RevenueLedgerTest.QWEN, RevenueLedgerTest.LLAMA,
                DeploymentId.of("nowhere"));
        RevenueLedger recorded = start;
        Set<EventId> decided = new HashSet<>();
        for (Draw d : draws) {
            Amount amount = Amount.ofUnits(d.usdc() ? Asset.USDC : Asset.USD, java.math.BigInteger.valueOf(d.units()));
            UsagePayment p = UsagePayment.of(EventId.of("p" + d.id()), deployments.get(d.deployment()),
                    RevenueLedgerTest.ALICE, amount, RevenueLedgerTest.NOON.plusSeconds(3600L * d.hourOffset()));
            FomoException byRecord = null;
            try {
                recorded = recorded.record(p);
            } catch (FomoException e) {
                byRecord = e;
            }
            FomoException byCheck = null;
            try {
                start.check(p, decided);
                decided.add(p.id());
            } catch (FomoException e) {
                byCheck = e;
            }
            if (byRecord == null) {
                assertEquals(null, byCheck, "check refused what record accepted: " + p);
            } else {
                FomoException e = byRecord;
                assertEquals(e.getClass(), byCheck == null ? null : byCheck.getClass(), e.getMessage());
                assertEquals(e.getMessage(), byCheck.getMessage());
            }
        }
        assertEquals(start.paymentsAccepted() + decided.size(), recorded.paymentsAccepted());
    }

    @Property(tries = 20)
    void checkBuildsNothing(@ForAll("draws") List<Draw> draws) {
        RevenueLedger l = new RevenueLedgerTest().ledger().record(RevenueLedgerTest.pay("seen",
                RevenueLedgerTest.QWEN, RevenueLedgerTest.usd("1"), RevenueLedgerTest.NOON));
        long before = l.paymentsAccepted();
        UsagePayment again = RevenueLedgerTest.pay("seen", RevenueLedgerTest.QWEN, RevenueLedgerTest.usd("2"),
                RevenueLedgerTest.NOON);
        assertThrows(PaymentConflictException.class, () -> l.check(again, Set.of()));
        UsagePayment fresh = RevenueLedgerTest.pay("fresh-" + draws.size(), RevenueLedgerTest.QWEN,
                RevenueLedgerTest.usd("2"), RevenueLedgerTest.NOON);
        l.check(fresh, Set.of());
        assertThrows(PaymentConflictException.class, () -> l.check(fresh, Set.of(fresh.id())));
        assertEquals(before, l.paymentsAccepted());
        assertEquals(RevenueLedgerTest.usd("1"), l.grossOf(RevenueLedgerTest.QWEN));
    }
}
