package io.fomo.core.staking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.LimitExceededException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StakeBookProperties {

    static final DeploymentId D = DeploymentId.of("m");
    static final Asset MT = Asset.modelToken(D);

    @Property(tries = 200)
    void positionsNeverGoNegativeAndSumToTheTotal(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 5) Integer> users,
            @ForAll @Size(max = 60) List<@IntRange(min = -1_000, max = 1_000) Integer> deltas) {
        StakeBook b = StakeBook.empty();
        Map<Integer, BigInteger> model = new HashMap<>();
        for (int i = 0; i < Math.min(users.size(), deltas.size()); i++) {
            AccountId u = AccountId.of("u" + users.get(i));
            int d = deltas.get(i);
            BigInteger have = model.getOrDefault(users.get(i), BigInteger.ZERO);
            if (d > 0) {
                b = b.stake(u, D, Amount.ofUnits(MT, d));
                model.put(users.get(i), have.add(BigInteger.valueOf(d)));
            } else if (d < 0) {
                Amount out = Amount.ofUnits(MT, -d);
                if (have.compareTo(BigInteger.valueOf(-d)) >= 0) {
                    b = b.unstake(u, D, out);
                    model.put(users.get(i), have.add(BigInteger.valueOf(d)));
                } else {
                    StakeBook before = b;
                    assertThrows(LimitExceededException.class, () -> before.unstake(u, D, out));
                }
            }
        }
        BigInteger sum = BigInteger.ZERO;
        for (Map.Entry<Integer, BigInteger> e : model.entrySet()) {
            assertEquals(e.getValue(), b.stakeOf(AccountId.of("u" + e.getKey()), D).units());
            sum = sum.add(e.getValue());
        }
        assertEquals(sum, b.totalStaked(D).units());
        assertEquals(sum, b.stakers(D).values().stream().map(Amount::units).reduce(BigInteger.ZERO, BigInteger::add));
    }
}
