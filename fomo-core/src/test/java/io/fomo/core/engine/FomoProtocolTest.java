package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.ALICE;
import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.MT;
import static io.fomo.core.engine.EngineFixture.T0;
import static io.fomo.core.engine.EngineFixture.flock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.launch.RmoState;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.EventId;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.ManualClock;
import io.fomo.spi.TokenIntent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FomoProtocolTest {

    @Test
    void aLaunchGraduatesAndAnEpochRoutesBuysBackBurnsAndRewards() {
        EngineFixture f = new EngineFixture().graduated();
        assertEquals(RmoState.LIVE, f.protocol.launch(DEP).state());
        assertTrue(f.protocol.pool(DEP).isPresent());
        // Every MT minted is somewhere: supporters, pool, incentives, vesting, treasury; unsold burned.
        Amount supply = f.protocol.burns().supplyOf(MT);
        assertEquals(Amount.of(MT, 1_000_000), supply.plus(f.protocol.burns().burnedOf(MT)));
        f.oneEpoch();
        assertEquals(1, f.protocol.epoch());
        assertTrue(f.protocol.lastEpochRevenue().orElseThrow().totalGross().isPositive());
        assertFalse(f.protocol.lastBuybacks().isEmpty(), "a buyback ran at the quoted price");
        assertTrue(f.protocol.burns().burnedOf(MT).isPositive(), "bought MT was burned");
        assertTrue(f.protocol.burns().supplyOf(MT).isLessThan(supply), "MT supply fell");
        assertTrue(f.protocol.claimableFlock(BOB).isPositive());
        assertTrue(f.protocol.claimableFlock(CAROL).isPositive());
        // At equal spend, the staker (Bob) earns more than the non-staker (Carol) with alpha 0.5.
        assertTrue(f.protocol.claimableFlock(BOB).isGreaterThan(f.protocol.claimableFlock(CAROL)));
        Amount before = f.protocol.balance(BOB, Asset.FLOCK);
        Amount claimable = f.protocol.claimableFlock(BOB);
        f.run(new Command.ClaimRewards(BOB));
        assertEquals(before.plus(claimable), f.protocol.balance(BOB, Asset.FLOCK));
        assertTrue(f.protocol.claimableFlock(BOB).isZero());
    }

    @Test
    void theChainGatewayHoldsExactlyWhatTheBooksSay() {
        EngineFixture f = new EngineFixture().graduated().oneEpoch();
        f.run(new Command.ClaimRewards(CAROL));
        assertTrue(f.protocol.pendingIntents().isEmpty(), () -> "every intent was confirmed: " + f.protocol.pendingIntents());
        Set<AccountId> accounts = new HashSet<>(List.of(ALICE, BOB, CAROL, Accounts.PLATFORM, Accounts.TREASURY,
                Accounts.BUYBACK, Accounts.STAKING, Accounts.REWARDS, Accounts.EMISSION_RESERVE,
                Accounts.of("rmo", DEP), Accounts.of("pool", DEP), Accounts.of("vesting", DEP),
                Accounts.of("hosting", DEP), Accounts.of("staking-incentives", DEP), Accounts.of("mt-incentives", DEP)));
        for (AccountId a : accounts) {
            for (Asset asset : List.of(Asset.FLOCK, MT)) {
                assertEquals(f.protocol.balance(a, asset), f.chain.balanceOf(a, asset), a + " " + asset);
            }
        }
        assertEquals(f.protocol.booked(MT), f.chain.totalSupply(MT));
        assertEquals(f.protocol.burns().supplyOf(MT), f.chain.totalSupply(MT));
        // Rewards held = claims outstanding + dust carried.
        assertEquals(f.protocol.balance(Accounts.REWARDS, Asset.FLOCK),
                f.protocol.claimableFlock(BOB).plus(f.protocol.claimableFlock(CAROL))
                        .plus(carried(f)));
    }

    private static Amount carried(EngineFixture f) {
        io.fomo.core.rewards.CarryOver c = f.protocol.lastEpochRewards().orElseThrow().carryOver();
        Amount total = c.global();
        for (io.fomo.core.rewards.PoolKind k : List.of(io.fomo.core.rewards.PoolKind.GLOBAL_FLOCK,
                io.fomo.core.rewards.PoolKind.FLOCK_INCENTIVE)) {
            total = total.plus(c.dust(DEP, k).orElse(Amount.zero(Asset.FLOCK)));
        }
        return total;
    }

    @Test
    void replayingTheJournalGivesTheSameStateHash() {
        EngineFixture f = new EngineFixture().graduated().oneEpoch();
        FomoProtocol replayed = FomoProtocol.builder().journal(f.journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(T0)).autoDispatch(false).build();
        assertEquals(f.protocol.stateHash(), replayed.stateHash());
        assertEquals(f.protocol.sequence(), replayed.sequence());
        assertEquals(f.protocol.commandCount(), replayed.commandCount());
        assertTrue(f.protocol.stateHash().matches("[0-9a-f]{64}"));
    }

    @Test
    void theSameCommandTwiceHasOneEffect() {
        EngineFixture f = new EngineFixture().graduated();
        EventId id = EventId.of("deposit-once");
        Receipt first = f.protocol.submit(id, new Command.Deposit(CAROL, flock("5")));
        String hash = f.protocol.stateHash();
        long seq = f.protocol.sequence();
        Receipt again = f.protocol.submit(id, new Command.Deposit(CAROL, flock("5")));
        assertFalse(first.isDuplicate());
        assertTrue(again.isDuplicate());
        assertEquals(hash, f.protocol.stateHash());
        assertEquals(seq, f.protocol.sequence());
    }

    @Test
    void twoEnginesOnOneJournalNeverDoubleApply() {
        EngineFixture f = new EngineFixture().graduated();
        FomoProtocol other = FomoProtocol.builder().journal(f.journal).chainGateway(f.chain).priceFeed(f.prices)
                .clock(f.clock).build();
        // Each engine writes while the other is behind: the second catches up and retries.
        f.protocol.submit(EventId.of("a1"), new Command.Deposit(CAROL, flock("1")));
        other.submit(EventId.of("b1"), new Command.Deposit(CAROL, flock("2")));
        f.protocol.submit(EventId.of("a2"), new Command.Deposit(CAROL, flock("4")));
        // The same id through the other engine is a duplicate.
        assertTrue(other.submit(EventId.of("a1"), new Command.Deposit(CAROL, flock("1"))).isDuplicate());
        other.catchUp();
        f.protocol.catchUp();
        assertEquals(f.protocol.stateHash(), other.stateHash());
        assertEquals(flock("7"), f.protocol.balance(CAROL, Asset.FLOCK).minus(flock("40000")));
    }

    @Test
    void aParameterChangeTakesEffectFromTheNextEpochAndHistoryIsKept() {
        EngineFixture f = new EngineFixture().graduated();
        ParameterChange change = ParameterChange.of(io.fomo.core.revenue.RevenueWeights.builder().mtBuybackBps(5000)
                .flockBuybackBps(1000).treasuryBps(1500).issuerBps(2500).build(), new java.math.BigDecimal("0.9"),
                new java.math.BigDecimal("0.5"), io.fomo.core.revenue.BuybackParameters.defaults());
        f.run(new Command.ChangeParameters(change));
        assertEquals(ParameterChange.defaults(), f.protocol.parameters(), "not before the epoch closes");
        f.oneEpoch();
        assertEquals(change, f.protocol.parameters());
        assertEquals(ParameterChange.defaults(), f.protocol.parameterHistory().get(0L));
        assertEquals(change, f.protocol.parameterHistory().get(1L));
        // Epoch 0 routed with the old weights: 40% of net to the MT buyback.
        io.fomo.core.revenue.RevenueSplit split = f.protocol.lastEpochRevenue().orElseThrow().splitOf(DEP);
        assertEquals(split.net().multipliedBy(new java.math.BigDecimal("0.4"), java.math.RoundingMode.DOWN),
                split.mtBuyback());
    }

    @Test
    void intentsAreJournaledAndConfirmedOnce() {
        EngineFixture f = new EngineFixture().graduated();
        long intents = f.journal.read(1).stream().filter(r -> r.entry().type().equals(FomoProtocol.INTENT)).count();
        long confirmations = f.journal.read(1).stream()
                .filter(r -> r.entry().type().equals(FomoProtocol.CONFIRMATION)).count();
        assertTrue(intents > 10);
        assertEquals(intents, confirmations);
        List<TokenIntent> pending = f.protocol.pendingIntents();
        assertTrue(pending.isEmpty());
    }

    @Test
    void twoEnginesDispatchingTheSameIntentsJournalTheirConfirmationsOnce() {
        EngineFixture f = new EngineFixture().graduated();
        FomoProtocol a = FomoProtocol.builder().journal(f.journal).chainGateway(f.chain).priceFeed(f.prices)
                .clock(f.clock).autoDispatch(false).build();
        FomoProtocol b = FomoProtocol.builder().journal(f.journal).chainGateway(f.chain).priceFeed(f.prices)
                .clock(f.clock).autoDispatch(false).build();
        a.submit(EventId.of("x1"), new Command.Deposit(CAROL, flock("3")));
        b.catchUp();
        assertEquals(1, a.dispatch());
        assertEquals(0, b.dispatch(), "b finds its pending intent confirmed by a");
        assertTrue(b.pendingIntents().isEmpty());
        long confirmations = f.journal.read(1).stream()
                .filter(r -> r.entry().type().equals(FomoProtocol.CONFIRMATION)
                        && new String(r.entry().payload(), java.nio.charset.StandardCharsets.UTF_8).contains("x1#1"))
                .count();
        assertEquals(1, confirmations);
        assertEquals(a.stateHash(), b.stateHash());
    }
}
