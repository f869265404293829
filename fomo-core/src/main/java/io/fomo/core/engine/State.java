package io.fomo.core.engine;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.emission.AlphaSchedule;
import io.fomo.core.emission.EmissionReserve;
import io.fomo.core.launch.Graduation;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.Rmo;
import io.fomo.core.launch.RmoAction;
import io.fomo.core.launch.RmoEvent;
import io.fomo.core.launch.SupporterPosition;
import io.fomo.core.launch.Transition;
import io.fomo.core.revenue.BuybackBook;
import io.fomo.core.revenue.BuybackBudget;
import io.fomo.core.revenue.BuybackExecution;
import io.fomo.core.revenue.Buybacks;
import io.fomo.core.revenue.BurnLedger;
import io.fomo.core.revenue.EpochCalendar;
import io.fomo.core.revenue.EpochRevenue;
import io.fomo.core.revenue.RevenueLedger;
import io.fomo.core.revenue.RevenueRouter;
import io.fomo.core.revenue.RevenueSplit;
import io.fomo.core.revenue.UsageCharge;
import io.fomo.core.revenue.UsagePayment;
import io.fomo.core.rewards.CarryOver;
import io.fomo.core.rewards.ClaimLedger;
import io.fomo.core.rewards.EpochDistributor;
import io.fomo.core.rewards.EpochResult;
import io.fomo.core.rewards.EpochUsage;
import io.fomo.core.rewards.PoolKind;
import io.fomo.core.rewards.PoolResult;
import io.fomo.core.rewards.RewardParams;
import io.fomo.core.staking.GmFlockBook;
import io.fomo.core.staking.GmFlockLock;
import io.fomo.core.staking.GmFlockTerms;
import io.fomo.core.staking.StakeBook;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.LimitExceededException;
import io.fomo.spi.PriceQuote;
import io.fomo.spi.TokenIntent;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The protocol's whole state and its transitions. Each command is first {@link #prepare prepared}:
 * validated and computed against the current state without changing it (models are immutable; the
 * token books and the claim ledger are staged on copies); only a successful preparation's
 * {@link Prepared#commit()} changes the state. Replay runs the same code over the journaled commands.
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
    final TreeSet<AccountId> rewarded = new TreeSet<>();
    TreeMap<DeploymentId, TreeMap<AccountId, Amount>> spend = new TreeMap<>();
    final TokenLedger tokens = new TokenLedger();
    final Map<EventId, CommandDigest> seen = new HashMap<>();
    long commands;
    Instant lastTime;
    EpochRevenue lastRevenue;
    EpochResult lastRewards;
    List<BuybackExecution> lastBuybacks = List.of();
    final List<TokenIntent> genesisIntents;
    final List<Fact> genesisFacts;

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
        b.commit();
    }

    private static RevenueRouter router(ParameterChange p) {
        return RevenueRouter.of(p.weights(), RoundingMode.DOWN);
    }

    /** The result of preparing one command. */
    static final class Prepared {
        final List<TokenIntent> intents;
        final List<Fact> facts;
        private final Runnable commit;

        Prepared(List<TokenIntent> intents, List<Fact> facts, Runnable commit) {
            this.intents = intents;
            this.facts = facts;
            this.commit = commit;
        }

        void commit() {
            commit.run();
        }
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
        Runnable commit;
        if (command instanceof Command.Deposit c) {
            Accounts.user("account", c.account());
            if (!c.amount().asset().equals(Asset.FLOCK)) {
                throw InvalidArgumentException.of("amount", c.amount(), "deposits are of FLOCK");
            }
            positive("amount", c.amount());
            b.mint(c.account(), c.amount());
            commit = () -> { };
        } else if (command instanceof Command.OpenLaunch c) {
            commit = openLaunch(c, at, b);
        } else if (command instanceof Command.Buy c) {
            Accounts.user("buyer", c.buyer());
            requireBalance(b, "gross", c.buyer(), c.gross());
            commit = rmoAction(c.deployment(), new RmoAction.Buy(c.buyer(), c.gross()), at, b);
        } else if (command instanceof Command.Sell c) {
            commit = rmoAction(c.deployment(), new RmoAction.Sell(c.seller(), c.amount()), at, b);
        } else if (command instanceof Command.Graduate c) {
            commit = rmoAction(c.deployment(), new RmoAction.Graduate(c.actor()), at, b);
        } else if (command instanceof Command.CloseLaunch c) {
            commit = rmoAction(c.deployment(), new RmoAction.Close(c.actor()), at, b);
        } else if (command instanceof Command.Redeem c) {
            commit = rmoAction(c.deployment(), new RmoAction.Redeem(c.supporter()), at, b);
        } else if (command instanceof Command.ClaimVested c) {
            commit = rmoAction(c.deployment(), new RmoAction.ClaimVested(c.issuer()), at, b);
        } else if (command instanceof Command.GoLive c) {
            commit = rmoAction(c.deployment(), new RmoAction.GoLive(c.actor()), at, b);
        } else if (command instanceof Command.RecordUsage c) {
            commit = recordUsage(c, at, b);
        } else if (command instanceof Command.Stake c) {
            Accounts.user("user", c.user());
            Deployment d = graduated(c.deployment());
            StakeBook next = stakes.stake(c.user(), c.deployment(), c.amount());
            requireAsset("amount", c.amount(), d.rmo.params().mtAsset());
            b.transfer("amount", c.user(), Accounts.STAKING, c.amount());
            commit = () -> stakes = next;
        } else if (command instanceof Command.Unstake c) {
            Accounts.user("user", c.user());
            graduated(c.deployment());
            StakeBook next = stakes.unstake(c.user(), c.deployment(), c.amount());
            b.transfer("amount", Accounts.STAKING, c.user(), c.amount());
            commit = () -> stakes = next;
        } else if (command instanceof Command.LockGmFlock c) {
            Accounts.user("user", c.user());
            GmFlockBook next = gm.lock(id, c.user(), c.amount(), c.lockDays(), at);
            GmFlockLock lock = next.lockOf(id);
            b.transfer("amount", c.user(), Accounts.GMFLOCK, c.amount());
            b.mint(c.user(), lock.gmFlock());
            commit = () -> {
                gm = next;
                gmOwners.add(c.user());
            };
        } else if (command instanceof Command.WithdrawGmFlock c) {
            Accounts.user("user", c.user());
            GmFlockBook.Withdrawn w = gm.withdraw(c.lockId(), c.user(), at);
            b.transfer("returned", Accounts.GMFLOCK, c.user(), w.withdrawal().returned());
            b.transfer("fee", Accounts.GMFLOCK, Accounts.PLATFORM, w.withdrawal().fee());
            b.burn("gmFlock", c.user(), w.withdrawal().gmFlockBurned());
            commit = () -> gm = w.book();
        } else if (command instanceof Command.CloseEpoch c) {
            commit = closeEpoch(c, at, quote, b);
        } else if (command instanceof Command.ClaimRewards c) {
            commit = claim(c.user(), b);
        } else if (command instanceof Command.ChangeParameters c) {
            commit = () -> pending = c.change();
        } else {
            throw InvalidArgumentException.of("command", command, "unknown command");
        }
        return new Prepared(List.copyOf(b.intents()), List.copyOf(b.facts()), () -> {
            commit.run();
            b.commit();
            seen.put(id, digest);
            commands++;
            lastTime = at;
        });
    }

    private static void positive(String field, Amount amount) {
        if (!amount.isPositive()) {
            throw InvalidArgumentException.of(field, amount, "must be positive");
        }
    }

    private static void requireAsset(String field, Amount amount, Asset asset) {
        if (!amount.asset().equals(asset)) {
            throw new io.fomo.spi.AssetMismatchException(field, asset, amount.asset());
        }
    }

    private static void requireBalance(TokenLedger.Batch b, String field, AccountId account, Amount amount) {
        Amount has = b.balance(account, amount.asset());
        if (has.isLessThan(amount)) {
            throw io.fomo.spi.InsufficientLiquidityException.of(field, amount, "account " + account + " holds only " + has);
        }
    }

    private Deployment graduated(DeploymentId id) {
        Deployment d = deployment("deployment", id);
        if (!d.hasPool()) {
            throw InvalidStateException.of("deployment", id, "has not graduated (state " + d.rmo.state() + ")");
        }
        return d;
    }

    private Runnable openLaunch(Command.OpenLaunch c, Instant at, TokenLedger.Batch b) {
        Accounts.user("issuer", c.issuer());
        if (deployments.containsKey(c.deployment())) {
            throw InvalidStateException.of("deployment", c.deployment(), "already exists");
        }
        LaunchParameters p = c.parameters();
        Asset mt = Asset.modelToken(c.deployment());
        if (!p.mtAsset().equals(mt)) {
            throw InvalidArgumentException.of("parameters.mtAsset", p.mtAsset(), "must be " + mt + " for deployment "
                    + c.deployment());
        }
        if (!c.pricing().tiers().stakeAsset().equals(mt)) {
            throw InvalidArgumentException.of("pricing.tiers.stakeAsset", c.pricing().tiers().stakeAsset(), "must be " + mt);
        }
        if (!c.pricing().listPrice().quote().equals(REVENUE)) {
            throw InvalidArgumentException.of("pricing.listPrice", c.pricing().listPrice(), "must be quoted in " + REVENUE);
        }
        requireBalance(b, "launchFee + firstBuy", c.issuer(), c.firstBuy().plus(p.launchFee()));
        Deployment fresh = new Deployment(c.deployment(), Rmo.create(p, c.issuer()), c.pricing(), null, -1,
                Amount.zero(Asset.FLOCK), Amount.zero(mt));
        Transition t = fresh.rmo.apply(new RmoAction.Open(c.issuer(), c.firstBuy()), at);
        return applyRmo(fresh, t, b);
    }

    private Runnable rmoAction(DeploymentId id, RmoAction action, Instant at, TokenLedger.Batch b) {
        Deployment d = deployment("deployment", id);
        Transition t = d.rmo.apply(action, at);
        return applyRmo(d, t, b);
    }

    /** Books the token movements of an RMO transition and returns how to commit it. */
    private Runnable applyRmo(Deployment d, Transition t, TokenLedger.Batch b) {
        Deployment next = d.withRmo(t.rmo());
        RevenueLedger nextRevenue = revenue;
        BurnLedger nextBurns = burns;
        for (RmoEvent e : t.events()) {
            if (e instanceof RmoEvent.Opened o) {
                b.transfer("launchFee", o.issuer(), Accounts.PLATFORM, o.launchFee());
            } else if (e instanceof RmoEvent.Bought o) {
                b.transfer("gross", o.buyer(), d.escrow(), o.net());
                b.transfer("gross", o.buyer(), Accounts.PLATFORM, o.platformFee());
                b.transfer("gross", o.buyer(), d.rmo.issuer(), o.creatorFee());
            } else if (e instanceof RmoEvent.Redeemed o) {
                b.transfer("refund", d.escrow(), o.supporter(), o.amount());
            } else if (e instanceof RmoEvent.VestingClaimed o) {
                b.transfer("vested", d.vesting(), o.issuer(), o.amount());
            } else if (e instanceof RmoEvent.Graduated o) {
                Graduation g = o.graduation();
                Amount minted = Amount.zero(g.minted().asset());
                for (Map.Entry<AccountId, SupporterPosition> s : t.rmo().supporters().entrySet()) {
                    b.mint(s.getKey(), s.getValue().mt());
                    minted = minted.plus(s.getValue().mt());
                }
                b.mint(d.poolAccount(), g.poolMt());
                b.mint(d.incentives(), g.incentives());
                b.mint(d.vesting(), g.issuer());
                b.mint(Accounts.TREASURY, g.treasury());
                b.mint(d.escrow(), g.burned());
                b.burn("unsold", d.escrow(), g.burned());
                minted = minted.plus(g.poolMt()).plus(g.incentives()).plus(g.issuer()).plus(g.treasury()).plus(g.burned());
                if (!minted.equals(g.minted())) {
                    throw new IllegalStateException("graduation of " + d.id + " accounts for " + minted + " of "
                            + g.minted());
                }
                Amount liquidity = g.flockSplit().get(Graduation.LIQUIDITY);
                b.transfer("liquidity", d.escrow(), d.poolAccount(), g.poolFlock());
                b.transfer("liquidity", d.escrow(), Accounts.TREASURY, liquidity.minus(g.poolFlock()));
                b.transfer("hosting", d.escrow(), d.hosting(), g.flockSplit().get(Graduation.HOSTING_RESERVE));
                Amount staking = g.flockSplit().get(Graduation.STAKING_INCENTIVES);
                b.transfer("staking", d.escrow(), d.stakingBudget(), staking);
                long n = genesis.incentiveEpochs();
                next = next.graduated(t.rmo(), g.pool(), revenue.epoch(),
                        staking.dividedBy(java.math.BigDecimal.valueOf(n), RoundingMode.DOWN),
                        g.incentives().dividedBy(java.math.BigDecimal.valueOf(n), RoundingMode.DOWN));
                nextRevenue = nextRevenue.register(d.id);
                nextBurns = nextBurns.withSupply(g.minted());
                if (g.burned().isPositive()) {
                    nextBurns = nextBurns.burn(revenue.epoch(), d.id, g.burned());
                }
            }
        }
        Deployment committed = next;
        RevenueLedger r = nextRevenue;
        BurnLedger bl = nextBurns;
        return () -> {
            deployments.put(committed.id, committed);
            revenue = r;
            burns = bl;
        };
    }

    private Runnable recordUsage(Command.RecordUsage c, Instant at, TokenLedger.Batch b) {
        Accounts.user("user", c.user());
        Deployment d = graduated(c.deployment());
        if (c.units() <= 0) {
            throw InvalidArgumentException.of("units", c.units(), "must be positive");
        }
        UsageCharge charge = d.pricing.charge(c.units(), stakes.stakeOf(c.user(), c.deployment()));
        RevenueLedger next = revenue.record(UsagePayment.of(c.paymentId(), c.deployment(), c.user(), charge.amount(), at));
        b.fact(new Fact.Charged(c.paymentId(), c.deployment(), c.user(), charge.amount()));
        return () -> {
            revenue = next;
            spend.computeIfAbsent(c.deployment(), k -> new TreeMap<>()).merge(c.user(), charge.amount(), Amount::plus);
        };
    }

    private Runnable closeEpoch(Command.CloseEpoch c, Instant at, PriceQuote quote, TokenLedger.Batch b) {
        long epoch = revenue.epoch();
        Instant end = calendar.start(epoch + 1);
        if (at.isBefore(end)) {
            throw InvalidStateException.of("at", at, "epoch " + epoch + " is open until " + end);
        }
        EpochRevenue er = revenue.closeEpoch(c.hardCosts());
        b.fact(new Fact.EpochClosed(epoch));
        if (quote != null) {
            b.fact(new Fact.Quoted(quote.price(), quote.source(), quote.timestamp()));
        }
        for (Map.Entry<DeploymentId, RevenueSplit> s : er.splits().entrySet()) {
            b.mint(Accounts.TREASURY, s.getValue().treasury());
            b.mint(deployments.get(s.getKey()).rmo.issuer(), s.getValue().issuer());
        }
        // Buybacks: what the price and the slippage bound allow now; the rest waits for the next epoch.
        BuybackBook book = buybacks.credit(er);
        BurnLedger nextBurns = burns;
        TreeMap<DeploymentId, Deployment> nextDeployments = new TreeMap<>();
        List<BuybackExecution> executions = new ArrayList<>();
        for (Deployment d : deployments.values()) {
            if (!d.hasPool()) {
                continue;
            }
            BuybackBudget budget = book.budgetOf(d.id);
            if (quote == null || budget.total().isZero()) {
                continue;
            }
            BuybackExecution x = Buybacks.execute(budget, d.pool, quote, at, current.buyback());
            book = book.apply(x);
            nextBurns = nextBurns.record(epoch, x);
            executions.add(x);
            nextDeployments.put(d.id, d.withPool(x.poolAfter()));
            b.mint(Accounts.BUYBACK, x.flockForMt().plus(x.flockBought()));
            if (x.flockForMt().isPositive() && x.mtBought().isPositive()) {
                b.swap(Accounts.BUYBACK, d.poolAccount(), x.flockForMt(), x.mtBought());
            }
            b.burn("mtBought", Accounts.BUYBACK, x.mtBought());
            b.burn("flockBought", Accounts.BUYBACK, x.flockBought());
        }
        // Emissions and rewards over the graduated deployments.
        EpochUsage.Builder ub = EpochUsage.builder(REVENUE, Asset.FLOCK);
        boolean any = false;
        for (Deployment d : deployments.values()) {
            if (!d.hasPool()) {
                continue;
            }
            any = true;
            RevenueSplit split = er.splits().get(d.id);
            Amount net = split == null ? Amount.zero(REVENUE) : split.net();
            long ageDays = (epoch - d.graduatedEpoch) * genesis.epochSeconds() / EpochCalendar.DAY_SECONDS;
            Amount fi = d.flockIncentivePerEpoch.min(b.balance(d.stakingBudget(), Asset.FLOCK));
            Amount mi = d.mtIncentivePerEpoch.min(b.balance(d.incentives(), d.mtIncentivePerEpoch.asset()));
            ub.deployment(d.id, net, ageDays, fi, mi);
            TreeMap<AccountId, Amount> users = spend.get(d.id);
            if (users != null) {
                for (Map.Entry<AccountId, Amount> u : users.entrySet()) {
                    ub.usage(d.id, u.getKey(), u.getValue(), stakes.stakeOf(u.getKey(), d.id));
                }
            }
        }
        EpochResult result = null;
        EmissionReserve nextReserve = reserve;
        CarryOver nextCarry = carry;
        if (any) {
            RewardParams params = RewardParams.builder(genesis.emission())
                    .alpha(AlphaSchedule.constant(current.alpha()))
                    .alphaIncentive(AlphaSchedule.constant(current.alphaIncentive())).build();
            long from = epoch * genesis.epochSeconds();
            result = EpochDistributor.close(params, carry, ub.build(), from, from + genesis.epochSeconds());
            if (nextReserve.balance().isLessThan(result.scheduled())) {
                throw LimitExceededException.of("emissionReserve", nextReserve.balance(),
                        "cannot fund the " + result.scheduled() + " scheduled for epoch " + epoch);
            }
            nextReserve = nextReserve.release(result.scheduled()).giveBack(result.returnedToReserve());
            b.transfer("scheduled", Accounts.EMISSION_RESERVE, Accounts.REWARDS, result.scheduled());
            b.transfer("returned", Accounts.REWARDS, Accounts.EMISSION_RESERVE, result.returnedToReserve());
            for (PoolResult pool : result.pools()) {
                Deployment d = deployments.get(pool.deployment());
                if (pool.kind() == PoolKind.FLOCK_INCENTIVE) {
                    b.transfer("incentive", d.stakingBudget(), Accounts.REWARDS, pool.fresh());
                    b.transfer("incentive", Accounts.REWARDS, d.stakingBudget(), pool.returned());
                } else if (pool.kind() == PoolKind.MT_INCENTIVE) {
                    b.transfer("incentive", d.incentives(), Accounts.REWARDS, pool.fresh());
                    b.transfer("incentive", Accounts.REWARDS, d.incentives(), pool.returned());
                }
            }
            // The claims are credited in place at commit (no copy of every earner's balance per epoch);
            // the one check ClaimLedger.credit makes is made here, so the commit cannot fail.
            Amount.zero(Asset.FLOCK).requireSameAsset("epoch.rewardAsset", result.totalFlockPaid());
            nextCarry = result.carryOver();
        }
        BuybackBook nextBook = book;
        BurnLedger bl = nextBurns;
        EpochResult r = result;
        EmissionReserve res = nextReserve;
        CarryOver co = nextCarry;
        return () -> {
            if (r != null) {
                claims.credit(r);
            }
            revenue = er.ledger();
            buybacks = nextBook;
            burns = bl;
            deployments.putAll(nextDeployments);
            reserve = res;
            carry = co;
            if (r != null) {
                rewarded.addAll(r.users());
            }
            lastRevenue = er;
            lastRewards = r;
            lastBuybacks = List.copyOf(executions);
            spend = new TreeMap<>();
            if (pending != null) {
                current = pending;
                history.put(epoch + 1, pending);
                pending = null;
                revenue = revenue.withRouter(router(current));
            }
        };
    }

    private Runnable claim(AccountId user, TokenLedger.Batch b) {
        Accounts.user("user", user);
        ClaimLedger next = claims.copy();
        boolean any = false;
        if (next.flockBalance(user).isPositive()) {
            b.transfer("flock", Accounts.REWARDS, user, next.claimFlock(user));
            any = true;
        }
        for (DeploymentId d : deployments.keySet()) {
            if (next.mtBalance(user, d).isPositive()) {
                b.transfer("mt", Accounts.REWARDS, user, next.claimMt(user, d));
                any = true;
            }
        }
        if (!any) {
            throw InvalidStateException.of("user", user, "has no rewards to claim");
        }
        return () -> claims = next;
    }
}
