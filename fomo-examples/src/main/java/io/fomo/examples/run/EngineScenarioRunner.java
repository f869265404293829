package io.fomo.examples.run;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.engine.Command;
import io.fomo.core.engine.EngineLimits;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.engine.ParameterChange;
import io.fomo.core.engine.ProtocolParameters;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.Rmo;
import io.fomo.core.launch.RmoState;
import io.fomo.core.launch.SupporterPosition;
import io.fomo.core.revenue.BuybackExecution;
import io.fomo.core.revenue.BuybackParameters;
import io.fomo.core.revenue.EpochRevenue;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.RevenueSplit;
import io.fomo.core.rewards.EpochResult;
import io.fomo.core.rewards.PoolResult;
import io.fomo.core.staking.StakeBook;
import io.fomo.examples.report.DailyRow;
import io.fomo.examples.report.RewardStats;
import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.run.internal.MonteCarloJournal;
import io.fomo.examples.scenario.Launch;
import io.fomo.examples.scenario.LockAction;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioException;
import io.fomo.examples.scenario.StakeAction;
import io.fomo.examples.scenario.UsageLogSettings;
import io.fomo.meter.MalformedRecordException;
import io.fomo.meter.Meter;
import io.fomo.meter.UsageReader;
import io.fomo.meter.UsageRecord;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.AppendResult;
import io.fomo.spi.Asset;
import io.fomo.spi.ChainGateway;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.FomoException;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.ManualClock;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Runs a scenario through {@link FomoProtocol}, one epoch per simulated day, with the SPI's in-memory
 * chain gateway, a price feed fed from the scenario's FLOCK price path, and a manual clock.
 *
 * <p>The entry point for other tools (Monte Carlo runs, sweeps) is {@link #run(Scenario, long)}: one run of
 * a scenario with a seed, on a journal that counts its records without keeping them, returning the daily
 * rows. Runs share no state: each has its own engine, plan and behaviours, so runs may go in parallel on
 * one runner.
 *
 * <p>How the scenario becomes commands (docs/scenarios.md has the user's view):
 * <ul>
 *   <li>Genesis is {@link #GENESIS}; day {@code d} starts {@code d} days later and is epoch {@code d}. The
 *       genesis parameters take the scenario's emission schedule, revenue weights and α (α_i and the
 *       buyback bounds keep the SDK defaults), with an emission reserve of exactly what the schedule
 *       emits over the run. Every deployment of a platform draws on that one schedule, split by the
 *       protocol's rules at each epoch close.</li>
 *   <li>Every command of day {@code d} runs at the day's first second, in this order: for each launch in
 *       the scenario's order, its opening (on its start day: the issuer deposits the launch fee and first
 *       buy, then opens), settling its raise once the window has closed (graduate when the min target is
 *       met, else close), its buys (each buyer first deposits the FLOCK it lacks), going live once
 *       graduated, and refunds after a failure; then the day's gmFLOCK locks (FLOCK deposited as needed);
 *       then each launch's stakes; then the {@link DailyBehaviour}s (first the {@code traders} of each launch that has them, in the
 *       scenario's order, then the runner's own); then each live launch's usage.</li>
 *   <li>A stake stakes the MT asked for, or all the account holds if it holds less (the issuer first
 *       claims what has vested). A spend of {@code s} USD buys {@code floor(s / price)} units at the user's
 *       discounted price; a spend below one unit's price buys nothing. A launch's paid calls of the day are
 *       submitted as {@link Command.RecordUsageBatch}es of up to
 *       {@link EngineLimits#MAX_CALLS_PER_USAGE_BATCH} calls (a batch decides exactly what its calls one by
 *       one would); a refused batch is submitted again call by call, so each refused call counts once.</li>
 *   <li>At the next day's first second the FLOCK price of the day is quoted and the epoch is closed with
 *       the day's hard costs of every graduated deployment.</li>
 *   <li>A command the protocol rejects counts in {@link DailyRow#rejectedActions()}; the run goes on. A
 *       failure of the journal ends the run.</li>
 * </ul>
 *
 * <p>This class is immutable and thread-safe; each run has its own engine.
 */
public final class EngineScenarioRunner implements ScenarioRunner {

    /** The instant the simulated platform starts: day 0, epoch 0 (the FLock blog's example is dated 2026-01-15). */
    public static final Instant GENESIS = Instant.parse("2026-01-15T00:00:00Z");

    private static final long DAY = 86_400L;
    private static final String PRICE_SOURCE = "scenario:flockPrice";
    private static final MathContext PRICE_MC = new MathContext(40, RoundingMode.DOWN);
    private static final int TOP_HOLDERS = 10;

    private final Supplier<ChainGateway> chains;
    private final Supplier<List<DailyBehaviour>> behaviours;
    /** The real chain of a {@code --chain} run, told of the engine and of each epoch close; else null. */
    private final ChainSession session;
    /** Whether a day's paid calls go as usage batches (the default) or one {@code RecordUsage} each. */
    private final boolean batches;

    /** Creates the runner; every run executes its intents on a fresh in-memory ledger, with no behaviours. */
    public EngineScenarioRunner() {
        this(InMemoryChainGateway::new, List::of);
    }

    /**
     * Creates a runner whose runs execute their intents through a given chain gateway, such as a real
     * chain's ({@code fomo simulate --chain}).
     *
     * @param chain the gateway, on which nothing has happened yet
     */
    public EngineScenarioRunner(ChainGateway chain) {
        this(constant(Objects.requireNonNull(chain, "chain")), List::of);
    }

    /**
     * Creates a runner whose runs call behaviours every day ({@link DailyBehaviour}).
     *
     * @param behaviours makes the behaviours of one run, called once per run (behaviours keep state: a
     *                   run must not share them with another)
     */
    public EngineScenarioRunner(Supplier<List<DailyBehaviour>> behaviours) {
        this(InMemoryChainGateway::new, Objects.requireNonNull(behaviours, "behaviours"));
    }

    /**
     * Creates a runner whose runs execute their intents on a real chain's session
     * ({@code fomo simulate --chain}): through its gateway, with the graduation's model-token mints executed
     * together, and the cumulative claims roots published to its distributor after each epoch close.
     *
     * @param session the chain session, on which nothing has happened yet
     */
    public EngineScenarioRunner(ChainSession session) {
        this(Objects.requireNonNull(session, "session")::gateway, List::of, session);
    }

    private EngineScenarioRunner(Supplier<ChainGateway> chains, Supplier<List<DailyBehaviour>> behaviours) {
        this(chains, behaviours, null);
    }

    private EngineScenarioRunner(Supplier<ChainGateway> chains, Supplier<List<DailyBehaviour>> behaviours,
            ChainSession session) {
        this(chains, behaviours, session, true);
    }

    private EngineScenarioRunner(Supplier<ChainGateway> chains, Supplier<List<DailyBehaviour>> behaviours,
            ChainSession session, boolean batches) {
        this.chains = chains;
        this.behaviours = behaviours;
        this.session = session;
        this.batches = batches;
    }

    /**
     * Returns this runner submitting each paid call as its own {@link Command.RecordUsage}, as an integrator
     * recording every call when it happens would, instead of a day's calls as {@link Command.RecordUsageBatch}es.
     * The runs decide the same: the same daily rows and facts; their journals hold a batch per call (about
     * twelve times the records of {@code qwen-alice}), the shape the replay benchmarks measure.
     *
     * @return the runner, with everything else as this one
     */
    public EngineScenarioRunner callByCall() {
        return new EngineScenarioRunner(chains, behaviours, session, false);
    }

    private static Supplier<ChainGateway> constant(ChainGateway chain) {
        return () -> chain;
    }

    @Override
    public void validate(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        ProtocolParameters genesis;
        try {
            genesis = genesis(scenario);
        } catch (InvalidArgumentException e) {
            throw scenario.error("$.emission", e);
        }
        // The opening is where the engine checks a launch against its state (first-buy cap, fee, ...): run
        // every opening on a throwaway engine.
        FomoProtocol scratch = FomoProtocol.builder().journal(new InMemoryEventJournal())
                .chainGateway(new InMemoryChainGateway()).priceFeed(new InMemoryPriceFeed())
                .clock(ManualClock.startingAt(GENESIS)).parameters(genesis).autoDispatch(false).build();
        int i = 0;
        for (Launch l : scenario.launches()) {
            InferencePricing pricing = l.pricing();
            if (l.users().isPresent() && pricing.listPrice().value().signum() == 0) {
                throw scenario.error(l.path().substring(0, l.path().lastIndexOf('.')) + ".pricing.listPrice",
                        "expected a positive list price, so that spend buys units; found 0");
            }
            try {
                Amount deposit = l.parameters().launchFee().plus(l.firstBuy());
                if (deposit.isPositive()) {
                    scratch.submit(EventId.of("validate-deposit-" + i), new Command.Deposit(l.issuer(), deposit));
                }
                scratch.submit(EventId.of("validate-open-" + i),
                        new Command.OpenLaunch(l.deployment(), l.issuer(), l.parameters(), pricing, l.firstBuy()));
            } catch (FomoException e) {
                throw scenario.launchError(l, e);
            }
            i++;
        }
    }

    @Override
    public SimulationResult run(Scenario scenario, EventJournal journal, ProgressListener progress) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(progress, "progress");
        if (journal.currentSequence() != 0) {
            throw InvalidStateException.of("journal", journal.currentSequence() + " events",
                    "a simulation needs an empty journal");
        }
        try {
            List<DailyBehaviour> all = new ArrayList<>();
            List<Launch> launches = scenario.launches();
            for (int i = 0; i < launches.size(); i++) {
                if (launches.get(i).traders().isPresent()) {
                    all.add(new LaunchTraders(launches.get(i), i));
                }
            }
            all.addAll(behaviours.get());
            return new Run(scenario, new GuardedJournal(journal), progress, chains.get(), List.copyOf(all), session,
                    batches).play();
        } finally {
            progress.finished();
        }
    }

    /**
     * Runs a scenario with a seed without progress, on a {@link MonteCarloJournal} (the run is regenerated
     * from its scenario and seed, never replayed, so its records are counted, not kept): the entry point for
     * tools that run many variants or seeds (Monte Carlo, sweeps). Calls on one runner may go in parallel.
     *
     * @param scenario the scenario, validated ({@link #validate(Scenario)})
     * @param seed     the seed of every random draw (replaces the scenario's)
     * @return the daily rows, rewards and state hash
     * @throws FomoException if the engine fails
     */
    public SimulationResult run(Scenario scenario, long seed) {
        Objects.requireNonNull(scenario, "scenario");
        return run(scenario.withSeed(seed), new MonteCarloJournal(), ProgressListener.NONE);
    }

    // ---- parameters ---------------------------------------------------------------------------

    static ProtocolParameters genesis(Scenario scenario) {
        EmissionSchedule schedule = scenario.emission();
        Amount total = schedule.amount(0, scenario.days() * DAY);
        if (total.isGreaterThan(ProtocolParameters.FLOCK_SUPPLY)) {
            throw InvalidArgumentException.of("emission", total, "emits more than the FLOCK supply "
                    + ProtocolParameters.FLOCK_SUPPLY + " over " + scenario.days() + " days");
        }
        ParameterChange initial = ParameterChange.of(scenario.revenueWeights(), scenario.alpha(),
                ParameterChange.defaults().alphaIncentive(), BuybackParameters.defaults());
        return ProtocolParameters.builder(GENESIS).epochSeconds(DAY).emission(schedule).emissionReserve(total)
                .initial(initial).build();
    }

    // ---- one run ------------------------------------------------------------------------------

    /** The state of one launch within a run. */
    private static final class Deployed {

        private final Launch launch;
        private final ScenarioPlan.LaunchPlan plan;
        private final DeploymentId deployment;
        private final AccountId issuer;
        private final Asset mt;
        private final LaunchParameters params;
        private final TreeSet<AccountId> holders = new TreeSet<>();
        private int liveDay = -1;
        private boolean redeemed;
        private UsageReader feed;
        private Meter meter;
        private UsageRecord ahead;
        private long logStart;
        private Amount treasury = Amount.zero(Asset.USD);
        private Amount issuerYield = Amount.zero(Asset.USD);
        private Amount mtBurnedBefore;
        private int active;
        /** The unit price of a user without stake (null: zero), once {@link #unstakedPriced}. */
        private UnitsAtPrice unstakedPrice;
        private boolean unstakedPriced;
        /** The last price of a staker, and its division (null: zero). */
        private BigDecimal stakedPriceValue;
        private UnitsAtPrice stakedPrice;

        Deployed(ScenarioPlan.LaunchPlan plan) {
            this.plan = plan;
            this.launch = plan.launch();
            this.deployment = launch.deployment();
            this.issuer = launch.issuer();
            this.mt = launch.mtAsset();
            this.params = launch.parameters();
            this.mtBurnedBefore = Amount.zero(mt);
            holders.add(issuer);
            plan.supporterBuys().forEach(b -> holders.add(b.account()));
            launch.stakers().forEach(s -> holders.add(s.account()));
            launch.traders().ifPresent(t -> holders.addAll(LaunchTraders.accounts(t)));
        }
    }

    /** The state of one run. */
    private static final class Run implements DailyBehaviour.Day {

        private final Scenario scenario;
        private final ScenarioPlan plan;
        private final GuardedJournal journal;
        private final ProgressListener progress;
        private final List<DailyBehaviour> behaviours;
        private final ManualClock clock = ManualClock.startingAt(GENESIS);
        private final InMemoryPriceFeed prices = new InMemoryPriceFeed();
        private final FomoProtocol protocol;
        private final List<Deployed> launches = new ArrayList<>();
        private long commandCount;
        private int rejected;
        private int today;
        private Amount flockBurnedBefore = Amount.zero(Asset.FLOCK);
        private final ChainSession session;
        private final boolean batches;

        Run(Scenario scenario, GuardedJournal journal, ProgressListener progress, ChainGateway chain,
                List<DailyBehaviour> behaviours, ChainSession session, boolean batches) {
            this.session = session;
            this.batches = batches;
            this.scenario = scenario;
            this.plan = ScenarioPlan.of(scenario);
            this.journal = journal;
            this.progress = progress;
            this.behaviours = behaviours;
            for (ScenarioPlan.LaunchPlan p : plan.launches()) {
                launches.add(new Deployed(p));
            }
            this.protocol = FomoProtocol.builder().journal(journal).chainGateway(chain)
                    .priceFeed(prices).clock(clock).parameters(genesis(scenario)).autoDispatch(false).build();
            if (session != null) {
                session.attach(protocol);
            }
            journal.check();
        }

        SimulationResult play() {
            List<DailyRow> rows = new ArrayList<>(scenario.days() * launches.size());
            for (int day = 0; day < scenario.days(); day++) {
                today = day;
                rejected = 0;
                clock.set(GENESIS.plusSeconds(day * DAY));
                dayCommands(day);
                protocol.dispatch();
                journal.check();
                Instant end = GENESIS.plusSeconds((day + 1) * DAY);
                clock.set(end);
                prices.put(PriceQuote.of(Asset.FLOCK, plan.flockUsd(day), PRICE_SOURCE, end));
                Map<DeploymentId, Amount> costs = new LinkedHashMap<>();
                for (Deployed d : launches) {
                    if (graduated(d)) {
                        costs.put(d.deployment, d.launch.hardCostsPerDay());
                    }
                }
                // Closing the day cannot be refused by a valid scenario; if it is, the run cannot go on.
                commandCount++;
                protocol.submit(EventId.of("sim-" + commandCount), new Command.CloseEpoch(costs));
                protocol.dispatch();
                journal.check();
                if (session != null) {
                    session.epochClosed(protocol);
                }
                rows.addAll(rows(day));
                progress.dayDone(day, scenario.days());
            }
            for (Deployed d : launches) {
                if (d.feed != null) {
                    d.feed.close();
                }
            }
            // Every account holding claimable FLOCK at the end (only a credit makes one).
            TreeMap<AccountId, Amount> rewards = new TreeMap<>(protocol.claimableBalances(Asset.FLOCK));
            return new SimulationResult(rows, rewards, journal.currentSequence(), protocol.stateHash(),
                    protocol.headHash());
        }

        // ---- DailyBehaviour.Day ----

        @Override
        public int day() {
            return today;
        }

        @Override
        public List<Launch> launches() {
            return scenario.launches();
        }

        @Override
        public FomoProtocol protocol() {
            return protocol;
        }

        /** Submits a command; a rejection by the protocol is counted, a journal failure ends the run. */
        @Override
        public boolean submit(Command command) {
            return submit(command, true);
        }

        /** Submits a command; a rejection is counted if {@code count} says so, a journal failure ends the run. */
        private boolean submit(Command command, boolean count) {
            commandCount++;
            try {
                protocol.submit(EventId.of("sim-" + commandCount), command);
                return true;
            } catch (FomoException e) {
                journal.check();
                if (count) {
                    rejected++;
                }
                return false;
            }
        }

        /** Deposits what an account lacks of an amount of FLOCK. */
        @Override
        public void depositFlock(AccountId account, Amount flock) {
            Amount has = protocol.balance(account, Asset.FLOCK);
            if (has.isLessThan(flock)) {
                submit(new Command.Deposit(account, flock.minus(has)));
            }
        }

        @Override
        public SplittableRandom random(long purpose) {
            if (purpose < SeedStreams.FIRST_FREE || purpose >= SeedStreams.LAUNCH_STRIDE) {
                throw InvalidArgumentException.of("purpose", purpose, "must be from " + SeedStreams.FIRST_FREE
                        + " to " + (SeedStreams.LAUNCH_STRIDE - 1));
            }
            return SeedStreams.of(scenario.seed(), purpose, today);
        }

        // ---- the day ----

        private Rmo rmo(Deployed d) {
            return protocol.launch(d.deployment);
        }

        private boolean exists(Deployed d) {
            return protocol.deployments().contains(d.deployment);
        }

        private boolean graduated(Deployed d) {
            return exists(d) && protocol.pool(d.deployment).isPresent();
        }

        private void dayCommands(int day) {
            for (Deployed d : launches) {
                raise(d, day);
            }
            for (LockAction l : plan.locks(day)) {
                depositFlock(l.account(), l.flock());
                submit(new Command.LockGmFlock(l.account(), l.flock(), l.lockDays()));
            }
            for (Deployed d : launches) {
                for (StakeAction s : d.plan.stakes(day)) {
                    stake(d, s);
                }
            }
            // The place of trader behaviours (each launch's "traders" first, then the runner's own): after the
            // scheduled actions, before the day's usage.
            for (DailyBehaviour b : behaviours) {
                b.act(this);
            }
            for (Deployed d : launches) {
                d.active = usage(d, day);
            }
        }

        /** The launch's opening, settlement, buys, going live and refunds. */
        private void raise(Deployed d, int day) {
            if (day == d.launch.startDay()) {
                depositFlock(d.issuer, d.params.launchFee().plus(d.launch.firstBuy()));
                submit(new Command.OpenLaunch(d.deployment, d.issuer, d.params, d.launch.pricing(),
                        d.launch.firstBuy()));
            }
            boolean exists = exists(d);
            if (exists && rmo(d).state() == RmoState.FUNDRAISING
                    && !clock.now().isBefore(rmo(d).closesAt().orElseThrow())) {
                if (rmo(d).raised().compareTo(d.params.minTarget()) >= 0) {
                    submit(new Command.Graduate(d.deployment, d.issuer));
                } else {
                    submit(new Command.CloseLaunch(d.deployment, d.issuer));
                }
            }
            for (SupporterBuy b : d.plan.supporterBuys(day)) {
                if (exists && rmo(d).state() == RmoState.FUNDRAISING) {
                    depositFlock(b.account(), b.flock());
                }
                submit(new Command.Buy(d.deployment, b.account(), b.flock()));
            }
            if (exists && rmo(d).state() == RmoState.GRADUATED) {
                submit(new Command.GoLive(d.deployment, d.issuer));
            }
            if (exists && rmo(d).state() == RmoState.LIVE && d.liveDay < 0) {
                d.liveDay = day;
            }
            if (exists && rmo(d).state() == RmoState.FAILED && !d.redeemed) {
                d.redeemed = true;
                for (Map.Entry<AccountId, SupporterPosition> s : rmo(d).supporters().entrySet()) {
                    if (s.getValue().principal().isPositive()) {
                        submit(new Command.Redeem(d.deployment, s.getKey()));
                    }
                }
            }
        }

        private int usage(Deployed d, int day) {
            if (d.liveDay < 0) {
                return 0;
            }
            if (d.launch.usageLog().isPresent()) {
                return logDay(d, day - d.liveDay);
            }
            // A single launch keeps the ids it always had; a platform's other launches name their deployment.
            String prefix = (d.plan.index() == 0 ? "pay-" : "pay-" + d.deployment.value() + "-") + day + "-";
            // The payment id names the day and the user, so the protocol accepts one payment per user and
            // day: the payments accepted are the users who paid. The day's calls go in batches, each decided
            // as its calls one by one would be; a refused batch is submitted again call by call, so a refusal
            // counts once per refused call, as it would without batches.
            List<Command.RecordUsageBatch.Call> calls = new ArrayList<>();
            // The calls are made before any is submitted: the stakes are the day's, looked up in one book.
            StakeBook stakes = protocol.stakes();
            d.plan.forEachSpend(day - d.liveDay, new ScenarioPlan.LaunchPlan.SpendVisitor() {
                @Override
                public void spend(AccountId account, long usdUnits) {
                    UnitsAtPrice price = price(d, stakes.stakeOf(account, d.deployment));
                    call(price == null ? 0 : price.unitsFor(usdUnits), account);
                }

                @Override
                public void spend(AccountId account, Amount usd) {
                    UnitsAtPrice price = price(d, stakes.stakeOf(account, d.deployment));
                    call(price == null ? 0 : price.unitsFor(usd.value()), account);
                }

                private void call(long units, AccountId account) {
                    if (units > 0) {
                        calls.add(new Command.RecordUsageBatch.Call(EventId.of(prefix + account.value()), account,
                                units));
                    }
                }
            });
            int paid = 0;
            for (int from = 0; from < calls.size(); from += EngineLimits.MAX_CALLS_PER_USAGE_BATCH) {
                List<Command.RecordUsageBatch.Call> chunk = calls.subList(from,
                        Math.min(calls.size(), from + EngineLimits.MAX_CALLS_PER_USAGE_BATCH));
                // A refused batch is not counted: its calls are submitted one by one below, and counted.
                if (batches && submit(new Command.RecordUsageBatch(d.deployment, chunk), false)) {
                    paid += chunk.size();
                    continue;
                }
                for (Command.RecordUsageBatch.Call c : chunk) {
                    if (submit(new Command.RecordUsage(c.paymentId(), d.deployment, c.user(), c.units()))) {
                        paid++;
                    }
                }
            }
            return paid;
        }

        /**
         * Bills the usage log's records of one live day (the log's first UTC day is live day 0), each at its
         * own time of day on the simulation's calendar. The log is read one record ahead, never held whole;
         * a record of an earlier day found later is billed now and counted late by the engine.
         */
        private int logDay(Deployed d, int liveDayIndex) {
            UsageLogSettings log = d.launch.usageLog().orElseThrow();
            if (d.feed == null) {
                try {
                    java.io.InputStream in = java.nio.file.Files.newInputStream(log.file());
                    d.feed = log.format().isPresent() ? UsageReader.open(log.format().get(), log.file().toString(), in)
                            : UsageReader.openDetecting(log.file().toString(), in);
                    d.meter = new Meter(protocol, log.models(), log.defaultUser());
                } catch (java.io.IOException e) {
                    throw logError(d, "file", new java.io.UncheckedIOException(e));
                } catch (FomoException e) {
                    throw logError(d, "models", e);
                }
                d.ahead = nextLogRecord(d);
                if (d.ahead != null) {
                    long at = d.ahead.occurredAt().getEpochSecond();
                    d.logStart = at - Math.floorMod(at, DAY);
                }
            }
            TreeSet<AccountId> paid = new TreeSet<>();
            Instant dayStart = clock.now();
            while (d.ahead != null
                    && Math.floorDiv(d.ahead.occurredAt().getEpochSecond() - d.logStart, DAY) <= liveDayIndex) {
                UsageRecord r = d.ahead;
                long second = Math.floorMod(r.occurredAt().getEpochSecond() - d.logStart, DAY);
                long recordDay = Math.floorDiv(r.occurredAt().getEpochSecond() - d.logStart, DAY);
                Instant at = dayStart.plusSeconds((recordDay - liveDayIndex) * DAY + second)
                        .plusNanos(r.occurredAt().getNano());
                commandCount++;
                try {
                    if (d.meter.ingest(r.withOccurredAt(at)) == Meter.Outcome.BILLED) {
                        AccountId user = r.user().map(AccountId::of).orElse(log.defaultUser());
                        paid.add(user);
                    }
                } catch (MalformedRecordException e) {
                    throw logError(d, "file", e);
                } catch (FomoException e) {
                    journal.check();
                    rejected++;
                }
                d.ahead = nextLogRecord(d);
            }
            return paid.size();
        }

        private ScenarioException logError(Deployed d, String field, RuntimeException cause) {
            String entry = d.launch.path().substring(0, d.launch.path().lastIndexOf('.'));
            return scenario.error(entry + ".usageLog." + field, cause);
        }

        private UsageRecord nextLogRecord(Deployed d) {
            try {
                UsageRecord r = d.feed.next();
                if (r == null) {
                    d.feed.close();
                }
                return r;
            } catch (MalformedRecordException e) {
                throw logError(d, "file", e);
            }
        }

        private void stake(Deployed d, StakeAction s) {
            if (s.account().equals(d.issuer) && graduated(d)) {
                Instant now = clock.now();
                if (rmo(d).vestingClaimable(now).isPositive()) {
                    submit(new Command.ClaimVested(d.deployment, d.issuer));
                }
            }
            Amount held = graduated(d) ? protocol.balance(s.account(), d.mt) : Amount.zero(d.mt);
            Amount amount = held.isPositive() ? s.mt().min(held) : s.mt();
            submit(new Command.Stake(s.account(), d.deployment, amount));
        }

        /**
         * The unit price a user with a stake (null: none) pays, for the spends it buys units with: null when
         * the price is zero (a spend buys nothing). The price is a function of the stake: most users stake
         * nothing, and their price is prepared once per launch; a staker's is prepared again only when its
         * price changes.
         */
        private UnitsAtPrice price(Deployed d, Amount stake) {
            if (stake == null || stake.isZero()) {
                if (!d.unstakedPriced) {
                    d.unstakedPrice = prepared(d.launch.pricing().priceFor(Amount.zero(d.mt)).value());
                    d.unstakedPriced = true;
                }
                return d.unstakedPrice;
            }
            BigDecimal price = d.launch.pricing().priceFor(stake).value();
            if (price != d.stakedPriceValue) {
                d.stakedPriceValue = price;
                d.stakedPrice = prepared(price);
            }
            return d.stakedPrice;
        }

        private static UnitsAtPrice prepared(BigDecimal price) {
            return price.signum() == 0 ? null : new UnitsAtPrice(price, Asset.USD.decimals());
        }

        // ---- the rows ----

        private List<DailyRow> rows(int day) {
            Amount flockBurned = protocol.burns().burnedOf(Asset.FLOCK);
            Amount flockBurnedToday = flockBurned.minus(flockBurnedBefore);
            flockBurnedBefore = flockBurned;
            EpochRevenue revenue = protocol.lastEpochRevenue().orElseThrow();
            EpochResult rewards = protocol.lastEpochRewards().orElse(null);
            boolean rewardsToday = rewards != null && rewards.from() == day * DAY;
            // The top-10 share of claimable FLOCK over every account credited (a payer never credited holds none).
            BigDecimal top10 = RewardStats.share(protocol.claimableLargest(Asset.FLOCK, 10).units(),
                    protocol.claimableTotal(Asset.FLOCK).units());
            List<DailyRow> out = new ArrayList<>(launches.size());
            for (Deployed d : launches) {
                boolean exists = exists(d);
                String state = exists ? rmo(d).state().name() : "NOT_OPENED";
                DailyRow.Builder b = DailyRow.builder(day, d.deployment, state).flockUsd(plan.flockUsd(day))
                        .activeUsers(d.active).flockBurned(flockBurnedToday, flockBurned);
                if (exists) {
                    Rmo rmo = rmo(d);
                    b.raised(rmo.raised().minus(rmo.refunded()));
                    b.curvePrice(rmo.params().curve().spotPrice(rmo.position(), PRICE_MC));
                }
                if (graduated(d)) {
                    b.mtSupply(protocol.burns().supplyOf(d.mt));
                    Amount mtBurned = protocol.burns().burnedOf(d.mt);
                    b.mtBurned(mtBurned.minus(d.mtBurnedBefore), mtBurned);
                    d.mtBurnedBefore = mtBurned;
                    ConstantProductPool pool = protocol.pool(d.deployment).orElseThrow();
                    b.pool(pool.reserve(Asset.FLOCK), pool.reserve(d.mt));
                    b.priceImpact(pool.priceImpact(DailyRow.IMPACT_TRADE, PRICE_MC));
                    b.stakedMt(protocol.stakes().totalStaked(d.deployment));
                    concentration(d, b);
                }
                RevenueSplit split = revenue.splits().get(d.deployment);
                if (split != null) {
                    b.revenue(split.gross(), split.net());
                    d.treasury = d.treasury.plus(split.treasury());
                    d.issuerYield = d.issuerYield.plus(split.issuer());
                }
                b.yields(d.treasury, d.issuerYield);
                Amount buyback = Amount.zero(Asset.USD);
                for (BuybackExecution x : protocol.lastBuybacks()) {
                    if (x.poolBefore().other(Asset.FLOCK).equals(d.mt)) {
                        buyback = buyback.plus(x.mtUsdSpent()).plus(x.flockUsdSpent());
                    }
                }
                b.buybackSpent(buyback);
                if (rewardsToday) {
                    Amount paid = Amount.zero(Asset.FLOCK);
                    Amount stakingFlock = Amount.zero(Asset.FLOCK);
                    Amount stakingMt = Amount.zero(d.mt);
                    for (PoolResult p : rewards.pools()) {
                        if (!p.deployment().equals(d.deployment)) {
                            continue;
                        }
                        switch (p.kind()) {
                            case GLOBAL_FLOCK -> paid = paid.plus(p.paid());
                            case FLOCK_INCENTIVE -> stakingFlock = stakingFlock.plus(p.paid());
                            case MT_INCENTIVE -> stakingMt = stakingMt.plus(p.paid());
                            default -> throw new IllegalStateException("unknown pool kind " + p.kind());
                        }
                    }
                    b.emission(rewards.scheduled(), paid, rewards.returnedToReserve());
                    b.staking(stakingFlock, stakingMt);
                } else {
                    Amount scheduledNoRewards = scenario.emission().amount(day * DAY, (day + 1) * DAY);
                    b.emission(scheduledNoRewards, Amount.zero(Asset.FLOCK), scheduledNoRewards);
                }
                b.top10RewardShare(top10);
                b.rejectedActions(rejected);
                out.add(b.build());
            }
            return out;
        }

        /** The top-10 share and HHI of the MT held (in wallets and staked) by the accounts the launch names. */
        private void concentration(Deployed d, DailyRow.Builder b) {
            List<Amount> holdings = new ArrayList<>(d.holders.size());
            BigInteger total = BigInteger.ZERO;
            BigInteger squares = BigInteger.ZERO;
            for (AccountId a : d.holders) {
                Amount h = protocol.balance(a, d.mt).plus(protocol.stakes().stakeOf(a, d.deployment));
                if (h.isPositive()) {
                    holdings.add(h);
                    total = total.add(h.units());
                    squares = squares.add(h.units().multiply(h.units()));
                }
            }
            if (total.signum() == 0) {
                return;
            }
            BigDecimal hhi = new BigDecimal(squares).divide(new BigDecimal(total.multiply(total)),
                    DailyRow.SHARE_SCALE, RoundingMode.DOWN);
            b.mtConcentration(RewardStats.topShare(holdings, TOP_HOLDERS), hhi);
        }
    }

    /**
     * A journal that remembers its own failures, so that the run can tell a journal failure (fatal) from
     * the protocol rejecting a command (counted): both surface as exceptions from the engine.
     */
    private static final class GuardedJournal implements EventJournal {

        private final EventJournal delegate;
        private RuntimeException failure;

        GuardedJournal(EventJournal delegate) {
            this.delegate = delegate;
        }

        void check() {
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public AppendResult append(long expectedSequence, EventId idempotencyKey, List<JournalEntry> batch) {
            try {
                return delegate.append(expectedSequence, idempotencyKey, batch);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public List<JournalRecord> read(long fromSequence, int maxCount) {
            try {
                return delegate.read(fromSequence, maxCount);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long currentSequence() {
            return delegate.currentSequence();
        }
    }
}
