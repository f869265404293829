package io.fomo.core.engine;

import io.fomo.core.staking.GmFlockBook;
import io.fomo.core.staking.GmFlockLock;
import io.fomo.core.staking.StakeBook;
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
            StakeBook next = state.stakes.stake(c.user(), c.deployment(), c.amount());
            State.requireAsset("amount", c.amount(), d.rmo.params().mtAsset());
            b.transfer("amount", c.user(), Accounts.STAKING, c.amount());
            return () -> state.stakes = next;
        } else if (command instanceof Command.Unstake c) {
            Accounts.user("user", c.user());
            state.graduated(c.deployment());
            StakeBook next = state.stakes.unstake(c.user(), c.deployment(), c.amount());
            b.transfer("amount", Accounts.STAKING, c.user(), c.amount());
            return () -> state.stakes = next;
        } else if (command instanceof Command.LockGmFlock c) {
            Accounts.user("user", c.user());
            GmFlockBook next = state.gm.lock(id, c.user(), c.amount(), c.lockDays(), at);
            GmFlockLock lock = next.lockOf(id);
            b.transfer("amount", c.user(), Accounts.GMFLOCK, c.amount());
            b.mint(c.user(), lock.gmFlock());
            return () -> {
                state.gm = next;
                state.gmOwners.add(c.user());
            };
        } else if (command instanceof Command.WithdrawGmFlock c) {
            Accounts.user("user", c.user());
            GmFlockBook.Withdrawn w = state.gm.withdraw(c.lockId(), c.user(), at);
            b.transfer("returned", Accounts.GMFLOCK, c.user(), w.withdrawal().returned());
            b.transfer("fee", Accounts.GMFLOCK, Accounts.PLATFORM, w.withdrawal().fee());
            b.burn("gmFlock", c.user(), w.withdrawal().gmFlockBurned());
            return () -> state.gm = w.book();
        }
        throw InvalidArgumentException.of("command", command, "not a staking command");
    }

}
