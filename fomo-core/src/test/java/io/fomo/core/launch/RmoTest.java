package io.fomo.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.FomoException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenarios over the curve S = 400,000 MT, T = 800,000 FLOCK, p0 = 1 (exact virtual reserves
 * 800,000 / 800,000, end price 4). Expected values derived by hand and checked with Python's decimal.
 */
class RmoTest {

    static final AccountId ISSUER = AccountId.of("issuer");
    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Asset MT = Asset.of("MT", 18);

    static Amount flock(String v) {
        return Amount.parse(Asset.FLOCK, v);
    }

    static Amount mt(String v) {
        return Amount.parse(MT, v);
    }

    static Instant at(Duration d) {
        return T0.plus(d);
    }

    static LaunchParameters.Builder base() {
        return LaunchParameters.builder().mtAsset(MT).minTarget(flock("90000")).maxTarget(flock("800000"))
                .constantProductCurve(BigDecimal.ONE);
    }

    static Rmo opened(LaunchParameters p) {
        return Rmo.create(p, ISSUER).apply(new RmoAction.Open(ISSUER, Amount.zero(Asset.FLOCK)), T0).rmo();
    }

    @Test
    void happyPathMaxTargetWithOverfill() {
        Rmo r = opened(base().build());
        assertEquals(RmoState.FUNDRAISING, r.state());
        assertEquals(flock("32768"), r.launchFeePaid());
        Transition t = r.apply(new RmoAction.Buy(ALICE, flock("1000000")), at(Duration.ofHours(1)));
        RmoEvent.Bought b = (RmoEvent.Bought) t.events().get(0);
        // Net 985,000 passes the 800,000 room: filled 800,000; fee on it ceil(800000·150/9850).
        assertEquals(flock("800000"), b.net());
        assertEquals(flock("12182.741116751269035533"), b.fee());
        assertEquals(flock("187817.258883248730964467"), b.returned());
        assertEquals(mt("400000"), b.mtOut());
        RmoEvent.Graduated g = (RmoEvent.Graduated) t.events().get(1);
        assertEquals(RmoEvent.Trigger.MAX_TARGET, g.trigger());
        Rmo done = t.rmo();
        assertEquals(RmoState.GRADUATED, done.state());
        Graduation grad = done.graduation().orElseThrow();
        // Raise split 50/30/20 of 800,000; pool MT = 400,000 / 4 = 100,000; the other 100,000 of the
        // liquidity allocation goes to treasury.
        assertEquals(flock("400000"), grad.flockSplit().get(Graduation.LIQUIDITY));
        assertEquals(flock("240000"), grad.flockSplit().get(Graduation.HOSTING_RESERVE));
        assertEquals(flock("160000"), grad.flockSplit().get(Graduation.STAKING_INCENTIVES));
        assertEquals(0, new BigDecimal("4").compareTo(grad.finalPrice()));
        assertEquals(mt("100000"), grad.poolMt());
        assertEquals(mt("200000"), grad.treasury());
        assertEquals(mt("0"), grad.burned());
        assertEquals(mt("1000000"), grad.minted());
        assertEquals(flock("400000"), grad.pool().reserve(Asset.FLOCK));
        assertEquals(mt("100000"), grad.pool().reserve(MT));
        assertEquals(30, grad.pool().feeBps());
        // Further buys are rejected.
        assertCode(ErrorCode.INVALID_STATE, () -> done.apply(new RmoAction.Buy(BOB, flock("1")), at(Duration.ofHours(2))));
        assertEquals(RmoState.LIVE, done.apply(new RmoAction.GoLive(ISSUER), at(Duration.ofDays(1))).rmo().state());
    }

    @Test
    void happyPathMinTargetGraduatesOnlyAfterTheWindow() {
        Rmo r = opened(base().build()).apply(new RmoAction.Buy(ALICE, flock("100000")), at(Duration.ofDays(1))).rmo();
        // Fee 1,500; net 98,500 buys 800000·98500/898500 MT.
        assertEquals(mt("87701.725097384529771841"), r.supporter(ALICE).mt());
        assertEquals(flock("1500"), r.platformFees());
        assertCode(ErrorCode.INVALID_STATE, () -> r.apply(new RmoAction.Graduate(BOB), at(Duration.ofDays(6))));
        Rmo g = r.apply(new RmoAction.Graduate(BOB), at(Duration.ofDays(7))).rmo();
        Graduation grad = g.graduation().orElseThrow();
        assertEquals(mt("312298.274902615470228159"), grad.unsold());
        assertEquals(grad.unsold(), grad.burned());
        // Pool MT = 49,250 · Y / X, floor; the rest of the 200,000 to treasury.
        assertEquals(mt("39043.617183031510193363"), grad.poolMt());
        assertEquals(mt("260956.382816968489806637"), grad.treasury());
    }

    @Test
    void minTargetGraduationDuringTheWindowWhenAllowed() {
        Rmo r = opened(base().graduationOnlyAfterWindow(false).build())
                .apply(new RmoAction.Buy(ALICE, flock("100000")), at(Duration.ofDays(1))).rmo();
        assertEquals(RmoState.GRADUATED, r.apply(new RmoAction.Graduate(BOB), at(Duration.ofDays(2))).rmo().state());
    }

    @Test
    void failureRefundsNetPrincipalOncePerSupporter() {
        Rmo r = opened(base().build())
                .apply(new RmoAction.Buy(ALICE, flock("1000")), at(Duration.ofDays(1))).rmo()
                .apply(new RmoAction.Buy(BOB, flock("2000")), at(Duration.ofDays(2))).rmo();
        assertCode(ErrorCode.INVALID_STATE, () -> r.apply(new RmoAction.Close(BOB), at(Duration.ofDays(6))));
        assertCode(ErrorCode.INVALID_STATE, () -> r.apply(new RmoAction.Graduate(BOB), at(Duration.ofDays(8))));
        assertCode(ErrorCode.INVALID_STATE, () -> r.apply(new RmoAction.Buy(BOB, flock("1")), at(Duration.ofDays(7))));
        Rmo failed = r.apply(new RmoAction.Close(BOB), at(Duration.ofDays(7))).rmo();
        assertEquals(RmoState.FAILED, failed.state());
        assertTrue(failed.graduation().isEmpty());
        Rmo a = failed.apply(new RmoAction.Redeem(ALICE), at(Duration.ofDays(8))).rmo();
        assertEquals(flock("985"), a.supporter(ALICE).refunded());
        assertCode(ErrorCode.INVALID_STATE, () -> a.apply(new RmoAction.Redeem(ALICE), at(Duration.ofDays(9))));
        assertCode(ErrorCode.INVALID_STATE, () -> a.apply(new RmoAction.Redeem(ISSUER), at(Duration.ofDays(9))));
        Rmo b = a.apply(new RmoAction.Redeem(BOB), at(Duration.ofDays(9))).rmo();
        assertEquals(flock("2955"), b.refunded());
        // Launch fee and swap fees kept: 15 + 30.
        assertEquals(flock("45"), b.platformFees());
        assertEquals(flock("32768"), b.launchFeePaid());
        assertEquals(flock("15"), b.supporter(ALICE).committed());
    }

    @Test
    void firstBuyAtTheLowestPriceAndItsCap() {
        Rmo created = Rmo.create(base().build(), ISSUER);
        // Net 492,500 would buy 304,835.6 MT > 250,000 cap: the whole open is rejected.
        assertCode(ErrorCode.LIMIT_EXCEEDED, () -> created.apply(new RmoAction.Open(ISSUER, flock("500000")), T0));
        assertEquals(RmoState.CREATED, created.state());
        Transition t = created.apply(new RmoAction.Open(ISSUER, flock("100000")), T0);
        RmoEvent.Bought first = (RmoEvent.Bought) t.events().get(1);
        assertTrue(first.firstBuy());
        assertEquals(mt("87701.725097384529771841"), first.mtOut());
        assertEquals(flock("1500"), first.fee());
    }

    @Test
    void creatorFeeSplit() {
        Rmo r = opened(base().creatorFeeBps(2_000).build()).apply(new RmoAction.Buy(ALICE, flock("100000")), T0).rmo();
        assertEquals(flock("300"), r.creatorFees());
        assertEquals(flock("1200"), r.platformFees());
    }

    @Test
    void overfillRejectedWhenThePolicySaysSo() {
        Rmo r = opened(base().overfillPolicy(OverfillPolicy.REJECT).build());
        assertCode(ErrorCode.LIMIT_EXCEEDED, () -> r.apply(new RmoAction.Buy(ALICE, flock("1000000")), T0));
    }

    @Test
    void unsoldTokensToTreasuryOrLiquidity() {
        for (UnsoldPolicy policy : UnsoldPolicy.values()) {
            Rmo r = opened(base().unsoldPolicy(policy).build())
                    .apply(new RmoAction.Buy(ALICE, flock("100000")), T0).rmo()
                    .apply(new RmoAction.Graduate(BOB), at(Duration.ofDays(7))).rmo();
            Graduation g = r.graduation().orElseThrow();
            Amount total = g.sold().plus(g.poolMt()).plus(g.incentives()).plus(g.issuer()).plus(g.treasury())
                    .plus(g.burned());
            assertEquals(mt("1000000"), total, policy.name());
            if (policy != UnsoldPolicy.BURN) {
                assertEquals(mt("0"), g.burned());
            }
        }
    }

    @Test
    void sellBackIsNeverAllowed() {
        Rmo r = opened(base().build()).apply(new RmoAction.Buy(ALICE, flock("1000")), T0).rmo();
        assertCode(ErrorCode.INVALID_STATE, () -> r.apply(new RmoAction.Sell(ALICE, mt("1")), T0));
    }

    @Test
    void actorsStatesAndTimeAreChecked() {
        Rmo created = Rmo.create(base().build(), ISSUER);
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> created.apply(new RmoAction.Open(ALICE, Amount.zero(Asset.FLOCK)), T0));
        assertCode(ErrorCode.INVALID_STATE, () -> created.apply(new RmoAction.Buy(ALICE, flock("1")), T0));
        Rmo r = opened(base().build()).apply(new RmoAction.Buy(ALICE, flock("10")), at(Duration.ofDays(1))).rmo();
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> r.apply(new RmoAction.Buy(BOB, flock("10")), T0));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> r.apply(new RmoAction.Buy(BOB, Amount.zero(Asset.FLOCK)), at(Duration.ofDays(1))));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> r.apply(new RmoAction.Buy(BOB, Amount.of(MT, 1)), at(Duration.ofDays(1))));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> r.apply(new RmoAction.Buy(BOB, flock("0.000000000000000001")), at(Duration.ofDays(1))));
        assertCode(ErrorCode.INVALID_STATE, () -> r.apply(new RmoAction.Open(ISSUER, Amount.zero(Asset.FLOCK)), at(Duration.ofDays(1))));
        assertCode(ErrorCode.INVALID_STATE, () -> r.apply(new RmoAction.Redeem(ALICE), at(Duration.ofDays(1))));
        assertCode(ErrorCode.INVALID_STATE, () -> r.apply(new RmoAction.ClaimVested(ISSUER), at(Duration.ofDays(1))));
        assertCode(ErrorCode.INVALID_STATE, () -> r.apply(new RmoAction.GoLive(ISSUER), at(Duration.ofDays(1))));
        // The rejected actions changed nothing.
        assertEquals(opened(base().build()).apply(new RmoAction.Buy(ALICE, flock("10")), at(Duration.ofDays(1))).rmo(), r);
    }

    @Test
    void issuerVestingCliffAndLinear() {
        Rmo g = opened(base().build()).apply(new RmoAction.Buy(ALICE, flock("1000000")), T0).rmo();
        assertEquals(RmoState.GRADUATED, g.state());
        assertCode(ErrorCode.INVALID_STATE, () -> g.apply(new RmoAction.ClaimVested(ISSUER), at(Duration.ofDays(89))));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> g.apply(new RmoAction.ClaimVested(ALICE), at(Duration.ofDays(100))));
        // At the cliff: 100,000 · 90/365.
        Transition c1 = g.apply(new RmoAction.ClaimVested(ISSUER), at(Duration.ofDays(90)));
        assertEquals(mt("24657.534246575342465753"), ((RmoEvent.VestingClaimed) c1.events().get(0)).amount());
        Transition c2 = c1.rmo().apply(new RmoAction.ClaimVested(ISSUER), at(Duration.ofDays(400)));
        assertEquals(mt("100000"), c2.rmo().vestingClaimed());
        assertCode(ErrorCode.INVALID_STATE, () -> c2.rmo().apply(new RmoAction.ClaimVested(ISSUER), at(Duration.ofDays(500))));
    }

    @Test
    void timeCanComeFromTheClockSpi() {
        Rmo r = opened(base().build());
        io.fomo.spi.Clock clock = () -> at(Duration.ofDays(7));
        assertCode(ErrorCode.INVALID_STATE, () -> r.apply(new RmoAction.Buy(ALICE, flock("1")), clock));
        assertEquals(RmoState.FAILED, r.apply(new RmoAction.Close(BOB), clock).rmo().state());
    }

    @Test
    void eventsReplayToTheSameState() {
        Rmo r = Rmo.create(base().build(), ISSUER);
        Rmo replay = r;
        List<RmoAction> actions = List.of(new RmoAction.Open(ISSUER, flock("5000")), new RmoAction.Buy(ALICE, flock("1000")),
                new RmoAction.Buy(BOB, flock("900000")), new RmoAction.ClaimVested(ISSUER));
        Duration[] when = {Duration.ZERO, Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(200)};
        for (int i = 0; i < actions.size(); i++) {
            Transition t = r.apply(actions.get(i), at(when[i]));
            for (RmoEvent e : t.events()) {
                replay = replay.evolve(e);
            }
            r = t.rmo();
        }
        assertEquals(r, replay);
        assertSame(RmoState.GRADUATED, r.state());
    }

    static void assertCode(ErrorCode code, Runnable action) {
        FomoException e = assertThrows(FomoException.class, action::run);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(" = "), e.getMessage());
    }
}
