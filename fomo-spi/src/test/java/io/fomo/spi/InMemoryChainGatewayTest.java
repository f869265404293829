package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.contract.ChainGatewayContract;
import java.util.Optional;
import net.jqwik.api.Example;

/** Runs the chain gateway contract against the in-memory gateway, and checks what only it promises. */
class InMemoryChainGatewayTest implements ChainGatewayContract {

    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId POOL = AccountId.of("pool");

    @Override
    public ChainGateway newGateway() {
        InMemoryChainGateway.Builder b = InMemoryChainGateway.builder();
        ACCOUNTS.forEach(b::account);
        SUPPLIES.forEach(b::supply);
        return b.pool(ChainGatewayContract.POOL, POOL_ASSETS.get(0), POOL_ASSETS.get(1), POOL_FEE_BPS).build();
    }

    @Example
    void confirmsAtOnceWithCountingReferences() {
        InMemoryChainGateway gateway = new InMemoryChainGateway();
        IntentConfirmation first = gateway.execute(TokenIntent.mint(IntentId.of("a"), ALICE, Amount.of(Asset.FLOCK, 1)));
        IntentConfirmation second = gateway.execute(TokenIntent.mint(IntentId.of("b"), ALICE, Amount.of(Asset.FLOCK, 1)));
        assertEquals(IntentConfirmation.of(IntentId.of("a"), IntentStatus.CONFIRMED, "memory:1"), first);
        assertEquals(IntentConfirmation.of(IntentId.of("b"), IntentStatus.CONFIRMED, "memory:2"), second);
    }

    @Example
    void refusesWithInsufficientLiquidityNamingFieldValueAndBalance() {
        InMemoryChainGateway gateway = new InMemoryChainGateway();
        gateway.execute(TokenIntent.mint(IntentId.of("fund"), ALICE, Amount.of(Asset.USDC, 2)));
        TokenIntent transfer = TokenIntent.transfer(IntentId.of("t"), ALICE, POOL, Amount.of(Asset.USDC, 3));
        InsufficientLiquidityException e = assertThrows(InsufficientLiquidityException.class,
                () -> gateway.execute(transfer));
        assertEquals("amount = 3.000000 USDC: exceeds the balance 2.000000 USDC of account alice", e.getMessage());
        assertEquals(Optional.empty(), gateway.confirmation(IntentId.of("t")));

        gateway.execute(TokenIntent.mint(IntentId.of("fund-pool"), POOL, Amount.of(Asset.FLOCK, 1)));
        TokenIntent swap = TokenIntent.swap(IntentId.of("s"), ALICE, POOL, Amount.of(Asset.USDC, 1),
                Amount.of(Asset.FLOCK, 2));
        InsufficientLiquidityException out = assertThrows(InsufficientLiquidityException.class,
                () -> gateway.execute(swap));
        assertTrue(out.getMessage().startsWith("amountOut = 2.000000000000000000 FLOCK:"), out.getMessage());
        assertTrue(out.getMessage().endsWith("of account pool"), out.getMessage());
        assertEquals(Amount.of(Asset.USDC, 2), gateway.balanceOf(ALICE, Asset.USDC), "the paid-in leg was not applied");
    }

    @Example
    void aSwapMovesBothLegs() {
        InMemoryChainGateway gateway = new InMemoryChainGateway();
        gateway.execute(TokenIntent.mint(IntentId.of("1"), ALICE, Amount.of(Asset.USDC, 10)));
        gateway.execute(TokenIntent.mint(IntentId.of("2"), POOL, Amount.of(Asset.FLOCK, 100)));
        gateway.execute(TokenIntent.swap(IntentId.of("3"), ALICE, POOL, Amount.of(Asset.USDC, 4),
                Amount.parse(Asset.FLOCK, "39.5")));
        assertEquals(Amount.of(Asset.USDC, 6), gateway.balanceOf(ALICE, Asset.USDC));
        assertEquals(Amount.parse(Asset.FLOCK, "39.5"), gateway.balanceOf(ALICE, Asset.FLOCK));
        assertEquals(Amount.of(Asset.USDC, 4), gateway.balanceOf(POOL, Asset.USDC));
        assertEquals(Amount.parse(Asset.FLOCK, "60.5"), gateway.balanceOf(POOL, Asset.FLOCK));
        assertEquals(Amount.of(Asset.FLOCK, 100), gateway.totalSupply(Asset.FLOCK));
    }
}
