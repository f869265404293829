package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.ALICE;
import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.MT;
import static io.fomo.core.engine.EngineFixture.flock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.core.launch.AntiSniping;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.RmoEvent;
import io.fomo.spi.Asset;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.FomoException;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The anti-sniping fee and the wallet cap through the engine: journaled with the launch, charged by the
 * second of the buy, refused past the cap with nothing changed, and replayed to the same state. Fees by
 * hand: ceil(gross·(150 + 4,850·(3600 − t)/3600)/10,000).
 */
class LaunchProtectionsTest {

    @Test
    void protectedLaunchChargesTheDecayedFeeRefusesPastTheCapAndReplays() {
        EngineFixture f = new EngineFixture();
        LaunchParameters p = LaunchParameters.builder().mtAsset(MT).minTarget(flock("90000")).maxTarget(flock("800000"))
                .constantProductCurve(BigDecimal.ONE).antiSniping(AntiSniping.linear(5_000, Duration.ofHours(1)))
                .walletCap(flock("2000")).build();
        f.run(new Command.Deposit(ALICE, flock("100000")));
        f.run(new Command.Deposit(BOB, flock("10000")));
        f.run(new Command.OpenLaunch(DEP, ALICE, p, EngineFixture.pricing(), flock("0")));
        f.clock.advance(Duration.ofMinutes(30));
        RmoEvent.Bought b = f.run(new Command.Buy(DEP, BOB, flock("1000"))).bought().orElseThrow();
        assertEquals(flock("257.5"), b.fee(), "2575 bps at 1800 s");
        assertEquals(flock("257.5"), f.protocol.balance(io.fomo.core.engine.Accounts.PLATFORM, Asset.FLOCK)
                .minus(p.launchFee()));
        f.clock.advance(Duration.ofMinutes(30));
        String hash = f.protocol.stateHash();
        // Principal 742.5 + net 1477.5 of 1500 gross (base fee 22.5 from 3600 s) passes 2000.
        FomoException e = assertThrows(FomoException.class, () -> f.run(new Command.Buy(DEP, BOB, flock("1500"))));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals("gross", e.field());
        assertEquals(hash, f.protocol.stateHash(), "a refused buy changes nothing");
        RmoEvent.Bought c = f.run(new Command.Buy(DEP, BOB, flock("1000"))).bought().orElseThrow();
        assertEquals(flock("15"), c.fee(), "the base fee from the end of the window");

        FomoProtocol replayed = FomoProtocol.builder().journal(f.journal).chainGateway(f.chain).priceFeed(f.prices)
                .clock(f.clock).build();
        assertEquals(f.protocol.stateHash(), replayed.stateHash());
        assertEquals(p, replayed.launch(DEP).params(), "the protections are journaled with the launch");
    }
}
