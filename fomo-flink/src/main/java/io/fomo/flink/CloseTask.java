package io.fomo.flink;

import io.fomo.core.rewards.DeploymentBudget;
import io.fomo.core.rewards.DeploymentClose;
import io.fomo.core.rewards.DeploymentPairs;
import io.fomo.core.rewards.PoolKind;
import io.fomo.core.rewards.PoolResult;
import io.fomo.core.rewards.RewardParams;
import io.fomo.flink.internal.BudgetRow;
import io.fomo.flink.internal.EpochCsv;
import io.fomo.flink.internal.PairRow;
import io.fomo.flink.internal.ResultLine;
import io.fomo.flink.internal.UserFlock;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.math.BigDecimal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The second step in the tasks keyed by deployment: the deployment's budget (from {@link SplitTask}) and its
 * pairs in, the core's {@link DeploymentClose} run on them, every pair's payout and the three pools out, each
 * pair's FLOCK to a side output for the per-user sums. In BATCH mode the inputs are sorted by key and the
 * timer fires once all of a deployment's rows are in, so only one deployment's pairs are held at a time.
 */
final class CloseTask extends KeyedCoProcessFunction<String, BudgetRow, PairRow, ResultLine> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<UserFlock> USER_FLOCK = new OutputTag<>("user-flock", TypeInformation.of(UserFlock.class));

    private final String alpha;
    private final String alphaIncentive;
    private transient RewardParams params;
    private transient ValueState<BudgetRow> budget;
    private transient ListState<PairRow> pairs;

    CloseTask(String alpha, String alphaIncentive) {
        this.alpha = alpha;
        this.alphaIncentive = alphaIncentive;
    }

    @Override
    public void open(OpenContext context) {
        params = EpochCloseInput.params(alpha, alphaIncentive);
        budget = getRuntimeContext().getState(new ValueStateDescriptor<>("budget", BudgetRow.class));
        pairs = getRuntimeContext().getListState(new ListStateDescriptor<>("pairs", PairRow.class));
    }

    @Override
    public void processElement1(BudgetRow row, Context ctx, Collector<ResultLine> out) throws Exception {
        budget.update(row);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void processElement2(PairRow row, Context ctx, Collector<ResultLine> out) throws Exception {
        pairs.add(row);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ResultLine> out) throws Exception {
        BudgetRow b = budget.value();
        String key = ctx.getCurrentKey();
        if (b == null) {
            throw new IllegalStateException("deployment " + key + " has pairs but the split gave it no budget");
        }
        DeploymentId dep = DeploymentId.of(key);
        Asset mt = Asset.modelToken(dep);
        DeploymentPairs.Builder pb = DeploymentPairs.builder(dep, Asset.USD);
        for (PairRow p : pairs.get()) {
            pb.pair(AccountId.of(p.user), Amount.ofUnits(Asset.USD, p.spend), Amount.ofUnits(mt, p.stake),
                    new BigDecimal(p.gm));
        }
        DeploymentBudget db = DeploymentBudget.builder(dep, Asset.FLOCK, new BigDecimal(b.alpha),
                        new BigDecimal(b.alphaIncentive))
                .fresh(PoolKind.GLOBAL_FLOCK, Amount.ofUnits(Asset.FLOCK, b.share))
                .fresh(PoolKind.FLOCK_INCENTIVE, Amount.ofUnits(Asset.FLOCK, b.flockIncentive))
                .fresh(PoolKind.MT_INCENTIVE, Amount.ofUnits(mt, b.mtIncentive))
                .build();
        DeploymentClose close = DeploymentClose.of(params, db, pb.build());
        close.forEachPayout((user, flock, mtPaid) -> {
            out.collect(new ResultLine(EpochCsv.PAYOUTS,
                    EpochCsv.payoutLine(key, user.value(), flock.units(), mtPaid.units())));
            ctx.output(USER_FLOCK, new UserFlock(user.value(), flock.units()));
        });
        for (PoolResult p : close.pools()) {
            out.collect(new ResultLine(EpochCsv.POOLS, EpochCloseOutput.poolLine(p)));
        }
        budget.clear();
        pairs.clear();
    }
}
