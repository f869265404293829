package io.fomo.core.staking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class GmFlockProperties {

    static final GmFlockTerms T = GmFlockTerms.standard();

    @Property
    void mintIsTheIntegerFormulaRoundedDown(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long units,
            @ForAll @IntRange(min = 1, max = 365) int days) {
        // m = n (36500 + 219 (t - 30)) / 36500 for t > 30, in base units, floored
        BigInteger n = BigInteger.valueOf(units);
        BigInteger expected = days <= 30 ? n
                : n.multiply(BigInteger.valueOf(36_500 + 219L * (days - 30))).divide(BigInteger.valueOf(36_500));
        Amount m = T.mint(Amount.ofUnits(Asset.FLOCK, units), days);
        assertEquals(expected, m.units());
        assertTrue(m.units().compareTo(n) >= 0);
        assertTrue(m.units().compareTo(n.multiply(BigInteger.valueOf(301)).divide(BigInteger.valueOf(100))) <= 0);
    }

    @Property
    void longerLocksNeverMintLess(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long units,
            @ForAll @IntRange(min = 1, max = 364) int days) {
        Amount n = Amount.ofUnits(Asset.FLOCK, units);
        assertTrue(T.mint(n, days).compareTo(T.mint(n, days + 1)) <= 0);
    }

    @Property
    void feePlusReturnedIsTheWithdrawalAndTheFeeRoundsUp(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long units) {
        GmFlockWithdrawal w = T.withdraw(Amount.ofUnits(Asset.FLOCK, units));
        assertEquals(BigInteger.valueOf(units), w.fee().units().add(w.returned().units()));
        BigInteger[] qr = BigInteger.valueOf(units).multiply(BigInteger.valueOf(513)).divideAndRemainder(BigInteger.valueOf(10_000));
        assertEquals(qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE), w.fee().units());
    }
}
