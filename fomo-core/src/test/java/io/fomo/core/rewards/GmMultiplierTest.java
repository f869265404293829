package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class GmMultiplierTest {

    private static final GmMultiplier GM = GmMultiplier.saturating(new BigDecimal("2"), new BigDecimal("100"), 18);

    @Test
    void oneWithoutGmFlockHalfBonusAtHalfSaturation() {
        assertEquals(0, BigDecimal.ONE.compareTo(GmMultiplier.none().valueAt(new BigDecimal("1000000"))));
        assertEquals(0, BigDecimal.ONE.compareTo(GM.valueAt(BigDecimal.ZERO)));
        assertEquals(0, new BigDecimal("1.5").compareTo(GM.valueAt(new BigDecimal("100"))));
        // 1 + 300/400 = 1.75
        assertEquals(0, new BigDecimal("1.75").compareTo(GM.valueAt(new BigDecimal("300"))));
        assertThrows(InvalidArgumentException.class, () -> GmMultiplier.saturating(new BigDecimal("0.9"), BigDecimal.TEN, 18));
        assertThrows(InvalidArgumentException.class, () -> GmMultiplier.saturating(new BigDecimal("2"), BigDecimal.ZERO, 18));
        assertThrows(InvalidArgumentException.class, () -> GM.valueAt(new BigDecimal("-1")));
    }
}
