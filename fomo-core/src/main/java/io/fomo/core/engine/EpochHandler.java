package io.fomo.core.engine;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.emission.AlphaSchedule;
import io.fomo.core.emission.EmissionReserve;
import io.fomo.core.revenue.BuybackBook;
import io.fomo.core.revenue.BuybackBudget;
import io.fomo.core.revenue.BuybackExecution;
import io.fomo.core.revenue.BuybackStatus;
import io.fomo.core.revenue.Buybacks;
import io.fomo.core.revenue.BurnLedger;
import io.fomo.core.revenue.EpochCalendar;
import io.fomo.core.revenue.EpochRevenue;
import io.fomo.core.revenue.RevenueSplit;
import io.fomo.core.rewards.CarryOver;
import io.fomo.core.rewards.ClaimLedger;
import io.fomo.core.rewards.EpochDistributor;
import io.fomo.core.rewards.EpochResult;
import io.fomo.core.rewards.EpochUsage;
import io.fomo.core.rewards.PoolKind;
import io.fomo.core.rewards.PoolResult;
import io.fomo.core.rewards.RewardParams;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.LimitExceededException;
import io.fomo.spi.PriceQuote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The epoch-close family: closing an epoch (revenue routing, buybacks and burns, emissions and rewards,
 * parameter changes taking effect), claiming rewards, and scheduling a parameter change.
 */
final class EpochHandler implements CommandHandler {

    private final State state;

    EpochHandler(State state) {
        this.state = state;
    }

    @Override
    public Runnable prepare(EventId id, Instant at, Command command, PriceQuote quote, TokenLedger.Batch b) {
        if (command instanceof Command.CloseEpoch c) {
            return closeEpoch(c, at, quote, b);
        } else if (command instanceof Command.ClaimRewards c) {
            return claim(c.user(), b);
        } else if (command instanceof Command.ChangeParameters c) {
            b.fact(new Fact.ParametersScheduled(c.change()));
            return () -> { };
        }
        throw InvalidArgumentException.of("command", command, "not an epoch command");
    }

    private Runnable closeEpoch(Command.CloseEpoch c, Instant at, PriceQuote quote, TokenLedger.Batch b) {
        long epoch = state.revenue.epoch();
        Instant end = state.calendar.start(epoch + 1);
        if (at.isBefore(end)) {
            throw InvalidStateException.of("at", at, "epoch " + epoch + " is open until " + end);
        }
        EpochRevenue er = state.revenue.closeEpoch(c.hardCosts());
        b.fact(new Fact.EpochClosed(epoch));
        if (quote != null) {
            b.fact(new Fact.Quoted(quote.price(), quote.source(), quote.timestamp()));
        }
        for (Map.Entry<DeploymentId, RevenueSplit> s : er.splits().entrySet()) {
            RevenueSplit r = s.getValue();
            b.fact(new Fact.RevenueRouted(s.getKey(), r.gross(), r.hardCosts(), r.costsCovered(), r.net(),
                    r.mtBuyback(), r.flockBuyback(), r.treasury(), r.issuer(), r.treasuryDust()));
            b.mint(Accounts.TREASURY, s.getValue().treasury());
            b.mint(state.deployments.get(s.getKey()).rmo.issuer(), s.getValue().issuer());
        }
        // Buybacks: what the price and the slippage bound allow now; the rest waits for the next epoch.
        BuybackBook book = state.buybacks.credit(er);
        BurnLedger nextBurns = state.burns;
        List<BuybackExecution> executions = new ArrayList<>();
        Amount bookedFlock = state.tokens.supply(Asset.FLOCK);
        for (Deployment d : state.deployments.values()) {
            if (!d.hasPool()) {
                continue;
            }
            BuybackBudget budget = book.budgetOf(d.id);
            if (budget.total().isZero()) {
                continue;
            }
            if (quote == null) {
                // No price (none known, or the feed failed): the budget waits, and the journal says why.
                b.fact(new Fact.BuybackDeferred(d.id, Fact.BuybackDeferred.NO_PRICE));
                continue;
            }
            // A buyback never fails the close: what the price, the pool or the supply cannot absorb waits.
            // FLOCK outside the books is all a buyback can take out of circulation: the MT leg pays FLOCK
            // into the pool (onto the books), the FLOCK leg burns FLOCK (off the supply).
            Amount exists = nextBurns.supplyOf(Asset.FLOCK);
            Amount room = exists.isGreaterThan(bookedFlock) ? exists.minus(bookedFlock) : Amount.zero(Asset.FLOCK);
            BuybackExecution x;
            BurnLedger burned;
            try {
                x = Buybacks.execute(budget, d.pool, quote, at, state.current.buyback(), room);
                burned = nextBurns.record(epoch, x);
            } catch (FomoException | ArithmeticException e) {
                b.fact(new Fact.BuybackDeferred(d.id, Fact.BuybackDeferred.UNPRICEABLE));
                continue;
            }
            if (x.status() == BuybackStatus.DEFERRED_STALE_PRICE) {
                b.fact(new Fact.BuybackDeferred(d.id, Fact.BuybackDeferred.STALE_PRICE));
            } else if (x.status() == BuybackStatus.DEFERRED_PRICE_OUT_OF_BAND) {
                b.fact(new Fact.BuybackDeferred(d.id, Fact.BuybackDeferred.PRICE_OUT_OF_BAND));
            } else if (needs(budget, quote).compareTo(room.value()) > 0) {
                // Part or all of the budget waits for FLOCK to be there to buy.
                b.fact(new Fact.BuybackDeferred(d.id, Fact.BuybackDeferred.SUPPLY));
            }
            bookedFlock = bookedFlock.plus(x.flockForMt());
            book = book.apply(x);
            nextBurns = burned;
            executions.add(x);
            ConstantProductPool after = x.poolAfter();
            b.fact(new Fact.BuybackExecuted(d.id, epoch, x.mtUsdSpent(), x.flockForMt(), x.mtBought(),
                    x.flockUsdSpent(), x.flockBought(), x.budgetAfter().mtBudget(), x.budgetAfter().flockBudget(),
                    after.reserve(Asset.FLOCK), after.reserve(d.rmo.params().mtAsset())));
            b.mint(Accounts.BUYBACK, x.flockForMt().plus(x.flockBought()));
            if (x.flockForMt().isPositive() && x.mtBought().isPositive()) {
                b.swap(Accounts.BUYBACK, d.poolAccount(), x.flockForMt(), x.mtBought());
            }
            b.burn("mtBought", Accounts.BUYBACK, x.mtBought());
            b.burn("flockBought", Accounts.BUYBACK, x.flockBought());
        }
        // Emissions and rewards over the graduated deployments.
        EpochUsage.Builder ub = EpochUsage.builder(State.REVENUE, Asset.FLOCK);
        boolean any = false;
        for (Deployment d : state.deployments.values()) {
            if (!d.hasPool()) {
                continue;
            }
            any = true;
            RevenueSplit split = er.splits().get(d.id);
            Amount net = split == null ? Amount.zero(State.REVENUE) : split.net();
            long ageDays = (epoch - d.graduatedEpoch) * state.genesis.epochSeconds() / EpochCalendar.DAY_SECONDS;
            Amount fi = d.flockIncentivePerEpoch.min(b.balance(d.stakingBudget(), Asset.FLOCK));
            Amount mi = d.mtIncentivePerEpoch.min(b.balance(d.incentives(), d.mtIncentivePerEpoch.asset()));
            ub.deployment(d.id, net, ageDays, fi, mi);
            Map<AccountId, Amount> users = state.spend.get(d.id);
            if (users != null) {
                for (Map.Entry<AccountId, Amount> u : users.entrySet()) {
                    ub.usage(d.id, u.getKey(), u.getValue(), state.stakes.stakeOf(u.getKey(), d.id));
                }
            }
        }
        EpochResult result = null;
        EmissionReserve reserve = state.reserve;
        if (any) {
            RewardParams params = RewardParams.builder(state.genesis.emission())
                    .alpha(AlphaSchedule.constant(state.current.alpha()))
                    .alphaIncentive(AlphaSchedule.constant(state.current.alphaIncentive())).build();
            long from = epoch * state.genesis.epochSeconds();
            result = EpochDistributor.close(params, state.carry, ub.build(), from, from + state.genesis.epochSeconds());
            if (reserve.balance().isLessThan(result.scheduled())) {
                throw LimitExceededException.of("emissionReserve", reserve.balance(),
                        "cannot fund the " + result.scheduled() + " scheduled for epoch " + epoch);
            }
            reserve.release(result.scheduled()).giveBack(result.returnedToReserve());
            b.fact(new Fact.EmissionReleased(epoch, result.scheduled(), result.returnedToReserve()));
            b.transfer("scheduled", Accounts.EMISSION_RESERVE, Accounts.REWARDS, result.scheduled());
            b.transfer("returned", Accounts.REWARDS, Accounts.EMISSION_RESERVE, result.returnedToReserve());
            for (PoolResult pool : result.pools()) {
                Deployment d = state.deployments.get(pool.deployment());
                if (pool.kind() == PoolKind.FLOCK_INCENTIVE) {
                    b.transfer("incentive", d.stakingBudget(), Accounts.REWARDS, pool.fresh());
                    b.transfer("incentive", Accounts.REWARDS, d.stakingBudget(), pool.returned());
                } else if (pool.kind() == PoolKind.MT_INCENTIVE) {
                    b.transfer("incentive", d.incentives(), Accounts.REWARDS, pool.fresh());
                    b.transfer("incentive", Accounts.REWARDS, d.incentives(), pool.returned());
                }
            }
            Amount.zero(Asset.FLOCK).requireSameAsset("epoch.rewardAsset", result.totalFlockPaid());
            result.forEachPayout((dep, user, flock, mt) -> b.fact(new Fact.RewardCredited(dep, user, flock, mt)));
            CarryOver carry = result.carryOver();
            List<Fact.PoolDust> dust = new ArrayList<>();
            for (DeploymentId dep : carry.deployments()) {
                for (PoolKind kind : PoolKind.values()) {
                    carry.dust(dep, kind).ifPresent(a -> dust.add(new Fact.PoolDust(dep, kind, a)));
                }
            }
            b.fact(new Fact.DustCarried(carry.global(), dust));
        }
        if (state.pending != null) {
            b.fact(new Fact.ParametersActivated(epoch + 1));
        }
        EpochResult r = result;
        // Only what a decision knows (the last close's details, for reports): the state is the facts' fold.
        return () -> {
            state.lastRevenue = er;
            state.lastRewards = r;
            state.lastBuybacks = List.copyOf(executions);
        };
    }

    /** Folds one fact of the epoch family into the state (after deciding and on replay alike). */
    void evolve(Fact f) {
        if (f instanceof Fact.EpochClosed c) {
            if (c.epoch() != state.revenue.epoch()) {
                throw new IllegalStateException("epoch " + c.epoch() + " closed while " + state.revenue.epoch()
                        + " is open");
            }
            state.revenue = state.revenue.advance();
            state.spend = new TreeMap<>();
        } else if (f instanceof Fact.RevenueRouted r) {
            BuybackBudget before = state.buybacks.budgetOf(r.deployment());
            state.buybacks = state.buybacks.withBudget(BuybackBudget.of(r.deployment(),
                    before.mtBudget().plus(r.mtBuyback()), before.flockBudget().plus(r.flockBuyback())));
        } else if (f instanceof Fact.BuybackExecuted x) {
            Deployment d = state.graduated(x.deployment());
            state.buybacks = state.buybacks.withBudget(BuybackBudget.of(x.deployment(), x.mtLeft(), x.flockLeft()));
            if (x.mtBought().isPositive()) {
                state.burns = state.burns.burn(x.epoch(), x.deployment(), x.mtBought());
            }
            if (x.flockBought().isPositive()) {
                state.burns = state.burns.burn(x.epoch(), x.deployment(), x.flockBought());
            }
            state.deployments.put(d.id, d.withPool(ConstantProductPool.open(x.poolFlock(), x.poolMt(),
                    d.pool.feeBps())));
        } else if (f instanceof Fact.EmissionReleased e) {
            state.reserve = state.reserve.release(e.scheduled()).giveBack(e.returned());
        } else if (f instanceof Fact.RewardCredited r) {
            state.claims.credit(r.deployment(), r.user(), r.flock(), r.mt());
            state.rewarded.slotOf(r.user());
        } else if (f instanceof Fact.DustCarried c) {
            Map<DeploymentId, Map<PoolKind, Amount>> pools = new TreeMap<>();
            for (Fact.PoolDust p : c.pools()) {
                pools.computeIfAbsent(p.deployment(), k -> new java.util.EnumMap<>(PoolKind.class)).put(p.kind(), p.amount());
            }
            state.carry = CarryOver.of(c.global(), pools);
        } else if (f instanceof Fact.ParametersScheduled p) {
            state.pending = p.change();
        } else if (f instanceof Fact.ParametersActivated a) {
            if (state.pending == null) {
                throw new IllegalStateException("parameters activated at epoch " + a.epoch() + " with none scheduled");
            }
            state.current = state.pending;
            state.history.put(a.epoch(), state.pending);
            state.pending = null;
            state.revenue = state.revenue.withRouter(State.router(state.current));
        } else if (f instanceof Fact.RewardsClaimed c) {
            Amount claimed = state.claims.claimFlock(c.user());
            if (!claimed.equals(c.amount())) {
                throw new IllegalStateException(c.user() + " claims " + claimed + ", the fact says " + c.amount());
            }
        } else if (f instanceof Fact.MtRewardsClaimed c) {
            Amount claimed = state.claims.claimMt(c.user(), c.deployment());
            if (!claimed.equals(c.amount())) {
                throw new IllegalStateException(c.user() + " claims " + claimed + ", the fact says " + c.amount());
            }
        }
    }

    /** The FLOCK a whole budget would take out of circulation at a price, before any bound. */
    private static java.math.BigDecimal needs(BuybackBudget budget, PriceQuote quote) {
        return budget.total().value().divide(quote.price(), Asset.FLOCK.decimals(), java.math.RoundingMode.DOWN);
    }

    private Runnable claim(AccountId user, TokenLedger.Batch b) {
        Accounts.user("user", user);
        boolean any = false;
        Amount flock = state.claims.flockBalance(user);
        if (flock.isPositive()) {
            b.fact(new Fact.RewardsClaimed(user, flock));
            b.transfer("flock", Accounts.REWARDS, user, flock);
            any = true;
        }
        for (DeploymentId d : state.deployments.keySet()) {
            Amount mt = state.claims.mtBalance(user, d);
            if (mt.isPositive()) {
                b.fact(new Fact.MtRewardsClaimed(user, d, mt));
                b.transfer("mt", Accounts.REWARDS, user, mt);
                any = true;
            }
        }
        if (!any) {
            throw InvalidStateException.of("user", user, "has no rewards to claim");
        }
        return () -> { };
    }
}
