package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.ALICE;
import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.T0;
import static io.fomo.core.engine.EngineFixture.flock;

import io.fomo.spi.Asset;
import io.fomo.spi.EventId;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.ManualClock;
import io.fomo.spi.PriceFeed;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A graduated launch on real in-memory SPIs, with a price feed that can fail like a remote one. */
final class LivenessHarness {

    /** A real in-memory feed behind a switch: while down, it fails as a remote feed would. */
    static final class SwitchFeed implements PriceFeed {
        final InMemoryPriceFeed inner = new InMemoryPriceFeed();
        boolean down;

        @Override
        public PriceQuote priceAt(Asset asset, Instant at) {
            if (down) {
                throw new IllegalStateException("price feed outage");
            }
            return inner.priceAt(asset, at);
        }
    }

    final InMemoryEventJournal journal = new InMemoryEventJournal();
    final InMemoryChainGateway chain = new InMemoryChainGateway();
    final SwitchFeed feed = new SwitchFeed();
    final ManualClock clock = ManualClock.startingAt(T0);
    final FomoProtocol protocol;
    /** The FLOCK price the feed gives at the next close. */
    BigDecimal price = new BigDecimal("0.05");
    private int n;

    LivenessHarness() {
        feed.inner.put(PriceQuote.of(Asset.FLOCK, price, "test", T0));
        protocol = FomoProtocol.builder().journal(journal).chainGateway(chain).priceFeed(feed).clock(clock)
                .parameters(ProtocolParameters.builder(T0).build()).build();
        run(new Command.Deposit(ALICE, flock("100000")));
        run(new Command.Deposit(BOB, flock("1000000")));
        run(new Command.Deposit(CAROL, flock("50000")));
        run(new Command.OpenLaunch(DEP, ALICE, EngineFixture.launch(), EngineFixture.pricing(), flock("0")));
        clock.advance(Duration.ofHours(1));
        run(new Command.Buy(DEP, CAROL, flock("10000")));
        run(new Command.Buy(DEP, BOB, flock("900000")));
        run(new Command.GoLive(DEP, ALICE));
    }

    EventId nextId() {
        return EventId.of("cmd-" + (++n));
    }

    Receipt run(Command c) {
        return protocol.submit(nextId(), c);
    }

    /** Moves to the end of the open epoch, quotes the price there (unless the feed is down) and closes. */
    Receipt close() {
        clock.set(protocol.epochStart(protocol.epoch() + 1));
        feed.inner.put(PriceQuote.of(Asset.FLOCK, price, "test", clock.now()));
        return run(new Command.CloseEpoch(Map.of()));
    }

    /** The facts journaled by one command's batch, as text. */
    String factsOf(Receipt r) {
        List<JournalEntry> batch = journal.read(r.firstSequence(), (int) (r.lastSequence() - r.firstSequence() + 1))
                .stream().map(x -> x.entry()).toList();
        return batch.stream().filter(e -> e.type().equals(FomoProtocol.FACTS))
                .map(e -> new String(e.payload(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }
}
