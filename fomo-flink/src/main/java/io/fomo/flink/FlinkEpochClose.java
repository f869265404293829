package io.fomo.flink;

import io.fomo.flink.internal.BudgetRow;
import io.fomo.flink.internal.DeploymentRow;
import io.fomo.flink.internal.EpochCsv;
import io.fomo.flink.internal.PairRow;
import io.fomo.flink.internal.ResultLine;
import io.fomo.flink.internal.UserFlock;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * The epoch close as an Apache Flink batch job (DataStream API, BATCH mode), equal to the base unit to
 * {@code EpochDistributor.close} on the same files:
 * <ol>
 *   <li>pairs read from CSV files and parsed; each deployment's paid spend summed (keyed by deployment);</li>
 *   <li>one task runs the core's {@code EpochSplit} over the deployments' totals (one row per deployment);</li>
 *   <li>each deployment's budget and pairs meet in a task keyed by deployment, which runs the core's
 *       {@code DeploymentClose}: every pair's payouts and the three pools;</li>
 *   <li>each user's FLOCK summed over deployments (keyed by user).</li>
 * </ol>
 * Tasks ship strings and base units only and build the SDK's objects themselves: those are not
 * {@code Serializable}. Run on a cluster with {@code flink run} and {@link #main}; in a JVM with
 * {@link #runLocal}, which starts a MiniCluster bound to 127.0.0.1. Formats and measurements: docs/scale.md.
 *
 * <p>This class is thread-safe; it has no state.
 */
public final class FlinkEpochClose {

    private FlinkEpochClose() {
    }

    /**
     * Adds the job to an environment, which must run in BATCH mode.
     *
     * @param env   the environment
     * @param input what to read
     * @return every output line, tagged with its file
     */
    public static DataStream<ResultLine> build(StreamExecutionEnvironment env, EpochCloseInput input) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(input, "input");
        String alpha = input.alpha().toPlainString();
        String alphaI = input.alphaIncentive().toPlainString();
        DataStream<PairRow> pairs = text(env, input.pairs(), "pairs").flatMap(new ParsePairs()).name("parse pairs");
        DataStream<DeploymentRow> totals = pairs.map(new SpentOf()).name("paid spend")
                .keyBy(new DeploymentKey()).reduce(new SumSpent()).name("sum paid spend per deployment");
        if (input.deployments() != null) {
            totals = totals.union(text(env, input.deployments(), "deployments").flatMap(new ParseDeployments())
                    .name("parse deployments"));
        }
        SingleOutputStreamOperator<BudgetRow> budgets = totals.keyBy(new OneKey())
                .process(new SplitTask(input.deployments() != null, input.from(), input.to(), alpha, alphaI))
                .name("split the budget (EpochSplit)");
        SingleOutputStreamOperator<ResultLine> closed = budgets.keyBy(new BudgetKey())
                .connect(pairs.keyBy(new PairKey()))
                .process(new CloseTask(alpha, alphaI))
                .name("close each deployment (DeploymentClose)");
        DataStream<ResultLine> users = closed.getSideOutput(CloseTask.USER_FLOCK).keyBy(new UserKey())
                .reduce(new SumFlock()).name("sum FLOCK per user")
                .map(new UserLine()).name("user lines");
        return closed.union(users, budgets.getSideOutput(SplitTask.EPOCH));
    }

    private static DataStream<String> text(StreamExecutionEnvironment env, String location, String name) {
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), path(location)).build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), name);
    }

    private static Path path(String location) {
        // A plain local path becomes a file URI; a URI (hdfs://, s3://, file:/) is kept as it is.
        return location.contains("://") || location.startsWith("file:") ? new Path(location)
                : new Path(java.nio.file.Path.of(location).toAbsolutePath().toUri());
    }

    /**
     * Returns the configuration of a local MiniCluster that listens on 127.0.0.1 only, in BATCH mode, without
     * restarts.
     *
     * @return a new configuration
     */
    public static Configuration loopbackConfiguration() {
        Configuration conf = new Configuration();
        conf.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
        conf.set(JobManagerOptions.ADDRESS, "127.0.0.1");
        conf.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
        conf.set(TaskManagerOptions.HOST, "127.0.0.1");
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        // An invalid input fails every retry the same way: fail at once.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return conf;
    }

    /**
     * Runs the job on a MiniCluster in this JVM, bound to 127.0.0.1, and collects its output through the
     * collect iterator (no result size limit is held in memory twice).
     *
     * @param input       what to read
     * @param parallelism the number of parallel tasks, at least 1
     * @return the outcome
     * @throws Exception if the job fails; an invalid input fails it with the core's error as a cause
     */
    @SuppressWarnings("try") // Flink's iterator declares close() throws Exception; runLocal throws it on.
    public static EpochCloseOutput runLocal(EpochCloseInput input, int parallelism) throws Exception {
        Objects.requireNonNull(input, "input");
        if (parallelism < 1) {
            throw io.fomo.spi.InvalidArgumentException.of("parallelism", parallelism, "must be at least 1");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism,
                loopbackConfiguration());
        EpochCloseOutput.Reader reader = new EpochCloseOutput.Reader();
        try (CloseableIterator<ResultLine> it = build(env, input).executeAndCollect("fomo epoch close")) {
            while (it.hasNext()) {
                ResultLine l = it.next();
                reader.accept(l.file, l.line);
            }
        }
        return reader.build();
    }

    /**
     * The entry point of {@code flink run}: {@code --pairs PATH [--deployments FILE] --out DIR [--from S]
     * [--to S] [--alpha A] [--alpha-incentive A] [--local N]}. Writes {@code DIR/payouts.csv/}, {@code DIR/users.csv/},
     * {@code DIR/pools.csv/} and {@code DIR/epoch.csv/}, each a folder of part files without header, rows
     * unordered. The epoch is {@code [0, 86400)} unless given. With {@code --local N} the job runs on a
     * MiniCluster of parallelism N in this JVM, bound to 127.0.0.1.
     *
     * @param args the arguments
     * @throws Exception if the arguments are wrong or the job fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String out = required(opts, "out");
        EpochCloseInput input = EpochCloseInput.of(required(opts, "pairs"), opts.get("deployments"),
                Long.parseLong(opts.getOrDefault("from", "0")), Long.parseLong(opts.getOrDefault("to", "86400")));
        if (opts.containsKey("alpha") || opts.containsKey("alpha-incentive")) {
            input = input.withAlphas(new BigDecimal(opts.getOrDefault("alpha", "0.5")),
                    new BigDecimal(opts.getOrDefault("alpha-incentive", opts.getOrDefault("alpha", "0.5"))));
        }
        // --local N: a MiniCluster of parallelism N in this JVM, bound to 127.0.0.1 (the measurements of
        // docs/scale.md); otherwise the environment of `flink run`.
        StreamExecutionEnvironment env = opts.containsKey("local")
                ? StreamExecutionEnvironment.createLocalEnvironment(Integer.parseInt(opts.get("local")),
                        loopbackConfiguration())
                : StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        DataStream<ResultLine> lines = build(env, input);
        for (String file : List.of(EpochCsv.PAYOUTS, EpochCsv.USERS, EpochCsv.POOLS, EpochCsv.EPOCH)) {
            lines.filter(new FileIs(file)).map(new LineOf()).name(file)
                    .sinkTo(FileSink.forRowFormat(new Path(out + "/" + file), new SimpleStringEncoder<String>("UTF-8"))
                            .withBucketAssigner(new BasePathBucketAssigner<>()).build())
                    .name("write " + file);
        }
        env.execute("fomo epoch close");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw io.fomo.spi.InvalidArgumentException.of("argument", a, "expected --name value");
            }
            m.put(a.substring(2), args[++i]);
        }
        return m;
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw io.fomo.spi.InvalidArgumentException.of("--" + name, "(absent)", "is required");
        }
        return v;
    }

    static final class ParsePairs implements FlatMapFunction<String, PairRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<PairRow> out) {
            PairRow p = EpochCsv.parsePair(line);
            if (p != null) {
                out.collect(p);
            }
        }
    }

    static final class ParseDeployments implements FlatMapFunction<String, DeploymentRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<DeploymentRow> out) {
            DeploymentRow d = EpochCsv.parseDeployment(line);
            if (d != null) {
                out.collect(d);
            }
        }
    }

    static final class SpentOf implements MapFunction<PairRow, DeploymentRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public DeploymentRow map(PairRow p) {
            return DeploymentRow.spent(p.deployment, p.spend);
        }
    }

    static final class SumSpent implements ReduceFunction<DeploymentRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public DeploymentRow reduce(DeploymentRow a, DeploymentRow b) {
            return DeploymentRow.spent(a.deployment, a.paidSpend.add(b.paidSpend));
        }
    }

    static final class SumFlock implements ReduceFunction<UserFlock> {
        private static final long serialVersionUID = 1L;

        @Override
        public UserFlock reduce(UserFlock a, UserFlock b) {
            return new UserFlock(a.user, a.flock.add(b.flock));
        }
    }

    static final class UserLine implements MapFunction<UserFlock, ResultLine> {
        private static final long serialVersionUID = 1L;

        @Override
        public ResultLine map(UserFlock u) {
            return new ResultLine(EpochCsv.USERS, EpochCsv.userLine(u.user, u.flock));
        }
    }

    static final class DeploymentKey implements KeySelector<DeploymentRow, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(DeploymentRow r) {
            return r.deployment;
        }
    }

    static final class OneKey implements KeySelector<DeploymentRow, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer getKey(DeploymentRow r) {
            return 0;
        }
    }

    static final class BudgetKey implements KeySelector<BudgetRow, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(BudgetRow r) {
            return r.deployment;
        }
    }

    static final class PairKey implements KeySelector<PairRow, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(PairRow r) {
            return r.deployment;
        }
    }

    static final class UserKey implements KeySelector<UserFlock, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(UserFlock r) {
            return r.user;
        }
    }

    static final class FileIs implements FilterFunction<ResultLine> {
        private static final long serialVersionUID = 1L;
        private final String file;

        FileIs(String file) {
            this.file = file;
        }

        @Override
        public boolean filter(ResultLine l) {
            return l.file.equals(file);
        }
    }

    static final class LineOf implements MapFunction<ResultLine, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map(ResultLine l) {
            return l.line;
        }
    }
}
