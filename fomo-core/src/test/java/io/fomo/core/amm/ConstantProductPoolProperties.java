package io.fomo.core.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.FomoException;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ConstantProductPoolProperties {

    static final Asset A = Asset.of("A", 18);
    static final Asset B = Asset.of("B", 6);
    static final BigInteger W = BigInteger.valueOf(10_000);

    @Provide
    Arbitrary<BigInteger> units() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(30));
    }

    ConstantProductPool pool(BigInteger ra, BigInteger rb, int fee) {
        return ConstantProductPool.open(Amount.ofUnits(A, ra), Amount.ofUnits(B, rb), fee);
    }

    /** The fee-adjusted invariant in bps, the generalisation of UniswapV2Pair's K check. */
    static boolean invariantHolds(BigInteger rin, BigInteger rout, BigInteger in, BigInteger out, int fee) {
        if (out.compareTo(rout) >= 0) {
            return false;
        }
        BigInteger adjIn = rin.add(in).multiply(W).subtract(in.multiply(BigInteger.valueOf(fee)));
        return adjIn.multiply(rout.subtract(out).multiply(W)).compareTo(rin.multiply(rout).multiply(W).multiply(W)) >= 0;
    }

    @Property(tries = 300)
    void exactInIsTheLargestOutputTheInvariantAllows(@ForAll("units") BigInteger ra, @ForAll("units") BigInteger rb,
            @ForAll("units") BigInteger in, @ForAll @IntRange(min = 0, max = 9_999) int fee) {
        ConstantProductPool p = pool(ra, rb, fee);
        BigInteger out = p.amountOut(Amount.ofUnits(A, in)).units();
        assertTrue(invariantHolds(ra, rb, in, out, fee));
        assertTrue(!invariantHolds(ra, rb, in, out.add(BigInteger.ONE), fee));
    }

    @Property(tries = 300)
    void exactOutIsRoundedUpUniswapStyle(@ForAll("units") BigInteger ra, @ForAll("units") BigInteger rb,
            @ForAll("units") BigInteger out, @ForAll @IntRange(min = 0, max = 9_999) int fee) {
        Assume.that(out.compareTo(rb) < 0);
        ConstantProductPool p = pool(ra, rb, fee);
        BigInteger in = p.amountIn(Amount.ofUnits(B, out)).units();
        assertTrue(invariantHolds(ra, rb, in, out, fee));
        // Minimal input, independent of the implementation: ceil(Rin·out·W / ((Rout − out)(W − f))).
        BigInteger[] qr = ra.multiply(out).multiply(W).divideAndRemainder(rb.subtract(out).multiply(W.subtract(BigInteger.valueOf(fee))));
        BigInteger ceil = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        BigInteger expected = qr[1].signum() == 0 ? ceil.add(BigInteger.ONE) : ceil;
        assertEquals(expected, in);
        assertTrue(invariantHolds(ra, rb, ceil, out, fee));
        if (ceil.signum() > 0) {
            assertTrue(!invariantHolds(ra, rb, ceil.subtract(BigInteger.ONE), out, fee));
        }
    }

    @Property(tries = 300)
    void kNeverDecreasesAndTheQuoteIsTheExecution(@ForAll("units") BigInteger ra, @ForAll("units") BigInteger rb,
            @ForAll("units") BigInteger amount, @ForAll @IntRange(min = 0, max = 9_999) int fee,
            @ForAll boolean exactIn, @ForAll boolean aToB) {
        ConstantProductPool p = pool(ra, rb, fee);
        Asset from = aToB ? A : B;
        Asset to = aToB ? B : A;
        SwapResult r;
        try {
            if (exactIn) {
                Amount in = Amount.ofUnits(from, amount);
                Amount quoted = p.amountOut(in);
                r = p.swapExactIn(in);
                assertEquals(quoted, r.amountOut());
            } else {
                Amount out = Amount.ofUnits(to, amount);
                Amount quoted = p.amountIn(out);
                r = p.swapExactOut(out);
                assertEquals(quoted, r.amountIn());
            }
        } catch (FomoException e) {
            assertEquals(pool(ra, rb, fee), p);
            return;
        }
        assertTrue(r.pool().k().compareTo(p.k()) >= 0);
        assertEquals(p.reserve(from).plus(r.amountIn()), r.pool().reserve(from));
        assertEquals(p.reserve(to).minus(r.amountOut()), r.pool().reserve(to));
        assertTrue(r.pool().reserve(to).isPositive());
        assertEquals(pool(ra, rb, fee), p);
    }

    @Property(tries = 300)
    void exactOutCostThenExactInReturnsAtLeastTheRequest(@ForAll("units") BigInteger ra,
            @ForAll("units") BigInteger rb, @ForAll("units") BigInteger out,
            @ForAll @IntRange(min = 0, max = 9_999) int fee) {
        Assume.that(out.compareTo(rb) < 0);
        ConstantProductPool p = pool(ra, rb, fee);
        Amount cost = p.amountIn(Amount.ofUnits(B, out));
        assertTrue(p.amountOut(cost).units().compareTo(out) >= 0);
    }

    @Property(tries = 300)
    void aRoundTripNeverProfits(@ForAll("units") BigInteger ra, @ForAll("units") BigInteger rb,
            @ForAll("units") BigInteger in, @ForAll @IntRange(min = 0, max = 9_999) int fee) {
        ConstantProductPool p = pool(ra, rb, fee);
        SwapResult buy;
        SwapResult sell;
        try {
            buy = p.swapExactIn(Amount.ofUnits(A, in));
            sell = buy.pool().swapExactIn(buy.amountOut());
        } catch (FomoException e) {
            return;
        }
        assertTrue(sell.amountOut().units().compareTo(in) <= 0);
    }

    @Property(tries = 100)
    void zeroInputIsRejected(@ForAll("units") BigInteger ra, @ForAll("units") BigInteger rb) {
        ConstantProductPool p = pool(ra, rb, 30);
        assertThrows(FomoException.class, () -> p.swapExactIn(Amount.zero(A)));
        assertThrows(FomoException.class, () -> p.swapExactOut(Amount.zero(A)));
        assertThrows(FomoException.class, () -> p.swapExactOut(p.reserve(B)));
    }
}
