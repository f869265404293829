package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AssetTest {

    @Test
    void namedAssets() {
        assertEquals("FLOCK", Asset.FLOCK.symbol());
        assertEquals(18, Asset.FLOCK.decimals());
        assertEquals(6, Asset.USDC.decimals());
        assertEquals(6, Asset.USD.decimals());
        assertEquals(Asset.FLOCK, Asset.of("FLOCK", 18));
        assertEquals(Asset.FLOCK.hashCode(), Asset.of("FLOCK", 18).hashCode());
        assertEquals("FLOCK", Asset.FLOCK.toString());
    }

    @Test
    void equalityNeedsSymbolAndDecimals() {
        assertNotEquals(Asset.of("FLOCK", 18), Asset.of("FLOCK", 6));
        assertNotEquals(Asset.of("FLOCK", 18), Asset.of("flock", 18));
    }

    @Test
    void symbolsOfAllowedCharactersAndLengthsAreAccepted() {
        for (String symbol : new String[] {"A", "9", "MT-llama.v2_1", "x".repeat(32)}) {
            assertEquals(symbol, Asset.of(symbol, 0).symbol());
        }
    }

    @Test
    void badSymbolsAreRejectedWithFieldAndValue() {
        for (String symbol : new String[] {"", " FLOCK", "FLOCK ", "-FLOCK", ".X", "FL OCK", "FL$", "x".repeat(33), "É"}) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> Asset.of(symbol, 18), symbol);
            assertTrue(e.getMessage().startsWith("symbol = \"" + symbol + "\":"), e.getMessage());
        }
        InvalidArgumentException control = assertThrows(InvalidArgumentException.class,
                () -> Asset.of("FL\nOCK", 18));
        assertTrue(control.getMessage().startsWith("symbol = \"FL?OCK\":"), control.getMessage());
        assertThrows(NullPointerException.class, () -> Asset.of(null, 18));
    }

    @Test
    void decimalsOutOfRangeAreRejectedWithFieldAndValue() {
        assertEquals(0, Asset.of("X", 0).decimals());
        assertEquals(Asset.MAX_DECIMALS, Asset.of("X", 36).decimals());
        assertEquals("decimals = -1: must be between 0 and 36",
                assertThrows(InvalidArgumentException.class, () -> Asset.of("X", -1)).getMessage());
        assertEquals("decimals = 37: must be between 0 and 36",
                assertThrows(InvalidArgumentException.class, () -> Asset.of("X", 37)).getMessage());
    }

    @Test
    void modelTokens() {
        Asset mt = Asset.modelToken(DeploymentId.of("llama-7b"));
        assertEquals("MT-llama-7b", mt.symbol());
        assertEquals(Asset.MODEL_TOKEN_DECIMALS, mt.decimals());
        // The longest deployment id still fits a symbol: "MT-" + 29 = 32 characters.
        assertEquals(32, Asset.modelToken(DeploymentId.of("d".repeat(29))).symbol().length());
    }
}
