package io.fomo.examples.gettingstarted;

import io.fomo.core.engine.Command;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.engine.ProtocolParameters;
import io.fomo.core.engine.Receipt;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.RmoEvent;
import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.ManualClock;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A launch from the first buy to a reward claim, journaled in SQLite, then replayed from the file. */
public final class GettingStarted {

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0])
                : Files.createTempDirectory("fomo-getting-started").resolve("journal.db");
        Instant genesis = Instant.parse("2026-01-01T00:00:00Z");
        ManualClock clock = ManualClock.startingAt(genesis);
        InMemoryPriceFeed prices = new InMemoryPriceFeed();
        prices.put(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), "example", genesis));

        DeploymentId qwen = DeploymentId.of("qwen");
        Asset mt = Asset.modelToken(qwen);                      // MT-qwen, the deployment's model token
        AccountId alice = AccountId.of("alice");                // the issuer
        AccountId bob = AccountId.of("bob");
        AccountId carol = AccountId.of("carol");

        String hash;
        try (EventJournal journal = SqliteEventJournal.open(file)) {
            FomoProtocol protocol = FomoProtocol.builder()
                    .journal(journal)
                    .chainGateway(new InMemoryChainGateway())
                    .priceFeed(prices)
                    .clock(clock)
                    .parameters(ProtocolParameters.builder(genesis).build())
                    .build();

            // FLOCK enters from outside; then Alice opens the launch of her model.
            protocol.submit(EventId.of("deposit-alice"), new Command.Deposit(alice, flock("100000")));
            protocol.submit(EventId.of("deposit-bob"), new Command.Deposit(bob, flock("100000")));
            protocol.submit(EventId.of("deposit-carol"), new Command.Deposit(carol, flock("50000")));
            LaunchParameters launch = LaunchParameters.builder(qwen)
                    .minTarget(flock("90000"))
                    .maxTarget(flock("800000"))
                    .constantProductCurve(BigDecimal.ONE)
                    .graduationOnlyAfterWindow(false)           // graduate as soon as the min target is met
                    .build();
            InferencePricing pricing = InferencePricing.of(
                    UnitPrice.of(Asset.USD, 18, new BigDecimal("0.002")),   // list price per unit of usage
                    UnitPrice.of(Asset.USD, 18, new BigDecimal("0.001")),   // floor after discounts
                    DiscountTiers.defaults(mt));
            protocol.submit(EventId.of("open-qwen"), new Command.OpenLaunch(qwen, alice, launch, pricing, flock("0")));

            // Supporters buy model-token claims on the bonding curve; each receipt says what was bought.
            clock.advance(Duration.ofHours(1));
            buy(protocol, qwen, carol, "40000");
            buy(protocol, qwen, bob, "60000");

            // The raise passed its min target: graduate it (the pool is seeded, MT minted) and go live.
            protocol.submit(EventId.of("graduate-qwen"), new Command.Graduate(qwen, alice));
            protocol.submit(EventId.of("live-qwen"), new Command.GoLive(qwen, alice));
            System.out.println("launch: " + protocol.launch(qwen).state() + ", raised " + protocol.launch(qwen).raised());

            // A day of inference usage, paid per unit at the deployment's price.
            clock.advance(Duration.ofHours(1));
            protocol.submit(EventId.of("usage-1"), new Command.RecordUsage(EventId.of("payment-1"), qwen, carol, 1_000_000));
            protocol.submit(EventId.of("usage-2"), new Command.RecordUsage(EventId.of("payment-2"), qwen, bob, 2_000_000));

            // The epoch ends: route revenue, buy back and burn, emit and score rewards.
            clock.set(genesis.plus(Duration.ofDays(1)));
            prices.put(PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), "example", clock.now()));
            protocol.submit(EventId.of("close-epoch-0"),
                    new Command.CloseEpoch(Map.of(qwen, Amount.parse(Asset.USD, "100"))));   // the day's hosting cost
            System.out.println("carol may claim " + protocol.claimableFlock(carol) + " and "
                    + protocol.claimableMt(carol, qwen));
            protocol.submit(EventId.of("claim-carol"), new Command.ClaimRewards(carol));
            System.out.println("carol holds " + protocol.balance(carol, Asset.FLOCK) + " and " + protocol.balance(carol, mt));

            hash = protocol.stateHash();
            System.out.println("state hash: " + hash);
        }

        // Reopen the journal: building a protocol over it replays every command to the same state.
        try (EventJournal journal = SqliteEventJournal.open(file)) {
            FomoProtocol replayed = FomoProtocol.builder()
                    .journal(journal)
                    .chainGateway(new InMemoryChainGateway())
                    .priceFeed(prices)
                    .clock(clock)
                    .build();
            if (!replayed.stateHash().equals(hash)) {
                throw new IllegalStateException("replay gave " + replayed.stateHash() + ", expected " + hash);
            }
            System.out.println("replayed " + journal.currentSequence() + " journal entries from " + file
                    + ": same state hash");
        }
    }

    private static void buy(FomoProtocol protocol, DeploymentId deployment, AccountId buyer, String flock) {
        Receipt r = protocol.submit(EventId.of("buy-" + buyer.value()), new Command.Buy(deployment, buyer, flock(flock)));
        RmoEvent.Bought bought = r.bought().orElseThrow();
        System.out.println(buyer.value() + " paid " + bought.gross() + " (fee " + bought.fee() + ") for " + bought.mtOut());
    }

    private static Amount flock(String value) {
        return Amount.parse(Asset.FLOCK, value);
    }
}
