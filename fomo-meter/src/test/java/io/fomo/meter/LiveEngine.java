package io.fomo.meter;

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
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** A protocol on in-memory SPIs with two live deployments, {@code qwen} and {@code llama}, launched by the public API. */
final class LiveEngine {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final DeploymentId QWEN = DeploymentId.of("qwen");
    static final DeploymentId LLAMA = DeploymentId.of("llama");
    static final AccountId ISSUER = AccountId.of("issuer");
    static final AccountId BOB = AccountId.of("bob");

    final EventJournal journal;
    final ManualClock clock = ManualClock.startingAt(T0);
    final FomoProtocol protocol;
    private int n;

    LiveEngine() {
        this(new InMemoryEventJournal());
    }

    LiveEngine(EventJournal journal) {
        this.journal = journal;
        this.protocol = FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(clock).parameters(ProtocolParameters.builder(T0).build()).build();
        run(new Command.Deposit(ISSUER, flock("200000")));
        run(new Command.Deposit(BOB, flock("2000000")));
        for (DeploymentId d : new DeploymentId[] {QWEN, LLAMA}) {
            Asset mt = Asset.modelToken(d);
            LaunchParameters launch = LaunchParameters.builder().mtAsset(mt).minTarget(flock("90000"))
                    .maxTarget(flock("800000")).constantProductCurve(BigDecimal.ONE).build();
            InferencePricing pricing = InferencePricing.of(UnitPrice.of(Asset.USD, 18, new BigDecimal("0.002")),
                    UnitPrice.of(Asset.USD, 18, new BigDecimal("0.001")), DiscountTiers.defaults(mt));
            run(new Command.OpenLaunch(d, ISSUER, launch, pricing, flock("0")));
            run(new Command.Buy(d, BOB, flock("900000")));
            run(new Command.GoLive(d, ISSUER));
        }
        clock.set(T0.plus(Duration.ofHours(6)));
    }

    static Amount flock(String v) {
        return Amount.parse(Asset.FLOCK, v);
    }

    static Amount usd(String v) {
        return Amount.parse(Asset.USD, v);
    }

    void run(Command c) {
        protocol.submit(EventId.of("setup-" + (++n)), c);
    }
}
