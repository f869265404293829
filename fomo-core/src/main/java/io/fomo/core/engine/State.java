package io.fomo.core.engine;

import io.fomo.core.emission.EmissionReserve;
import io.fomo.core.internal.Slots;
import io.fomo.core.revenue.BuybackBook;
import io.fomo.core.revenue.BuybackExecution;
import io.fomo.core.revenue.BurnLedger;
import io.fomo.core.revenue.EpochCalendar;
import io.fomo.core.revenue.EpochRevenue;
import io.fomo.core.revenue.RevenueLedger;
import io.fomo.core.revenue.RevenueRouter;
import io.fomo.core.rewards.CarryOver;
import io.fomo.core.rewards.ClaimLedger;
import io.fomo.core.rewards.EpochResult;
import io.fomo.core.staking.GmFlockBook;
import io.fomo.core.staking.GmFlockTerms;
import io.fomo.core.staking.StakeBook;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.PriceQuote;
import io.fomo.spi.TokenIntent;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The protocol's whole state; its transitions live in one handler per family of commands
 * ({@link LaunchHandler}, {@link UsageHandler}, {@link StakingHandler}, {@link EpochHandler}). Each command
 * is first {@link #prepare prepared}:
 * validated and computed against the current state without changing it (models are immutable; the
 * token books are staged) and emits the facts it decided; only a successful preparation's
 * {@link Prepared#commit()} changes the state, by folding those facts ({@link #evolve}). Replay folds
 * the journaled facts with the same {@link #evolve}; only the audit decides the commands again.
 */
final class State {

    static final Asset REVENUE = Asset.USD;

    final ProtocolParameters genesis;
    final EpochCalendar calendar;
    final GmFlockTerms gmTerms = GmFlockTerms.standard();

    ParameterChange current;
    ParameterChange pending;
    final TreeMap<Long, ParameterChange> history = new TreeMap<>();
    final TreeMap<DeploymentId, Deployment> deployments = new TreeMap<>();
    RevenueLedger revenue;
    BuybackBook buybacks = BuybackBook.empty(REVENUE);
    BurnLedger burns = BurnLedger.empty().withSupply(ProtocolParameters.FLOCK_SUPPLY);
    StakeBook stakes = StakeBook.empty();
    GmFlockBook gm;
    final TreeSet<AccountId> gmOwners = new TreeSet<>();
    EmissionReserve reserve;
    CarryOver carry = CarryOver.empty(Asset.FLOCK);
    ClaimLedger claims = ClaimLedger.empty(Asset.FLOCK);
    /** Every user ever credited a reward; in no order ({@link #sorted} orders it for the hash and snapshots). */
    final Slots<AccountId> rewarded = Slots.empty();
    /**
     * Each user's paid spend per deployment in the open epoch, in the order the users first paid (the close
     * and the hash sort it; a day's calls that come in account order, as a simulation's do, make that sort
     * a single pass).
     */
    TreeMap<DeploymentId, LinkedHashMap<AccountId, Amount>> spend = new TreeMap<>();
    final TokenLedger tokens = new TokenLedger();
    Map<EventId, CommandDigest> seen = new HashMap<>();
    long commands;
    /**
     * Usage batches of at least this many calls are decided in two halves at once (the engine's choice, see
     * {@code FomoProtocol.Builder.secondCore}); the decisions are the same either way. Not part of the state.
     */
    int splitFrom = Integer.MAX_VALUE;
    Instant lastTime;
    EpochRevenue lastRevenue;
    EpochResult lastRewards;
    List<BuybackExecution> lastBuybacks = List.of();
    final List<TokenIntent> genesisIntents;
    final Metering metering = new Metering();
    final List<Fact> genesisFacts;

    /** One handler per family of commands; every command class has exactly one. */
    private final Map<Class<? extends Command>, CommandHandler> handlers;
    private final LaunchHandler launch;
    private final SwapHandler swaps;
    private final UsageHandler usage;
    private final StakingHandler staking;
    private final EpochHandler epochs;

    /** The idempotency key and intent prefix of the genesis batch, in the engine's own namespace. */
    static final EventId GENESIS_KEY = EventId.of(FomoProtocol.ENGINE_PREFIX + "genesis");

    State(ProtocolParameters genesis) {
        this.genesis = genesis;
        this.calendar = EpochCalendar.of(genesis.genesis(), genesis.epochSeconds());
        this.current = genesis.initial();
        this.history.put(0L, current);
        this.revenue = RevenueLedger.builder().calendar(calendar).router(router(current)).build();
        this.gm = GmFlockBook.empty(gmTerms);
        this.reserve = EmissionReserve.of(genesis.emissionReserve());
        this.lastTime = genesis.genesis();
        TokenLedger.Batch b = tokens.batch(GENESIS_KEY);
        b.mint(Accounts.EMISSION_RESERVE, genesis.emissionReserve());
        this.genesisIntents = List.copyOf(b.intents());
        this.genesisFacts = List.copyOf(b.facts());
        this.launch = new LaunchHandler(this);
        this.swaps = new SwapHandler(this);
        this.usage = new UsageHandler(this);
        this.staking = new StakingHandler(this);
        this.epochs = new EpochHandler(this);
        CommandHandler meteringHandler = (id, at, command, quote, batch) ->
                metering.prepare(this, id, at, (Command.Metering) command, batch);
        this.handlers = Map.ofEntries(
                Map.entry(Command.Deposit.class, launch),
                Map.entry(Command.OpenLaunch.class, launch),
                Map.entry(Command.Buy.class, launch),
                Map.entry(Command.Sell.class, launch),
                Map.entry(Command.Graduate.class, launch),
                Map.entry(Command.CloseLaunch.class, launch),
                Map.entry(Command.Redeem.class, launch),
                Map.entry(Command.ClaimVested.class, launch),
                Map.entry(Command.GoLive.class, launch),
                Map.entry(Command.RecordUsage.class, usage),
                Map.entry(Command.RecordUsageBatch.class, usage),
                Map.entry(Command.Stake.class, staking),
                Map.entry(Command.Unstake.class, staking),
                Map.entry(Command.LockGmFlock.class, staking),
                Map.entry(Command.WithdrawGmFlock.class, staking),
                Map.entry(Command.CloseEpoch.class, epochs),
                Map.entry(Command.ClaimRewards.class, epochs),
                Map.entry(Command.ChangeParameters.class, epochs),
                Map.entry(RecordTokenUsage.class, meteringHandler),
                Map.entry(TopUpCredits.class, meteringHandler),
                Map.entry(Swap.class, swaps));
        b.commit();
    }

    static RevenueRouter router(ParameterChange p) {
        return RevenueRouter.of(p.weights(), RoundingMode.DOWN);
    }

    /** The result of preparing one command. */
    static final class Prepared {
        final List<TokenIntent> intents;
        final List<Fact> facts;
        /** What a Buy bought; null for any other command. */
        final io.fomo.core.launch.RmoEvent.Bought bought;
        /** What a Swap paid and received; null for any other command. */
        Fact.Swapped swapped;
        private final Runnable commit;

        Prepared(List<TokenIntent> intents, List<Fact> facts, io.fomo.core.launch.RmoEvent.Bought bought,
                Runnable commit) {
            this.intents = intents;
            this.facts = facts;
            this.bought = bought;
            this.commit = commit;
        }

        void commit() {
            commit.run();
        }
    }

    /** The command classes that have a handler (every permitted one; a test holds it so). */
    java.util.Set<Class<? extends Command>> handledCommands() {
        return handlers.keySet();
    }

    long epoch() {
        return revenue.epoch();
    }

    Deployment deployment(String field, DeploymentId id) {
        Deployment d = deployments.get(id);
        if (d == null) {
            throw InvalidStateException.of(field, id, "no such deployment");
        }
        return d;
    }

    /**
     * Validates and computes a command without changing anything.
     *
     * @param id      the command's id
     * @param at      the command's time
     * @param command the command
     * @param quote   for CloseEpoch: the FLOCK price decided for the buybacks, or null when none
     * @param digest  the digest of the command's canonical payload, kept under its id
     */
    Prepared prepare(EventId id, Instant at, Command command, PriceQuote quote, CommandDigest digest) {
        if (at.isBefore(lastTime)) {
            throw InvalidStateException.of("at", at, "is before the last command's time " + lastTime
                    + " (time cannot go backwards)");
        }
        TokenLedger.Batch b = tokens.batch(id);
        CommandHandler handler = handlers.get(command.getClass());
        if (handler == null) {
            throw InvalidArgumentException.of("command", command, "unknown command");
        }
        // Deciding changes nothing; the commit folds the decided facts into the state with the same code
        // replay uses (evolve), then keeps what only a decision knows (the last close's details).
        Runnable decided = handler.prepare(id, at, command, quote, b);
        List<Fact> facts = List.copyOf(b.facts());
        Prepared prepared = new Prepared(TokenLedger.intentsOf(id, facts), facts, b.bought(), () -> {
            evolve(id, at, command, facts, digest);
            decided.run();
        });
        prepared.swapped = b.swapped();
        return prepared;
    }

    /**
     * Makes room for {@code more} command ids at once before a long catch-up, instead of growing the table
     * of ids step by step (each step rehashes every id seen so far); the ids and their digests are kept.
     */
    void expectCommands(long more) {
        long room = seen.size() + more;
        if (more > 1024 && room < (1 << 28)) {
            Map<EventId, CommandDigest> bigger = new HashMap<>((int) (room * 4 / 3 + 1));
            bigger.putAll(seen);
            seen = bigger;
        }
    }

    /**
     * Folds one command's journaled facts into the state: the one transition of the state, used after
     * deciding (submit) and on replay alike. Decides nothing: every amount comes from the facts (and an
     * {@code open-launch}'s parameters and a {@code record-token-usage}'s token counts from the command
     * they belong to, which hold them as submitted).
     *
     * @throws RuntimeException if a fact does not fit the state (a balance short, an unknown deployment):
     *                          on replay, a malformed journal
     */
    void evolve(EventId id, Instant at, Command command, List<Fact> facts, CommandDigest digest) {
        if (at.isBefore(lastTime)) {
            throw InvalidStateException.of("at", at, "is before the last command's time " + lastTime);
        }
        int n = facts.size();
        for (int i = 0; i < n; i++) {
            Fact f = facts.get(i);
            if (f instanceof Fact.Charged && !(command instanceof RecordTokenUsage)) {
                // A batch of usage calls: its run of charged facts is folded at once.
                int end = i + 1;
                while (end < n && facts.get(end) instanceof Fact.Charged) {
                    end++;
                }
                if (end - i > 1) {
                    usage.evolveAll(at, facts.subList(i, end));
                    i = end - 1;
                    continue;
                }
            }
            apply(id, at, command, f);
        }
        seen.put(id, digest);
        commands++;
        lastTime = at;
    }

    private void apply(EventId id, Instant at, Command command, Fact f) {
        if (tokens.apply(f)) {
            if (command instanceof Swap && f instanceof Fact.Swapped s) {
                // A trade on the secondary market moves the pool's reserves too (a buyback's swaps do not:
                // its buyback-executed fact carries the pool after them).
                swaps.evolve(s);
            }
            return;
        }
        if (f instanceof Fact.LaunchOpened || f instanceof Fact.LaunchBought || f instanceof Fact.LaunchGraduated
                || f instanceof Fact.LaunchFailed || f instanceof Fact.LaunchRedeemed
                || f instanceof Fact.VestingClaimed || f instanceof Fact.LaunchLive) {
            launch.evolve(command, f);
        } else if (f instanceof Fact.Charged c) {
            usage.evolve(at, c);
            if (command instanceof RecordTokenUsage u) {
                metering.metered(this, u, c.amount());
            }
        } else if (f instanceof Fact.CreditsToppedUp || f instanceof Fact.CreditsDeducted
                || f instanceof Fact.ArrearsIncurred || f instanceof Fact.ArrearsSettled) {
            metering.evolve(f);
        } else if (f instanceof Fact.Staked || f instanceof Fact.Unstaked || f instanceof Fact.GmFlockLocked
                || f instanceof Fact.GmFlockWithdrawn) {
            staking.evolve(f);
        } else {
            // The epoch family: closes, rewards, claims and parameters; quotes and deferrals change nothing.
            epochs.evolve(f);
        }
    }

    /** The accounts in code-point order, for what must list them in a fixed order (the hash, snapshots). */
    static List<AccountId> sorted(Collection<AccountId> accounts) {
        AccountId[] a = accounts.toArray(new AccountId[0]);
        java.util.Arrays.sort(a);
        return List.of(a);
    }

    /** A deployment's spend in the open epoch by account in code-point order; empty if it has none. */
    TreeMap<AccountId, Amount> sortedSpend(DeploymentId deployment) {
        Map<AccountId, Amount> users = spend.get(deployment);
        return users == null ? new TreeMap<>() : new TreeMap<>(users);
    }

    static void positive(String field, Amount amount) {
        if (!amount.isPositive()) {
            throw InvalidArgumentException.of(field, amount, "must be positive");
        }
    }

    static void requireAsset(String field, Amount amount, Asset asset) {
        if (!amount.asset().equals(asset)) {
            throw new io.fomo.spi.AssetMismatchException(field, asset, amount.asset());
        }
    }

    static void requireBalance(TokenLedger.Batch b, String field, AccountId account, Amount amount) {
        Amount has = b.balance(account, amount.asset());
        if (has.isLessThan(amount)) {
            throw io.fomo.spi.InsufficientLiquidityException.of(field, amount, "account " + account + " holds only " + has);
        }
    }

    Deployment graduated(DeploymentId id) {
        Deployment d = deployment("deployment", id);
        if (!d.hasPool()) {
            throw InvalidStateException.of("deployment", id, "has not graduated (state " + d.rmo.state() + ")");
        }
        return d;
    }
}
