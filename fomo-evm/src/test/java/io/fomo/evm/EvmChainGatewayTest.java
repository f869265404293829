package io.fomo.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.IntentConfirmation;
import io.fomo.spi.IntentId;
import io.fomo.spi.IntentStatus;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.TokenIntent;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The EVM gateway on a real anvil node: books, idempotency across crashes, refusals and rejections. */
class EvmChainGatewayTest {

    private static final Asset FLOCK = Asset.FLOCK;
    private static final Asset MT = Asset.of("MT-llama", 18);
    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");
    private static final AccountId POOL = AccountId.of("protocol:pool:llama");

    private final EvmTestChain.Fixture f = new EvmTestChain.Fixture();
    private final String flock = f.token(FLOCK, BigInteger.TEN.pow(27));
    private final String mt = f.token(MT, BigInteger.TEN.pow(24));
    private final String alice = f.account(ALICE);
    private final String bob = f.account(BOB);

    private static IntentId id(String s) {
        return IntentId.of(s);
    }

    @Test
    void mintsTransfersAndBurnsMoveExactlyTheirAmounts() {
        EvmChainGateway g = f.gateway();
        IntentConfirmation c = g.execute(TokenIntent.mint(id("m1"), ALICE, Amount.of(FLOCK, 100)));
        assertEquals(IntentStatus.CONFIRMED, c.status());
        assertTrue(c.reference().matches("0x[0-9a-f]{64}"), c.reference());
        g.execute(TokenIntent.transfer(id("t1"), ALICE, BOB, Amount.parse(FLOCK, "30.000000000000000001")));
        g.execute(TokenIntent.burn(id("b1"), BOB, Amount.of(FLOCK, 10)));
        assertEquals(Amount.parse(FLOCK, "69.999999999999999999"), g.balanceOf(ALICE, FLOCK));
        assertEquals(Amount.parse(FLOCK, "20.000000000000000001"), g.balanceOf(BOB, FLOCK));
        assertEquals(Amount.of(FLOCK, 90), g.totalSupply(FLOCK));
        // the ERC-20 itself agrees: the supply minted once, less the burn, less what is still unissued
        assertEquals(BigInteger.TEN.pow(27).subtract(BigInteger.TEN.pow(19)), f.chain.totalSupply(flock));
        assertEquals(new BigInteger("69999999999999999999"), f.chain.balanceOf(flock, alice));
    }

    @Test
    void aRetryAfterACrashFindsTheSignedTransactionAndSendsNothingNew() {
        EvmChainGateway g = f.gateway();
        TokenIntent mint = TokenIntent.mint(id("m1"), ALICE, Amount.of(FLOCK, 5));
        IntentConfirmation first = g.execute(mint);
        EvmChainGateway restarted = f.gateway(); // a new process over the same write-ahead log
        assertEquals(first, restarted.execute(TokenIntent.mint(id("m1"), ALICE, Amount.of(FLOCK, 5))));
        assertEquals(Optional.of(first), restarted.confirmation(id("m1")));
        assertEquals(Amount.of(FLOCK, 5), restarted.balanceOf(ALICE, FLOCK));
    }

    @Test
    void aLostLogIsAnsweredByTheSettlementsOnChainRecord() {
        IntentConfirmation first = f.gateway().execute(TokenIntent.mint(id("m1"), ALICE, Amount.of(FLOCK, 5)));
        EvmChainGateway amnesiac = f.builder.log(SentTransactionLog.open(new InMemoryEventJournal(), f.clock)).build();
        assertEquals(first, amnesiac.execute(TokenIntent.mint(id("m1"), ALICE, Amount.of(FLOCK, 5))));
        assertEquals(Amount.of(FLOCK, 5), amnesiac.balanceOf(ALICE, FLOCK));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> amnesiac.execute(TokenIntent.mint(id("m1"), BOB, Amount.of(FLOCK, 5))));
        assertTrue(e.getMessage().startsWith("intentId = m1"), e.getMessage());
    }

    @Test
    void aTransactionSignedAndLoggedButNeverSentIsSentOnRetry() {
        EvmChainGateway g = f.gateway();
        TokenIntent mint = TokenIntent.mint(id("crash-before-send"), BOB, Amount.of(FLOCK, 3));
        // what execute() does up to the crash: sign, write the log, and die before broadcasting
        SentTransactionLog log = SentTransactionLog.open(f.logJournal, f.clock);
        String hash = org.web3j.crypto.Hash.sha3String(EvmChainGateway.canonicalText(mint));
        String data = org.web3j.abi.FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("mint", java.util.List.of(
                new org.web3j.abi.datatypes.generated.Bytes32(org.web3j.crypto.Hash.sha3("crash-before-send".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))),
                new org.web3j.abi.datatypes.generated.Bytes32(org.web3j.utils.Numeric.hexStringToByteArray(hash)),
                new org.web3j.abi.datatypes.Address(flock), new org.web3j.abi.datatypes.Address(bob),
                new org.web3j.abi.datatypes.generated.Uint256(BigInteger.valueOf(3).multiply(BigInteger.TEN.pow(18)))),
                java.util.List.of()));
        Rpc.Signed signed;
        synchronized (f.chain) {
            signed = f.chain.rpc().sign(f.settlement, data, BigInteger.valueOf(150_000));
        }
        log.recordSent(new SentTransactionLog.Sent(mint.id(), hash, signed.nonce(), signed.hash(), signed.raw()));
        assertEquals(Optional.empty(), f.chain.rpc().outcome(signed.hash()), "not sent yet");
        IntentConfirmation c = f.gateway().execute(mint);
        assertEquals(IntentConfirmation.of(mint.id(), IntentStatus.CONFIRMED, signed.hash()), c);
        assertEquals(Amount.of(FLOCK, 3), g.balanceOf(BOB, FLOCK));
    }

    @Test
    void anIdReusedForAnotherIntentIsRefusedAndChangesNothing() {
        EvmChainGateway g = f.gateway();
        g.execute(TokenIntent.mint(id("m1"), ALICE, Amount.of(FLOCK, 5)));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> g.execute(TokenIntent.mint(id("m1"), ALICE, Amount.of(FLOCK, 6))));
        assertTrue(e.getMessage().startsWith("intentId = m1"), e.getMessage());
        assertEquals(Amount.of(FLOCK, 5), g.totalSupply(FLOCK));
    }

    @Test
    void movementsBeyondABalanceOrTheUnissuedSupplyAreRefusedBeforeSigning() {
        EvmChainGateway g = f.gateway();
        g.execute(TokenIntent.mint(id("m1"), ALICE, Amount.of(MT, 999_999)));
        assertThrows(InsufficientLiquidityException.class,
                () -> g.execute(TokenIntent.mint(id("m2"), BOB, Amount.of(MT, 2))), "MT was minted once: 1,000,000");
        assertThrows(InsufficientLiquidityException.class,
                () -> g.execute(TokenIntent.burn(id("b1"), BOB, Amount.of(MT, 1))));
        assertThrows(InsufficientLiquidityException.class,
                () -> g.execute(TokenIntent.transfer(id("t1"), ALICE, BOB, Amount.of(MT, 1_000_000))));
        assertEquals(Optional.empty(), g.confirmation(id("m2")), "a refused intent is not recorded");
        IntentConfirmation later = g.execute(TokenIntent.mint(id("m2"), BOB, Amount.of(MT, 1)));
        assertEquals(IntentStatus.CONFIRMED, later.status());
        assertEquals(Amount.of(MT, 1_000_000), g.totalSupply(MT));
    }

    @Test
    void anUnregisteredAccountIsRefused() {
        EvmChainGateway g = f.gateway();
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> g.execute(TokenIntent.mint(id("m1"), AccountId.of("carol"), Amount.of(FLOCK, 1))));
        assertTrue(e.getMessage().contains("no address in the registry"), e.getMessage());
        assertEquals(Amount.zero(FLOCK), g.balanceOf(AccountId.of("carol"), FLOCK));
    }

    @Test
    void aSwapBeyondThePairsInvariantIsRejectedWithTheRevertReason() {
        f.pool(POOL, flock, mt);
        EvmChainGateway g = f.gateway();
        g.execute(TokenIntent.mint(id("m-pool"), POOL, Amount.of(MT, 1_000)));
        g.execute(TokenIntent.mint(id("f-alice"), ALICE, Amount.of(FLOCK, 2_000)));
        g.execute(TokenIntent.transfer(id("f-pool"), ALICE, POOL, Amount.of(FLOCK, 1_000)));
        // 1 FLOCK into 1000/1000 buys 0.996006981039903216 MT at 0.3%: ask for 1 MT
        IntentConfirmation c = g.execute(TokenIntent.swap(id("greedy"), ALICE, POOL, Amount.of(FLOCK, 1),
                Amount.of(MT, 1)));
        assertEquals(IntentStatus.REJECTED, c.status());
        assertTrue(c.reference().endsWith("reverted: UniswapV2: K"), c.reference());
        assertEquals(Amount.of(FLOCK, 1_000), g.balanceOf(ALICE, FLOCK), "a rejected intent changes nothing");
        assertEquals(c, g.execute(TokenIntent.swap(id("greedy"), ALICE, POOL, Amount.of(FLOCK, 1), Amount.of(MT, 1))));
        IntentConfirmation fair = g.execute(TokenIntent.swap(id("fair"), ALICE, POOL, Amount.of(FLOCK, 1),
                Amount.parse(MT, "0.996006981039903216")));
        assertEquals(IntentStatus.CONFIRMED, fair.status());
        assertNotEquals(c.reference(), fair.reference());
        assertEquals(Amount.parse(MT, "999.003993018960096784"), g.balanceOf(POOL, MT));
        assertEquals(java.util.List.of(new BigInteger("999003993018960096784"), new BigInteger("1001000000000000000000")),
                sorted(f.chain.reserves(f.chain.token0(f.accounts.address(POOL).orElseThrow()).equals(mt)
                        ? f.accounts.address(POOL).orElseThrow() : f.accounts.address(POOL).orElseThrow()), mt));
    }

    /** The pair's reserves as (MT, FLOCK). */
    private java.util.List<BigInteger> sorted(java.util.List<BigInteger> reserves, String mtToken) {
        String pair = f.accounts.address(POOL).orElseThrow();
        return f.chain.token0(pair).equals(mtToken) ? reserves : java.util.List.of(reserves.get(1), reserves.get(0));
    }

    @Test
    void aPoolPaysOutOnlyThroughSwaps() {
        f.pool(POOL, flock, mt);
        EvmChainGateway g = f.gateway();
        g.execute(TokenIntent.mint(id("m-pool"), POOL, Amount.of(MT, 10)));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> g.execute(TokenIntent.transfer(id("steal"), POOL, ALICE, Amount.of(MT, 1))));
        assertTrue(e.getMessage().contains("a pool pays out only through swaps"), e.getMessage());
        assertEquals(Amount.of(MT, 10), g.balanceOf(POOL, MT));
    }
}
