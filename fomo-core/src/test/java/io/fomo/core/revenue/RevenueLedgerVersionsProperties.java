package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.EventId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A ledger is a value even though its versions share a negative cache of payment ids: ledgers branching from
 * one another (each recording its own payments, past the points where the cache is rebuilt larger), and a
 * ledger restored from another's ids, each say an id was seen exactly when that ledger, and not a sibling or a
 * descendant, accepted it; and refuse exactly those ids as duplicates.
 */
class RevenueLedgerVersionsProperties {

    @Property(tries = 30)
    void eachVersionSeesItsOwnIdsAndNoOthers(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1500) int common,
            @ForAll @IntRange(max = 1500) int left, @ForAll @IntRange(max = 1500) int right) {
        SplittableRandom r = new SplittableRandom(seed);
        // Ids from a pool about twice the draws, so that branches draw some of the same ids.
        int pool = 2 * (common + left + right);
        Set<EventId> baseIds = new HashSet<>();
        RevenueLedger base = recordDistinct(new RevenueLedgerTest().ledger(), baseIds, r, pool, common);
        RevenueLedger l = base;
        Set<EventId> leftIds = new HashSet<>(baseIds);
        l = recordDistinct(l, leftIds, r, pool, left);
        RevenueLedger rt = base;
        Set<EventId> rightIds = new HashSet<>(baseIds);
        rt = recordDistinct(rt, rightIds, r, pool, right);
        RevenueLedger restored = base.restore(base.epoch(), base.deployments(), java.util.Map.of(), java.util.Map.of(),
                leftIds);
        List<EventId> probes = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            probes.add(id(i));
        }
        for (EventId id : probes) {
            assertEquals(baseIds.contains(id), base.hasSeen(id), "base, " + id);
            assertEquals(leftIds.contains(id), l.hasSeen(id), "left, " + id);
            assertEquals(rightIds.contains(id), rt.hasSeen(id), "right, " + id);
            assertEquals(leftIds.contains(id), restored.hasSeen(id), "restored, " + id);
        }
        assertEquals(baseIds.size(), base.paymentsAccepted());
        assertEquals(leftIds.size(), l.paymentsAccepted());
        assertEquals(rightIds.size(), rt.paymentsAccepted());
        // What the base has not seen it accepts, though both branches have it; what it has seen it refuses.
        for (EventId id : probes) {
            UsagePayment p = RevenueLedgerTest.pay(id.value(), RevenueLedgerTest.QWEN, RevenueLedgerTest.usd("1"),
                    RevenueLedgerTest.NOON);
            if (baseIds.contains(id)) {
                assertThrows(PaymentConflictException.class, () -> base.record(p), id.value());
            } else {
                assertEquals(baseIds.size() + 1, base.record(p).paymentsAccepted(), id.value());
            }
        }
    }

    /** Records {@code n} payments with ids from the pool not yet in {@code ids} (as long as the pool has any). */
    private static RevenueLedger recordDistinct(RevenueLedger l, Set<EventId> ids, SplittableRandom r, int pool,
            int n) {
        for (int k = 0; k < n; k++) {
            EventId id = id(r.nextInt(pool));
            if (!ids.add(id)) {
                continue;
            }
            l = l.record(RevenueLedgerTest.pay(id.value(), RevenueLedgerTest.QWEN, RevenueLedgerTest.usd("1"),
                    RevenueLedgerTest.NOON));
        }
        return l;
    }

    private static EventId id(int i) {
        return EventId.of("pay-" + i);
    }
}
