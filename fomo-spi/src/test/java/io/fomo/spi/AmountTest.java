package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class AmountTest {

    private static final Asset USDC = Asset.USDC;
    private static final Asset FLOCK = Asset.FLOCK;

    @Test
    void ofIsExactAtTheAssetScale() {
        Amount a = Amount.of(USDC, new BigDecimal("1.5"));
        assertEquals(new BigDecimal("1.500000"), a.value());
        assertEquals(6, a.value().scale());
        assertEquals("1.500000 USDC", a.toString());
        assertEquals("1.500000", a.toPlainString());
    }

    @Test
    void ofAcceptsTrailingZerosBeyondTheAssetScale() {
        assertEquals(Amount.of(USDC, new BigDecimal("1.5")), Amount.of(USDC, new BigDecimal("1.500000000")));
    }

    @Test
    void ofRejectsTooManyDecimalsAndNamesFieldAndValue() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Amount.of(USDC, new BigDecimal("1.0000001")));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().startsWith("value = 1.0000001:"), e.getMessage());
        assertTrue(e.getMessage().contains("6 decimals"), e.getMessage());
    }

    @Test
    void parseIsExact() {
        assertEquals(Amount.of(USDC, new BigDecimal("0.000001")), Amount.parse(USDC, "0.000001"));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Amount.parse(USDC, "0.0000001"));
        assertTrue(e.getMessage().contains("0.0000001"), e.getMessage());
    }

    @Test
    void parseRejectsAnythingButAPlainDecimal() {
        for (String text : new String[] {"", "1e3", "1E3", " 1", "1 ", "1,5", "0x10", "--1", ".", "1.2.3", "NaN"}) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> Amount.parse(USDC, text), text);
            assertTrue(e.getMessage().startsWith("amount = \"" + text + "\":"), e.getMessage());
        }
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> Amount.parse(USDC, null));
        assertTrue(e.getMessage().startsWith("amount = null:"), e.getMessage());
    }

    @Test
    void negativeValuesAreRejectedEverywhere() {
        InvalidArgumentException of = assertThrows(InvalidArgumentException.class,
                () -> Amount.of(USDC, new BigDecimal("-1")));
        assertTrue(of.getMessage().startsWith("value = -1"), of.getMessage());
        assertThrows(InvalidArgumentException.class, () -> Amount.of(USDC, -1));
        assertThrows(InvalidArgumentException.class,
                () -> Amount.of(USDC, new BigDecimal("-0.1"), RoundingMode.DOWN));
        assertThrows(InvalidArgumentException.class, () -> Amount.parse(USDC, "-0.5"));
        InvalidArgumentException units = assertThrows(InvalidArgumentException.class,
                () -> Amount.ofUnits(USDC, -1));
        assertEquals("units = -1: must not be negative", units.getMessage());
        assertThrows(InvalidArgumentException.class, () -> Amount.ofUnits(USDC, BigInteger.valueOf(-7)));
    }

    @Test
    void minusBelowZeroIsRejectedAndNamesTheOperand() {
        Amount one = Amount.of(USDC, 1);
        Amount two = Amount.of(USDC, 2);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> one.minus(two));
        assertTrue(e.getMessage().startsWith("other = 2.000000 USDC:"), e.getMessage());
        assertEquals(Amount.of(USDC, 1), one, "the operand is unchanged");
        assertTrue(two.minus(two).isZero());
    }

    @Test
    void mixedAssetsAreRejected() {
        Amount usdc = Amount.of(USDC, 1);
        Amount flock = Amount.of(FLOCK, 1);
        AssetMismatchException plus = assertThrows(AssetMismatchException.class, () -> usdc.plus(flock));
        assertEquals(ErrorCode.INVALID_ARGUMENT, plus.code());
        assertTrue(plus.getMessage().startsWith("other = FLOCK (18 decimals): expected an amount of USDC (6 decimals)"), plus.getMessage());
        assertTrue(plus.getMessage().contains("USDC"), plus.getMessage());
        assertThrows(AssetMismatchException.class, () -> usdc.minus(flock));
        assertThrows(AssetMismatchException.class, () -> usdc.compareTo(flock));
        assertThrows(AssetMismatchException.class, () -> usdc.min(flock));
        assertThrows(AssetMismatchException.class, () -> usdc.max(flock));
        assertThrows(AssetMismatchException.class, () -> usdc.isGreaterThan(flock));
        assertThrows(AssetMismatchException.class, () -> usdc.isLessThan(flock));
    }

    @Test
    void sameSymbolWithOtherDecimalsIsAnotherAsset() {
        Amount six = Amount.of(USDC, 1);
        Amount two = Amount.of(Asset.of("USDC", 2), 1);
        assertNotEquals(six, two);
        assertThrows(AssetMismatchException.class, () -> six.plus(two));
    }

    @Test
    void equalsIsNumericWithinOneAsset() {
        Amount a = Amount.of(FLOCK, new BigDecimal("1.5"));
        Amount b = Amount.of(FLOCK, new BigDecimal("1.50"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(0, a.compareTo(b));
        assertNotEquals(Amount.of(FLOCK, 1), Amount.of(Asset.USD, 1));
        assertNotEquals(Amount.of(FLOCK, 1), Amount.of(FLOCK, 2));
    }

    @Test
    void roundingOverloadsRoundOnceWithTheGivenMode() {
        BigDecimal v = new BigDecimal("1.0000005");
        assertEquals(Amount.parse(USDC, "1.000001"), Amount.of(USDC, v, RoundingMode.HALF_UP));
        assertEquals(Amount.parse(USDC, "1.000000"), Amount.of(USDC, v, RoundingMode.HALF_EVEN));
        assertEquals(Amount.parse(USDC, "1.000000"), Amount.of(USDC, v, RoundingMode.DOWN));
        assertThrows(ArithmeticException.class, () -> Amount.of(USDC, v, RoundingMode.UNNECESSARY));

        Amount ten = Amount.of(USDC, 10);
        assertEquals(Amount.parse(USDC, "3.333333"), ten.dividedBy(new BigDecimal(3), RoundingMode.DOWN));
        assertEquals(Amount.parse(USDC, "3.333334"), ten.dividedBy(new BigDecimal(3), RoundingMode.UP));
        assertEquals(Amount.parse(USDC, "0.000001"),
                Amount.parse(USDC, "0.000001").multipliedBy(new BigDecimal("0.5"), RoundingMode.HALF_UP));
        assertEquals(Amount.zero(USDC),
                Amount.parse(USDC, "0.000001").multipliedBy(new BigDecimal("0.5"), RoundingMode.HALF_EVEN));
        assertEquals(Amount.of(USDC, 30), ten.multipliedBy(3));
    }

    @Test
    void arithmeticRejectsBadFactorsAndDivisorsWithFieldAndValue() {
        Amount ten = Amount.of(USDC, 10);
        InvalidArgumentException factor = assertThrows(InvalidArgumentException.class,
                () -> ten.multipliedBy(new BigDecimal("-2"), RoundingMode.DOWN));
        assertTrue(factor.getMessage().startsWith("factor = -2:"), factor.getMessage());
        assertThrows(InvalidArgumentException.class, () -> ten.multipliedBy(-2));
        InvalidArgumentException zero = assertThrows(InvalidArgumentException.class,
                () -> ten.dividedBy(BigDecimal.ZERO, RoundingMode.DOWN));
        assertTrue(zero.getMessage().startsWith("divisor = 0:"), zero.getMessage());
    }

    @Test
    void unitsRoundTrip() {
        Amount a = Amount.parse(USDC, "12.345678");
        assertEquals(BigInteger.valueOf(12_345_678), a.units());
        assertEquals(a, Amount.ofUnits(USDC, a.units()));
        assertEquals(a, Amount.ofUnits(USDC, 12_345_678L));
        Amount wei = Amount.ofUnits(FLOCK, 1);
        assertEquals(new BigDecimal("0.000000000000000001"), wei.value());
    }

    @Test
    void zeroAndPredicates() {
        Amount zero = Amount.zero(FLOCK);
        assertTrue(zero.isZero());
        assertFalse(zero.isPositive());
        assertEquals(18, zero.value().scale());
        Amount one = Amount.of(FLOCK, 1);
        assertTrue(one.isPositive());
        assertTrue(one.isGreaterThan(zero));
        assertTrue(zero.isLessThan(one));
        assertSame(one, one.plus(zero));
        assertEquals(one, one.max(zero));
        assertEquals(zero, one.min(zero));
    }

    @Test
    void parseDecimalKeepsTheScaleAsWritten() {
        assertEquals(3, Amount.parseDecimal("price", "1.250").scale());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Amount.parseDecimal("price", "1e-3"));
        assertTrue(e.getMessage().startsWith("price = \"1e-3\":"), e.getMessage());
    }
}
