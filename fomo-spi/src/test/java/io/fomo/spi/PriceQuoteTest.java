package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriceQuoteTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static PriceQuote quote(String price) {
        return PriceQuote.of(Asset.FLOCK, new BigDecimal(price), "chainlink:FLOCK/USD", T0);
    }

    @Test
    void pricesAreKeptExactInTheirShortestForm() {
        assertEquals("0.0425", quote("0.042500").price().toPlainString());
        assertEquals(quote("0.0425"), quote("0.04250"));
        assertEquals(quote("0.0425").hashCode(), quote("0.04250").hashCode());
        assertEquals("1200", quote("1.2E+3").price().toPlainString());
        assertEquals(0, quote("1.2E+3").price().scale(), "no negative scale");
        assertEquals(0, quote("5.000").price().scale());
        assertEquals(new BigDecimal("0.000000000000000000000000000000000001"),
                quote("1E-36").price(), "36 decimals are accepted");
    }

    @Test
    void nonPositivePricesAreRejectedWithFieldAndValue() {
        assertEquals("price = 0: must be positive",
                assertThrows(InvalidArgumentException.class, () -> quote("0")).getMessage());
        assertEquals("price = -0.5: must be positive",
                assertThrows(InvalidArgumentException.class, () -> quote("-0.5")).getMessage());
    }

    @Test
    void moreThanMaxScaleDecimalsAreRejectedNotRounded() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> quote("1E-37"));
        assertTrue(e.getMessage().startsWith("price = 0.0000000000000000000000000000000000001: has more than 36"),
                e.getMessage());
        assertEquals(quote("0.1"), quote("0.1000000000000000000000000000000000000000"),
                "trailing zeros do not count as decimals");
    }

    @Test
    void sourcesFollowTheIdRules() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> PriceQuote.of(Asset.FLOCK, BigDecimal.ONE, "", T0));
        assertEquals("source = \"\": must not be blank", e.getMessage());
    }

    @Test
    void equalityCoversEveryField() {
        PriceQuote q = quote("0.05");
        assertNotEquals(q, PriceQuote.of(Asset.USDC, new BigDecimal("0.05"), q.source(), T0));
        assertNotEquals(q, PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), "other", T0));
        assertNotEquals(q, PriceQuote.of(Asset.FLOCK, new BigDecimal("0.05"), q.source(), T0.plusSeconds(1)));
        assertNotEquals(q, quote("0.051"));
        assertEquals("FLOCK = 0.05 USD @2026-01-01T00:00:00Z (chainlink:FLOCK/USD)", q.toString());
    }
}
