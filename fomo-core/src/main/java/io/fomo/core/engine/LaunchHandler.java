package io.fomo.core.engine;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.launch.Graduation;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.Rmo;
import io.fomo.core.launch.RmoAction;
import io.fomo.core.launch.RmoEvent;
import io.fomo.core.launch.SupporterPosition;
import io.fomo.core.launch.Transition;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.PriceQuote;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;

/**
 * The launch family: deposits of FLOCK, opening a raise, buys (and the refused sells), graduation, a
 * failed raise's close and refunds, vested MT, going live. Every RMO transition's events become
 * movements of the books here.
 */
final class LaunchHandler implements CommandHandler {

    private final State state;

    LaunchHandler(State state) {
        this.state = state;
    }

    @Override
    public Runnable prepare(EventId id, Instant at, Command command, PriceQuote quote, TokenLedger.Batch b) {
        if (command instanceof Command.Deposit c) {
            Accounts.user("account", c.account());
            if (!c.amount().asset().equals(Asset.FLOCK)) {
                throw InvalidArgumentException.of("amount", c.amount(), "deposits are of FLOCK");
            }
            State.positive("amount", c.amount());
            // FLOCK has a fixed supply: the books never hold more than exists (less what was burned).
            Amount exists = state.burns.supplyOf(Asset.FLOCK);
            Amount booked = state.tokens.supply(Asset.FLOCK);
            if (booked.plus(c.amount()).isGreaterThan(exists)) {
                throw io.fomo.spi.LimitExceededException.of("amount", c.amount(), "would bring the FLOCK on the "
                        + "books to more than the " + exists + " that exist (" + booked + " are booked)");
            }
            b.mint(c.account(), c.amount());
            return () -> { };
        } else if (command instanceof Command.OpenLaunch c) {
            return openLaunch(c, at, b);
        } else if (command instanceof Command.Buy c) {
            Accounts.user("buyer", c.buyer());
            State.requireBalance(b, "gross", c.buyer(), c.gross());
            return rmoAction(c.deployment(), new RmoAction.Buy(c.buyer(), c.gross()), at, b);
        } else if (command instanceof Command.Sell c) {
            return rmoAction(c.deployment(), new RmoAction.Sell(c.seller(), c.amount()), at, b);
        } else if (command instanceof Command.Graduate c) {
            return rmoAction(c.deployment(), new RmoAction.Graduate(c.actor()), at, b);
        } else if (command instanceof Command.CloseLaunch c) {
            return rmoAction(c.deployment(), new RmoAction.Close(c.actor()), at, b);
        } else if (command instanceof Command.Redeem c) {
            return rmoAction(c.deployment(), new RmoAction.Redeem(c.supporter()), at, b);
        } else if (command instanceof Command.ClaimVested c) {
            return rmoAction(c.deployment(), new RmoAction.ClaimVested(c.issuer()), at, b);
        } else if (command instanceof Command.GoLive c) {
            return rmoAction(c.deployment(), new RmoAction.GoLive(c.actor()), at, b);
        }
        throw InvalidArgumentException.of("command", command, "not a launch command");
    }

    private Runnable openLaunch(Command.OpenLaunch c, Instant at, TokenLedger.Batch b) {
        Accounts.user("issuer", c.issuer());
        if (state.deployments.containsKey(c.deployment())) {
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
        if (!c.pricing().listPrice().quote().equals(State.REVENUE)) {
            throw InvalidArgumentException.of("pricing.listPrice", c.pricing().listPrice(), "must be quoted in " + State.REVENUE);
        }
        State.requireBalance(b, "launchFee + firstBuy", c.issuer(), c.firstBuy().plus(p.launchFee()));
        Deployment fresh = new Deployment(c.deployment(), Rmo.create(p, c.issuer()), c.pricing(), null, -1,
                Amount.zero(Asset.FLOCK), Amount.zero(mt));
        Transition t = fresh.rmo.apply(new RmoAction.Open(c.issuer(), c.firstBuy()), at);
        return applyRmo(fresh, t, b);
    }

    private Runnable rmoAction(DeploymentId id, RmoAction action, Instant at, TokenLedger.Batch b) {
        Deployment d = state.deployment("deployment", id);
        Transition t = d.rmo.apply(action, at);
        return applyRmo(d, t, b);
    }

    /**
     * Journals an RMO transition: each event as its fact, with the movements of the books it makes.
     * Changes nothing; {@link #evolve} folds the facts.
     */
    private Runnable applyRmo(Deployment d, Transition t, TokenLedger.Batch b) {
        for (RmoEvent e : t.events()) {
            if (e instanceof RmoEvent.Opened o) {
                b.fact(new Fact.LaunchOpened(d.id, o.issuer(), o.at(), o.closesAt(), o.launchFee()));
                b.transfer("launchFee", o.issuer(), Accounts.PLATFORM, o.launchFee());
            } else if (e instanceof RmoEvent.Bought o) {
                b.bought(o);
                b.fact(new Fact.LaunchBought(d.id, o.buyer(), o.at(), o.gross(), o.fee(), o.platformFee(),
                        o.creatorFee(), o.net(), o.mtOut(), o.returned(), o.firstBuy()));
                b.transfer("gross", o.buyer(), d.escrow(), o.net());
                b.transfer("gross", o.buyer(), Accounts.PLATFORM, o.platformFee());
                b.transfer("gross", o.buyer(), d.rmo.issuer(), o.creatorFee());
            } else if (e instanceof RmoEvent.Redeemed o) {
                b.fact(new Fact.LaunchRedeemed(d.id, o.supporter(), o.at(), o.amount()));
                b.transfer("refund", d.escrow(), o.supporter(), o.amount());
            } else if (e instanceof RmoEvent.VestingClaimed o) {
                b.fact(new Fact.VestingClaimed(d.id, o.issuer(), o.at(), o.amount()));
                b.transfer("vested", d.vesting(), o.issuer(), o.amount());
            } else if (e instanceof RmoEvent.Failed o) {
                b.fact(new Fact.LaunchFailed(d.id, o.at(), o.raised()));
            } else if (e instanceof RmoEvent.WentLive o) {
                b.fact(new Fact.LaunchLive(d.id, o.actor(), o.at()));
            } else if (e instanceof RmoEvent.Graduated o) {
                graduated(d, t, o, b);
            }
        }
        return () -> { };
    }

    private void graduated(Deployment d, Transition t, RmoEvent.Graduated o, TokenLedger.Batch b) {
        Graduation g = o.graduation();
        long n = state.genesis.incentiveEpochs();
        Amount staking = g.flockSplit().get(Graduation.STAKING_INCENTIVES);
        b.fact(new Fact.LaunchGraduated(d.id, o.at(), o.trigger() == RmoEvent.Trigger.MAX_TARGET
                ? Fact.LaunchGraduated.MAX_TARGET : Fact.LaunchGraduated.MIN_TARGET, state.revenue.epoch(),
                g.sold(), g.burned(), g.treasury(), g.poolMt(), g.raised(), g.flockSplit().get(Graduation.LIQUIDITY),
                g.flockSplit().get(Graduation.HOSTING_RESERVE), staking, g.poolFlock(), g.finalPrice(),
                staking.dividedBy(java.math.BigDecimal.valueOf(n), RoundingMode.DOWN),
                g.incentives().dividedBy(java.math.BigDecimal.valueOf(n), RoundingMode.DOWN)));
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
        b.transfer("staking", d.escrow(), d.stakingBudget(), staking);
    }

    /** Folds one launch fact into the state (after deciding and on replay alike). */
    void evolve(Command command, Fact f) {
        if (f instanceof Fact.LaunchOpened o) {
            if (!(command instanceof Command.OpenLaunch c) || !c.deployment().equals(o.deployment())) {
                throw new IllegalStateException("a launch-opened fact of " + o.deployment()
                        + " outside the open-launch command of that deployment");
            }
            if (state.deployments.containsKey(o.deployment())) {
                throw new IllegalStateException("deployment " + o.deployment() + " already exists");
            }
            Rmo rmo = Rmo.create(c.parameters(), o.issuer())
                    .evolve(new RmoEvent.Opened(o.issuer(), o.at(), o.launchFee(), o.closesAt()));
            state.deployments.put(o.deployment(), new Deployment(o.deployment(), rmo, c.pricing(), null, -1,
                    Amount.zero(Asset.FLOCK), Amount.zero(c.parameters().mtAsset())));
        } else if (f instanceof Fact.LaunchBought o) {
            evolveRmo(o.deployment(), new RmoEvent.Bought(o.buyer(), o.at(), o.gross(), o.fee(), o.platformFee(),
                    o.creatorFee(), o.net(), o.mtOut(), o.returned(), o.firstBuy()));
        } else if (f instanceof Fact.LaunchRedeemed o) {
            evolveRmo(o.deployment(), new RmoEvent.Redeemed(o.supporter(), o.at(), o.amount()));
        } else if (f instanceof Fact.VestingClaimed o) {
            evolveRmo(o.deployment(), new RmoEvent.VestingClaimed(o.issuer(), o.at(), o.amount()));
        } else if (f instanceof Fact.LaunchFailed o) {
            evolveRmo(o.deployment(), new RmoEvent.Failed(o.at(), o.raised()));
        } else if (f instanceof Fact.LaunchLive o) {
            evolveRmo(o.deployment(), new RmoEvent.WentLive(o.actor(), o.at()));
        } else if (f instanceof Fact.LaunchGraduated g) {
            Deployment d = state.deployment("deployment", g.deployment());
            LaunchParameters p = d.rmo.params();
            ConstantProductPool pool = ConstantProductPool.open(g.poolFlock(), g.poolMt(), p.poolFeeBps());
            Graduation graduation = Graduation.of(p, g.at(), g.sold(), g.burned(), g.treasury(), g.poolMt(),
                    g.raised(), g.liquidity(), g.hosting(), g.staking(), g.finalPrice(), pool);
            RmoEvent.Trigger trigger = Fact.LaunchGraduated.MAX_TARGET.equals(g.trigger())
                    ? RmoEvent.Trigger.MAX_TARGET : RmoEvent.Trigger.MIN_TARGET;
            Rmo rmo = d.rmo.evolve(new RmoEvent.Graduated(g.at(), trigger, graduation));
            state.deployments.put(d.id, d.graduated(rmo, pool, g.epoch(), g.flockPerEpoch(), g.mtPerEpoch()));
            state.revenue = state.revenue.register(d.id);
            state.burns = state.burns.withSupply(p.totalSupply());
            if (g.burned().isPositive()) {
                state.burns = state.burns.burn(g.epoch(), d.id, g.burned());
            }
        }
    }

    private void evolveRmo(DeploymentId id, RmoEvent e) {
        Deployment d = state.deployment("deployment", id);
        state.deployments.put(id, d.withRmo(d.rmo.evolve(e)));
    }
}
