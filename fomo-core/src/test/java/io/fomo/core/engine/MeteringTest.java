package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.T0;
import static io.fomo.core.engine.EngineFixture.mt;
import static io.fomo.core.engine.EngineFixture.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MeteringTest {

    private static final AccountId ACME = AccountId.of("team-acme");

    private static RecordTokenUsage call(String request, AccountId user, AccountId team, String list, Instant at) {
        return new RecordTokenUsage(EventId.of(request), DEP, user, team, new TokenCounts(1_000, 200, 500), usd(list), at);
    }

    private static Receipt submit(EngineFixture f, RecordTokenUsage u) {
        return f.protocol.submit(u.commandId(), u);
    }

    @Test
    void aCallPaysTheStakingDiscountedChargeAndDeductsTheTeamsCredits() {
        EngineFixture f = new EngineFixture().graduated();
        f.run(new Command.Stake(BOB, DEP, mt("2000")));             // >= 1,000 MT: 10% off by the default tiers
        f.run(new TopUpCredits(ACME, Amount.parse(Asset.USDC, "10")));
        Amount before = f.protocol.revenue().grossOf(DEP);
        submit(f, call("chatcmpl-1", BOB, ACME, "1.234567", f.clock.now()));
        // 1.234567 x 0.9 = 1.1111103, rounded up once to USD micro-units.
        assertEquals(usd("1.111111"), f.protocol.revenue().grossOf(DEP).minus(before));
        assertEquals(usd("8.888889"), f.protocol.credits().get(ACME).available());
        MeterTotals t = f.protocol.meterTotals().get(DEP);
        assertEquals(new MeterTotals(1, 1_000, 200, 500, usd("1.234567"), usd("1.111111"), 0), t);
    }

    @Test
    void theEpochCloseRoutesWhatTheCallsPaid() {
        EngineFixture f = new EngineFixture().graduated();
        f.run(new Command.Stake(BOB, DEP, mt("2000")));
        submit(f, call("w-1", BOB, ACME, "10", f.clock.now()));      // 9 after 10% off
        submit(f, call("w-2", CAROL, ACME, "0.000001", f.clock.now()));
        f.clock.set(T0.plus(Duration.ofDays(1)));
        f.prices.put(io.fomo.spi.PriceQuote.of(Asset.FLOCK, new java.math.BigDecimal("0.05"), "test", f.clock.now()));
        f.run(new Command.CloseEpoch(java.util.Map.of()));
        assertEquals(usd("9.000001"), f.protocol.lastEpochRevenue().orElseThrow().totalGross());
    }

    @Test
    void aCallBeyondTheBalanceIsBilledInFullAndTheNextTopUpSettlesTheArrears() {
        EngineFixture f = new EngineFixture().graduated();
        f.run(new TopUpCredits(ACME, usd("1")));
        submit(f, call("r-1", CAROL, ACME, "3", f.clock.now()));
        CreditAccount a = f.protocol.credits().get(ACME);
        assertEquals(usd("2"), a.arrears());
        assertEquals(usd("0"), a.available());
        assertEquals(usd("3"), f.protocol.meterTotals().get(DEP).revenue());
        f.run(new TopUpCredits(ACME, usd("5")));
        assertEquals(usd("3"), f.protocol.credits().get(ACME).available());
        assertEquals(usd("0"), f.protocol.credits().get(ACME).arrears());
    }

    @Test
    void theSameRequestIsBilledOnce() {
        EngineFixture f = new EngineFixture().graduated();
        RecordTokenUsage u = call("req-7", CAROL, CAROL, "0.5", f.clock.now());
        submit(f, u);
        String hash = f.protocol.stateHash();
        assertTrue(submit(f, u).isDuplicate());
        assertEquals(hash, f.protocol.stateHash());
        InvalidStateException e = assertThrows(InvalidStateException.class,
                () -> f.protocol.submit(EventId.of("another-id"), u));
        assertTrue(e.getMessage().contains("req-7"), e.getMessage());
        assertEquals(hash, f.protocol.stateHash());
        assertEquals(1, f.protocol.meterTotals().get(DEP).calls());
    }

    @Test
    void aCallOfAClosedEpochIsBookedInTheOpenEpochAndCountedLate() {
        EngineFixture f = new EngineFixture().graduated().oneEpoch();
        assertEquals(1, f.protocol.epoch());
        Amount before = f.protocol.revenue().grossOf(DEP);
        submit(f, call("old-call", CAROL, CAROL, "2", T0.plus(Duration.ofHours(5))));
        assertEquals(usd("2"), f.protocol.revenue().grossOf(DEP).minus(before));
        assertEquals(1, f.protocol.meterTotals().get(DEP).late());
        submit(f, call("new-call", CAROL, CAROL, "2", f.clock.now()));
        assertEquals(1, f.protocol.meterTotals().get(DEP).late());
    }

    @Test
    void replayRebuildsCreditsAndMeterTotals() {
        EngineFixture f = new EngineFixture().graduated();
        f.run(new TopUpCredits(ACME, usd("4")));
        submit(f, call("a", BOB, ACME, "1.5", f.clock.now()));
        submit(f, call("b", CAROL, ACME, "0.25", f.clock.now()));
        FomoProtocol replayed = FomoProtocol.builder().journal(f.journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(T0)).autoDispatch(false).build();
        assertEquals(f.protocol.stateHash(), replayed.stateHash());
        assertEquals(f.protocol.credits(), replayed.credits());
        assertEquals(usd("2.25"), replayed.credits().get(ACME).available());
        assertEquals(f.protocol.meterTotals(), replayed.meterTotals());
    }

    @Test
    void creditsAndMeteredUsageAreInTheStateHash() {
        EngineFixture a = new EngineFixture().graduated();
        EngineFixture b = new EngineFixture().graduated();
        assertEquals(a.protocol.stateHash(), b.protocol.stateHash());
        a.run(new TopUpCredits(ACME, usd("1")));
        b.run(new TopUpCredits(ACME, usd("2")));
        assertTrue(!a.protocol.stateHash().equals(b.protocol.stateHash()), "the balance is hashed");
    }

    @Test
    void badMeteringCommandsChangeNothing() {
        EngineFixture f = new EngineFixture().graduated();
        String hash = f.protocol.stateHash();
        assertThrows(InvalidArgumentException.class, () -> f.run(new TopUpCredits(ACME, Amount.parse(Asset.FLOCK, "1"))));
        assertThrows(InvalidArgumentException.class, () -> f.run(new TopUpCredits(ACME, usd("0"))));
        assertThrows(InvalidArgumentException.class,
                () -> f.run(new TopUpCredits(AccountId.of("protocol:treasury"), usd("1"))));
        assertThrows(InvalidArgumentException.class, () -> f.run(new RecordTokenUsage(EventId.of("x"), DEP, CAROL, ACME,
                new TokenCounts(1, 0, 1), Amount.parse(Asset.USDC, "1"), f.clock.now())));
        assertThrows(InvalidStateException.class, () -> f.run(new RecordTokenUsage(EventId.of("y"),
                DeploymentId.of("nowhere"), CAROL, ACME, new TokenCounts(1, 0, 1), usd("1"), f.clock.now())));
        assertThrows(InvalidArgumentException.class, () -> new TokenCounts(10, 11, 0));
        assertThrows(InvalidArgumentException.class, () -> new TokenCounts(-1, 0, 0));
        assertEquals(hash, f.protocol.stateHash());
    }

    @Test
    void aDeploymentThatHasNotGraduatedBillsNothing() {
        EngineFixture f = new EngineFixture();
        f.run(new Command.Deposit(EngineFixture.ALICE, EngineFixture.flock("100000")));
        f.run(new Command.OpenLaunch(DEP, EngineFixture.ALICE, EngineFixture.launch(), EngineFixture.pricing(),
                EngineFixture.flock("0")));
        InvalidStateException e = assertThrows(InvalidStateException.class,
                () -> submit(f, call("early", CAROL, CAROL, "1", f.clock.now())));
        assertTrue(e.getMessage().contains("has not graduated"), e.getMessage());
    }

    /** The facts journaled in the batch of a command id. */
    private static java.util.List<Fact> factsOf(EngineFixture f, EventId key) {
        JournalSurgery.Batch b = JournalSurgery.batches(f.journal).stream().filter(x -> x.key().equals(key))
                .findFirst().orElseThrow();
        return FactCodec.decode(Fields.decode(b.entries().get(1).payload(), "test"));
    }

    @Test
    void topUpsDeductionsAndArrearsAreJournaledAsFacts() {
        EngineFixture f = new EngineFixture().graduated();
        EventId first = EventId.of("top-up-1");
        f.protocol.submit(first, new TopUpCredits(ACME, Amount.parse(Asset.USDC, "1")));
        RecordTokenUsage u = call("r-1", CAROL, ACME, "3", f.clock.now());
        submit(f, u);
        EventId second = EventId.of("top-up-2");
        f.protocol.submit(second, new TopUpCredits(ACME, usd("5")));
        // Carol holds no stake: she pays the list price. 1 USDC credited, a 3 USD call leaves 2 USD owed,
        // which the next 5 USD top-up settles first.
        assertEquals(java.util.List.of(new Fact.CreditsToppedUp(ACME, Amount.parse(Asset.USDC, "1"))),
                factsOf(f, first));
        assertEquals(java.util.List.of(new Fact.Charged(EventId.of("r-1"), DEP, CAROL, usd("3")),
                new Fact.CreditsDeducted(ACME, usd("3"), EventId.of("r-1")), new Fact.ArrearsIncurred(ACME, usd("2"))),
                factsOf(f, u.commandId()));
        assertEquals(java.util.List.of(new Fact.CreditsToppedUp(ACME, usd("5")), new Fact.ArrearsSettled(ACME, usd("2"))),
                factsOf(f, second));
        // Credit facts are decisions, not movements: the books are the same as without them.
        java.util.List<Fact> all = FactFold.factsOf(f.journal);
        assertEquals(FactFold.of(all.stream().filter(x -> !(x instanceof Fact.CreditsToppedUp
                || x instanceof Fact.CreditsDeducted || x instanceof Fact.ArrearsIncurred
                || x instanceof Fact.ArrearsSettled)).toList()).hash(), FactFold.of(all).hash());
    }

    @Test
    void aCallWithinTheBalanceCreatesNoArrears() {
        EngineFixture f = new EngineFixture().graduated();
        f.run(new TopUpCredits(ACME, usd("10")));
        RecordTokenUsage u = call("r-2", CAROL, ACME, "0.25", f.clock.now());
        submit(f, u);
        assertEquals(java.util.List.of(new Fact.Charged(EventId.of("r-2"), DEP, CAROL, usd("0.25")),
                new Fact.CreditsDeducted(ACME, usd("0.25"), EventId.of("r-2"))), factsOf(f, u.commandId()));
    }

    @Test
    void forgedCreditFactsWithValidSealsDoNotFitTheStateAndTheAuditNamesThem() {
        EngineFixture f = new EngineFixture().graduated();
        f.run(new TopUpCredits(ACME, usd("1")));
        RecordTokenUsage u = call("r-3", CAROL, ACME, "3", f.clock.now());
        submit(f, u);
        assertEquals(f.protocol.stateHash(), JournalSurgery.replay(f.journal).stateHash());
        // A forger turns the arrears the call created into arrears settled, and seals everything anew.
        var forged = JournalSurgery.resealed(JournalSurgery.batches(f.journal), b -> {
            if (!b.key().equals(u.commandId())) {
                return b;
            }
            java.util.List<io.fomo.spi.JournalEntry> e = new java.util.ArrayList<>(b.entries());
            io.fomo.spi.JournalEntry old = e.get(1);
            String text = new String(old.payload(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("fact=arrears-incurred\n"), text);
            e.set(1, io.fomo.spi.JournalEntry.of(old.type(), text.replace("fact=arrears-incurred\n",
                    "fact=arrears-settled\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), old.timestamp()));
            return new JournalSurgery.Batch(b.key(), e);
        });
        // Replay folds the facts: arrears settled by a deduction do not follow from the credit account.
        JournalIntegrityException x = assertThrows(JournalIntegrityException.class, () -> JournalSurgery.replay(forged));
        assertEquals(JournalIntegrityException.Kind.MALFORMED, x.kind());
        assertEquals(u.commandId(), x.commandId().orElseThrow());
        assertTrue(x.getMessage().contains("arrears-settled"), x.getMessage());
        // The audit decides the call again and names it.
        assertEquals(u.commandId(), JournalAudit.verify(forged).firstDivergingCommand().orElseThrow());
    }
}
