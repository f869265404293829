package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class CreditAccountProperties {

    @Property(tries = 200)
    void topUpsAndDeductionsBalanceInAnyOrder(@ForAll @Size(max = 30) List<@LongRange(min = -5_000_000, max = 5_000_000) Long> moves,
            @ForAll Random random) {
        List<Long> shuffled = new ArrayList<>(moves);
        Collections.shuffle(shuffled, random);
        CreditAccount a = apply(moves);
        CreditAccount b = apply(shuffled);
        assertEquals(a, b, "the order of top-ups and calls does not matter");
        long in = moves.stream().filter(m -> m > 0).mapToLong(Long::longValue).sum();
        long out = -moves.stream().filter(m -> m < 0).mapToLong(Long::longValue).sum();
        // Conservation: what is left plus what is owed accounts for every top-up and every call.
        assertEquals(Amount.ofUnits(Asset.USD, in).plus(a.arrears()), Amount.ofUnits(Asset.USD, out).plus(a.available()));
        assertTrue(a.available().isZero() || a.arrears().isZero(), "never both a balance and arrears");
    }

    private static CreditAccount apply(List<Long> moves) {
        CreditAccount a = CreditAccount.EMPTY;
        for (long m : moves) {
            a = m >= 0 ? a.toppedUpBy(Amount.ofUnits(Asset.USD, m)) : a.deductedBy(Amount.ofUnits(Asset.USD, -m));
        }
        return a;
    }
}
