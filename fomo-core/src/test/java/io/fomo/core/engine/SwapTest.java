package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.ALICE;
import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.MT;
import static io.fomo.core.engine.EngineFixture.flock;
import static io.fomo.core.engine.EngineFixture.mt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Swaps on the graduated pool of {@link EngineFixture#graduated()}. That launch (constant product over
 * virtual reserves, S = 400,000 MT, T = 800,000 FLOCK, p0 = 1, so X0 = Y0 = 800,000) sells out at its max
 * target, ending at the price (T/S)²/p0 = 4; the pool takes 50% of the raise, 400,000 FLOCK, and
 * 400,000 / 4 = 100,000 MT (docs/launch.md). The expected amounts below are Uniswap v2's
 * {@code getAmountOut} / {@code getAmountIn} at 30 bps evaluated by hand on those reserves in base units:
 * {@code out = floor(in·9970·Rout / (Rin·10000 + in·9970))}, {@code in = floor(Rin·out·10000 /
 * ((Rout − out)·9970)) + 1}.
 */
class SwapTest {

    private static EngineFixture graduated() {
        EngineFixture f = new EngineFixture().graduated();
        f.clock.advance(Duration.ofHours(1));
        ConstantProductPool pool = f.protocol.pool(DEP).orElseThrow();
        assertEquals(flock("400000"), pool.reserve(Asset.FLOCK), "the fixture's pool, derived by hand");
        assertEquals(mt("100000"), pool.reserve(MT), "the fixture's pool, derived by hand");
        return f;
    }

    @Test
    void exactInFlockForMtPaysTheAmountAndGivesUniswapsOutput() {
        EngineFixture f = graduated();
        Amount flockBefore = f.protocol.balance(BOB, Asset.FLOCK);
        Amount mtBefore = f.protocol.balance(BOB, MT);
        Receipt r = f.run(Swap.exactIn(DEP, BOB, flock("1000"), mt("248")));
        Fact.Swapped s = r.swapped().orElseThrow();
        // 1000e18·9970·100000e18 / (400000e18·10000 + 1000e18·9970), floored
        assertEquals(flock("1000"), s.in());
        assertEquals(mt("248.630289004655895181"), s.out());
        assertEquals(BOB, s.trader());
        assertEquals(Accounts.of("pool", DEP), s.pool());
        assertEquals(flockBefore.minus(flock("1000")), f.protocol.balance(BOB, Asset.FLOCK));
        assertEquals(mtBefore.plus(mt("248.630289004655895181")), f.protocol.balance(BOB, MT));
        ConstantProductPool pool = f.protocol.pool(DEP).orElseThrow();
        assertEquals(flock("401000"), pool.reserve(Asset.FLOCK), "the whole input, fee included, stays in the pool");
        assertEquals(mt("99751.369710995344104819"), pool.reserve(MT));
        assertEquals(pool.reserve(MT), f.protocol.balance(Accounts.of("pool", DEP), MT), "books follow the pool");
        assertEquals(1, r.intents(), "one swap intent");
        assertTrue(r.toString().contains("swapped"), r.toString());
    }

    @Test
    void exactInMtForFlock() {
        EngineFixture f = graduated();
        Fact.Swapped s = f.run(Swap.exactIn(DEP, BOB, mt("100"), flock("0"))).swapped().orElseThrow();
        assertEquals(mt("100"), s.in());
        assertEquals(flock("398.402792415961286597"), s.out());
    }

    @Test
    void exactOutMtPaysUniswapsInputRoundedUp() {
        EngineFixture f = graduated();
        Fact.Swapped s = f.run(Swap.exactOut(DEP, CAROL, mt("1000"), flock("4052.561725580782752298")))
                .swapped().orElseThrow();
        assertEquals(mt("1000"), s.out());
        assertEquals(flock("4052.561725580782752298"), s.in(), "a max in of exactly the price is enough");
    }

    @Test
    void exactOutFlockPaysMt() {
        EngineFixture f = graduated();
        Fact.Swapped s = f.run(Swap.exactOut(DEP, BOB, flock("1000"), mt("300"))).swapped().orElseThrow();
        assertEquals(flock("1000"), s.out());
        assertEquals(mt("251.380708541665095538"), s.in());
    }

    @Test
    void aSwapPastItsBoundIsRefusedNamingTheLimitAndChangesNothing() {
        EngineFixture f = graduated();
        refused(f, ErrorCode.LIMIT_EXCEEDED, "limit",
                () -> f.run(Swap.exactIn(DEP, BOB, flock("1000"), mt("248.630289004655895182"))));
        refused(f, ErrorCode.LIMIT_EXCEEDED, "limit",
                () -> f.run(Swap.exactOut(DEP, BOB, mt("1000"), flock("4052.561725580782752297"))));
    }

    @Test
    void refusalsAreTypedAndNameTheirField() {
        EngineFixture f = graduated();
        AccountId poor = AccountId.of("poor");
        refused(f, ErrorCode.INSUFFICIENT_LIQUIDITY, "amount", () -> f.run(Swap.exactIn(DEP, poor, flock("1"), mt("0"))));
        refused(f, ErrorCode.INSUFFICIENT_LIQUIDITY, "amount",
                () -> f.run(Swap.exactOut(DEP, poor, mt("1"), flock("100"))));
        refused(f, ErrorCode.INVALID_STATE, "deployment",
                () -> f.run(Swap.exactIn(DeploymentId.of("nope"), BOB, flock("1"), mt("0"))));
        refused(f, ErrorCode.INSUFFICIENT_LIQUIDITY, "amount",
                () -> f.run(Swap.exactOut(DEP, BOB, mt("100000"), flock("1000000000"))));
        refused(f, ErrorCode.INVALID_ARGUMENT, "amount", () -> f.run(Swap.exactIn(DEP, BOB, flock("0"), mt("0"))));
        refused(f, ErrorCode.INVALID_ARGUMENT, "amount",
                () -> f.run(Swap.exactIn(DEP, BOB, Amount.ofUnits(Asset.FLOCK, 1), mt("0"))));
        refused(f, ErrorCode.INVALID_ARGUMENT, "limit", () -> f.run(Swap.exactIn(DEP, BOB, flock("1"), flock("0"))));
        refused(f, ErrorCode.INVALID_ARGUMENT, "amount",
                () -> f.run(Swap.exactIn(DEP, BOB, Amount.parse(Asset.USD, "1"), mt("0"))));
        refused(f, ErrorCode.INVALID_ARGUMENT, "trader",
                () -> f.run(Swap.exactIn(DEP, Accounts.TREASURY, mt("1"), flock("0"))));
    }

    @Test
    void anUngraduatedPoolIsRefused() {
        EngineFixture f = new EngineFixture();
        f.run(new Command.Deposit(ALICE, flock("100000")));
        f.run(new Command.OpenLaunch(DEP, ALICE, EngineFixture.launch(), EngineFixture.pricing(), flock("0")));
        refused(f, ErrorCode.INVALID_STATE, "deployment", () -> f.run(Swap.exactIn(DEP, ALICE, flock("10"), mt("0"))));
    }

    @Test
    void aSwapIsJournaledAsAFactWithASwapIntentAndReplays() {
        EngineFixture f = graduated();
        Receipt r = f.run(Swap.exactIn(DEP, BOB, flock("1000"), mt("0")));
        assertEquals(1, r.intents());
        assertEquals(0, r.pendingIntents(), "the chain executed the swap intent");
        assertEquals(f.protocol.balance(BOB, MT), f.chain.balanceOf(BOB, MT), "chain and books agree");
        assertEquals(f.protocol.balance(BOB, Asset.FLOCK), f.chain.balanceOf(BOB, Asset.FLOCK));
        AccountId pool = Accounts.of("pool", DEP);
        assertEquals(f.protocol.balance(pool, MT), f.chain.balanceOf(pool, MT));
        FomoProtocol replayed = FomoProtocol.builder().journal(f.journal).chainGateway(f.chain).priceFeed(f.prices)
                .clock(f.clock).build();
        assertEquals(f.protocol.stateHash(), replayed.stateHash());
        assertEquals(f.protocol.pool(DEP), replayed.pool(DEP));
    }

    private static void refused(EngineFixture f, ErrorCode code, String field, Executable swap) {
        String hash = f.protocol.stateHash();
        long sequence = f.protocol.sequence();
        FomoException e = assertThrows(FomoException.class, swap);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(hash, f.protocol.stateHash(), "a refused swap changes nothing");
        assertEquals(sequence, f.protocol.sequence(), "and journals nothing");
    }
}
