package io.fomo.core.engine;

import io.fomo.core.staking.GmFlockBook;
import io.fomo.core.staking.GmFlockLock;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.PriceQuote;
import java.time.Instant;

/** The staking family: MT stakes and unstakes, gmFLOCK locks and withdrawals. */
final class StakingHandler implements CommandHandler {

    private final State state;

    StakingHandler(State state) {
        this.state = state;
    }

    @Override
    public Runnable prepare(EventId id, Instant at, Command command, PriceQuote quote, TokenLedger.Batch b) {
        if (command instanceof Command.Stake c) {
            Accounts.user("user", c.user());
            Deployment d = state.graduated(c.deployment());
            state.stakes.stake(c.user(), c.deployment(), c.amount());
            State.requireAsset("amount", c.amount(), d.rmo.params().mtAsset());
            b.fact(new Fact.Staked(c.user(), c.deployment(), c.amount()));
            b.transfer("amount", c.user(), Accounts.STAKING, c.amount());
        } else if (command instanceof Command.Unstake c) {
            Accounts.user("user", c.user());
            state.graduated(c.deployment());
            state.stakes.unstake(c.user(), c.deployment(), c.amount());
            b.fact(new Fact.Unstaked(c.user(), c.deployment(), c.amount()));
            b.transfer("amount", Accounts.STAKING, c.user(), c.amount());
        } else if (command instanceof Command.LockGmFlock c) {
            Accounts.user("user", c.user());
            GmFlockLock lock = state.gm.lock(id, c.user(), c.amount(), c.lockDays(), at).lockOf(id);
            b.fact(new Fact.GmFlockLocked(id, c.user(), c.amount(), lock.gmFlock(), c.lockDays(), at));
            b.transfer("amount", c.user(), Accounts.GMFLOCK, c.amount());
            b.mint(c.user(), lock.gmFlock());
        } else if (command instanceof Command.WithdrawGmFlock c) {
            Accounts.user("user", c.user());
            GmFlockBook.Withdrawn w = state.gm.withdraw(c.lockId(), c.user(), at);
            b.fact(new Fact.GmFlockWithdrawn(c.lockId(), c.user(), w.withdrawal().returned(), w.withdrawal().fee(),
                    w.withdrawal().gmFlockBurned()));
            b.transfer("returned", Accounts.GMFLOCK, c.user(), w.withdrawal().returned());
            b.transfer("fee", Accounts.GMFLOCK, Accounts.PLATFORM, w.withdrawal().fee());
            b.burn("gmFlock", c.user(), w.withdrawal().gmFlockBurned());
        } else {
            throw InvalidArgumentException.of("command", command, "not a staking command");
        }
        return () -> { };
    }

    /** Folds one staking fact into the state (after deciding and on replay alike). */
    void evolve(Fact f) {
        if (f instanceof Fact.Staked s) {
            state.stakes = state.stakes.stake(s.user(), s.deployment(), s.amount());
        } else if (f instanceof Fact.Unstaked u) {
            state.stakes = state.stakes.unstake(u.user(), u.deployment(), u.amount());
        } else if (f instanceof Fact.GmFlockLocked l) {
            state.gm = state.gm.withLock(l.lock(), l.owner(), l.principal(), l.gmFlock(), l.lockDays(), l.start());
            state.gmOwners.add(l.owner());
        } else if (f instanceof Fact.GmFlockWithdrawn w) {
            state.gm = state.gm.withoutLock(w.lock(), w.fee());
        }
    }
}
