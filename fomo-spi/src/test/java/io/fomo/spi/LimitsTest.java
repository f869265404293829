package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The hostile decimals of the attack run: each is refused at once, names its field, and quotes little. */
class LimitsTest {

    private static final Asset FLOCK = Asset.of("FLOCK", 18);

    /** Decimals whose arithmetic would take minutes or gigabytes: tiny, huge, or long. */
    static final List<BigDecimal> HOSTILE = List.of(
            new BigDecimal("1e-999999999"),
            new BigDecimal("1e+999999999"),
            new BigDecimal("-1e-2147483647"),
            new BigDecimal(BigInteger.TEN.pow(2000)),
            new BigDecimal(BigInteger.ONE.shiftLeft(700), 10),
            new BigDecimal("1e79"));

    @Test
    void everyDecimalEntryPointOfTheSpiRefusesHostileDecimals() {
        Amount one = Amount.of(FLOCK, 1);
        for (BigDecimal d : HOSTILE) {
            assertRefused("value", () -> Amount.of(FLOCK, d));
            assertRefused("value", () -> Amount.of(FLOCK, d, RoundingMode.DOWN));
            assertRefused("factor", () -> one.multipliedBy(d, RoundingMode.DOWN));
            assertRefused("divisor", () -> one.dividedBy(d, RoundingMode.DOWN));
            assertRefused("price", () -> PriceQuote.of(FLOCK, d, "test", Instant.EPOCH));
            assertRefused("x", () -> Limits.decimal("x", d));
        }
        assertRefused("units", () -> Amount.ofUnits(FLOCK, BigInteger.ONE.shiftLeft(Limits.MAX_BITS)));
        BigDecimal tooFine = new BigDecimal("1e-101");
        assertRefused("value", () -> Amount.of(FLOCK, tooFine));
        assertRefused("price", () -> PriceQuote.of(FLOCK, tooFine, "test", Instant.EPOCH));
        assertRefused("value", () -> Amount.of(FLOCK, new BigDecimal("1e-1001"), RoundingMode.UP));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        BigDecimal largest = BigDecimal.TEN.pow(Limits.MAX_INTEGER_DIGITS).subtract(BigDecimal.ONE);
        assertSame(largest, Limits.decimal("x", largest));
        BigDecimal finest = BigDecimal.ONE.movePointLeft(Limits.MAX_SCALE);
        assertSame(finest, Limits.decimal("x", finest));
        BigDecimal withZeros = new BigDecimal("1.5000000000000000000000000000000000000000");
        assertSame(withZeros, Limits.decimal("x", withZeros));
        BigInteger twoTo256 = BigInteger.ONE.shiftLeft(256);
        assertEquals(twoTo256, Amount.ofUnits(FLOCK, twoTo256).units());
        assertRefused("x", () -> Limits.decimal("x", largest.add(BigDecimal.ONE)));
        assertRefused("x", () -> Limits.decimal("x", finest.movePointLeft(1)));
    }

    @Test
    void aValueToBeRoundedMayCarryManyDecimalsButNotManyIntegerDigits() {
        BigDecimal third = BigDecimal.ONE.divide(BigDecimal.valueOf(3), new MathContext(900));
        assertEquals(Amount.parse(FLOCK, "0.333333333333333334"), Amount.of(FLOCK, third, RoundingMode.UP));
        BigDecimal big = BigDecimal.TEN.pow(Limits.MAX_INTEGER_DIGITS - 1).add(third);
        assertEquals(78, Amount.of(FLOCK, big, RoundingMode.DOWN).value().precision() - 18);
        assertRefused("value", () -> Amount.of(FLOCK, big.multiply(BigDecimal.TEN), RoundingMode.DOWN));
    }

    @Test
    void precisionsAndSizesAreBounded() {
        assertEquals(Limits.MAX_PRECISION, Limits.digits("p", Limits.MAX_PRECISION));
        assertRefused("p", () -> Limits.digits("p", -1));
        assertRefused("p", () -> Limits.digits("p", Limits.MAX_PRECISION + 1));
        assertRefused("mc", () -> Limits.context("mc", MathContext.UNLIMITED));
        assertRefused("mc", () -> Limits.context("mc", new MathContext(Limits.MAX_PRECISION + 1)));
        assertRefused("list", () -> Limits.size("list", List.of(1, 2, 3), 2));
        assertEquals(3, Limits.size("list", List.of(1, 2, 3), 3).size());
    }

    @Test
    void messagesQuoteABoundedEscapedPrefix() {
        String megabyte = "\u001b[31m" + "x".repeat(1 << 20);
        InvalidArgumentException e = InvalidArgumentException.of("memo", megabyte, "is too long");
        assertTrue(e.getMessage().length() < 300, () -> "message of " + e.getMessage().length() + " chars");
        assertTrue(e.getMessage().startsWith("memo = \\u001b[31mxxx"), e.getMessage());
        assertTrue(e.getMessage().contains("(" + megabyte.length() + " characters)"), e.getMessage());
        assertEquals("memo", e.field());
        assertEquals(e.rejectedValue(), e.getMessage().substring("memo = ".length(),
                e.getMessage().length() - ": is too long".length()));
        InvalidArgumentException tiny = assertThrows(InvalidArgumentException.class,
                () -> Amount.of(FLOCK, new BigDecimal("1e-999999999")));
        assertTrue(tiny.getMessage().startsWith("value = 1E-999999999: "), tiny.getMessage());
        assertEquals("1E-999999999", tiny.rejectedValue());
        InvalidArgumentException plain = assertThrows(InvalidArgumentException.class,
                () -> Amount.of(FLOCK, new BigDecimal("-2.50")));
        assertEquals("-2.500000000000000000", plain.rejectedValue());
    }

    private static void assertRefused(String field, Executable call) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().length() <= 400, e.getMessage());
    }
}
