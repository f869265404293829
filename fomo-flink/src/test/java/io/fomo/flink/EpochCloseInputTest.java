package io.fomo.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EpochCloseInputTest {

    @Test
    void timesPathsAndExponentsAreValidated() {
        assertThrows(InvalidArgumentException.class, () -> EpochCloseInput.of(" ", null, 0, 1));
        assertThrows(InvalidArgumentException.class, () -> EpochCloseInput.of("p", "", 0, 1));
        assertThrows(InvalidArgumentException.class, () -> EpochCloseInput.of("p", null, -1, 1));
        assertThrows(InvalidArgumentException.class, () -> EpochCloseInput.of("p", null, 5, 5));
        EpochCloseInput in = EpochCloseInput.of("p", null, 0, 1);
        assertThrows(InvalidArgumentException.class, () -> in.withAlphas(new BigDecimal("1.01"), BigDecimal.ONE));
        assertThrows(InvalidArgumentException.class, () -> in.withAlphas(BigDecimal.ONE, new BigDecimal("-0.1")));
    }

    @Test
    void theExponentsReachTheRewardParameters() {
        EpochCloseInput in = EpochCloseInput.of("p", "d", 10, 20).withAlphas(new BigDecimal("0.3"), new BigDecimal("0.7"));
        assertEquals(0, in.rewardParams().alpha().valueAt(10).compareTo(new BigDecimal("0.3")));
        assertEquals(0, in.rewardParams().alphaIncentive().valueAt(10).compareTo(new BigDecimal("0.7")));
        assertEquals("d", in.deployments());
    }
}
