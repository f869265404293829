package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class InferencePricingProperties {

    static final Asset MT = Asset.modelToken(DeploymentId.of("m"));

    @Property
    void thePricePaidIsBetweenFloorAndListAndFallsWithStake(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long list,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long floor, @ForAll @LongRange(min = 0, max = 100_000) long stake,
            @ForAll @LongRange(min = 0, max = 100_000) long more, @ForAll @LongRange(min = 0, max = 1_000_000) long units) {
        UnitPrice l = UnitPrice.of(Asset.USD, 18, BigDecimal.valueOf(Math.max(list, floor), 12));
        UnitPrice f = UnitPrice.of(Asset.USD, 18, BigDecimal.valueOf(Math.min(list, floor), 12));
        InferencePricing p = InferencePricing.of(l, f, DiscountTiers.defaults(MT));
        UnitPrice a = p.priceFor(Amount.of(MT, stake));
        UnitPrice b = p.priceFor(Amount.of(MT, stake + more));
        assertTrue(a.compareTo(f) >= 0 && a.compareTo(l) <= 0);
        assertTrue(b.compareTo(a) <= 0);
        // the charge rounds up: within one micro-dollar above units * price, never below
        Amount c = p.charge(units, Amount.of(MT, stake)).amount();
        BigDecimal exact = a.value().multiply(BigDecimal.valueOf(units));
        assertTrue(c.value().compareTo(exact) >= 0);
        assertTrue(c.value().subtract(exact).compareTo(new BigDecimal("0.000001")) < 0);
        // the discounted price is ceil(list * (10000 - bps) / 10000) in 1e-18 units, or the floor
        int bps = p.discountBps(Amount.of(MT, stake));
        BigInteger[] qr = l.value().unscaledValue().multiply(BigInteger.valueOf(10_000 - bps))
                .divideAndRemainder(BigInteger.valueOf(10_000));
        BigInteger ceil = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        assertEquals(ceil.max(f.value().unscaledValue()), a.value().unscaledValue());
    }
}
