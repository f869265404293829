package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.ALICE;
import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.T0;
import static io.fomo.core.engine.EngineFixture.flock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ChainGateway;
import io.fomo.spi.EventId;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.IntentConfirmation;
import io.fomo.spi.IntentId;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.ManualClock;
import io.fomo.spi.PriceQuote;
import io.fomo.spi.TokenIntent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the promise that {@code submit} returns whenever the batch is journaled (issue 13): a
 * gateway that fails with anything (an RPC outage), then recovers; and a stale engine that must catch up
 * before it validates.
 */
class FaultsAfterCommitTest {

    /** A real in-memory chain behind a switch: while down, every call fails as an RPC outage would. */
    static final class FlakyGateway implements ChainGateway {
        final InMemoryChainGateway chain = new InMemoryChainGateway();
        RuntimeException outage;
        /** When set, the chain executes the intent and the answer is lost on the way back. */
        boolean loseAnswers;
        int calls;

        @Override
        public IntentConfirmation execute(TokenIntent intent) {
            calls++;
            if (outage != null) {
                throw outage;
            }
            IntentConfirmation c = chain.execute(intent);
            if (loseAnswers) {
                throw new java.io.UncheckedIOException(new java.io.IOException("connection reset after send"));
            }
            return c;
        }

        @Override
        public Optional<IntentConfirmation> confirmation(IntentId intentId) {
            return chain.confirmation(intentId);
        }

        @Override
        public Amount balanceOf(AccountId account, Asset asset) {
            return chain.balanceOf(account, asset);
        }

        @Override
        public Amount totalSupply(Asset asset) {
            return chain.totalSupply(asset);
        }
    }

    private static FomoProtocol engine(InMemoryEventJournal journal, ChainGateway gateway, ManualClock clock) {
        InMemoryPriceFeed prices = new InMemoryPriceFeed();
        prices.put(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), "test", T0));
        return FomoProtocol.builder().journal(journal).chainGateway(gateway).priceFeed(prices).clock(clock)
                .parameters(ProtocolParameters.builder(T0).build()).build();
    }

    private static long confirmationsOf(InMemoryEventJournal journal, String intent) {
        return journal.read(1).stream().map(JournalRecord::entry)
                .filter(e -> e.type().equals(FomoProtocol.CONFIRMATION))
                .filter(e -> new String(e.payload(), StandardCharsets.UTF_8).contains(intent)).count();
    }

    @Test
    void rpcOutageDuringDispatchAfterCommitStillReturnsTheReceiptAndAppliesOnce() {
        InMemoryEventJournal journal = new InMemoryEventJournal();
        FlakyGateway gateway = new FlakyGateway();
        ManualClock clock = ManualClock.startingAt(T0);
        FomoProtocol p = engine(journal, gateway, clock);
        gateway.outage = new IllegalStateException("RPC outage");

        EventId id = EventId.of("deposit-during-outage");
        Receipt r = p.submit(id, new Command.Deposit(CAROL, flock("250")));

        assertFalse(r.isDuplicate());
        assertEquals(1, r.intents());
        assertEquals(1, r.pendingIntents(), "the receipt says the mint is still pending: " + r);
        assertTrue(r.toString().contains("pending=1"), r.toString());
        List<TokenIntent> pending = p.pendingIntents();
        assertEquals(1, pending.size());
        assertEquals(IntentId.of("deposit-during-outage#1"), pending.get(0).id());
        assertThrows(UnsupportedOperationException.class, () -> pending.clear(), "an immutable list");
        assertEquals(flock("250"), p.balance(CAROL, Asset.FLOCK), "the command is applied");
        assertTrue(gateway.chain.balanceOf(CAROL, Asset.FLOCK).isZero(), "the chain has not seen it yet");

        // The integrator, unsure, retries with the same id: a duplicate, nothing applied twice.
        String hash = p.stateHash();
        assertTrue(p.submit(id, new Command.Deposit(CAROL, flock("250"))).isDuplicate());
        assertEquals(hash, p.stateHash());
        // Still down: dispatch delivers nothing and does not throw.
        assertEquals(0, p.dispatch());
        assertEquals(1, p.pendingIntents().size());

        gateway.outage = null;
        assertEquals(1, p.dispatch());
        assertTrue(p.pendingIntents().isEmpty());
        assertEquals(flock("250"), gateway.chain.balanceOf(CAROL, Asset.FLOCK), "minted once on the chain");
        assertEquals(flock("250"), p.balance(CAROL, Asset.FLOCK), "booked once");
        assertEquals(1, confirmationsOf(journal, "deposit-during-outage#1"));
        assertEquals(0, p.dispatch(), "nothing left to deliver");

        // A replay agrees, with nothing pending.
        FomoProtocol replay = FomoProtocol.builder().journal(journal).chainGateway(gateway)
                .priceFeed(new InMemoryPriceFeed()).clock(clock).autoDispatch(false).build();
        assertEquals(p.stateHash(), replay.stateHash());
        assertTrue(replay.pendingIntents().isEmpty());
    }

    @Test
    void anAnswerLostAfterTheChainExecutedIsConfirmedLaterNotExecutedTwice() {
        InMemoryEventJournal journal = new InMemoryEventJournal();
        FlakyGateway gateway = new FlakyGateway();
        FomoProtocol p = engine(journal, gateway, ManualClock.startingAt(T0));
        gateway.loseAnswers = true;
        Receipt r = p.submit(EventId.of("lost-answer"), new Command.Deposit(BOB, flock("7")));
        assertEquals(1, r.pendingIntents());
        assertEquals(flock("7"), gateway.chain.balanceOf(BOB, Asset.FLOCK), "the chain did execute it");
        Amount supply = gateway.chain.totalSupply(Asset.FLOCK);

        gateway.loseAnswers = false;
        assertEquals(1, p.dispatch());
        assertEquals(flock("7"), gateway.chain.balanceOf(BOB, Asset.FLOCK), "not minted a second time");
        assertEquals(supply, gateway.chain.totalSupply(Asset.FLOCK));
        assertEquals(1, confirmationsOf(journal, "lost-answer#1"));
    }

    @Test
    void errorsOtherThanExceptionsFromTheGatewayAlsoLeaveTheCommandDone() {
        InMemoryEventJournal journal = new InMemoryEventJournal();
        FlakyGateway gateway = new FlakyGateway();
        FomoProtocol p = engine(journal, gateway, ManualClock.startingAt(T0));
        gateway.outage = new InsufficientLiquidityException("a balance not there yet");
        assertEquals(1, p.submit(EventId.of("refused"), new Command.Deposit(BOB, flock("7"))).pendingIntents());
        gateway.outage = new NullPointerException("a bug in the integrator's RPC client");
        assertEquals(1, p.submit(EventId.of("npe"), new Command.Deposit(BOB, flock("3"))).pendingIntents());
        assertEquals(2, p.pendingIntents().size());
        gateway.outage = null;
        assertEquals(2, p.dispatch());
        assertEquals(flock("10"), gateway.chain.balanceOf(BOB, Asset.FLOCK));
    }

    @Test
    void anOutageWhileTheEngineOpensStillOpensIt() {
        InMemoryEventJournal journal = new InMemoryEventJournal();
        FlakyGateway gateway = new FlakyGateway();
        gateway.outage = new IllegalStateException("RPC outage");
        FomoProtocol p = engine(journal, gateway, ManualClock.startingAt(T0));
        assertFalse(p.pendingIntents().isEmpty(), "the genesis mints wait for the chain");
        int waiting = p.pendingIntents().size();
        gateway.outage = null;
        assertEquals(waiting, p.dispatch());
        assertTrue(p.pendingIntents().isEmpty());
    }

    @Test
    void aStaleEngineCatchesUpBeforeItValidatesABuyThatNeedsAnotherEnginesDeposit() {
        EngineFixture f = new EngineFixture();
        f.run(new Command.Deposit(ALICE, flock("100000")));
        f.run(new Command.OpenLaunch(DEP, ALICE, EngineFixture.launch(), EngineFixture.pricing(), flock("0")));
        f.clock.advance(Duration.ofHours(1));
        FomoProtocol a = f.protocol;
        FomoProtocol b = FomoProtocol.builder().journal(f.journal).chainGateway(f.chain).priceFeed(f.prices)
                .clock(f.clock).build();
        long staleAt = a.sequence();
        b.submit(EventId.of("b-deposit"), new Command.Deposit(CAROL, flock("5000")));
        assertEquals(staleAt, a.sequence(), "a has not looked at the journal since");

        Receipt buy = a.submit(EventId.of("a-buy"), new Command.Buy(DEP, CAROL, flock("5000")));

        assertFalse(buy.isDuplicate());
        assertEquals(flock("5000"), buy.bought().orElseThrow().gross());
        assertTrue(a.balance(CAROL, Asset.FLOCK).isZero());
        b.catchUp();
        assertEquals(a.stateHash(), b.stateHash());
    }

    @Test
    void aStaleEngineAnswersAnIdAnotherEngineJournaledAsADuplicateWithoutWriting() {
        EngineFixture f = new EngineFixture();
        FomoProtocol b = FomoProtocol.builder().journal(f.journal).chainGateway(f.chain).priceFeed(f.prices)
                .clock(f.clock).build();
        b.submit(EventId.of("shared"), new Command.Deposit(CAROL, flock("1")));
        long journaled = f.journal.read(1).size();
        assertTrue(f.protocol.submit(EventId.of("shared"), new Command.Deposit(CAROL, flock("1"))).isDuplicate());
        assertEquals(journaled, f.journal.read(1).size());
        assertThrows(IdempotencyConflictException.class,
                () -> f.protocol.submit(EventId.of("shared"), new Command.Deposit(CAROL, flock("2"))));
        assertEquals(journaled, f.journal.read(1).size());
    }
}
