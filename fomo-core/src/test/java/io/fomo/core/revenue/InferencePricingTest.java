package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferencePricingTest {

    static final DeploymentId QWEN = DeploymentId.of("qwen");
    static final Asset MT = Asset.modelToken(QWEN);

    static UnitPrice price(String v) {
        return UnitPrice.of(Asset.USD, UnitPrice.DEFAULT_DECIMALS, new BigDecimal(v));
    }

    static Amount mt(String v) {
        return Amount.parse(MT, v);
    }

    InferencePricing pricing(String list, String floor) {
        return InferencePricing.of(price(list), price(floor), DiscountTiers.defaults(MT));
    }

    @Test
    void defaultTiersByStakeNeverBelowTheFloor() {
        InferencePricing p = pricing("0.15", "0.12");
        assertEquals(price("0.15"), p.priceFor(mt("0")));
        assertEquals(price("0.15"), p.priceFor(mt("999.999999999999999999")));
        assertEquals(price("0.135"), p.priceFor(mt("1000")));          // 10% off
        assertEquals(price("0.12"), p.priceFor(mt("10000")));          // 20% off = 0.12, the floor itself
        assertEquals(price("0.12"), p.priceFor(mt("50000")));          // 30% off = 0.105 < floor 0.12
        assertEquals(3_000, p.discountBps(mt("50000")));
        assertEquals(price("0.105"), pricing("0.15", "0.1").priceFor(mt("1000000")));
    }

    @Test
    void theDiscountedPriceRoundsUpAtEighteenDecimals() {
        // 11e-18 * 0.9 = 9.9e-18 -> UP -> 10e-18
        assertEquals(price("0.00000000000000001"), pricing("0.000000000000000011", "0").priceFor(mt("1000")));
    }

    @Test
    void aChargeRoundsUpToTheMicroDollarAndIsWhatTheLedgerRoutes() {
        InferencePricing p = pricing("0.000000123456789", "0");
        UsageCharge c = p.charge(3, mt("1000"));
        // 0.000000123456789 * 0.9 = 0.0000001111111101; x3 = 0.0000003333333303 -> UP -> 0.000001
        assertEquals(price("0.0000001111111101"), c.price());
        assertEquals(Amount.parse(Asset.USD, "0.000001"), c.amount());
        UsageCharge big = pricing("0.15", "0.12").charge(7, mt("1000"));
        assertEquals(Amount.parse(Asset.USD, "0.945"), big.amount());
        RevenueLedger l = RevenueLedger.builder().build().register(QWEN)
                .record(UsagePayment.of(EventId.of("u1"), QWEN, AccountId.of("bob"), big.amount(), Instant.EPOCH));
        assertEquals(Amount.parse(Asset.USD, "0.945"), l.closeEpoch(Map.of()).splitOf(QWEN).gross());
    }

    @Test
    void invalidPricingIsRejected() {
        InvalidArgumentException floor = assertThrows(InvalidArgumentException.class, () -> pricing("0.1", "0.2"));
        assertTrue(floor.getMessage().startsWith("floorPrice = 0.200000000000000000 USD/unit"), floor.getMessage());
        assertThrows(InvalidArgumentException.class, () -> price("0.0000000000000000001"));
        assertThrows(InvalidArgumentException.class, () -> price("-1"));
        assertThrows(InvalidArgumentException.class,
                () -> DiscountTiers.builder(MT).tier(mt("10"), 100).tier(mt("10"), 200));
        assertThrows(InvalidArgumentException.class,
                () -> DiscountTiers.builder(MT).tier(mt("10"), 200).tier(mt("20"), 100));
        assertThrows(InvalidArgumentException.class, () -> DiscountTiers.builder(MT).tier(mt("10"), 10_001));
        assertThrows(AssetMismatchException.class, () -> pricing("1", "0").priceFor(Amount.of(Asset.FLOCK, 1)));
        assertThrows(InvalidArgumentException.class, () -> pricing("1", "0").charge(-1, mt("0")));
    }
}
