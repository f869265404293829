package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InferencePricingChargeForTest {

    private static final Asset MT = Asset.modelToken(DeploymentId.of("m"));

    private static InferencePricing pricing(String list, String floor) {
        return InferencePricing.of(UnitPrice.of(Asset.USD, 18, new BigDecimal(list)),
                UnitPrice.of(Asset.USD, 18, new BigDecimal(floor)), DiscountTiers.defaults(MT));
    }

    private static Amount usd(String v) {
        return Amount.parse(Asset.USD, v);
    }

    @Test
    void withoutStakeTheListChargeIsPaid() {
        assertEquals(usd("0.000123"), pricing("2", "1").chargeFor(usd("0.000123"), Amount.zero(MT)));
    }

    @Test
    void theDiscountRoundsUpOnce() {
        // 30% off at >= 50,000 MT: 0.000123 x 0.7 = 0.0000861 -> 0.000087.
        assertEquals(usd("0.000087"), pricing("2", "1").chargeFor(usd("0.000123"), Amount.parse(MT, "50000")));
    }

    @Test
    void theFloorBinds() {
        // Floor at 80% of list, discount 30%: pays 10 x 0.8 = 8, not 7.
        assertEquals(usd("8"), pricing("1", "0.8").chargeFor(usd("10"), Amount.parse(MT, "50000")));
        // Floor at 1/3 of list, 90% off: 0.1 < 1/3 = 0.333...; the floor rounds up once to 0.333334.
        InferencePricing deep = InferencePricing.of(UnitPrice.of(Asset.USD, 18, new BigDecimal("3")),
                UnitPrice.of(Asset.USD, 18, BigDecimal.ONE), DiscountTiers.builder(MT).tier(Amount.parse(MT, "1"), 9_000).build());
        assertEquals(usd("0.333334"), deep.chargeFor(usd("1"), Amount.parse(MT, "1")));
    }
}
