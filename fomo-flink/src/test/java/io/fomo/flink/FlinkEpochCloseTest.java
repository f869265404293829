package io.fomo.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.emission.AlphaSchedule;
import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.rewards.CarryOver;
import io.fomo.core.rewards.EpochDistributor;
import io.fomo.core.rewards.EpochResult;
import io.fomo.core.rewards.PoolResult;
import io.fomo.core.rewards.RewardParams;
import io.fomo.spi.AccountId;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink job on a MiniCluster bound to 127.0.0.1 against {@link EpochDistributor#close} on the same random
 * pairs: every payout, every user's FLOCK, every pool's fresh budget, payout sum, dust and returned budget, the
 * split dust and the unassigned budget, equal to the base unit. The seed is new on every run and printed in
 * every failure message.
 */
class FlinkEpochCloseTest {

    private static final long DAY = 86_400;

    @TempDir
    Path dir;

    @Test
    void theJobEqualsTheDistributorOnAHundredThousandRandomPairs() throws Exception {
        long seed = new SecureRandom().nextLong();
        SecureRandom pick = new SecureRandom();
        RandomEpoch e = new RandomEpoch(seed, 100_000);
        e.write(dir.resolve("pairs"), dir.resolve("deployments.csv"), 3);
        // α ≠ α_i, so the incentive pools take the general scoring path
        BigDecimal alpha = BigDecimal.valueOf(pick.nextInt(101), 2);
        BigDecimal alphaI = BigDecimal.valueOf(pick.nextInt(101), 2);
        long from = pick.nextInt(365) * DAY;
        String ctx = "seed=" + seed + " alpha=" + alpha + " alphaIncentive=" + alphaI + " from=" + from;
        EpochCloseInput input = EpochCloseInput.of(dir.resolve("pairs").toString(), dir.resolve("deployments.csv").toString(),
                from, from + DAY).withAlphas(alpha, alphaI);

        EpochCloseOutput job = FlinkEpochClose.runLocal(input, 2);
        RewardParams params = RewardParams.builder(EmissionSchedule.defaultFlock())
                .alpha(AlphaSchedule.constant(alpha)).alphaIncentive(AlphaSchedule.constant(alphaI)).build();
        EpochResult expected = EpochDistributor.close(params, CarryOver.empty(Asset.FLOCK), e.usage(true), from,
                from + DAY);
        assertSame(expected, job, ctx);
    }

    @Test
    void withoutADeploymentsFileAndWithOneAlphaTheJobStillEqualsTheDistributor() throws Exception {
        long seed = new SecureRandom().nextLong();
        RandomEpoch e = new RandomEpoch(seed, 5_000);
        e.write(dir.resolve("pairs"), null, 1);
        EpochCloseInput input = EpochCloseInput.of(dir.resolve("pairs").resolve("part-0.csv").toString(), null, 0, DAY);
        EpochCloseOutput job = FlinkEpochClose.runLocal(input, 2);
        EpochResult expected = EpochDistributor.close(input.rewardParams(), CarryOver.empty(Asset.FLOCK),
                e.usage(false), 0, DAY);
        assertSame(expected, job, "seed=" + seed);
    }

    @Test
    void aMalformedLineOrAnUndeclaredDeploymentFailsTheJobWithTheCoresError() throws Exception {
        Path pairs = dir.resolve("pairs.csv");
        Files.writeString(pairs, "deployment,user,spend,stake\nm1,u1,12x,0\n", StandardCharsets.UTF_8);
        Exception e = assertThrows(Exception.class,
                () -> FlinkEpochClose.runLocal(EpochCloseInput.of(pairs.toString(), null, 0, DAY), 1));
        assertTrue(causes(e, "spend must be a whole number"), () -> "unexpected: " + e);

        Files.writeString(pairs, "m1,u1,12,0\nm2,u1,3,0\n", StandardCharsets.UTF_8);
        Path deps = dir.resolve("deployments.csv");
        Files.writeString(deps, "m1,12,0,0,0\n", StandardCharsets.UTF_8);
        Exception u = assertThrows(Exception.class,
                () -> FlinkEpochClose.runLocal(EpochCloseInput.of(pairs.toString(), deps.toString(), 0, DAY), 1));
        assertTrue(causes(u, "m2 is not declared") || causes(u, "m2: is not declared")
                || causes(u, "deployment = m2"), () -> "unexpected: " + u);
    }

    private static boolean causes(Throwable t, String text) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InvalidArgumentException && c.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Every number of the distributor's result equals the job's. */
    static void assertSame(EpochResult expected, EpochCloseOutput job, String ctx) {
        List<EpochCloseOutput.Payout> want = new ArrayList<>();
        expected.forEachPayout((d, u, f, m) -> want.add(new EpochCloseOutput.Payout(d, u, f.units(), m.units())));
        assertEquals(want.size(), job.payouts().size(), ctx + ": pair count");
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i), job.payouts().get(i), ctx + ": payout " + i);
        }
        assertEquals(expected.users().size(), job.users().size(), ctx + ": user count");
        for (EpochCloseOutput.UserTotal u : job.users()) {
            AccountId a = u.user();
            assertEquals(expected.flockRewardOf(a).units(), u.flock(), ctx + ": FLOCK of " + a);
        }
        List<PoolResult> pools = expected.pools();
        assertEquals(pools.size(), job.pools().size(), ctx + ": pool count");
        for (int i = 0; i < pools.size(); i++) {
            PoolResult p = pools.get(i);
            EpochCloseOutput.Pool q = job.pools().get(i);
            String at = ctx + ": " + p;
            assertEquals(p.deployment(), q.deployment(), at);
            assertEquals(p.kind(), q.kind(), at);
            assertEquals(p.fresh().units(), q.fresh(), at + " fresh");
            assertEquals(p.carriedIn().units(), q.carriedIn(), at + " carriedIn");
            assertEquals(p.paid().units(), q.paid(), at + " paid");
            assertEquals(p.dust().units(), q.dust(), at + " dust");
            assertEquals(p.returned().units(), q.returned(), at + " returned");
        }
        assertEquals(expected.scheduled().units(), job.scheduled(), ctx + ": scheduled");
        assertEquals(expected.splitDust().units(), job.splitDust(), ctx + ": split dust");
        assertEquals(expected.unassigned().units(), job.unassigned(), ctx + ": unassigned");
        assertEquals(expected.returnedToReserve().units(), job.returnedToReserve(), ctx + ": returned to reserve");
        assertEquals(expected.totalFlockPaid().units(), job.totalFlockPaid(), ctx + ": FLOCK paid");
        assertEquals(0, expected.alpha().compareTo(job.alpha()), ctx + ": alpha");
    }
}
