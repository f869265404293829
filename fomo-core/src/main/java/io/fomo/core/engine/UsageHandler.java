package io.fomo.core.engine;

import io.fomo.core.internal.TwoCores;
import io.fomo.core.revenue.UsageCharge;
import io.fomo.core.revenue.UsagePayment;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.LimitExceededException;
import io.fomo.spi.PriceQuote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The usage family: a paid usage call, or a batch of them on one deployment, each charged at the deployment's
 * price for the user's stake tier.
 */
final class UsageHandler implements CommandHandler {

    private final State state;

    UsageHandler(State state) {
        this.state = state;
    }

    @Override
    public Runnable prepare(EventId id, Instant at, Command command, PriceQuote quote, TokenLedger.Batch b) {
        if (command instanceof Command.RecordUsage c) {
            Accounts.user("user", c.user());
            b.fact(charge(-1, c.paymentId(), state.graduated(c.deployment()), c.user(), c.units(), at, Set.of()));
            return () -> { };
        }
        if (command instanceof Command.RecordUsageBatch c) {
            Deployment d = state.graduated(c.deployment());
            // Each call is checked as if the calls before it had been recorded (a payment id used twice in one
            // batch is a duplicate), as when the calls are submitted one by one; nothing is kept here. Whether
            // a call's id was used by an earlier call is found first, in call order. Deciding then reads the
            // state and writes nothing but each call's slot, so a large batch is shared with a second core in
            // chunks: each stops at its first refusal, and the lowest chunk's is thrown, the first in call
            // order, where deciding the calls in turn would stop.
            List<Command.RecordUsageBatch.Call> calls = c.calls();
            int n = calls.size();
            boolean[] repeated = new boolean[n];
            Set<EventId> ids = new HashSet<>(n * 2);
            for (int i = 0; i < n; i++) {
                repeated[i] = !ids.add(calls.get(i).paymentId());
            }
            Fact.Charged[] charged = new Fact.Charged[n];
            int count = n < state.splitFrom ? 1 : Math.min(TwoCores.CHUNKS, n);
            TwoCores.chunks(0, n, count, (k, from, to) -> {
                for (int i = from; i < to; i++) {
                    Command.RecordUsageBatch.Call call = calls.get(i);
                    charged[i] = charge(i, call.paymentId(), d, call.user(), call.units(), at,
                            repeated[i] ? Set.of(call.paymentId()) : Set.of());
                }
            });
            for (Fact.Charged f : charged) {
                b.fact(f);
            }
            return () -> { };
        }
        throw InvalidArgumentException.of("command", command, "not a usage command");
    }

    /**
     * Decides one paid call: checks it, prices it for the user's stake, checks the payment against the ledger
     * (the ids {@code decidedBefore} in the same command counting as seen) and returns its {@code charged}
     * fact. A call of a batch ({@code index} 0 or more) names its fields {@code calls[index].}, a lone call
     * ({@code index} -1) plainly; the names are built only for an error.
     */
    private Fact.Charged charge(int index, EventId paymentId, Deployment d, AccountId user, long units,
            Instant at, Set<EventId> decidedBefore) {
        if (Accounts.isProtocol(user)) {
            throw Accounts.notAUser(field(index, "user"), user);
        }
        if (units <= 0) {
            throw InvalidArgumentException.of(field(index, "units"), units, "must be positive");
        }
        if (units > EngineLimits.MAX_UNITS_PER_PAYMENT) {
            throw LimitExceededException.of(field(index, "units"), units, "at most "
                    + EngineLimits.MAX_UNITS_PER_PAYMENT + " units may be paid for in one payment");
        }
        UsageCharge charge = d.pricing.charge(units, state.stakes.stakeOf(user, d.id));
        if (charge.amount().value().compareTo(EngineLimits.MAX_CHARGE_PER_PAYMENT) > 0) {
            throw LimitExceededException.of(field(index, "units"), units, "would be charged " + charge.amount()
                    + ", above the " + EngineLimits.MAX_CHARGE_PER_PAYMENT.toPlainString()
                    + " one payment may be charged");
        }
        // Validates the payment (a duplicate id, a zero charge, the epoch); evolve records it.
        state.revenue.check(UsagePayment.of(paymentId, d.id, user, charge.amount(), at), decidedBefore);
        return new Fact.Charged(paymentId, d.id, user, charge.amount());
    }

    private static String field(int index, String name) {
        return index < 0 ? name : "calls[" + index + "]." + name;
    }

    /**
     * Folds a {@code charged} fact (of a usage call or of a metered call) into the state: a positive charge
     * is the deployment's revenue in the open epoch and the user's spend; a zero one changes nothing here.
     */
    void evolve(Instant at, Fact.Charged c) {
        if (c.amount().isPositive()) {
            state.revenue = state.revenue.record(UsagePayment.of(c.payment(), c.deployment(), c.user(), c.amount(), at));
            spend(c);
        }
    }

    /**
     * Folds a run of {@code charged} facts of one command (a batch of usage calls): the same state as folding
     * each with {@link #evolve}, with the payments recorded into the ledger at once
     * ({@link io.fomo.core.revenue.RevenueLedger#recordAll}); if one does not fit, nothing is folded.
     */
    void evolveAll(Instant at, List<Fact> charged) {
        List<UsagePayment> payments = new ArrayList<>(charged.size());
        for (Fact f : charged) {
            Fact.Charged c = (Fact.Charged) f;
            if (c.amount().isPositive()) {
                payments.add(UsagePayment.of(c.payment(), c.deployment(), c.user(), c.amount(), at));
            }
        }
        state.revenue = state.revenue.recordAll(payments);
        for (Fact f : charged) {
            Fact.Charged c = (Fact.Charged) f;
            if (c.amount().isPositive()) {
                spend(c);
            }
        }
    }

    private void spend(Fact.Charged c) {
        state.spend.computeIfAbsent(c.deployment(), k -> new LinkedHashMap<>())
                .merge(c.user(), c.amount(), Amount::plus);
    }
}
