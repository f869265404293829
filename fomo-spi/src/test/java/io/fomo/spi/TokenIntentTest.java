package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenIntentTest {

    private static final IntentId ID = IntentId.of("i-1");
    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId POOL = AccountId.of("pool");
    private static final Amount FLOCK = Amount.of(Asset.FLOCK, 2);
    private static final Amount USDC = Amount.of(Asset.USDC, 3);

    @Test
    void eachKindCarriesItsAccountsAndAmounts() {
        TokenIntent mint = TokenIntent.mint(ID, ALICE, FLOCK);
        assertEquals(IntentKind.MINT, mint.kind());
        assertEquals(Optional.empty(), mint.from());
        assertEquals(Optional.of(ALICE), mint.to());
        assertEquals(FLOCK, mint.amount());
        assertEquals(Optional.empty(), mint.secondAmount());

        TokenIntent burn = TokenIntent.burn(ID, ALICE, FLOCK);
        assertEquals(Optional.of(ALICE), burn.from());
        assertEquals(Optional.empty(), burn.to());

        TokenIntent transfer = TokenIntent.transfer(ID, ALICE, POOL, FLOCK);
        assertEquals(IntentKind.TRANSFER, transfer.kind());
        assertEquals(Optional.of(POOL), transfer.to());

        TokenIntent add = TokenIntent.addLiquidity(ID, ALICE, POOL, FLOCK, USDC);
        assertEquals(IntentKind.ADD_LIQUIDITY, add.kind());
        assertEquals(Optional.of(USDC), add.secondAmount());

        TokenIntent swap = TokenIntent.swap(ID, ALICE, POOL, USDC, FLOCK);
        assertEquals(IntentKind.SWAP, swap.kind());
        assertEquals(USDC, swap.amount());
        assertEquals(Optional.of(FLOCK), swap.secondAmount());
        assertEquals("SWAP[i-1: alice -> pool, 3.000000 USDC, 2.000000000000000000 FLOCK]", swap.toString());
        assertEquals("MINT[i-1:  -> alice, 2.000000000000000000 FLOCK]", mint.toString());
    }

    @Test
    void equalityCoversEveryField() {
        TokenIntent t = TokenIntent.transfer(ID, ALICE, POOL, FLOCK);
        assertEquals(t, TokenIntent.transfer(IntentId.of("i-1"), AccountId.of("alice"), AccountId.of("pool"),
                Amount.parse(Asset.FLOCK, "2.0")));
        assertEquals(t.hashCode(), TokenIntent.transfer(ID, ALICE, POOL, FLOCK).hashCode());
        assertNotEquals(t, TokenIntent.transfer(IntentId.of("i-2"), ALICE, POOL, FLOCK));
        assertNotEquals(t, TokenIntent.transfer(ID, POOL, ALICE, FLOCK));
        assertNotEquals(t, TokenIntent.transfer(ID, ALICE, POOL, Amount.of(Asset.FLOCK, 3)));
        assertNotEquals(TokenIntent.mint(ID, ALICE, FLOCK), TokenIntent.burn(ID, ALICE, FLOCK));
        assertNotEquals(TokenIntent.addLiquidity(ID, ALICE, POOL, FLOCK, USDC),
                TokenIntent.swap(ID, ALICE, POOL, FLOCK, USDC));
    }

    @Test
    void zeroAmountsAreRejectedWithFieldAndValue() {
        Amount zero = Amount.zero(Asset.FLOCK);
        assertEquals("amount = 0.000000000000000000 FLOCK: must be positive",
                assertThrows(InvalidArgumentException.class, () -> TokenIntent.mint(ID, ALICE, zero)).getMessage());
        assertThrows(InvalidArgumentException.class, () -> TokenIntent.burn(ID, ALICE, zero));
        assertThrows(InvalidArgumentException.class, () -> TokenIntent.transfer(ID, ALICE, POOL, zero));
        assertTrue(assertThrows(InvalidArgumentException.class,
                () -> TokenIntent.addLiquidity(ID, ALICE, POOL, USDC, zero)).getMessage().startsWith("second = "));
        assertTrue(assertThrows(InvalidArgumentException.class,
                () -> TokenIntent.swap(ID, ALICE, POOL, zero, USDC)).getMessage().startsWith("amountIn = "));
    }

    @Test
    void twoPartyIntentsNeedTwoAccounts() {
        assertEquals("to = alice: must differ from the account the tokens come from",
                assertThrows(InvalidArgumentException.class,
                        () -> TokenIntent.transfer(ID, ALICE, ALICE, FLOCK)).getMessage());
        assertThrows(InvalidArgumentException.class, () -> TokenIntent.addLiquidity(ID, POOL, POOL, FLOCK, USDC));
        assertThrows(InvalidArgumentException.class, () -> TokenIntent.swap(ID, POOL, POOL, FLOCK, USDC));
    }

    @Test
    void depositsAndSwapsNeedTwoAssets() {
        Amount more = Amount.of(Asset.FLOCK, 1);
        assertTrue(assertThrows(InvalidArgumentException.class,
                () -> TokenIntent.addLiquidity(ID, ALICE, POOL, FLOCK, more)).getMessage()
                .startsWith("second = 1.000000000000000000 FLOCK: must be of another asset"));
        assertTrue(assertThrows(InvalidArgumentException.class,
                () -> TokenIntent.swap(ID, ALICE, POOL, FLOCK, more)).getMessage().startsWith("amountOut = "));
    }

    @Test
    void nullsAreNamed() {
        assertEquals("id", assertThrows(NullPointerException.class,
                () -> TokenIntent.mint(null, ALICE, FLOCK)).getMessage());
        assertEquals("to", assertThrows(NullPointerException.class,
                () -> TokenIntent.mint(ID, null, FLOCK)).getMessage());
        assertEquals("from", assertThrows(NullPointerException.class,
                () -> TokenIntent.transfer(ID, null, POOL, FLOCK)).getMessage());
        assertEquals("amountOut", assertThrows(NullPointerException.class,
                () -> TokenIntent.swap(ID, ALICE, POOL, FLOCK, null)).getMessage());
    }

    @Test
    void confirmations() {
        IntentConfirmation c = IntentConfirmation.of(ID, IntentStatus.CONFIRMED, "0xabc");
        assertEquals(ID, c.intentId());
        assertEquals(IntentStatus.CONFIRMED, c.status());
        assertEquals("0xabc", c.reference());
        assertEquals(c, IntentConfirmation.of(IntentId.of("i-1"), IntentStatus.CONFIRMED, "0xabc"));
        assertNotEquals(c, IntentConfirmation.of(ID, IntentStatus.REJECTED, "0xabc"));
        assertNotEquals(c, IntentConfirmation.of(ID, IntentStatus.CONFIRMED, "0xabd"));
        assertEquals("i-1 CONFIRMED (0xabc)", c.toString());
        assertEquals("reference = \"\": must not be blank", assertThrows(InvalidArgumentException.class,
                () -> IntentConfirmation.of(ID, IntentStatus.REJECTED, "")).getMessage());
    }
}
