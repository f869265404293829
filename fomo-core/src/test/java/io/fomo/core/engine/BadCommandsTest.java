package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.ALICE;
import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DAVE;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.flock;
import static io.fomo.core.engine.EngineFixture.mt;
import static io.fomo.core.engine.EngineFixture.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.revenue.BuybackParameters;
import io.fomo.core.revenue.RevenueWeights;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed commands: each gets a typed error whose message names the field and value, and the state
 * hash and journal are unchanged after it.
 */
class BadCommandsTest {

    private static final DeploymentId OTHER = DeploymentId.of("other");
    private static final DeploymentId NOWHERE = DeploymentId.of("nowhere");

    /** A graduated, live launch in its first epoch, Bob staking and holding a gmFLOCK lock. */
    private static EngineFixture fixture() {
        EngineFixture f = new EngineFixture().graduated();
        f.run(new Command.Stake(BOB, DEP, mt("100")));
        f.protocol.submit(EventId.of("bob-lock"), new Command.LockGmFlock(BOB, flock("10"), 30));
        f.run(new Command.RecordUsage(EventId.of("pay-1"), DEP, CAROL, 10));
        f.run(new Command.Deposit(DAVE, flock("40000")));
        f.run(new Command.Deposit(AccountId.of("eve"), flock("1000000")));
        return f;
    }

    private static Arguments bad(String name, ErrorCode code, Consumer<EngineFixture> action) {
        return Arguments.of(name, code, action);
    }

    private static Command.OpenLaunch open(DeploymentId d, AccountId issuer, Amount firstBuy) {
        return new Command.OpenLaunch(d, issuer, LaunchParameters.builder().mtAsset(Asset.modelToken(d))
                .minTarget(flock("90000")).maxTarget(flock("800000")).constantProductCurve(BigDecimal.ONE).build(),
                io.fomo.core.revenue.InferencePricing.of(EngineFixture.pricing().listPrice(),
                        EngineFixture.pricing().floorPrice(),
                        io.fomo.core.revenue.DiscountTiers.defaults(Asset.modelToken(d))), firstBuy);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            bad("deposit of zero", ErrorCode.INVALID_ARGUMENT, f -> f.run(new Command.Deposit(CAROL, flock("0")))),
            bad("deposit of USD", ErrorCode.INVALID_ARGUMENT, f -> f.run(new Command.Deposit(CAROL, usd("5")))),
            bad("deposit of MT", ErrorCode.INVALID_ARGUMENT, f -> f.run(new Command.Deposit(CAROL, mt("5")))),
            bad("deposit to a protocol account", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.Deposit(Accounts.TREASURY, flock("5")))),
            bad("negative amount", ErrorCode.INVALID_ARGUMENT, f -> f.run(new Command.Deposit(CAROL, flock("-5")))),
            bad("too many decimals", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.Deposit(CAROL, flock("0.0000000000000000001")))),
            bad("open an existing deployment", ErrorCode.INVALID_STATE, f -> f.run(open(DEP, ALICE, flock("0")))),
            bad("open with another deployment's token", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.OpenLaunch(OTHER, ALICE, EngineFixture.launch(), EngineFixture.pricing(), flock("0")))),
            bad("open without the launch fee", ErrorCode.INSUFFICIENT_LIQUIDITY,
                f -> f.run(open(OTHER, AccountId.of("pauper"), flock("0")))),
            bad("first buy over the 25% cap", ErrorCode.LIMIT_EXCEEDED,
                f -> f.run(open(OTHER, AccountId.of("eve"), flock("600000")))),
            bad("open by a protocol account", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(open(OTHER, Accounts.PLATFORM, flock("0")))),
            bad("buy after graduation", ErrorCode.INVALID_STATE, f -> f.run(new Command.Buy(DEP, CAROL, flock("10")))),
            bad("buy on an unknown deployment", ErrorCode.INVALID_STATE,
                f -> f.run(new Command.Buy(NOWHERE, CAROL, flock("10")))),
            bad("buy with more FLOCK than held", ErrorCode.INSUFFICIENT_LIQUIDITY,
                f -> f.run(new Command.Buy(DEP, DAVE, flock("50000")))),
            bad("sell back", ErrorCode.INVALID_STATE, f -> f.run(new Command.Sell(DEP, BOB, mt("1")))),
            bad("graduate twice", ErrorCode.INVALID_STATE, f -> f.run(new Command.Graduate(DEP, CAROL))),
            bad("close a graduated raise", ErrorCode.INVALID_STATE, f -> f.run(new Command.CloseLaunch(DEP, CAROL))),
            bad("redeem from a graduated raise", ErrorCode.INVALID_STATE, f -> f.run(new Command.Redeem(DEP, CAROL))),
            bad("claim vesting before the cliff", ErrorCode.INVALID_STATE,
                f -> f.run(new Command.ClaimVested(DEP, ALICE))),
            bad("claim vesting as someone else", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.ClaimVested(DEP, BOB))),
            bad("go live twice", ErrorCode.INVALID_STATE, f -> f.run(new Command.GoLive(DEP, ALICE))),
            bad("usage of zero units", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.RecordUsage(EventId.of("p0"), DEP, CAROL, 0))),
            bad("usage of negative units", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.RecordUsage(EventId.of("p0"), DEP, CAROL, -3))),
            bad("usage on an unknown deployment", ErrorCode.INVALID_STATE,
                f -> f.run(new Command.RecordUsage(EventId.of("p0"), NOWHERE, CAROL, 3))),
            bad("a payment id used before", ErrorCode.INVALID_STATE,
                f -> f.run(new Command.RecordUsage(EventId.of("pay-1"), DEP, CAROL, 3))),
            bad("usage by a protocol account", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.RecordUsage(EventId.of("p0"), DEP, Accounts.BUYBACK, 3))),
            bad("usage after the epoch ended", ErrorCode.INVALID_STATE, f -> {
                f.clock.advance(Duration.ofDays(2));
                f.run(new Command.RecordUsage(EventId.of("p0"), DEP, CAROL, 3));
            }),
            bad("stake zero", ErrorCode.INVALID_ARGUMENT, f -> f.run(new Command.Stake(BOB, DEP, mt("0")))),
            bad("stake FLOCK", ErrorCode.INVALID_ARGUMENT, f -> f.run(new Command.Stake(BOB, DEP, flock("1")))),
            bad("stake more than held", ErrorCode.INSUFFICIENT_LIQUIDITY,
                f -> f.run(new Command.Stake(CAROL, DEP, mt("1000000")))),
            bad("stake on an unknown deployment", ErrorCode.INVALID_STATE,
                f -> f.run(new Command.Stake(BOB, NOWHERE, mt("1")))),
            bad("unstake more than staked", ErrorCode.LIMIT_EXCEEDED,
                f -> f.run(new Command.Unstake(BOB, DEP, mt("101")))),
            bad("unstake without a stake", ErrorCode.LIMIT_EXCEEDED,
                f -> f.run(new Command.Unstake(CAROL, DEP, mt("1")))),
            bad("lock for zero days", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.LockGmFlock(CAROL, flock("1"), 0))),
            bad("lock for 366 days", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.LockGmFlock(CAROL, flock("1"), 366))),
            bad("lock more than held", ErrorCode.INSUFFICIENT_LIQUIDITY,
                f -> f.run(new Command.LockGmFlock(DAVE, flock("40001"), 30))),
            bad("lock MT", ErrorCode.INVALID_ARGUMENT, f -> f.run(new Command.LockGmFlock(BOB, mt("1"), 30))),
            bad("withdraw an unknown lock", ErrorCode.INVALID_STATE,
                f -> f.run(new Command.WithdrawGmFlock(BOB, EventId.of("no-lock")))),
            bad("withdraw before the lock ends", ErrorCode.INVALID_STATE,
                f -> f.run(new Command.WithdrawGmFlock(BOB, EventId.of("bob-lock")))),
            bad("withdraw someone else's lock", ErrorCode.INVALID_ARGUMENT, f -> {
                f.clock.advance(Duration.ofDays(31));
                f.run(new Command.WithdrawGmFlock(CAROL, EventId.of("bob-lock")));
            }),
            bad("close the epoch before its end", ErrorCode.INVALID_STATE,
                f -> f.run(new Command.CloseEpoch(Map.of()))),
            bad("costs for an unknown deployment", ErrorCode.INVALID_ARGUMENT, f -> {
                f.clock.advance(Duration.ofDays(1));
                f.run(new Command.CloseEpoch(Map.of(NOWHERE, usd("1"))));
            }),
            bad("costs in FLOCK", ErrorCode.INVALID_ARGUMENT, f -> {
                f.clock.advance(Duration.ofDays(1));
                f.run(new Command.CloseEpoch(Map.of(DEP, flock("1"))));
            }),
            bad("claim with nothing earned", ErrorCode.INVALID_STATE, f -> f.run(new Command.ClaimRewards(CAROL))),
            bad("weights that do not sum", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.ChangeParameters(ParameterChange.of(RevenueWeights.builder().mtBuybackBps(4001)
                        .build(), BigDecimal.ONE, BigDecimal.ONE, BuybackParameters.defaults())))),
            bad("alpha above one", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.ChangeParameters(ParameterChange.of(RevenueWeights.defaults(),
                        new BigDecimal("1.5"), BigDecimal.ONE, BuybackParameters.defaults())))),
            bad("allocations that do not sum", ErrorCode.INVALID_ARGUMENT,
                f -> f.run(new Command.OpenLaunch(OTHER, BOB, LaunchParameters.builder().mtAsset(Asset.modelToken(OTHER))
                        .allocationBps(4000, 2000, 2000, 1000, 999).build(), EngineFixture.pricing(), flock("0")))),
            bad("time going backwards", ErrorCode.INVALID_STATE, f -> {
                FomoProtocol behind = FomoProtocol.builder().journal(f.journal).chainGateway(f.chain)
                        .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(EngineFixture.T0)).build();
                behind.submit(EventId.of("late"), new Command.Deposit(CAROL, flock("1")));
            }));
    }

    @Test
    void thereAreAtLeastFortyDistinctCases() {
        List<Arguments> all = cases().toList();
        assertTrue(all.size() >= 40, "cases: " + all.size());
        assertEquals(all.size(), all.stream().map(a -> a.get()[0]).distinct().count());
    }

    @BeforeAll
    static void theFixtureItselfIsValid() {
        assertTrue(fixture().protocol.commandCount() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedWithATypedErrorAndChangesNothing(String name, ErrorCode code, Consumer<EngineFixture> action) {
        EngineFixture f = fixture();
        String hash = f.protocol.stateHash();
        long sequence = f.protocol.sequence();
        long journal = f.journal.currentSequence();
        FomoException e = assertThrows(FomoException.class, () -> action.accept(f), name);
        assertEquals(code, e.code(), name + ": " + e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*\\S+ = \\S.*: .*"), "names field and value: " + e.getMessage());
        assertEquals(hash, f.protocol.stateHash(), name + " changed the state");
        assertEquals(sequence, f.protocol.sequence(), name + " moved the engine");
        assertEquals(journal, f.journal.currentSequence(), name + " wrote to the journal");
    }
}
