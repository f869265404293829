package io.fomo.core.staking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.LimitExceededException;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class StakeBookTest {

    static final DeploymentId QWEN = DeploymentId.of("qwen");
    static final DeploymentId LLAMA = DeploymentId.of("llama");
    static final AccountId ALICE = AccountId.of("alice");
    static final AccountId BOB = AccountId.of("bob");

    static Amount mt(DeploymentId d, String v) {
        return Amount.parse(Asset.modelToken(d), v);
    }

    @Test
    void positionsAreKeptPerUserAndDeployment() {
        StakeBook b = StakeBook.empty().stake(ALICE, QWEN, mt(QWEN, "300")).stake(BOB, QWEN, mt(QWEN, "100"))
                .stake(ALICE, LLAMA, mt(LLAMA, "5")).unstake(ALICE, QWEN, mt(QWEN, "100"));
        assertEquals(mt(QWEN, "200"), b.stakeOf(ALICE, QWEN));
        assertEquals(mt(QWEN, "300"), b.totalStaked(QWEN));
        assertEquals(mt(LLAMA, "5"), b.totalStaked(LLAMA));
        MathContext mc = MathContext.DECIMAL128;
        assertEquals(new BigDecimal("0.3333333333333333333333333333333333"), b.stakeShare(BOB, QWEN, exact()));
        assertEquals(0, BigDecimal.ONE.compareTo(b.stakeShare(ALICE, LLAMA, mc)));
        assertEquals(0, BigDecimal.ZERO.compareTo(b.stakeShare(BOB, LLAMA, mc)));
        // 200/300 is not a finite decimal: the context rounds it
        assertEquals(new BigDecimal("0.6666666666666666666666666666666667"), b.stakeShare(ALICE, QWEN, mc));
    }

    static MathContext exact() {
        return new MathContext(34);
    }

    @Test
    void unstakingMoreThanStakedIsRefusedAndChangesNothing() {
        StakeBook b = StakeBook.empty().stake(ALICE, QWEN, mt(QWEN, "10"));
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> b.unstake(ALICE, QWEN, mt(QWEN, "10.000000000000000001")));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().startsWith("amount = 10.000000000000000001 MT-qwen"), e.getMessage());
        assertEquals(mt(QWEN, "10"), b.stakeOf(ALICE, QWEN));
        assertThrows(LimitExceededException.class, () -> b.unstake(BOB, QWEN, mt(QWEN, "1")));
        assertThrows(AssetMismatchException.class, () -> b.stake(ALICE, QWEN, mt(LLAMA, "1")));
        assertThrows(InvalidArgumentException.class, () -> b.stake(ALICE, QWEN, mt(QWEN, "0")));
        assertTrue(b.unstake(ALICE, QWEN, mt(QWEN, "10")).stakers(QWEN).isEmpty());
    }

    @Test
    void aSnapshotKeepsThePositionsAtTheClose() {
        StakeBook b = StakeBook.empty().stake(ALICE, QWEN, mt(QWEN, "10"));
        StakeSnapshot s = b.snapshot(7);
        StakeBook later = b.stake(BOB, QWEN, mt(QWEN, "30"));
        assertEquals(7, s.epoch());
        assertEquals(mt(QWEN, "10"), s.totalStaked(QWEN));
        assertEquals(0, BigDecimal.ONE.compareTo(s.stakeShare(ALICE, QWEN, exact())));
        assertEquals(mt(QWEN, "40"), later.totalStaked(QWEN));
        assertEquals(1, s.stakers(QWEN).size());
    }
}
