package io.fomo.examples.crash;

import io.fomo.core.engine.Command;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.engine.ProtocolParameters;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ChainGateway;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.ManualClock;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An endless, deterministic script of protocol commands: command {@code i} (its id, its time and its
 * content) is a pure function of {@code i}, so a crashed writer can resubmit from 0 and an
 * uninterrupted run over the first n commands is the reference for any journal holding n of them.
 *
 * <p>A launch is funded, opened and overfilled (it graduates at its max target) on day 0; then, every
 * day, the first command closes the previous (daily) epoch and the rest claim rewards, use the model,
 * stake, lock gmFLOCK and unstake. Every command is valid at its place; the clock moves {@link #STEP}
 * per command, so {@link #CYCLE} commands make a day.
 */
public final class CrashScript {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration STEP = Duration.ofHours(3);
    static final DeploymentId DEP = DeploymentId.of("qwen");
    static final Asset MT = Asset.modelToken(DEP);
    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final AccountId CAROL = AccountId.of("carol");
    static final AccountId DAVE = AccountId.of("dave");

    static final int CYCLE = 8;

    private CrashScript() {
    }

    public static ProtocolParameters parameters() {
        return ProtocolParameters.builder(T0).build();
    }

    public static EventId id(int i) {
        return EventId.of("crash-" + i);
    }

    public static Instant time(int i) {
        return T0.plus(STEP.multipliedBy(i));
    }

    public static Command command(int i) {
        switch (i) {
            case 0: return new Command.Deposit(ALICE, flock("100000"));
            case 1: return new Command.Deposit(BOB, flock("1000000"));
            case 2: return new Command.Deposit(CAROL, flock("50000"));
            case 3: return new Command.Deposit(DAVE, flock("50000"));
            case 4: return new Command.OpenLaunch(DEP, ALICE, launch(), pricing(), flock("0"));
            case 5: return new Command.Buy(DEP, CAROL, flock("10000"));
            case 6: return new Command.Buy(DEP, DAVE, flock("5000"));
            case 7: return new Command.Buy(DEP, BOB, flock("900000")); // overfills: graduates at the max target
            case 9: return new Command.GoLive(DEP, ALICE);
            default: break;
        }
        // From command 8 on, command 8(e + 1) is the first of day e + 1: it closes epoch e.
        long day = i / CYCLE;
        switch (i % CYCLE) {
            case 0: return new Command.CloseEpoch(Map.of(DEP, Amount.parse(Asset.USD, "1")));
            case 1: return new Command.ClaimRewards(List.of(CAROL, BOB, DAVE).get((int) (day % 3)));
            case 2: return new Command.RecordUsage(EventId.of("pay-" + i), DEP, CAROL, 1_000_000L + day);
            case 3: return new Command.RecordUsage(EventId.of("pay-" + i), DEP, BOB, 2_000_000L);
            case 4: return new Command.Stake(BOB, DEP, Amount.parse(MT, "100"));
            case 5: return new Command.RecordUsage(EventId.of("pay-" + i), DEP, DAVE, 500_000L + 7L * day);
            case 6: return new Command.LockGmFlock(CAROL, flock("10"), 30 + (int) (day % 300));
            default: return new Command.Unstake(BOB, DEP, Amount.parse(MT, "50"));
        }
    }

    public static InMemoryPriceFeed prices() {
        InMemoryPriceFeed f = new InMemoryPriceFeed();
        f.put(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), "crash-test", T0));
        return f;
    }

    /**
     * Builds an engine over a journal: writes the genesis to an empty one, replays a non-empty one.
     */
    public static FomoProtocol engine(EventJournal journal, ChainGateway chain, ManualClock clock, boolean autoDispatch) {
        return FomoProtocol.builder().journal(journal).chainGateway(chain).priceFeed(prices()).clock(clock)
                .parameters(parameters()).autoDispatch(autoDispatch).build();
    }

    /** Submits command i at its time. */
    public static void submit(FomoProtocol protocol, ManualClock clock, int i) {
        clock.set(time(i));
        protocol.submit(id(i), command(i));
    }

    private static Amount flock(String v) {
        return Amount.parse(Asset.FLOCK, v);
    }

    private static LaunchParameters launch() {
        return LaunchParameters.builder().mtAsset(MT).minTarget(flock("90000")).maxTarget(flock("800000"))
                .constantProductCurve(BigDecimal.ONE).build();
    }

    private static InferencePricing pricing() {
        return InferencePricing.of(UnitPrice.of(Asset.USD, 18, new BigDecimal("0.002")),
                UnitPrice.of(Asset.USD, 18, new BigDecimal("0.001")), DiscountTiers.defaults(MT));
    }
}
