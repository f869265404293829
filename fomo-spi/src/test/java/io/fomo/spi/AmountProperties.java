package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.contract.SpiArbitraries;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

class AmountProperties {

    @Provide
    Arbitrary<Tuple2<Amount, Amount>> sameAssetPairs() {
        return SpiArbitraries.assets().flatMap(asset -> Combinators.combine(
                SpiArbitraries.amounts(asset), SpiArbitraries.amounts(asset)).as(Tuple::of));
    }

    @Property
    void minusUndoesPlus(@ForAll("sameAssetPairs") Tuple2<Amount, Amount> pair) {
        Amount a = pair.get1();
        Amount b = pair.get2();
        assertEquals(a, a.plus(b).minus(b));
        assertEquals(b, a.plus(b).minus(a));
    }

    @Property
    void plusCommutesAndNeverShrinks(@ForAll("sameAssetPairs") Tuple2<Amount, Amount> pair) {
        Amount a = pair.get1();
        Amount b = pair.get2();
        assertEquals(a.plus(b), b.plus(a));
        assertTrue(a.plus(b).compareTo(a) >= 0);
        assertEquals(a.asset().decimals(), a.plus(b).value().scale());
    }

    @Property
    void minusSucceedsExactlyWhenTheResultIsNotNegative(@ForAll("sameAssetPairs") Tuple2<Amount, Amount> pair) {
        Amount a = pair.get1();
        Amount b = pair.get2();
        if (a.compareTo(b) >= 0) {
            assertEquals(a.units().subtract(b.units()), a.minus(b).units());
        } else {
            assertThrows(InvalidArgumentException.class, () -> a.minus(b));
        }
    }

    @Property
    void compareToIsConsistentWithEquals(@ForAll("sameAssetPairs") Tuple2<Amount, Amount> pair) {
        Amount a = pair.get1();
        Amount b = pair.get2();
        assertEquals(a.equals(b), a.compareTo(b) == 0);
        assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)));
        if (a.equals(b)) {
            assertEquals(a.hashCode(), b.hashCode());
        }
    }

    @Property
    void unitsRoundTrip(@ForAll Amount amount) {
        assertEquals(amount, Amount.ofUnits(amount.asset(), amount.units()));
        assertEquals(amount.asset().decimals(), amount.value().scale());
    }

    @Property
    void parseReadsBackToPlainString(@ForAll Amount amount) {
        assertEquals(amount, Amount.parse(amount.asset(), amount.toPlainString()));
    }

    @Property
    void exactOfAgreesWithEveryRoundingModeOnRepresentableValues(@ForAll Amount amount,
                                                                 @ForAll RoundingMode mode) {
        assertEquals(amount, Amount.of(amount.asset(), amount.value()));
        assertEquals(amount, Amount.of(amount.asset(), amount.value(), mode));
    }

    @Property
    void divisionDownAndUpBracketTheExactQuotient(@ForAll Amount amount, @ForAll("divisors") BigDecimal divisor) {
        Amount down = amount.dividedBy(divisor, RoundingMode.DOWN);
        Amount up = amount.dividedBy(divisor, RoundingMode.UP);
        BigInteger gap = up.units().subtract(down.units());
        assertTrue(gap.signum() >= 0 && gap.compareTo(BigInteger.ONE) <= 0, down + " .. " + up);
        assertTrue(down.value().multiply(divisor).compareTo(amount.value()) <= 0, down + " * " + divisor);
        assertTrue(up.value().multiply(divisor).compareTo(amount.value()) >= 0, up + " * " + divisor);
    }

    @Provide
    Arbitrary<BigDecimal> divisors() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("1000000")).ofScale(3);
    }
}
