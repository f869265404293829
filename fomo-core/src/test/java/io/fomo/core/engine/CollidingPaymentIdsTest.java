package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.core.revenue.PaymentConflictException;
import io.fomo.spi.EventId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Payment ids chosen to share one {@code String} hash ("Aa" and "BB" hash alike, and so does every string of such
 * blocks), through the engine: a batch of them, more single payments than the open epoch's trie holds before it
 * freezes, a close, and every reuse refused with nothing changed; a replay of the journal ends on the same state.
 * (docs/limits.md, "Ids chosen to share a hash"; the cost is measured outside the tests.)
 */
class CollidingPaymentIdsTest {

    /** The {@code i}-th of 4,096 payment ids of one hash. */
    private static EventId colliding(int i) {
        StringBuilder k = new StringBuilder("pay-");
        for (int b = 0; b < 12; b++) {
            k.append((i >> b & 1) == 0 ? "Aa" : "BB");
        }
        return EventId.of(k.toString());
    }

    @Test
    void idsOfOneHashAreAcceptedOnceAndEveryReuseIsRefused() {
        EngineFixture f = new EngineFixture().graduated();
        assertEquals(colliding(0).hashCode(), colliding(4095).hashCode());
        List<Command.RecordUsageBatch.Call> calls = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            calls.add(new Command.RecordUsageBatch.Call(colliding(i), (i & 1) == 0 ? CAROL : BOB, 1_000));
        }
        f.run(new Command.RecordUsageBatch(DEP, calls));
        // More single payments than the open trie holds (SeenPayments.OPEN_LIMIT): it freezes on its way.
        for (int i = 2000; i < 3100; i++) {
            f.run(new Command.RecordUsage(colliding(i), DEP, CAROL, 1_000));
        }
        assertEquals(3100, f.protocol.revenue().paymentsAccepted());
        assertReusesRefused(f, 0, 1999, 2000, 2500, 3099);
        f.clock.set(EngineFixture.T0.plus(Duration.ofDays(1)));
        f.prices.put(io.fomo.spi.PriceQuote.of(io.fomo.spi.Asset.FLOCK, new BigDecimal("0.05"), "test", f.clock.now()));
        f.run(new Command.CloseEpoch(Map.of(DEP, EngineFixture.usd("100"))));
        // After the close every id is in a frozen level: still refused; a new one of the same hash is accepted.
        assertReusesRefused(f, 7, 1500, 3000);
        f.run(new Command.RecordUsage(colliding(4095), DEP, BOB, 1_000));
        String hash = f.protocol.stateHash();
        FomoProtocol replayed = FomoProtocol.builder().journal(f.journal).chainGateway(f.chain).priceFeed(f.prices)
                .clock(f.clock).parameters(ProtocolParameters.builder(EngineFixture.T0).build()).build();
        assertEquals(hash, replayed.stateHash(), "a replay of the journal");
        assertEquals(3101, replayed.revenue().seenPayments().size());
    }

    private static void assertReusesRefused(EngineFixture f, int... which) {
        for (int i : which) {
            String hash = f.protocol.stateHash();
            long sequence = f.protocol.sequence();
            PaymentConflictException e = assertThrows(PaymentConflictException.class,
                    () -> f.run(new Command.RecordUsage(colliding(i), DEP, BOB, 1_000)), "reuse of " + i);
            assertEquals("payment.id", e.field());
            assertEquals(hash, f.protocol.stateHash(), "nothing changed by the refusal of " + i);
            assertEquals(sequence, f.protocol.sequence());
        }
    }
}
