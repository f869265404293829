package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.ALICE;
import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.MT;
import static io.fomo.core.engine.EngineFixture.flock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.launch.RmoEvent;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.EventId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A Buy's receipt says what was bought; the books are the independent witness. */
class ReceiptTest {

    @Test
    void aBuysReceiptSaysWhatItBoughtAndTheBooksAgree() {
        EngineFixture f = new EngineFixture();
        f.run(new Command.Deposit(ALICE, flock("100000")));
        f.run(new Command.Deposit(BOB, flock("1000000")));
        f.run(new Command.Deposit(CAROL, flock("50000")));
        Receipt open = f.run(new Command.OpenLaunch(DEP, ALICE, EngineFixture.launch(), EngineFixture.pricing(),
                flock("0")));
        assertTrue(open.bought().isEmpty(), "only a Buy buys");
        f.clock.advance(Duration.ofHours(1));

        Amount carolBefore = f.protocol.balance(CAROL, Asset.FLOCK);
        Receipt carol = f.protocol.submit(EventId.of("carol-buy"), new Command.Buy(DEP, CAROL, flock("10000")));
        RmoEvent.Bought c = carol.bought().orElseThrow();
        assertEquals(CAROL, c.buyer());
        assertEquals(flock("10000"), c.gross());
        assertTrue(c.mtOut().isPositive() && c.mtOut().asset().equals(MT), c.toString());
        assertTrue(c.returned().isZero(), "well below the max target nothing comes back");
        assertEquals(c.gross(), c.net().plus(c.fee()).plus(c.returned()));
        assertEquals(carolBefore.minus(c.gross()), f.protocol.balance(CAROL, Asset.FLOCK));
        assertTrue(carol.toString().contains("bought " + c.mtOut()), carol.toString());
        assertTrue(f.protocol.submit(EventId.of("carol-buy"), new Command.Buy(DEP, CAROL, flock("10000")))
                .bought().isEmpty(), "a duplicate buys nothing");

        // Bob overfills the max target: part of his FLOCK comes back, and the raise graduates.
        Amount bobBefore = f.protocol.balance(BOB, Asset.FLOCK);
        RmoEvent.Bought b = f.run(new Command.Buy(DEP, BOB, flock("900000"))).bought().orElseThrow();
        assertTrue(b.returned().isPositive(), b.toString());
        assertEquals(b.gross(), b.net().plus(b.fee()).plus(b.returned()));
        assertEquals(bobBefore.minus(b.gross()).plus(b.returned()), f.protocol.balance(BOB, Asset.FLOCK));
        f.run(new Command.GoLive(DEP, ALICE));
        // At graduation each supporter is minted exactly the claims the receipts reported.
        assertEquals(b.mtOut(), f.protocol.balance(BOB, MT));
        assertEquals(c.mtOut(), f.protocol.balance(CAROL, MT));
    }
}
