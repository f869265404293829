package io.fomo.core.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.emission.EmissionSchedule;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochStepsTest {

    static final Asset F = Asset.FLOCK;
    static final Asset USD = Asset.USD;
    static final DeploymentId A = DeploymentId.of("a");
    static final DeploymentId B = DeploymentId.of("b");
    static final RewardParams P = RewardParams.builder(EmissionSchedule.defaultFlock()).build();

    @Test
    void aDeploymentListedTwiceIsRejectedByName() {
        DeploymentTotals t = DeploymentTotals.of(A, Amount.ofUnits(USD, 5), 0, Amount.ofUnits(USD, 5));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> EpochSplit.of(P, CarryOver.empty(F), List.of(t, t), 0, 86_400));
        assertTrue(e.getMessage().contains("deployments") && e.getMessage().contains("a"), e.getMessage());
    }

    @Test
    void totalsRejectANegativeAgeAndMixedAssets() {
        assertThrows(InvalidArgumentException.class,
                () -> DeploymentTotals.of(A, Amount.ofUnits(USD, 5), -1, Amount.ofUnits(USD, 5)));
        assertThrows(InvalidArgumentException.class,
                () -> DeploymentTotals.of(A, Amount.ofUnits(USD, 5), 0, Amount.ofUnits(F, 5)));
    }

    @Test
    void timesOutOfOrderAreRejected() {
        assertThrows(InvalidArgumentException.class, () -> EpochSplit.of(P, CarryOver.empty(F), List.of(), 10, 10));
        assertThrows(InvalidArgumentException.class, () -> EpochSplit.of(P, CarryOver.empty(F), List.of(), -1, 10));
    }

    @Test
    void noDeploymentMeansTheWholeBudgetIsUnassigned() {
        EpochSplit s = EpochSplit.of(P, CarryOver.empty(F), List.of(), 0, 86_400);
        assertTrue(s.scheduled().isPositive());
        assertEquals(s.scheduled(), s.unassigned());
        assertTrue(s.splitDust().isZero());
        assertThrows(InvalidArgumentException.class, () -> s.share(A));
    }

    @Test
    void aUserAddedTwiceIsRejectedAtBuild() {
        DeploymentPairs.Builder b = DeploymentPairs.builder(A, USD)
                .pair(AccountId.of("u"), Amount.ofUnits(USD, 1), Amount.zero(Asset.modelToken(A)))
                .pair(AccountId.of("u"), Amount.ofUnits(USD, 2), Amount.zero(Asset.modelToken(A)));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("a/u"), e.getMessage());
    }

    @Test
    void pairsRejectAnotherDeploymentsStakeAndNegativeGm() {
        DeploymentPairs.Builder b = DeploymentPairs.builder(A, USD);
        assertThrows(InvalidArgumentException.class,
                () -> b.pair(AccountId.of("u"), Amount.ofUnits(USD, 1), Amount.zero(Asset.modelToken(B))));
        assertThrows(InvalidArgumentException.class, () -> b.pair(AccountId.of("u"), Amount.ofUnits(USD, 1),
                Amount.zero(Asset.modelToken(A)), new BigDecimal("-0.1")));
        assertEquals(0, b.build().size());
    }

    @Test
    void budgetRejectsWrongAssetsAndAlphaOutsideTheUnit() {
        assertThrows(InvalidArgumentException.class,
                () -> DeploymentBudget.builder(A, F, new BigDecimal("1.1"), BigDecimal.ONE));
        DeploymentBudget.Builder b = DeploymentBudget.builder(A, F, BigDecimal.ONE, BigDecimal.ONE);
        assertThrows(InvalidArgumentException.class, () -> b.fresh(PoolKind.MT_INCENTIVE, Amount.ofUnits(F, 1)));
        assertThrows(InvalidArgumentException.class, () -> b.carriedIn(PoolKind.GLOBAL_FLOCK,
                Amount.ofUnits(Asset.modelToken(A), 1)));
    }

    @Test
    void closeRejectsPairsOfAnotherDeploymentAndAShareWithoutPaidSpend() {
        DeploymentBudget budget = DeploymentBudget.builder(A, F, BigDecimal.ONE, BigDecimal.ONE)
                .fresh(PoolKind.GLOBAL_FLOCK, Amount.ofUnits(F, 100)).build();
        assertThrows(InvalidArgumentException.class,
                () -> DeploymentClose.of(P, budget, DeploymentPairs.builder(B, USD).build()));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> DeploymentClose.of(P, budget, DeploymentPairs.builder(A, USD).build()));
        assertTrue(e.getMessage().contains("pairs"), e.getMessage());
    }

    @Test
    void oneDeploymentOneUserTakesTheWholeShareOfItsPool() {
        // With α = 1 and one paying user, the score is its whole pool: paid = budget, no dust.
        DeploymentTotals t = DeploymentTotals.of(A, Amount.ofUnits(USD, 7), 0, Amount.ofUnits(USD, 7));
        EpochSplit s = EpochSplit.of(P, CarryOver.empty(F), List.of(t), 0, 86_400);
        assertEquals(s.scheduled(), s.share(A));
        assertTrue(s.passesGate(A));
        DeploymentClose c = DeploymentClose.of(P, s.budget(A, Amount.zero(F), Amount.zero(Asset.modelToken(A)),
                CarryOver.empty(F)), DeploymentPairs.builder(A, USD)
                .pair(AccountId.of("u"), Amount.ofUnits(USD, 7), Amount.zero(Asset.modelToken(A))).build());
        assertEquals(s.scheduled(), c.flockPayoutOf(AccountId.of("u")));
        assertTrue(c.flockPayoutOf(AccountId.of("nobody")).isZero());
        assertTrue(c.returnedToReserve().isZero());
        // the incentive pools were empty and the user has no stake: nothing to pay, nothing returned but zero
        assertEquals(Amount.zero(Asset.modelToken(A)), c.pool(PoolKind.MT_INCENTIVE).budget());
    }
}
