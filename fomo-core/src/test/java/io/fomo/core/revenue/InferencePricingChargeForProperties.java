package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class InferencePricingChargeForProperties {

    private static final Asset MT = Asset.modelToken(DeploymentId.of("m"));

    @Property(tries = 300)
    void aChargeIsNeverAboveTheListNorBelowTheFloorAndFallsAsStakeGrows(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long listMicros,
            @ForAll @IntRange(min = 1, max = 1_000_000) int listPriceMicros,
            @ForAll @IntRange(min = 0, max = 10_000) int floorBps,
            @ForAll @LongRange(min = 0, max = 100_000) long stakeA,
            @ForAll @LongRange(min = 0, max = 100_000) long stakeB) {
        BigDecimal list = BigDecimal.valueOf(listPriceMicros).movePointLeft(6);
        BigDecimal floor = list.multiply(BigDecimal.valueOf(floorBps)).movePointLeft(4);
        InferencePricing p = InferencePricing.of(UnitPrice.of(Asset.USD, 18, list), UnitPrice.of(Asset.USD, 18, floor),
                DiscountTiers.defaults(MT));
        Amount charge = Amount.ofUnits(Asset.USD, listMicros);
        Amount low = p.chargeFor(charge, Amount.of(MT, Math.min(stakeA, stakeB)));
        Amount high = p.chargeFor(charge, Amount.of(MT, Math.max(stakeA, stakeB)));
        assertFalse(low.isGreaterThan(charge), "a discount never raises the charge");
        assertFalse(high.isGreaterThan(low), "more stake never pays more");
        // The floor, worked out in whole micro-units: ceil(list charge x floor / list).
        BigDecimal floorCharge = BigDecimal.valueOf(listMicros).multiply(floor).divide(list, 0, RoundingMode.CEILING);
        assertTrue(high.units().compareTo(floorCharge.toBigIntegerExact()) >= 0, "never below the floor");
        assertEquals(charge, p.chargeFor(charge, Amount.zero(MT)), "no stake pays the list charge");
    }
}
