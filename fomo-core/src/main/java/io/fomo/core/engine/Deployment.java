package io.fomo.core.engine;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.launch.Rmo;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.DeploymentId;

/** One deployment's protocol state: its raise, its pricing, its pool once graduated. Immutable. */
final class Deployment {

    final DeploymentId id;
    final Rmo rmo;
    final InferencePricing pricing;
    final ConstantProductPool pool;
    final long graduatedEpoch;
    final Amount flockIncentivePerEpoch;
    final Amount mtIncentivePerEpoch;

    Deployment(DeploymentId id, Rmo rmo, InferencePricing pricing, ConstantProductPool pool, long graduatedEpoch,
            Amount flockIncentivePerEpoch, Amount mtIncentivePerEpoch) {
        this.id = id;
        this.rmo = rmo;
        this.pricing = pricing;
        this.pool = pool;
        this.graduatedEpoch = graduatedEpoch;
        this.flockIncentivePerEpoch = flockIncentivePerEpoch;
        this.mtIncentivePerEpoch = mtIncentivePerEpoch;
    }

    Deployment withRmo(Rmo next) {
        return new Deployment(id, next, pricing, pool, graduatedEpoch, flockIncentivePerEpoch, mtIncentivePerEpoch);
    }

    Deployment withPool(ConstantProductPool next) {
        return new Deployment(id, rmo, pricing, next, graduatedEpoch, flockIncentivePerEpoch, mtIncentivePerEpoch);
    }

    Deployment graduated(Rmo next, ConstantProductPool newPool, long epoch, Amount flockPerEpoch, Amount mtPerEpoch) {
        return new Deployment(id, next, pricing, newPool, epoch, flockPerEpoch, mtPerEpoch);
    }

    boolean hasPool() {
        return pool != null;
    }

    AccountId escrow() {
        return Accounts.of("rmo", id);
    }

    AccountId poolAccount() {
        return Accounts.of("pool", id);
    }

    AccountId vesting() {
        return Accounts.of("vesting", id);
    }

    AccountId hosting() {
        return Accounts.of("hosting", id);
    }

    AccountId stakingBudget() {
        return Accounts.of("staking-incentives", id);
    }

    AccountId incentives() {
        return Accounts.of("mt-incentives", id);
    }
}
