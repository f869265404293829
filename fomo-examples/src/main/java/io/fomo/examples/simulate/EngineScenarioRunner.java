package io.fomo.examples.simulate;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.engine.Command;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.engine.ParameterChange;
import io.fomo.core.engine.ProtocolParameters;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.Rmo;
import io.fomo.core.launch.RmoState;
import io.fomo.core.launch.SupporterPosition;
import io.fomo.core.launch.UnsoldPolicy;
import io.fomo.core.revenue.BuybackExecution;
import io.fomo.core.revenue.BuybackParameters;
import io.fomo.core.revenue.EpochRevenue;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.RevenueSplit;
import io.fomo.core.rewards.EpochResult;
import io.fomo.core.rewards.PoolKind;
import io.fomo.core.rewards.PoolResult;
import io.fomo.meter.MalformedRecordException;
import io.fomo.meter.Meter;
import io.fomo.meter.UsageReader;
import io.fomo.meter.UsageRecord;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.AppendResult;
import io.fomo.spi.Asset;
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
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs a scenario through {@link FomoProtocol}, one epoch per simulated day, with the SPI's in-memory
 * chain gateway, a price feed fed from the scenario's FLOCK price path, and a manual clock.
 *
 * <p>How the scenario becomes commands (docs/scenarios.md has the user's view):
 * <ul>
 *   <li>Genesis is {@link #GENESIS}; day {@code d} starts {@code d} days later and is epoch {@code d}. The
 *       genesis parameters take the scenario's emission schedule, revenue weights and α (α_i and the
 *       buyback bounds keep the SDK defaults), with an emission reserve of exactly what the schedule
 *       emits over the run.</li>
 *   <li>Every command of day {@code d} runs at the day's first second, in this order: the launch's
 *       opening (day 0: the issuer deposits the launch fee and first buy, then opens); settling the raise
 *       once its window has closed (graduate when the min target is met, else close); the day's buys (each
 *       buyer first deposits the FLOCK it lacks); going live once graduated; refunds after a failure; the
 *       day's gmFLOCK locks (FLOCK deposited as needed); the day's stakes; the day's usage once live.</li>
 *   <li>A stake stakes the MT asked for, or all the account holds if it holds less (the issuer first
 *       claims what has vested). A spend of {@code s} USD buys {@code floor(s / price)} units at the user's
 *       discounted price; a spend below one unit's price buys nothing.</li>
 *   <li>At the next day's first second the FLOCK price of the day is quoted and the epoch is closed with
 *       the day's hard costs (once the deployment has graduated).</li>
 *   <li>A command the protocol rejects counts in {@link DailyRow#rejectedActions()}; the run goes on. A
 *       failure of the journal ends the run.</li>
 * </ul>
 *
 * <p>This class is stateless and thread-safe; each run has its own engine.
 */
public final class EngineScenarioRunner implements ScenarioRunner {

    /** The instant the simulated launch opens: day 0, epoch 0 (the FLock blog's example is dated 2026-01-15). */
    public static final Instant GENESIS = Instant.parse("2026-01-15T00:00:00Z");

    private static final long DAY = 86_400L;
    private static final String PRICE_SOURCE = "scenario:flockPrice";

    private final java.util.function.Supplier<io.fomo.spi.ChainGateway> chains;
    /** The real chain of a {@code --chain} run, told of the engine and of each epoch close; else null. */
    private final ChainSession session;

    /** Creates the runner; every run executes its intents on a fresh in-memory ledger. */
    public EngineScenarioRunner() {
        this.chains = InMemoryChainGateway::new;
        this.session = null;
    }

    /**
     * Creates a runner whose runs execute their intents through a given chain gateway, such as a real
     * chain's ({@code fomo simulate --chain}).
     *
     * @param chain the gateway, on which nothing has happened yet
     */
    public EngineScenarioRunner(io.fomo.spi.ChainGateway chain) {
        Objects.requireNonNull(chain, "chain");
        this.chains = () -> chain;
        this.session = null;
    }

    /**
     * Creates a runner whose runs execute their intents on a real chain's session
     * ({@code fomo simulate --chain}): through its gateway, with the graduation's model-token mints executed
     * together, and the cumulative claims roots published to its distributor after each epoch close.
     *
     * @param session the chain session, on which nothing has happened yet
     */
    public EngineScenarioRunner(ChainSession session) {
        this.session = Objects.requireNonNull(session, "session");
        this.chains = session::gateway;
    }

    @Override
    public void validate(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        LaunchParameters launch = launchParameters(scenario);
        InferencePricing pricing = scenario.pricing().toPricing(scenario.launch().mtAsset());
        if (scenario.users().isPresent() && pricing.listPrice().value().signum() == 0) {
            throw scenario.error("$.pricing.listPrice", "expected a positive list price, so that spend buys units; "
                    + "found 0");
        }
        ProtocolParameters genesis;
        try {
            genesis = genesis(scenario);
        } catch (InvalidArgumentException e) {
            throw scenario.error("$.emission", e);
        }
        // The opening is where the engine checks the launch against its state (first-buy cap, fee, ...):
        // run it on a throwaway engine.
        FomoProtocol scratch = FomoProtocol.builder().journal(new InMemoryEventJournal())
                .chainGateway(new InMemoryChainGateway()).priceFeed(new InMemoryPriceFeed())
                .clock(ManualClock.startingAt(GENESIS)).parameters(genesis).autoDispatch(false).build();
        LaunchSettings s = scenario.launch();
        Amount firstBuy = s.firstBuy().orElse(Amount.zero(Asset.FLOCK));
        try {
            Amount deposit = launch.launchFee().plus(firstBuy);
            if (deposit.isPositive()) {
                scratch.submit(EventId.of("validate-deposit"), new Command.Deposit(s.issuer(), deposit));
            }
            scratch.submit(EventId.of("validate-open"),
                    new Command.OpenLaunch(s.deployment(), s.issuer(), launch, pricing, firstBuy));
        } catch (FomoException e) {
            throw scenario.error(launchPath(e.getMessage()), e);
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
            return new Run(scenario, new GuardedJournal(journal), progress, chains.get(), session).play();
        } finally {
            progress.finished();
        }
    }

    // ---- parameters ---------------------------------------------------------------------------

    static LaunchParameters launchParameters(Scenario scenario) {
        LaunchSettings s = scenario.launch();
        try {
            LaunchParameters.Builder b = LaunchParameters.builder().mtAsset(s.mtAsset())
                    .minTarget(s.minTarget()).maxTarget(s.maxTarget());
            LaunchSettings.Curve c = s.curve();
            switch (c.type()) {
                case CONSTANT_PRODUCT:
                    b.constantProductCurve(c.startPrice());
                    break;
                case LINEAR:
                    b.linearCurve(c.startPrice(), c.slope().orElseThrow());
                    break;
                default:
                    b.exponentialCurve(c.startPrice(), c.rate().orElseThrow());
                    break;
            }
            s.launchFee().ifPresent(b::launchFee);
            s.windowDays().ifPresent(d -> b.window(Duration.ofDays(d)));
            s.swapFeeBps().ifPresent(b::swapFeeBps);
            s.creatorFeeBps().ifPresent(b::creatorFeeBps);
            s.totalSupplyTokens().ifPresent(b::totalSupply);
            s.allocation().ifPresent(a -> b.allocationBps(a.sale(), a.liquidity(), a.incentives(), a.issuer(),
                    a.treasury()));
            s.raiseSplit().ifPresent(r -> b.raiseSplitBps(r.liquidity(), r.hosting(), r.staking()));
            s.vesting().ifPresent(v -> b.vesting(Duration.ofDays(v.cliffDays()), Duration.ofDays(v.durationDays())));
            s.poolFeeBps().ifPresent(b::poolFeeBps);
            s.unsoldPolicy().ifPresent(u -> b.unsoldPolicy(UnsoldPolicy.valueOf(u.name())));
            return b.build();
        } catch (FomoException e) {
            throw scenario.error(launchPath(e.getMessage()), e);
        }
    }

    /** The scenario path of a launch field named at the start of a model error ("field = value: reason"). */
    static String launchPath(String message) {
        String field = message == null ? "" : message;
        int eq = field.indexOf(" = ");
        field = eq < 0 ? "" : field.substring(0, eq);
        if (field.startsWith("allocation")) {
            return "$.launch.allocation";
        }
        if (field.startsWith("raise")) {
            return "$.launch.raiseSplit";
        }
        if (field.startsWith("vesting")) {
            return "$.launch.vesting";
        }
        switch (field) {
            case "minTarget":
            case "maxTarget":
            case "launchFee":
            case "swapFeeBps":
            case "creatorFeeBps":
            case "totalSupply":
            case "firstBuy":
            case "poolFeeBps":
                return "$.launch." + field;
            case "window":
                return "$.launch.windowDays";
            case "startPrice":
            case "slope":
            case "rate":
            case "curve":
                return "$.launch.curve";
            default:
                return "$.launch";
        }
    }

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

    /** The state of one run. */
    private static final class Run {

        private final Scenario scenario;
        private final ScenarioPlan plan;
        private final GuardedJournal journal;
        private final ProgressListener progress;
        private final ManualClock clock = ManualClock.startingAt(GENESIS);
        private final InMemoryPriceFeed prices = new InMemoryPriceFeed();
        private final FomoProtocol protocol;
        private final DeploymentId deployment;
        private final AccountId issuer;
        private final Asset mt;
        private final InferencePricing pricing;
        private final LaunchParameters launch;
        private final TreeSet<AccountId> earners = new TreeSet<>();
        private long commandCount;
        private final ChainSession session;
        private int rejected;
        private int liveDay = -1;
        private UsageReader feed;
        private Meter meter;
        private UsageRecord ahead;
        private long logStart;
        private boolean redeemed;
        private Amount treasury = Amount.zero(Asset.USD);
        private Amount issuerYield = Amount.zero(Asset.USD);
        private Amount mtBurnedBefore;
        private Amount flockBurnedBefore = Amount.zero(Asset.FLOCK);

        Run(Scenario scenario, GuardedJournal journal, ProgressListener progress, io.fomo.spi.ChainGateway chain,
                ChainSession session) {
            this.session = session;
            this.scenario = scenario;
            this.plan = ScenarioPlan.of(scenario);
            this.journal = journal;
            this.progress = progress;
            this.deployment = scenario.launch().deployment();
            this.issuer = scenario.launch().issuer();
            this.mt = scenario.launch().mtAsset();
            this.mtBurnedBefore = Amount.zero(mt);
            this.pricing = scenario.pricing().toPricing(mt);
            this.launch = launchParameters(scenario);
            this.protocol = FomoProtocol.builder().journal(journal).chainGateway(chain)
                    .priceFeed(prices).clock(clock).parameters(genesis(scenario)).autoDispatch(false).build();
            if (session != null) {
                session.attach(protocol);
            }
            journal.check();
        }

        SimulationResult play() {
            List<DailyRow> rows = new ArrayList<>(scenario.days());
            for (int day = 0; day < scenario.days(); day++) {
                rejected = 0;
                clock.set(GENESIS.plusSeconds(day * DAY));
                int active = dayCommands(day);
                protocol.dispatch();
                journal.check();
                Instant end = GENESIS.plusSeconds((day + 1) * DAY);
                clock.set(end);
                prices.put(PriceQuote.of(Asset.FLOCK, plan.flockUsd(day), PRICE_SOURCE, end));
                Map<DeploymentId, Amount> costs = graduated() ? Map.of(deployment, scenario.hardCostsPerDay()) : Map.of();
                // Closing the day cannot be refused by a valid scenario; if it is, the run cannot go on.
                commandCount++;
                protocol.submit(EventId.of("sim-" + commandCount), new Command.CloseEpoch(costs));
                protocol.dispatch();
                journal.check();
                if (session != null) {
                    session.epochClosed(protocol);
                }
                rows.add(row(day, active));
                progress.dayDone(day, scenario.days());
            }
            if (feed != null) {
                feed.close();
            }
            TreeMap<AccountId, Amount> rewards = new TreeMap<>();
            for (AccountId a : earners) {
                Amount r = protocol.claimableFlock(a);
                if (r.isPositive()) {
                    rewards.put(a, r);
                }
            }
            return new SimulationResult(rows, rewards, journal.currentSequence(), protocol.stateHash(),
                    protocol.headHash());
        }

        /** Submits a command; a rejection by the protocol is counted, a journal failure ends the run. */
        private boolean submit(Command command) {
            commandCount++;
            try {
                protocol.submit(EventId.of("sim-" + commandCount), command);
                return true;
            } catch (FomoException e) {
                journal.check();
                rejected++;
                return false;
            }
        }

        private Rmo rmo() {
            return protocol.launch(deployment);
        }

        private boolean graduated() {
            return protocol.deployments().contains(deployment) && protocol.pool(deployment).isPresent();
        }

        private int dayCommands(int day) {
            if (day == 0) {
                Amount firstBuy = scenario.launch().firstBuy().orElse(Amount.zero(Asset.FLOCK));
                deposit(issuer, launch.launchFee().plus(firstBuy));
                submit(new Command.OpenLaunch(deployment, issuer, launch, pricing, firstBuy));
            }
            boolean exists = protocol.deployments().contains(deployment);
            if (exists && rmo().state() == RmoState.FUNDRAISING && !clock.now().isBefore(rmo().closesAt().orElseThrow())) {
                if (rmo().raised().compareTo(launch.minTarget()) >= 0) {
                    submit(new Command.Graduate(deployment, issuer));
                } else {
                    submit(new Command.CloseLaunch(deployment, issuer));
                }
            }
            for (SupporterBuy b : plan.supporterBuys(day)) {
                if (exists && rmo().state() == RmoState.FUNDRAISING) {
                    deposit(b.account(), b.flock());
                }
                submit(new Command.Buy(deployment, b.account(), b.flock()));
            }
            if (exists && rmo().state() == RmoState.GRADUATED) {
                submit(new Command.GoLive(deployment, issuer));
            }
            if (exists && rmo().state() == RmoState.LIVE && liveDay < 0) {
                liveDay = day;
            }
            if (exists && rmo().state() == RmoState.FAILED && !redeemed) {
                redeemed = true;
                for (Map.Entry<AccountId, SupporterPosition> s : rmo().supporters().entrySet()) {
                    if (s.getValue().principal().isPositive()) {
                        submit(new Command.Redeem(deployment, s.getKey()));
                    }
                }
            }
            for (LockAction l : plan.locks(day)) {
                deposit(l.account(), l.flock());
                submit(new Command.LockGmFlock(l.account(), l.flock(), l.lockDays()));
            }
            for (StakeAction s : plan.stakes(day)) {
                stake(s);
            }
            int active = 0;
            if (liveDay >= 0 && scenario.usageLog().isPresent()) {
                active = logDay(day - liveDay);
            } else if (liveDay >= 0) {
                TreeSet<AccountId> paid = new TreeSet<>();
                for (UsageSpend u : plan.usage(day - liveDay)) {
                    long units = units(u);
                    if (units > 0 && submit(new Command.RecordUsage(EventId.of("pay-" + day + "-" + u.account().value()),
                            deployment, u.account(), units))) {
                        paid.add(u.account());
                        earners.add(u.account());
                    }
                }
                active = paid.size();
            }
            return active;
        }

        /**
         * Bills the usage log's records of one live day (the log's first UTC day is live day 0), each at its
         * own time of day on the simulation's calendar. The log is read one record ahead, never held whole;
         * a record of an earlier day found later is billed now and counted late by the engine.
         */
        private int logDay(int liveDayIndex) {
            UsageLogSettings log = scenario.usageLog().orElseThrow();
            if (feed == null) {
                try {
                    java.io.InputStream in = java.nio.file.Files.newInputStream(log.file());
                    feed = log.format().isPresent() ? UsageReader.open(log.format().get(), log.file().toString(), in)
                            : UsageReader.openDetecting(log.file().toString(), in);
                    meter = new Meter(protocol, log.models(), log.defaultUser());
                } catch (java.io.IOException e) {
                    throw scenario.error("$.usageLog.file", new java.io.UncheckedIOException(e));
                } catch (FomoException e) {
                    throw scenario.error("$.usageLog.models", e);
                }
                ahead = nextLogRecord();
                if (ahead != null) {
                    logStart = ahead.occurredAt().getEpochSecond() - Math.floorMod(ahead.occurredAt().getEpochSecond(), DAY);
                }
            }
            TreeSet<AccountId> paid = new TreeSet<>();
            Instant dayStart = clock.now();
            while (ahead != null && Math.floorDiv(ahead.occurredAt().getEpochSecond() - logStart, DAY) <= liveDayIndex) {
                UsageRecord r = ahead;
                long second = Math.floorMod(r.occurredAt().getEpochSecond() - logStart, DAY);
                long recordDay = Math.floorDiv(r.occurredAt().getEpochSecond() - logStart, DAY);
                Instant at = dayStart.plusSeconds((recordDay - liveDayIndex) * DAY + second).plusNanos(r.occurredAt().getNano());
                commandCount++;
                try {
                    if (meter.ingest(r.withOccurredAt(at)) == Meter.Outcome.BILLED) {
                        AccountId user = r.user().map(AccountId::of).orElse(scenario.usageLog().get().defaultUser());
                        paid.add(user);
                        earners.add(user);
                    }
                } catch (MalformedRecordException e) {
                    throw scenario.error("$.usageLog.file", e);
                } catch (FomoException e) {
                    journal.check();
                    rejected++;
                }
                ahead = nextLogRecord();
            }
            return paid.size();
        }

        private UsageRecord nextLogRecord() {
            try {
                UsageRecord r = feed.next();
                if (r == null) {
                    feed.close();
                }
                return r;
            } catch (MalformedRecordException e) {
                throw scenario.error("$.usageLog.file", e);
            }
        }

        /** Deposits what an account lacks of an amount of FLOCK. */
        private void deposit(AccountId account, Amount flock) {
            Amount has = protocol.balance(account, Asset.FLOCK);
            if (has.isLessThan(flock)) {
                submit(new Command.Deposit(account, flock.minus(has)));
            }
        }

        private void stake(StakeAction s) {
            if (s.account().equals(issuer) && graduated()) {
                Instant now = clock.now();
                if (rmo().vestingClaimable(now).isPositive()) {
                    submit(new Command.ClaimVested(deployment, issuer));
                }
            }
            Amount held = graduated() ? protocol.balance(s.account(), mt) : Amount.zero(mt);
            Amount amount = held.isPositive() ? s.mt().min(held) : s.mt();
            submit(new Command.Stake(s.account(), deployment, amount));
        }

        private long units(UsageSpend u) {
            BigDecimal price = pricing.priceFor(protocol.stakes().stakeOf(u.account(), deployment)).value();
            if (price.signum() == 0) {
                return 0;
            }
            BigDecimal units = u.spend().value().divide(price, 0, RoundingMode.FLOOR);
            return units.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValueExact();
        }

        private DailyRow row(int day, int active) {
            boolean exists = protocol.deployments().contains(deployment);
            String state = exists ? rmo().state().name() : "NOT_OPENED";
            DailyRow.Builder b = DailyRow.builder(day, state, mt).flockUsd(plan.flockUsd(day)).activeUsers(active);
            if (exists) {
                b.raised(rmo().raised().minus(rmo().refunded()));
            }
            Amount flockBurned = protocol.burns().burnedOf(Asset.FLOCK);
            b.flockBurned(flockBurned.minus(flockBurnedBefore), flockBurned);
            flockBurnedBefore = flockBurned;
            if (graduated()) {
                b.mtSupply(protocol.burns().supplyOf(mt));
                Amount mtBurned = protocol.burns().burnedOf(mt);
                b.mtBurned(mtBurned.minus(mtBurnedBefore), mtBurned);
                mtBurnedBefore = mtBurned;
                ConstantProductPool pool = protocol.pool(deployment).orElseThrow();
                b.pool(pool.reserve(Asset.FLOCK), pool.reserve(mt));
                b.stakedMt(protocol.stakes().totalStaked(deployment));
            }
            EpochRevenue revenue = protocol.lastEpochRevenue().orElseThrow();
            RevenueSplit split = revenue.splits().get(deployment);
            if (split != null) {
                b.revenue(split.gross(), split.net());
                treasury = treasury.plus(split.treasury());
                issuerYield = issuerYield.plus(split.issuer());
            }
            b.yields(treasury, issuerYield);
            Amount buyback = Amount.zero(Asset.USD);
            for (BuybackExecution x : protocol.lastBuybacks()) {
                buyback = buyback.plus(x.mtUsdSpent()).plus(x.flockUsdSpent());
            }
            b.buybackSpent(buyback);
            EpochResult rewards = protocol.lastEpochRewards().orElse(null);
            if (rewards != null && rewards.from() == day * DAY) {
                Amount paid = Amount.zero(Asset.FLOCK);
                for (PoolResult p : rewards.pools()) {
                    if (p.kind() == PoolKind.GLOBAL_FLOCK) {
                        paid = paid.plus(p.paid());
                    }
                }
                b.emission(rewards.scheduled(), paid, rewards.returnedToReserve());
                earners.addAll(rewards.users());
            } else {
                Amount scheduled = scenario.emission().amount(day * DAY, (day + 1) * DAY);
                b.emission(scheduled, Amount.zero(Asset.FLOCK), scheduled);
            }
            List<Amount> earned = new ArrayList<>(earners.size());
            for (AccountId a : earners) {
                earned.add(protocol.claimableFlock(a));
            }
            b.top10RewardShare(RewardStats.topShare(earned, 10));
            b.rejectedActions(rejected);
            return b.build();
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
