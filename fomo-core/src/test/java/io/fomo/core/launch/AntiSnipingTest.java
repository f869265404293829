package io.fomo.core.launch;

import static io.fomo.core.launch.RmoTest.ALICE;
import static io.fomo.core.launch.RmoTest.BOB;
import static io.fomo.core.launch.RmoTest.T0;
import static io.fomo.core.launch.RmoTest.base;
import static io.fomo.core.launch.RmoTest.flock;
import static io.fomo.core.launch.RmoTest.mt;
import static io.fomo.core.launch.RmoTest.opened;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The anti-sniping fee and the per-wallet cap. Expected values computed by hand and with Python's
 * fractions (linear) and decimal at 700 digits (exponential), not with the SDK: fee =
 * ceil(gross·(150 + 4,850·φ(t))/10,000), φ linear (3600 − t)/3600, φ exponential 2^(−t/600).
 */
class AntiSnipingTest {

    private static final AntiSniping LINEAR = AntiSniping.linear(5_000, Duration.ofHours(1));
    private static final AntiSniping EXPONENTIAL = AntiSniping.exponential(5_000, Duration.ofMinutes(10),
            Duration.ofHours(1));
    private static final Amount G = flock("1000");

    private static Amount gross(AntiSniping a, long t) {
        return a.onGross(G, 150, t, RoundingMode.UP);
    }

    @Test
    void linearDecayFromTheStartFeeToTheBaseFee() {
        assertEquals(flock("500"), gross(LINEAR, 0));
        assertEquals(flock("499.865277777777777778"), gross(LINEAR, 1), "1000·(150·3600 + 4850·3599)/36e6, up");
        assertEquals(flock("257.5"), gross(LINEAR, 1800));
        assertEquals(flock("15.134722222222222223"), gross(LINEAR, 3599));
        assertEquals(flock("15"), gross(LINEAR, 3600));
        assertEquals(flock("15"), gross(LINEAR, 1_000_000_000L));
        assertEquals(flock("346.801346801346801347"), LINEAR.onNet(G, 150, 1800, RoundingMode.UP),
                "1000·2575/7425, up");
        assertEquals(new BigDecimal("2575"), LINEAR.feeBpsAt(150, 1800, 0, RoundingMode.UNNECESSARY));
    }

    @Test
    void exponentialDecayHalvesTheExcessEveryHalfLife() {
        assertEquals(flock("500"), gross(EXPONENTIAL, 0));
        assertEquals(flock("357.946788875475549335"), gross(EXPONENTIAL, 300), "150 + 4850/√2 bps");
        assertEquals(flock("257.5"), gross(EXPONENTIAL, 600), "one half-life: exactly half the excess");
        assertEquals(flock("167.765427299753371229"), gross(EXPONENTIAL, 1000));
        assertEquals(flock("22.586884652095381996"), gross(EXPONENTIAL, 3599));
        assertEquals(flock("15"), gross(EXPONENTIAL, 3600), "the base fee from the end of the window");
        assertEquals(flock("201.584304236996587752"), EXPONENTIAL.onNet(G, 150, 1000, RoundingMode.UP));
        assertEquals(flock("167.765427299753371228"), EXPONENTIAL.onGross(G, 150, 1000, RoundingMode.DOWN),
                "the other direction, one unit below");
    }

    @Test
    void offChargesExactlyTheBaseFee() {
        assertEquals(SwapFee.onGross(G, 150, RoundingMode.UP), AntiSniping.none().onGross(G, 150, 0, RoundingMode.UP));
        assertEquals(AntiSniping.none(), LaunchParameters.builder().mtAsset(RmoTest.MT).minTarget(flock("1"))
                .maxTarget(flock("800000")).constantProductCurve(BigDecimal.ONE).build().antiSniping());
    }

    @Test
    void settingsAreValidatedAtOnceNamingTheField() {
        assertField("antiSniping.startFeeBps", () -> AntiSniping.linear(10_000, Duration.ofHours(1)));
        assertField("antiSniping.window", () -> AntiSniping.linear(500, Duration.ZERO));
        assertField("antiSniping.window", () -> AntiSniping.linear(500, Duration.ofMillis(1500)));
        assertField("antiSniping.halfLife", () -> AntiSniping.exponential(500, Duration.ofSeconds(-1),
                Duration.ofHours(1)));
        assertField("antiSniping.window", () -> AntiSniping.exponential(500, Duration.ofSeconds(1),
                Duration.ofSeconds(1001)));
        assertField("antiSniping.startFeeBps", () -> base().swapFeeBps(600).antiSniping(LINEAR.equals(LINEAR)
                ? AntiSniping.linear(500, Duration.ofHours(1)) : LINEAR).build());
        assertField("walletCap", () -> base().walletCap(flock("0")));
        assertField("walletCap", () -> base().walletCap(Amount.of(Asset.USD, 1)));
    }

    @Test
    void aBuyPaysTheFeeOfItsSecondAndSplitsItLikeTheBaseFee() {
        Rmo r = opened(base().antiSniping(LINEAR).creatorFeeBps(2_000).build());
        RmoEvent.Bought b = (RmoEvent.Bought) r.apply(new RmoAction.Buy(ALICE, G),
                T0.plus(Duration.ofMillis(1_800_999))).events().get(0);
        // 1800.999 s rounds down to 1800 s: 2575 bps, fee 257.5; creator 20% rounded down, platform the rest.
        assertEquals(flock("257.5"), b.fee());
        assertEquals(flock("51.5"), b.creatorFee());
        assertEquals(flock("206"), b.platformFee());
        assertEquals(flock("742.5"), b.net());
        assertEquals(mt("741.811506195812011976"), b.mtOut(), "floor(800000·742.5/800742.5)");
    }

    @Test
    void aBuyPastTheWalletCapIsRefusedNamingGrossAndChangesNothing() {
        Rmo r = opened(base().walletCap(flock("1000")).build());
        r = r.apply(new RmoAction.Buy(ALICE, G), T0.plus(Duration.ofHours(1))).rmo();
        assertEquals(flock("985"), r.supporter(ALICE).principal());
        Rmo before = r;
        FomoException e = assertThrows(FomoException.class,
                () -> before.apply(new RmoAction.Buy(ALICE, flock("20")), T0.plus(Duration.ofHours(2))));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals("gross", e.field(), e.getMessage());
        // 15.2 gross: fee ceil(0.228) at 18 decimals = 0.228, net 14.972, principal 999.972 <= 1000.
        r = r.apply(new RmoAction.Buy(ALICE, flock("15.2")), T0.plus(Duration.ofHours(2))).rmo();
        assertEquals(flock("999.972"), r.supporter(ALICE).principal());
        // The cap is per wallet: Bob starts from zero.
        r.apply(new RmoAction.Buy(BOB, G), T0.plus(Duration.ofHours(3)));
    }

    @Test
    void aFirstBuyPastTheWalletCapRefusesTheOpening() {
        LaunchParameters p = base().walletCap(flock("100")).build();
        FomoException e = assertThrows(FomoException.class, () -> Rmo.create(p, RmoTest.ISSUER)
                .apply(new RmoAction.Open(RmoTest.ISSUER, flock("200")), T0));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals("firstBuy", e.field());
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call);
        assertEquals(field, e.field(), e.getMessage());
    }
}
