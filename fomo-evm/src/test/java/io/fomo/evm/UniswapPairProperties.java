package io.fomo.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.amm.SwapResult;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.IntentConfirmation;
import io.fomo.spi.IntentId;
import io.fomo.spi.IntentStatus;
import io.fomo.spi.TokenIntent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Cross-check against code no one here wrote: random swaps, both directions, exact-in and exact-out, go
 * through the real, unmodified {@code UniswapV2Pair} on anvil and through fomo-core's
 * {@link ConstantProductPool} (fee 30 bps). After every swap the pair's reserves and the trader's balances
 * equal the model's to the wei; the pair accepts the model's output and refuses one wei more (so the
 * model's exact-in output is exactly the best the pair's invariant allows). Reserves start anywhere from
 * a thousand units to just under 2^112, the pair's limit.
 */
class UniswapPairProperties {

    private static final BigInteger MAX_RESERVE = BigInteger.TWO.pow(112).subtract(BigInteger.ONE);
    private static final Asset A = Asset.of("TKA", 18);
    private static final Asset B = Asset.of("TKB", 6);
    private static final AccountId TRADER = AccountId.of("trader");
    private static final AccountId POOL = AccountId.of("protocol:pool:x");

    /** One swap: its direction, whether it fixes the input or the output, and its size as a fraction. */
    record Step(boolean aToB, boolean exactIn, int shift, long noise) {
    }

    private static final java.util.concurrent.atomic.AtomicInteger SWAPS = new java.util.concurrent.atomic.AtomicInteger();

    @AfterContainer
    static void report() {
        System.out.println("UniswapPairProperties: " + SWAPS.get() + " swaps checked against the real pair");
    }

    @Provide
    Arbitrary<BigInteger> reserves() {
        Arbitrary<BigInteger> nearTheLimit = Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.TWO.pow(100)).map(MAX_RESERVE::subtract);
        Arbitrary<BigInteger> anywhere = Combinators.combine(Arbitraries.integers().between(10, 111),
                Arbitraries.longs().between(0, Long.MAX_VALUE))
                .as((bits, low) -> BigInteger.ONE.shiftLeft(bits).add(BigInteger.valueOf(low).mod(BigInteger.ONE.shiftLeft(bits))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, nearTheLimit), net.jqwik.api.Tuple.of(2, anywhere));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 100), Arbitraries.longs().between(0, 1_000_000_000_000L))
                .as(Step::new).list().ofMinSize(20).ofMaxSize(30);
    }

    @Property(tries = 20)
    void theRealPairAndTheModelAgreeToTheWei(@ForAll("reserves") BigInteger reserveA,
                                             @ForAll("reserves") BigInteger reserveB,
                                             @ForAll("steps") List<Step> steps) {
        EvmTestChain.Fixture f = new EvmTestChain.Fixture();
        BigInteger supply = BigInteger.TWO.pow(127);
        String tokenA = f.token(A, supply);
        String tokenB = f.token(B, supply);
        String pair = f.pool(POOL, tokenA, tokenB);
        f.account(TRADER);
        EvmChainGateway g = f.gateway();
        g.execute(TokenIntent.mint(IntentId.of("pool-a"), POOL, Amount.ofUnits(A, reserveA)));
        g.execute(TokenIntent.mint(IntentId.of("pool-b"), POOL, Amount.ofUnits(B, reserveB)));
        g.execute(TokenIntent.mint(IntentId.of("trader-a"), TRADER, Amount.ofUnits(A, BigInteger.TWO.pow(113))));
        g.execute(TokenIntent.mint(IntentId.of("trader-b"), TRADER, Amount.ofUnits(B, BigInteger.TWO.pow(113))));
        ConstantProductPool model = ConstantProductPool.open(Amount.ofUnits(A, reserveA), Amount.ofUnits(B, reserveB), 30);
        boolean aIsToken0 = f.chain.token0(pair).equals(tokenA);
        int n = 0;
        for (Step s : steps) {
            Asset in = s.aToB() ? A : B;
            Asset out = s.aToB() ? B : A;
            BigInteger rin = model.reserve(in).units();
            BigInteger rout = model.reserve(out).units();
            SwapResult r;
            if (s.exactIn()) {
                BigInteger room = MAX_RESERVE.subtract(rin);
                BigInteger amount = clamp(rin.shiftRight(s.shift()).add(BigInteger.valueOf(s.noise())), room);
                if (amount.signum() <= 0 || model.amountOut(Amount.ofUnits(in, amount)).isZero()) {
                    continue;
                }
                r = model.swapExactIn(Amount.ofUnits(in, amount));
            } else {
                BigInteger amount = clamp(rout.shiftRight(s.shift()).add(BigInteger.valueOf(s.noise())),
                        rout.subtract(BigInteger.ONE));
                if (amount.signum() <= 0) {
                    continue;
                }
                r = model.swapExactOut(Amount.ofUnits(out, amount));
                if (rin.add(r.amountIn().units()).compareTo(MAX_RESERVE) > 0) {
                    continue;
                }
            }
            // the best output the pair allows for this input is the model's exact-in output, not a wei more
            BigInteger best = model.amountOut(r.amountIn()).units();
            Optional<String> greedy = simulateSwap(f, in == A ? tokenA : tokenB, pair, r.amountIn().units(),
                    best.add(BigInteger.ONE));
            assertTrue(greedy.isPresent(), "the pair paid more than the model's output " + best);
            IntentConfirmation c = g.execute(TokenIntent.swap(IntentId.of("swap-" + n), TRADER, POOL, r.amountIn(),
                    r.amountOut()));
            assertEquals(IntentStatus.CONFIRMED, c.status(), c::toString);
            model = r.pool();
            List<BigInteger> onChain = f.chain.reserves(pair);
            BigInteger chainA = aIsToken0 ? onChain.get(0) : onChain.get(1);
            BigInteger chainB = aIsToken0 ? onChain.get(1) : onChain.get(0);
            assertEquals(model.reserve(A).units(), chainA, "reserve A after " + s);
            assertEquals(model.reserve(B).units(), chainB, "reserve B after " + s);
            assertEquals(model.reserve(A), g.balanceOf(POOL, A));
            n++;
            SWAPS.incrementAndGet();
            Statistics.label("swap").collect((s.exactIn() ? "exact-in " : "exact-out ") + (s.aToB() ? "A->B" : "B->A"));
            Statistics.label("reserve near 2^112").collect(
                    model.reserve(A).units().bitLength() >= 111 || model.reserve(B).units().bitLength() >= 111);
        }
        Statistics.label("swaps per try").collect(n >= 10 ? ">=10" : "<10");
        BigInteger traderA = BigInteger.TWO.pow(113).add(reserveA).subtract(model.reserve(A).units());
        BigInteger traderB = BigInteger.TWO.pow(113).add(reserveB).subtract(model.reserve(B).units());
        assertEquals(Amount.ofUnits(A, traderA), g.balanceOf(TRADER, A), "what the pool gained the trader lost");
        assertEquals(Amount.ofUnits(B, traderB), g.balanceOf(TRADER, B));
    }

    private static BigInteger clamp(BigInteger amount, BigInteger max) {
        return amount.min(max).max(BigInteger.ONE.min(max));
    }

    /** Asks the node whether the settlement's swap would revert, without sending anything. */
    private static Optional<String> simulateSwap(EvmTestChain.Fixture f, String tokenIn, String pair, BigInteger in,
                                                 BigInteger out) {
        Bytes32 unused = new Bytes32(Hash.sha3("simulation".getBytes(StandardCharsets.UTF_8)));
        String data = FunctionEncoder.encode(new Function("swap", List.of(unused, unused, new Address(tokenIn),
                new Address(f.accounts.address(TRADER).orElseThrow()), new Address(pair), new Uint256(in),
                new Uint256(out)), List.of()));
        synchronized (f.chain) {
            return f.chain.rpc().simulate(f.settlement, data, DefaultBlockParameterName.LATEST);
        }
    }
}
