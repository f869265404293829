package io.fomo.examples.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.engine.Command;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.engine.ProtocolParameters;
import io.fomo.core.engine.Swap;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.examples.market.TraderPopulation.Role;
import io.fomo.examples.market.TraderPopulation.Trader;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.ManualClock;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The behaviours on a pool of 400,000 FLOCK / 100,000 MT at 30 bps (spot price 4). Expected amounts by hand
 * with Uniswap v2's formulas in base units: out = floor(in·9970·Rout / (Rin·10000 + in·9970)), in =
 * floor(Rin·out·10000 / ((Rout − out)·9970)) + 1; limits 100 bps off the quote.
 */
class TraderPopulationTest {

    static final DeploymentId DEP = DeploymentId.of("qwen");
    static final Asset MT = Asset.modelToken(DEP);
    static final ConstantProductPool POOL = ConstantProductPool.open(Amount.of(Asset.FLOCK, 400_000),
            Amount.of(MT, 100_000), 30);

    static Amount flock(String v) {
        return Amount.parse(Asset.FLOCK, v);
    }

    static Amount mt(String v) {
        return Amount.parse(MT, v);
    }

    static Trader trader(String id, Role role, String flock, String mt, String staked, String entry) {
        return new Trader(AccountId.of(id), role, flock(flock), mt(mt), mt(staked), new BigDecimal(entry));
    }

    static TraderPopulation always() {
        return TraderPopulation.builder(DEP).profitProbabilityBps(10_000).tierProbabilityBps(10_000)
                .noiseActivityBps(10_000).build();
    }

    @Test
    void aSupporterAboveItsMultipleSellsItsShareWithAMinimumOut() {
        List<Command> c = always().day(3, POOL, List.of(trader("s", Role.SUPPORTER, "0", "1000", "0", "1.5")),
                new SplittableRandom(7));
        // price 4 >= 2 × 1.5: sells 25% of 1000 MT = 250 MT.
        assertEquals(List.of(Swap.exactIn(DEP, AccountId.of("s"), mt("250"), flock("984.575944458437344917"))), c,
                "out = 994.521156018623580725 FLOCK, minimum 99% of it rounded down");
    }

    @Test
    void aSupporterBelowItsMultipleHolds() {
        assertTrue(always().day(3, POOL, List.of(trader("s", Role.SUPPORTER, "0", "4000", "0", "2.000001")),
                new SplittableRandom(7)).isEmpty(), "4 < 2 × 2.000001");
        assertTrue(always().day(3, POOL, List.of(trader("s", Role.SUPPORTER, "0", "4000", "0", "0")),
                new SplittableRandom(7)).isEmpty(), "no known entry, no profit taking");
    }

    @Test
    void aTierUserBuysExactlyWhatItLacksAndStakesIt() {
        AccountId u = AccountId.of("u");
        List<Command> c = always().day(0, POOL, List.of(trader("u", Role.TIER_USER, "5000", "0", "0", "0")),
                new SplittableRandom(1));
        // 1000 MT out costs 4052.561725580782752298 FLOCK; the maximum in is 101% of it, rounded up.
        assertEquals(List.of(Swap.exactOut(DEP, u, mt("1000"), flock("4093.087342836590579821")),
                new Command.Stake(u, DEP, mt("1000"))), c);
        List<Command> held = always().day(0, POOL, List.of(trader("u", Role.TIER_USER, "0", "600", "500", "0")),
                new SplittableRandom(1));
        assertEquals(List.of(new Command.Stake(u, DEP, mt("500"))), held, "holds enough: stakes up to 1000");
        assertTrue(always().day(0, POOL, List.of(trader("u", Role.TIER_USER, "4000", "0", "0", "0")),
                new SplittableRandom(1)).isEmpty(), "cannot pay the 4052.56 FLOCK: does nothing");
        assertTrue(always().day(0, POOL, List.of(trader("u", Role.TIER_USER, "0", "0", "50000", "0")),
                new SplittableRandom(1)).isEmpty(), "at the top tier already");
    }

    @Test
    void theSameSeedGivesTheSameCommandsAndNoiseStaysWithinHoldings() {
        List<Trader> traders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            traders.add(trader("n" + i, Role.NOISE, "150", "30", "0", "0"));
        }
        TraderPopulation p = always();
        List<Command> a = p.day(5, POOL, traders, new SplittableRandom(42));
        assertEquals(a, p.day(5, POOL, traders, new SplittableRandom(42)));
        assertNotEquals(a, p.day(5, POOL, traders, new SplittableRandom(43)), "another seed, another flow");
        assertFalse(a.isEmpty());
        for (Command c : a) {
            Swap s = (Swap) c;
            assertEquals(Swap.Kind.EXACT_IN, s.kind());
            Amount held = s.amount().asset().equals(Asset.FLOCK) ? flock("150") : mt("30");
            assertFalse(s.amount().isGreaterThan(held), s.toString());
            assertFalse(s.amount().asset().equals(Asset.FLOCK) && s.amount().isGreaterThan(flock("200")),
                    "at most twice the 100 FLOCK mean");
        }
        // A trader added first in id order that does not trade leaves the others' commands unchanged.
        List<Trader> more = new ArrayList<>(traders);
        more.add(trader("a-supporter", Role.SUPPORTER, "0", "1", "0", "100"));
        assertEquals(a, p.day(5, POOL, more, new SplittableRandom(42)));
        TraderPopulation quiet = TraderPopulation.builder(DEP).noiseActivityBps(0).build();
        assertTrue(quiet.day(5, POOL, traders, new SplittableRandom(42)).isEmpty());
    }

    @Test
    void settingsAreCheckedNamingTheField() {
        assertEquals("profitMultiple", assertThrows(InvalidArgumentException.class,
                () -> TraderPopulation.builder(DEP).profitMultiple(new BigDecimal("0.9"))).field());
        assertEquals("profitShareBps", assertThrows(InvalidArgumentException.class,
                () -> TraderPopulation.builder(DEP).profitShareBps(0)).field());
        assertEquals("tiers", assertThrows(InvalidArgumentException.class,
                () -> TraderPopulation.builder(DEP).tiers(List.of(10L, 10L))).field());
        assertEquals("slippageBps", assertThrows(InvalidArgumentException.class,
                () -> TraderPopulation.builder(DEP).slippageBps(5_001)).field());
        assertEquals("traders", assertThrows(InvalidArgumentException.class, () -> always().day(0, POOL,
                List.of(trader("a", Role.NOISE, "1", "1", "0", "0"), trader("a", Role.NOISE, "1", "1", "0", "0")),
                new SplittableRandom(1))).field());
    }

    /** Ten days of a mixed population through the real engine: every command it returns is accepted. */
    @Test
    void theEngineAcceptsEveryCommandOfAMixedPopulation() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        ManualClock clock = ManualClock.startingAt(t0);
        InMemoryPriceFeed prices = new InMemoryPriceFeed();
        prices.put(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), "test", t0));
        FomoProtocol protocol = FomoProtocol.builder().journal(new InMemoryEventJournal())
                .chainGateway(new InMemoryChainGateway()).priceFeed(prices).clock(clock)
                .parameters(ProtocolParameters.builder(t0).build()).build();
        int[] n = {0};
        java.util.function.Consumer<Command> run = c -> protocol.submit(EventId.of("c" + (++n[0])), c);
        AccountId issuer = AccountId.of("issuer");
        AccountId whale = AccountId.of("whale");
        run.accept(new Command.Deposit(issuer, flock("100000")));
        run.accept(new Command.Deposit(whale, flock("1000000")));
        List<AccountId> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            AccountId a = AccountId.of("t" + i);
            ids.add(a);
            run.accept(new Command.Deposit(a, flock("20000")));
        }
        LaunchParameters lp = LaunchParameters.builder(DEP).minTarget(flock("90000")).maxTarget(flock("800000"))
                .constantProductCurve(BigDecimal.ONE).build();
        run.accept(new Command.OpenLaunch(DEP, issuer, lp, InferencePricing.of(UnitPrice.of(Asset.USD, 18,
                new BigDecimal("0.002")), UnitPrice.of(Asset.USD, 18, new BigDecimal("0.001")),
                DiscountTiers.defaults(MT)), flock("0")));
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 4; i++) {
            run.accept(new Command.Buy(DEP, ids.get(i), flock("10000")));
        }
        run.accept(new Command.Buy(DEP, whale, flock("900000")));
        TraderPopulation population = TraderPopulation.builder(DEP).profitMultiple(new BigDecimal("1.2"))
                .profitProbabilityBps(5_000).tierProbabilityBps(3_000).noiseActivityBps(6_000).build();
        int accepted = 0;
        for (int day = 0; day < 10; day++) {
            clock.advance(Duration.ofDays(1));
            List<Trader> traders = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                AccountId a = ids.get(i);
                Role role = i < 4 ? Role.SUPPORTER : i < 8 ? Role.TIER_USER : Role.NOISE;
                traders.add(new Trader(a, role, protocol.balance(a, Asset.FLOCK), protocol.balance(a, MT),
                        protocol.stakes().stakeOf(a, DEP), role == Role.SUPPORTER ? BigDecimal.ONE : BigDecimal.ZERO));
            }
            for (Command c : population.day(day, protocol.pool(DEP).orElseThrow(), traders,
                    new SplittableRandom(1_000 + day))) {
                run.accept(c);
                accepted++;
            }
        }
        assertTrue(accepted > 10, "a mixed population trades: " + accepted + " commands");
    }
}
