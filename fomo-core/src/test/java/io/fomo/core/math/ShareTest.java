package io.fomo.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ShareTest {

    private static void assertRejected(String message, Executable call) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call);
        assertEquals(message, e.getMessage());
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }

    @Test
    void rejectsBasisPointsOutOfRangeNamingTheField() {
        assertRejected("bps = -1: must be between 0 and 10000 bps", () -> Share.ofBps(-1));
        assertRejected("bps = 10001: must be between 0 and 10000 bps", () -> Share.ofBps(10_001));
        assertRejected("protocolFee = 20000: must be between 0 and 10000 bps", () -> Share.ofBps("protocolFee", 20_000));
        assertRejected("bps = -9223372036854775808: must be between 0 and 10000 bps", () -> Share.ofBps(Long.MIN_VALUE));
    }

    @Test
    void rejectsFractionsOutOfRangeNamingTheField() {
        assertRejected("share = -0.1: must be between 0 and 1", () -> Share.of(new BigDecimal("-0.1")));
        assertRejected("share = 1.0001: must be between 0 and 1", () -> Share.of(new BigDecimal("1.0001")));
        assertRejected("liquidity = 1.000000000000000000000000000000000001: must be between 0 and 1",
                () -> Share.of("liquidity", new BigDecimal("1.000000000000000000000000000000000001")));
        // An exponent form is shown plainly.
        assertRejected("share = 200: must be between 0 and 1", () -> Share.of(new BigDecimal("2E+2")));
    }

    @Test
    void boundsAreAccepted() {
        assertTrue(Share.ofBps(0).isZero());
        assertTrue(Share.ofBps(10_000).isOne());
        assertTrue(Share.of(BigDecimal.ZERO).isZero());
        assertTrue(Share.of(new BigDecimal("1.000")).isOne());
        assertFalse(Share.ofBps(9_999).isOne());
    }

    @Test
    void equalityIsNumeric() {
        Share quarter = Share.ofBps(2_500);
        assertEquals(quarter, Share.of(new BigDecimal("0.25")));
        assertEquals(quarter, Share.of(new BigDecimal("0.2500000")));
        assertEquals(quarter.hashCode(), Share.of(new BigDecimal("0.2500000")).hashCode());
        assertEquals(Share.ONE, Share.ofBps(10_000));
        assertEquals(Share.ONE.hashCode(), Share.of(new BigDecimal("1.0")).hashCode());
        assertEquals(Share.ZERO, Share.of(new BigDecimal("0.000")));
        assertEquals(Share.ZERO.hashCode(), Share.of(new BigDecimal("0E-9")).hashCode());
        assertEquals("0.25", quarter.toString());
        assertEquals("0.0001", Share.ofBps(1).toString());
        assertTrue(Share.ofBps(1).compareTo(Share.ofBps(2)) < 0);
    }

    @Test
    void aShareOfAnAmountRoundsOnceInTheGivenDirection() {
        // 2.5% of 10.000001 USDC = 0.250000025 USDC.
        Amount amount = Amount.parse(Asset.USDC, "10.000001");
        Share s = Share.ofBps(250);
        assertEquals(Amount.parse(Asset.USDC, "0.25"), s.of(amount, RoundingMode.DOWN));
        assertEquals(Amount.parse(Asset.USDC, "0.250001"), s.of(amount, RoundingMode.UP));
        assertEquals(Amount.parse(Asset.USDC, "0.25"), s.of(amount, RoundingMode.HALF_UP));
        // A 36-digit fraction of one FLOCK base unit short of 1 FLOCK: 0.123...890123456 * (1 - 1E-18).
        Share fine = Share.of(new BigDecimal("0.123456789012345678901234567890123456"));
        Amount flock = Amount.parse(Asset.FLOCK, "0.999999999999999999");
        // Exact product = 0.123456789012345678 901234567890123456 - 0.000000000000000000 123456789012345678...
        //               = 0.123456789012345678 7777777788...: 18 decimals, then the cut.
        assertEquals(Amount.parse(Asset.FLOCK, "0.123456789012345678"), fine.of(flock, RoundingMode.DOWN));
        assertEquals(Amount.parse(Asset.FLOCK, "0.123456789012345679"), fine.of(flock, RoundingMode.UP));
    }

    @Test
    void sumsBeyondTheWholeAreRejectedAndTheOperandsUnchanged() {
        Share a = Share.ofBps(6_000);
        Share b = Share.of(new BigDecimal("0.4000001"));
        assertRejected("share = 1.0000001: must be between 0 and 1", () -> a.plus(b));
        assertEquals(Share.of(new BigDecimal("0.6")), a);
        assertEquals("0.4000001", b.toString());
        assertEquals(Share.ONE, a.plus(Share.ofBps(4_000)));
    }
}
