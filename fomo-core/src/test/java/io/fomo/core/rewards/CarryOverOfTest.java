package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.emission.Rate;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.DeploymentId;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link CarryOver#of}: a carry-over given from outside is the one an epoch close hands on. */
class CarryOverOfTest {

    private static final DeploymentId M1 = DeploymentId.of("m1");

    @Test
    void theCarryAnEpochLeavesCanBeRebuiltFromItsAmounts() {
        // 10 units of FLOCK over three equal users: 3 each, 1 unit of dust in m1's global pool.
        Asset flock = Asset.FLOCK;
        RewardParams p = RewardParams.builder(EmissionSchedule.constant(flock,
                Rate.perSecond(new BigDecimal("0.000000000000000001")))).build();
        EpochUsage.Builder u = EpochUsage.builder(Asset.USD, flock).deployment(M1, Amount.of(Asset.USD, 1));
        for (String id : new String[] {"a", "b", "c"}) {
            u.usage(M1, AccountId.of(id), Amount.of(Asset.USD, 1), Amount.zero(Asset.modelToken(M1)));
        }
        CarryOver next = EpochDistributor.close(p, CarryOver.empty(flock), u.build(), 0, 10).carryOver();
        assertEquals(Amount.ofUnits(flock, 1), next.dust(M1, PoolKind.GLOBAL_FLOCK).orElseThrow());

        Map<PoolKind, Amount> kinds = new EnumMap<>(PoolKind.class);
        kinds.put(PoolKind.GLOBAL_FLOCK, Amount.ofUnits(flock, 1));
        kinds.put(PoolKind.MT_INCENTIVE, Amount.zero(Asset.modelToken(M1))); // zero: dropped
        Map<DeploymentId, Map<PoolKind, Amount>> pools = new TreeMap<>();
        pools.put(M1, kinds);
        pools.put(DeploymentId.of("m2"), new EnumMap<>(PoolKind.class)); // nothing: dropped
        assertEquals(next, CarryOver.of(Amount.zero(flock), pools));
    }

    @Test
    void anAmountOfTheWrongAssetIsRejected() {
        Map<PoolKind, Amount> kinds = new EnumMap<>(PoolKind.class);
        kinds.put(PoolKind.MT_INCENTIVE, Amount.of(Asset.FLOCK, 1)); // MT incentive dust is in the deployment's MT
        assertThrows(AssetMismatchException.class, () -> CarryOver.of(Amount.zero(Asset.FLOCK), Map.of(M1, kinds)));
    }
}
