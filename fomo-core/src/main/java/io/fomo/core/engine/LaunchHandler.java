package io.fomo.core.engine;

import io.fomo.core.launch.Graduation;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.Rmo;
import io.fomo.core.launch.RmoAction;
import io.fomo.core.launch.RmoEvent;
import io.fomo.core.launch.SupporterPosition;
import io.fomo.core.launch.Transition;
import io.fomo.core.revenue.BurnLedger;
import io.fomo.core.revenue.RevenueLedger;
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

    /** Books the token movements of an RMO transition and returns how to commit it. */
    private Runnable applyRmo(Deployment d, Transition t, TokenLedger.Batch b) {
        Deployment next = d.withRmo(t.rmo());
        RevenueLedger nextRevenue = state.revenue;
        BurnLedger nextBurns = state.burns;
        for (RmoEvent e : t.events()) {
            if (e instanceof RmoEvent.Opened o) {
                b.transfer("launchFee", o.issuer(), Accounts.PLATFORM, o.launchFee());
            } else if (e instanceof RmoEvent.Bought o) {
                b.bought(o);
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
                long n = state.genesis.incentiveEpochs();
                next = next.graduated(t.rmo(), g.pool(), state.revenue.epoch(),
                        staking.dividedBy(java.math.BigDecimal.valueOf(n), RoundingMode.DOWN),
                        g.incentives().dividedBy(java.math.BigDecimal.valueOf(n), RoundingMode.DOWN));
                nextRevenue = nextRevenue.register(d.id);
                nextBurns = nextBurns.withSupply(g.minted());
                if (g.burned().isPositive()) {
                    nextBurns = nextBurns.burn(state.revenue.epoch(), d.id, g.burned());
                }
            }
        }
        Deployment committed = next;
        RevenueLedger r = nextRevenue;
        BurnLedger bl = nextBurns;
        return () -> {
            state.deployments.put(committed.id, committed);
            state.revenue = r;
            state.burns = bl;
        };
    }
}
