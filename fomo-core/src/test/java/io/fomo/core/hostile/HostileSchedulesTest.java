package io.fomo.core.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.emission.Rate;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A TABLE emission whose size or denominators would make every later sum cost out of proportion. */
class HostileSchedulesTest {

    @Test
    void tooManyPointsAreRefusedBeforeAnyArithmetic() {
        List<EmissionSchedule.TablePoint> points = new ArrayList<>();
        for (int i = 0; i <= EmissionSchedule.Table.MAX_TABLE_POINTS; i++) {
            points.add(EmissionSchedule.TablePoint.of(i, Rate.perSecond(BigDecimal.ONE)));
        }
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> EmissionSchedule.table(Asset.FLOCK, points));
        assertEquals("points", e.field());
        assertTrue(e.getMessage().contains("at most 10000 points"), e.getMessage());
        points.remove(points.size() - 1);
        assertEquals(Amount.of(Asset.FLOCK, 20_000),
                EmissionSchedule.table(Asset.FLOCK, points).cumulative(20_000));
    }

    @Test
    void ratesOverManyUnrelatedPeriodsAreRefused() {
        // Rates of 1 token per p seconds, p the successive primes: non-increasing, but their common
        // denominator is the product of the primes and passes 2^1024 after about 130 of them.
        List<EmissionSchedule.TablePoint> points = new ArrayList<>();
        BigInteger p = BigInteger.TWO;
        for (int i = 0; i < 400; i++) {
            points.add(EmissionSchedule.TablePoint.of(i, Rate.of("rate", BigDecimal.ONE, p.longValueExact())));
            p = p.nextProbablePrime();
        }
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> EmissionSchedule.table(Asset.FLOCK, points));
        assertEquals("points", e.field());
        assertTrue(e.getMessage().contains("no common denominator below 2^1024"), e.getMessage());
        // The first ten primes have a small common denominator and are accepted.
        EmissionSchedule small = EmissionSchedule.table(Asset.FLOCK, points.subList(0, 10));
        assertEquals(Amount.zero(Asset.FLOCK), small.cumulative(0));
    }
}
