package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DAVE;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.MT;
import static io.fomo.core.engine.EngineFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.ManualClock;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random sequences of commands after a graduation: rejected commands change nothing, the books always
 * balance, the reference chain holds what the books say, and replay gives the same state hash.
 */
class EngineProperties {

    record Step(int kind, AccountId user, long units, long day) {
    }

    /**
     * Random scripts of 1 to 30 steps over the engine's families of commands, for every property over engine
     * scripts: {@code @ForAll(supplier = EngineProperties.Scripts.class)}.
     */
    static final class Scripts implements ArbitrarySupplier<List<Step>> {
        @Override
        public Arbitrary<List<Step>> get() {
            return steps().list().ofMinSize(1).ofMaxSize(30);
        }
    }

    /** One step of a script: one of the nine kinds of command, by one of three users, with units and a day. */
    static Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.of(BOB, CAROL, DAVE),
                Arbitraries.longs().between(0, 3_000_000), Arbitraries.longs().between(0, 2)).as(Step::new);
    }

    @Property(tries = 40)
    void rejectionsChangeNothingAndReplayAndBooksAgree(@ForAll(supplier = Scripts.class) List<Step> script) {
        EngineFixture f = new EngineFixture().graduated();
        int n = 0;
        for (Step s : script) {
            Command c = command(f, s, n++);
            String before = f.protocol.stateHash();
            long seq = f.protocol.sequence();
            try {
                f.protocol.submit(EventId.of("p" + n), c);
            } catch (FomoException e) {
                assertEquals(before, f.protocol.stateHash(), "a rejected " + c + " changed the state");
                assertEquals(seq, f.protocol.sequence());
            }
        }
        // The books balance: every asset's balances add up to what was booked.
        Map<String, Amount> sums = new TreeMap<>();
        f.protocol.stateForTest().tokens.sortedBalances().forEach((k, v) ->
                sums.merge(v.asset().symbol(), v, Amount::plus));
        f.protocol.stateForTest().tokens.sortedSupplies().forEach((symbol, supply) ->
                assertEquals(supply, sums.getOrDefault(symbol, Amount.zero(supply.asset())), symbol));
        // The chain holds what the books say, and MT supply is the minted supply less the burns.
        f.protocol.stateForTest().tokens.sortedBalances().forEach((k, v) -> {
            if (!v.asset().equals(Asset.USD)) {
                AccountId a = AccountId.of(k.substring(0, k.lastIndexOf('|')));
                assertEquals(v, f.chain.balanceOf(a, v.asset()), k);
            }
        });
        assertEquals(Amount.of(MT, 1_000_000), f.protocol.burns().supplyOf(MT).plus(f.protocol.burns().burnedOf(MT)));
        assertEquals(f.protocol.burns().supplyOf(MT), f.chain.totalSupply(MT));
        FomoProtocol replayed = FomoProtocol.builder().journal(f.journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(T0)).autoDispatch(false).build();
        assertEquals(f.protocol.stateHash(), replayed.stateHash());
    }

    static Command command(EngineFixture f, Step s, int n) {
        Amount flock = Amount.ofUnits(Asset.FLOCK, java.math.BigInteger.valueOf(s.units()).multiply(
                java.math.BigInteger.TEN.pow(14)));
        Amount mt = Amount.ofUnits(MT, java.math.BigInteger.valueOf(s.units()).multiply(java.math.BigInteger.TEN.pow(14)));
        switch (s.kind()) {
            case 0:
                return new Command.Deposit(s.user(), flock);
            case 1:
                return new Command.RecordUsage(EventId.of("pay" + n), DEP, s.user(), s.units());
            case 2:
                // A batch of two calls: the step's user, and the next user paying a third of the units.
                return new Command.RecordUsageBatch(DEP, List.of(
                        new Command.RecordUsageBatch.Call(EventId.of("pay" + n), s.user(), s.units()),
                        new Command.RecordUsageBatch.Call(EventId.of("pay" + n + "b"),
                                s.user().equals(BOB) ? CAROL : BOB, s.units() / 3 + 1)));
            case 3:
                return new Command.Stake(s.user(), DEP, mt);
            case 4:
                return new Command.Unstake(s.user(), DEP, mt);
            case 5:
                return new Command.LockGmFlock(s.user(), flock, (int) (s.units() % 400));
            case 6:
                f.clock.advance(Duration.ofDays(s.day()).plusMinutes(1));
                f.prices.put(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.0" + (1 + s.units() % 9)), "walk",
                        f.clock.now()));
                return new Command.CloseEpoch(Map.of());
            case 7:
                return new Command.ClaimRewards(s.user());
            default:
                f.clock.advance(Duration.ofHours(s.units() % 30));
                return new Command.Buy(DEP, s.user(), flock);
        }
    }
}
