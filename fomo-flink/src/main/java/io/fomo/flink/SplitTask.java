package io.fomo.flink;

import io.fomo.core.rewards.CarryOver;
import io.fomo.core.rewards.DeploymentTotals;
import io.fomo.core.rewards.EpochSplit;
import io.fomo.core.rewards.RewardParams;
import io.fomo.flink.internal.BudgetRow;
import io.fomo.flink.internal.DeploymentRow;
import io.fomo.flink.internal.EpochCsv;
import io.fomo.flink.internal.ResultLine;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The first step in one task: every deployment's totals (one row per deployment, not per pair) in, the
 * core's {@link EpochSplit} run once, each deployment's budget out, and the epoch's line to a side output.
 * Keyed by a constant, so it runs once; its timer fires when its input has ended (BATCH mode).
 */
final class SplitTask extends KeyedProcessFunction<Integer, DeploymentRow, BudgetRow> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<ResultLine> EPOCH = new OutputTag<>("epoch", org.apache.flink.api.common.typeinfo
            .TypeInformation.of(ResultLine.class));

    private final boolean declaredFile;
    private final long from;
    private final long to;
    private final String alpha;
    private final String alphaIncentive;
    private transient ListState<DeploymentRow> rows;

    SplitTask(boolean declaredFile, long from, long to, String alpha, String alphaIncentive) {
        this.declaredFile = declaredFile;
        this.from = from;
        this.to = to;
        this.alpha = alpha;
        this.alphaIncentive = alphaIncentive;
    }

    @Override
    public void open(OpenContext context) {
        rows = getRuntimeContext().getListState(new ListStateDescriptor<>("deployments", DeploymentRow.class));
    }

    @Override
    public void processElement(DeploymentRow row, Context ctx, Collector<BudgetRow> out) throws Exception {
        rows.add(row);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BudgetRow> out) throws Exception {
        Map<String, DeploymentRow> declared = new TreeMap<>();
        Map<String, BigInteger> spent = new TreeMap<>();
        for (DeploymentRow r : rows.get()) {
            if (r.declared) {
                if (declared.put(r.deployment, r) != null) {
                    throw InvalidArgumentException.of("deployment", r.deployment, "is already declared in this epoch");
                }
            } else {
                spent.merge(r.deployment, r.paidSpend, BigInteger::add);
            }
        }
        List<DeploymentTotals> totals = new ArrayList<>();
        if (declaredFile) {
            for (String d : spent.keySet()) {
                if (!declared.containsKey(d)) {
                    throw InvalidArgumentException.of("deployment", d, "is not declared in this epoch");
                }
            }
            for (DeploymentRow r : declared.values()) {
                totals.add(DeploymentTotals.of(DeploymentId.of(r.deployment), Amount.ofUnits(Asset.USD, r.netRevenue),
                        r.ageDays, Amount.ofUnits(Asset.USD, spent.getOrDefault(r.deployment, BigInteger.ZERO))));
            }
        } else {
            for (Map.Entry<String, BigInteger> e : spent.entrySet()) {
                Amount paid = Amount.ofUnits(Asset.USD, e.getValue());
                totals.add(DeploymentTotals.of(DeploymentId.of(e.getKey()), paid, 0, paid));
            }
        }
        RewardParams params = EpochCloseInput.params(alpha, alphaIncentive);
        EpochSplit split = EpochSplit.of(params, CarryOver.empty(Asset.FLOCK), totals, from, to);
        for (DeploymentTotals t : totals) {
            DeploymentRow r = declared.get(t.deployment().value());
            BudgetRow b = new BudgetRow();
            b.deployment = t.deployment().value();
            b.alpha = split.alpha().toPlainString();
            b.alphaIncentive = split.alphaIncentive().toPlainString();
            b.share = split.share(t.deployment()).units();
            b.flockIncentive = r == null ? BigInteger.ZERO : r.flockIncentive;
            b.mtIncentive = r == null ? BigInteger.ZERO : r.mtIncentive;
            out.collect(b);
        }
        ctx.output(EPOCH, new ResultLine(EpochCsv.EPOCH, EpochCloseOutput.epochLine(from, to, split.alpha(),
                split.alphaIncentive(), split.scheduled().units(), split.carriedIn().units(),
                split.splitDust().units(), split.unassigned().units())));
        rows.clear();
    }
}
