package io.fomo.core.engine;

import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.ManualClock;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A protocol on in-memory SPIs, and a scripted launch that graduates. */
final class EngineFixture {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final DeploymentId DEP = DeploymentId.of("qwen");
    static final Asset MT = Asset.modelToken(DEP);
    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final AccountId CAROL = AccountId.of("carol");
    static final AccountId DAVE = AccountId.of("dave");

    final EventJournal journal;
    final InMemoryChainGateway chain = new InMemoryChainGateway();
    final InMemoryPriceFeed prices = new InMemoryPriceFeed();
    final ManualClock clock = ManualClock.startingAt(T0);
    final FomoProtocol protocol;
    private int n;

    EngineFixture() {
        this(new InMemoryEventJournal());
    }

    EngineFixture(EventJournal journal) {
        this(journal, b -> b);
    }

    /** A fixture whose engine's builder is given to {@code options} before it is built. */
    EngineFixture(EventJournal journal, java.util.function.UnaryOperator<FomoProtocol.Builder> options) {
        this.journal = journal;
        prices.put(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), "test", T0));
        this.protocol = options.apply(FomoProtocol.builder().journal(journal).chainGateway(chain).priceFeed(prices)
                .clock(clock).parameters(ProtocolParameters.builder(T0).build())).build();
    }

    static Amount flock(String v) {
        return Amount.parse(Asset.FLOCK, v);
    }

    static Amount mt(String v) {
        return Amount.parse(MT, v);
    }

    static Amount usd(String v) {
        return Amount.parse(Asset.USD, v);
    }

    static LaunchParameters launch() {
        return LaunchParameters.builder().mtAsset(MT).minTarget(flock("90000")).maxTarget(flock("800000"))
                .constantProductCurve(BigDecimal.ONE).build();
    }

    static InferencePricing pricing() {
        return InferencePricing.of(UnitPrice.of(Asset.USD, 18, new BigDecimal("0.002")),
                UnitPrice.of(Asset.USD, 18, new BigDecimal("0.001")), DiscountTiers.defaults(MT));
    }

    EventId nextId() {
        return EventId.of("cmd-" + (++n));
    }

    Receipt run(Command c) {
        return protocol.submit(nextId(), c);
    }

    /** Funds, opens and graduates the launch at its max target (Bob's buy overfills it). */
    EngineFixture graduated() {
        run(new Command.Deposit(ALICE, flock("100000")));
        run(new Command.Deposit(BOB, flock("1000000")));
        run(new Command.Deposit(CAROL, flock("50000")));
        run(new Command.OpenLaunch(DEP, ALICE, launch(), pricing(), flock("0")));
        clock.advance(Duration.ofHours(1));
        run(new Command.Buy(DEP, CAROL, flock("10000")));
        run(new Command.Buy(DEP, BOB, flock("900000")));
        run(new Command.GoLive(DEP, ALICE));
        return this;
    }

    /** Usage by Bob and Carol, Bob stakes, then the epoch closes a day after genesis. */
    EngineFixture oneEpoch() {
        clock.advance(Duration.ofHours(1));
        run(new Command.RecordUsage(nextId(), DEP, CAROL, 1_000_000));
        run(new Command.Stake(BOB, DEP, mt("2000")));
        run(new Command.RecordUsage(nextId(), DEP, BOB, 1_000_000));
        clock.set(T0.plus(Duration.ofDays(1)));
        prices.put(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), "test", clock.now()));
        run(new Command.CloseEpoch(Map.of(DEP, usd("100"))));
        return this;
    }
}
