package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.MT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.FomoException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of {@link Swap} on a graduated pool, over random sequences of swaps in both directions and both
 * kinds, with limits drawn loose and tight: an accepted swap conserves every asset between the trader and
 * the pool, keeps the pool's books equal to its reserves and never lowers {@code k}; an exact-out swap
 * never pays more than its maximum input and an exact-in one never gives less than its minimum output; a
 * refused swap changes no state hash and journals nothing.
 */
class SwapProperties {

    private static final AccountId POOL = Accounts.of("pool", DEP);

    /** One swap as drawn: direction, kind, the exact amount and the limit as a fraction of the quote. */
    record Draw(boolean flockIn, Swap.Kind kind, BigDecimal amount, BigDecimal slack) {
    }

    @Provide
    Arbitrary<List<Draw>> swaps() {
        Arbitrary<BigDecimal> amounts = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("0.000000000000000001"), BigDecimal.ONE).ofScale(18),
                Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("150000")).ofScale(18));
        // slack < 1 makes the limit tighter than the quote (refused), > 1 looser.
        Arbitrary<BigDecimal> slack = Arbitraries.bigDecimals().between(new BigDecimal("0.5"), new BigDecimal("1.5"))
                .ofScale(6);
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(Swap.Kind.class), amounts, slack)
                .as(Draw::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 60)
    void swapsConserveBoundTheirPriceAndRefusalsChangeNothing(@ForAll("swaps") List<Draw> draws) {
        EngineFixture f = new EngineFixture().graduated();
        f.clock.advance(Duration.ofHours(1));
        for (Draw d : draws) {
            Asset exact = d.flockIn() == (d.kind() == Swap.Kind.EXACT_IN) ? Asset.FLOCK : MT;
            Asset other = exact.equals(Asset.FLOCK) ? MT : Asset.FLOCK;
            Amount amount = Amount.of(exact, d.amount());
            Amount limit = limit(f.protocol.pool(DEP).orElseThrow(), d, amount, other);
            Swap swap = new Swap(DEP, BOB, d.kind(), amount, limit);

            String hash = f.protocol.stateHash();
            long sequence = f.protocol.sequence();
            ConstantProductPool poolBefore = f.protocol.pool(DEP).orElseThrow();
            Amount[] before = totals(f);
            Receipt r;
            try {
                r = f.run(swap);
            } catch (FomoException e) {
                assertEquals(hash, f.protocol.stateHash(), "a refused swap changes no state: " + e.getMessage());
                assertEquals(sequence, f.protocol.sequence(), "a refused swap journals nothing");
                continue;
            }
            Fact.Swapped s = r.swapped().orElseThrow();
            Amount[] after = totals(f);
            assertEquals(before[0], after[0], "FLOCK of trader + pool is conserved");
            assertEquals(before[1], after[1], "MT of trader + pool is conserved");
            if (d.kind() == Swap.Kind.EXACT_OUT) {
                assertEquals(amount, s.out());
                assertFalse(s.in().isGreaterThan(limit), "exact-out pays at most its maximum input");
            } else {
                assertEquals(amount, s.in());
                assertFalse(s.out().isLessThan(limit), "exact-in gives at least its minimum output");
            }
            ConstantProductPool pool = f.protocol.pool(DEP).orElseThrow();
            assertEquals(pool.reserve(Asset.FLOCK), f.protocol.balance(POOL, Asset.FLOCK));
            assertEquals(pool.reserve(MT), f.protocol.balance(POOL, MT));
            assertTrue(pool.k().compareTo(poolBefore.k()) >= 0, "k never decreases");
        }
    }

    /** A limit around the current quote (or a plain number when the quote itself is refused). */
    private static Amount limit(ConstantProductPool pool, Draw d, Amount amount, Asset other) {
        Amount quote;
        try {
            quote = d.kind() == Swap.Kind.EXACT_IN ? pool.amountOut(amount) : pool.amountIn(amount);
        } catch (FomoException e) {
            return Amount.of(other, d.slack());
        }
        BigDecimal v = quote.value().multiply(d.slack());
        return Amount.of(other, v.setScale(other.decimals(), java.math.RoundingMode.DOWN));
    }

    private static Amount[] totals(EngineFixture f) {
        return new Amount[] {
            f.protocol.balance(BOB, Asset.FLOCK).plus(f.protocol.balance(POOL, Asset.FLOCK)),
            f.protocol.balance(BOB, MT).plus(f.protocol.balance(POOL, MT)),
        };
    }
}
