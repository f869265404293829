package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.ALICE;
import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DAVE;
import static io.fomo.core.engine.EngineFixture.DEP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.LimitExceededException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A {@link Command.RecordUsageBatch} decides exactly what its calls submitted one by one as
 * {@link Command.RecordUsage} decide, all or nothing. Two engines in the same state take the same random
 * calls (users with and without a stake discount, a protocol account, payment ids reused within the calls
 * and from before, units from negative to beyond the bound): one as a batch, the other call by call.
 * <ul>
 *   <li>When every call is accepted one by one, the batch is accepted, and after both engines close the
 *       epoch their states hash the same but for the number of commands; a fresh engine replaying the
 *       batch's journal reaches the batch engine's state.</li>
 *   <li>When a call is refused one by one, the batch is refused with the error of the first refused call
 *       (same class; a call's own field named {@code calls[i].}), and changes neither the state nor the
 *       journal.</li>
 * </ul>
 */
class UsageBatchProperties {

    private static final List<AccountId> USERS = List.of(ALICE, BOB, CAROL, DAVE, Accounts.TREASURY);

    /** A call as drawn: its user, a payment id from a small pool (reuse) or fresh (-1), its units. */
    record Draw(AccountId user, int id, long units) {
    }

    @Provide
    Arbitrary<List<Draw>> draws() {
        return draws(12, 10, 1, 0, 3, 20, true, 12);
    }

    /**
     * Calls: a user ({@code users} to 1 a protocol account), a fresh payment id ({@code fresh} to
     * {@code reused} one of the ids {@code pool-<poolFrom>} to {@code pool-<poolTo>}), units ({@code goodUnits} to 1 non-positive,
     * and with {@code beyond} as many past the bound).
     */
    private static Arbitrary<List<Draw>> draws(int users, int fresh, int reused, int poolFrom, int poolTo,
            int goodUnits, boolean beyond, int maxSize) {
        Arbitrary<AccountId> user = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(users, Arbitraries.of(ALICE, BOB, CAROL, DAVE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Accounts.TREASURY)));
        Arbitrary<Integer> ids = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(fresh, Arbitraries.just(-1)),
                net.jqwik.api.Tuple.of(reused, Arbitraries.integers().between(poolFrom, poolTo)));
        Arbitrary<Long> good = Arbitraries.longs().between(1, 5_000_000);
        Arbitrary<Long> nonPositive = Arbitraries.longs().between(Long.MIN_VALUE, 0);
        Arbitrary<Long> tooMany = Arbitraries.longs().between(EngineLimits.MAX_UNITS_PER_PAYMENT, Long.MAX_VALUE);
        Arbitrary<Long> units = beyond
                ? Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(goodUnits, good),
                        net.jqwik.api.Tuple.of(1, nonPositive), net.jqwik.api.Tuple.of(1, tooMany))
                : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(goodUnits, good),
                        net.jqwik.api.Tuple.of(1, nonPositive));
        return Combinators.combine(user, ids, units).as(Draw::new).list().ofMinSize(1).ofMaxSize(maxSize);
    }

    @Property(tries = 80)
    void aBatchDecidesWhatItsCallsOneByOneDecide(@ForAll("draws") List<Draw> draws) {
        EngineFixture batched = prepared();
        EngineFixture oneByOne = prepared();
        List<Command.RecordUsageBatch.Call> calls = new ArrayList<>();
        int fresh = 0;
        for (Draw d : draws) {
            String id = d.id() < 0 ? "fresh-" + fresh++ : "pool-" + d.id();
            calls.add(new Command.RecordUsageBatch.Call(EventId.of(id), d.user(), d.units()));
        }

        FomoException firstRefusal = null;
        int refusedAt = -1;
        for (int i = 0; i < calls.size(); i++) {
            Command.RecordUsageBatch.Call c = calls.get(i);
            try {
                oneByOne.run(new Command.RecordUsage(c.paymentId(), DEP, c.user(), c.units()));
            } catch (FomoException e) {
                if (firstRefusal == null) {
                    firstRefusal = e;
                    refusedAt = i;
                }
            }
        }

        Command.RecordUsageBatch batch = new Command.RecordUsageBatch(DEP, calls);
        if (firstRefusal == null) {
            batched.run(batch);
            closeEpoch(batched);
            closeEpoch(oneByOne);
            assertEquals(hashWithCommands(oneByOne, 0), hashWithCommands(batched, 0),
                    "the batch and its calls one by one reach the same state");
            assertEquals(oneByOne.protocol.stateForTest().commands - calls.size() + 1,
                    batched.protocol.stateForTest().commands, "a batch is one command");
            FomoProtocol replayed = FomoProtocol.builder().journal(batched.journal).chainGateway(batched.chain)
                    .priceFeed(batched.prices).clock(batched.clock).build();
            assertEquals(batched.protocol.stateHash(), replayed.stateHash(), "replay of the batch's journal");
            return;
        }
        String hash = batched.protocol.stateHash();
        long sequence = batched.protocol.sequence();
        FomoException e = assertThrows(FomoException.class, () -> batched.run(batch));
        assertEquals(firstRefusal.getClass(), e.getClass(), e.getMessage() + " vs " + firstRefusal.getMessage());
        String own = firstRefusal.field();
        String expected = own.equals("user") || own.equals("units") ? "calls[" + refusedAt + "]." + own : own;
        assertEquals(expected, e.field(), e.getMessage());
        assertEquals(hash, batched.protocol.stateHash(), "a refused batch changes nothing");
        assertEquals(sequence, batched.protocol.sequence(), "a refused batch journals nothing");
    }

    /** The number of calls is checked when the batch is built, before anything is encoded or charged. */
    @Property(tries = 20)
    void theNumberOfCallsIsBoundedWhenTheBatchIsBuilt(@ForAll @IntRange(min = 1, max = 1_000) int over) {
        Command.RecordUsageBatch.Call call = new Command.RecordUsageBatch.Call(EventId.of("p"), BOB, 1);
        List<Command.RecordUsageBatch.Call> tooMany = Collections.nCopies(EngineLimits.MAX_CALLS_PER_USAGE_BATCH
                + over, call);
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> new Command.RecordUsageBatch(DEP, tooMany));
        assertEquals("calls", e.field());
        assertTrue(e.getMessage().contains(String.valueOf(EngineLimits.MAX_CALLS_PER_USAGE_BATCH + over)),
                e.getMessage());
        List<Command.RecordUsageBatch.Call> most = Collections.nCopies(EngineLimits.MAX_CALLS_PER_USAGE_BATCH, call);
        assertEquals(EngineLimits.MAX_CALLS_PER_USAGE_BATCH, new Command.RecordUsageBatch(DEP, most).calls().size());
    }

    @Example
    void anEmptyBatchIsRefusedWhenBuilt() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> new Command.RecordUsageBatch(DEP, List.of()));
        assertEquals("calls", e.field());
    }

    @Example
    void theBatchKeepsItsOwnCopyOfTheCalls() {
        List<Command.RecordUsageBatch.Call> calls = new ArrayList<>(List.of(
                new Command.RecordUsageBatch.Call(EventId.of("p1"), BOB, 1)));
        Command.RecordUsageBatch batch = new Command.RecordUsageBatch(DEP, calls);
        calls.add(new Command.RecordUsageBatch.Call(EventId.of("p2"), CAROL, 2));
        assertEquals(1, batch.calls().size());
        assertThrows(UnsupportedOperationException.class, () -> batch.calls().clear());
    }

    /** Graduated, Bob staked (a discount tier), one payment id used before, an hour on. */
    /**
     * A batch decided in chunks on two cores (an engine that splits from a few calls) decides what one thread
     * deciding its calls in turn decides: the same receipt, or the same refusal (class, field and message:
     * the first refused call's, in call order, also when several chunks have one), the same state and journal.
     */
    @Property(tries = 80)
    void chunksOnTwoCoresDecideWhatOneThreadDecides(@ForAll("longDraws") List<Draw> draws,
            @ForAll @IntRange(min = 2, max = 8) int splitFrom) {
        EngineFixture split = prepared(b -> b.splitFrom(splitFrom));
        EngineFixture plain = prepared(b -> b.secondCore(false));
        List<Command.RecordUsageBatch.Call> calls = new ArrayList<>();
        int fresh = 0;
        for (Draw d : draws) {
            String id = d.id() < 0 ? "fresh-" + fresh++ : "pool-" + d.id();
            calls.add(new Command.RecordUsageBatch.Call(EventId.of(id), d.user(), d.units()));
        }
        Command.RecordUsageBatch batch = new Command.RecordUsageBatch(DEP, calls);
        assertEquals(outcome(plain, batch), outcome(split, batch));
        assertEquals(plain.protocol.stateHash(), split.protocol.stateHash());
        assertEquals(plain.protocol.headHash(), split.protocol.headHash());
    }

    private static String outcome(EngineFixture f, Command c) {
        try {
            return f.protocol.submit(EventId.of("the-batch"), c).toString();
        } catch (FomoException e) {
            return e.getClass().getName() + " " + e.field() + ": " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<List<Draw>> longDraws() {
        // Rarer refusals than draws(), so that batches long enough to split are often accepted whole, and
        // refusals fall in one chunk or several; an id repeated across chunks is a duplicate of the later call.
        return draws(60, 30, 2, 1, 8, 60, false, 40);
    }

    private static EngineFixture prepared() {
        return prepared(b -> b);
    }

    private static EngineFixture prepared(java.util.function.UnaryOperator<FomoProtocol.Builder> options) {
        EngineFixture f = new EngineFixture(new io.fomo.spi.InMemoryEventJournal(), options).graduated();
        f.clock.advance(Duration.ofHours(1));
        f.run(new Command.Stake(BOB, DEP, EngineFixture.mt("2000")));
        f.run(new Command.RecordUsage(EventId.of("pool-0"), DEP, CAROL, 10));
        return f;
    }

    private static void closeEpoch(EngineFixture f) {
        f.clock.advance(Duration.ofDays(1));
        f.prices.put(io.fomo.spi.PriceQuote.of(io.fomo.spi.Asset.FLOCK, new BigDecimal("0.05"), "test",
                f.clock.now()));
        f.run(new Command.CloseEpoch(Map.of(DEP, EngineFixture.usd("1"))));
    }

    /** The state hash with the command count set to {@code commands} for the comparison, then restored. */
    private static String hashWithCommands(EngineFixture f, long commands) {
        State s = f.protocol.stateForTest();
        long kept = s.commands;
        s.commands = commands;
        try {
            return StateHash.of(s);
        } finally {
            s.commands = kept;
        }
    }
}
