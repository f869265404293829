package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.ALICE;
import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DAVE;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.flock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Replay is the fold of the journaled facts: for random command scripts over every family of commands
 * (the steps of {@link EngineProperties} plus parameter changes, prepaid credits and metered calls, gmFLOCK
 * withdrawals, vesting, and a second raise that fails and is redeemed), the state an engine reached by
 * deciding is exactly the state a fresh engine reaches by folding the journal's facts, hash for hash; an
 * engine following the same journal by catching up at random points folds to it too; and the audit, which
 * decides every command again, agrees with both.
 */
class FoldProperties {

    static final DeploymentId DEP2 = DeploymentId.of("llama");
    static final Asset MT2 = Asset.modelToken(DEP2);

    @Provide
    Arbitrary<List<EngineProperties.Step>> scripts() {
        Arbitrary<EngineProperties.Step> step = Combinators.combine(Arbitraries.integers().between(0, 17),
                Arbitraries.of(BOB, CAROL, DAVE), Arbitraries.longs().between(0, 3_000_000),
                Arbitraries.longs().between(0, 2)).as(EngineProperties.Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 40)
    void decidingAndFoldingTheFactsReachTheSameState(@ForAll("scripts") List<EngineProperties.Step> script,
            @ForAll("catchUpPoints") List<Integer> catchUps) {
        EngineFixture f = new EngineFixture().graduated();
        FomoProtocol follower = FomoProtocol.builder().journal(f.journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(EngineFixture.T0)).autoDispatch(false)
                .build();
        int n = 0;
        int accepted = 0;
        for (EngineProperties.Step s : script) {
            Command c = command(f, s, n++);
            try {
                f.protocol.submit(EventId.of("f" + n), c);
                accepted++;
            } catch (FomoException rejected) {
                // Refused commands write nothing; the scripts are random.
            }
            if (catchUps.contains(n)) {
                follower.catchUp();
                assertEquals(f.protocol.stateHash(), follower.stateHash(), "follower after step " + n);
            }
        }
        FomoProtocol replayed = JournalSurgery.replay(f.journal);
        assertEquals(f.protocol.stateHash(), replayed.stateHash());
        assertEquals(f.protocol.headHash(), replayed.headHash());
        assertEquals(f.protocol.commandCount(), replayed.commandCount());
        follower.catchUp();
        assertEquals(f.protocol.stateHash(), follower.stateHash());
        JournalAudit.Report audit = JournalAudit.verify(f.journal);
        assertTrue(audit.ok(), () -> audit.failure().orElseThrow().getMessage());
        assertEquals(f.protocol.stateHash(), audit.stateHash().orElseThrow());
        // Every accepted command was folded once: the graduation's seven and the script's.
        assertEquals(7 + accepted, replayed.commandCount());
    }

    @Provide
    Arbitrary<List<Integer>> catchUpPoints() {
        return Arbitraries.integers().between(1, 40).list().ofMaxSize(5);
    }

    static Command command(EngineFixture f, EngineProperties.Step s, int n) {
        Amount flock = Amount.ofUnits(Asset.FLOCK, java.math.BigInteger.valueOf(s.units()).multiply(
                java.math.BigInteger.TEN.pow(14)));
        switch (s.kind()) {
            case 9:
                return new Command.ChangeParameters(ParameterChange.of(ParameterChange.defaults().weights(),
                        BigDecimal.valueOf(s.units() % 101, 2), BigDecimal.valueOf(s.units() % 57, 2),
                        ParameterChange.defaults().buyback()));
            case 10:
                return new TopUpCredits(s.user(), Amount.ofUnits(Asset.USD, java.math.BigInteger.valueOf(s.units())));
            case 11:
                return new RecordTokenUsage(EventId.of("req" + n), DEP, s.user(), s.user(),
                        new TokenCounts(s.units(), s.units() / 3, s.units() / 2),
                        Amount.ofUnits(Asset.USD, java.math.BigInteger.valueOf(s.units() / 7)),
                        f.clock.now().minus(Duration.ofDays(s.day())));
            case 12:
                f.clock.advance(Duration.ofDays(s.day() * 200));
                return new Command.WithdrawGmFlock(s.user(), EventId.of("f" + (1 + s.units() % Math.max(1, n))));
            case 13:
                f.clock.advance(Duration.ofDays(s.day() * 100));
                return new Command.ClaimVested(DEP, ALICE);
            case 14:
                return new Command.OpenLaunch(DEP2, ALICE, LaunchParameters.builder().mtAsset(MT2)
                        .minTarget(flock("900000")).maxTarget(flock("1000000")).constantProductCurve(BigDecimal.ONE)
                        .build(), InferencePricing.of(UnitPrice.of(Asset.USD, 18, new BigDecimal("0.002")),
                        UnitPrice.of(Asset.USD, 18, new BigDecimal("0.001")), DiscountTiers.defaults(MT2)), flock("0"));
            case 15:
                return new Command.Buy(DEP2, s.user(), flock);
            case 16:
                f.clock.advance(Duration.ofDays(s.day() * 20));
                return new Command.CloseLaunch(DEP2, s.user());
            case 17:
                return new Command.Redeem(DEP2, s.user());
            default:
                return EngineProperties.command(f, s, n);
        }
    }
}
