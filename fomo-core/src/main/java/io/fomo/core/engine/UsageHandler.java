package io.fomo.core.engine;

import io.fomo.core.revenue.UsageCharge;
import io.fomo.core.revenue.UsagePayment;
import io.fomo.spi.Amount;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.LimitExceededException;
import io.fomo.spi.PriceQuote;
import java.time.Instant;
import java.util.TreeMap;

/** The usage family: a paid usage call, charged at the deployment's price for the user's stake tier. */
final class UsageHandler implements CommandHandler {

    private final State state;

    UsageHandler(State state) {
        this.state = state;
    }

    @Override
    public Runnable prepare(EventId id, Instant at, Command command, PriceQuote quote, TokenLedger.Batch b) {
        if (command instanceof Command.RecordUsage c) {
            return recordUsage(c, at, b);
        }
        throw InvalidArgumentException.of("command", command, "not a usage command");
    }

    private Runnable recordUsage(Command.RecordUsage c, Instant at, TokenLedger.Batch b) {
        Accounts.user("user", c.user());
        Deployment d = state.graduated(c.deployment());
        if (c.units() <= 0) {
            throw InvalidArgumentException.of("units", c.units(), "must be positive");
        }
        if (c.units() > EngineLimits.MAX_UNITS_PER_PAYMENT) {
            throw LimitExceededException.of("units", c.units(), "at most " + EngineLimits.MAX_UNITS_PER_PAYMENT
                    + " units may be paid for in one payment");
        }
        UsageCharge charge = d.pricing.charge(c.units(), state.stakes.stakeOf(c.user(), c.deployment()));
        if (charge.amount().value().compareTo(EngineLimits.MAX_CHARGE_PER_PAYMENT) > 0) {
            throw LimitExceededException.of("units", c.units(), "would be charged " + charge.amount()
                    + ", above the " + EngineLimits.MAX_CHARGE_PER_PAYMENT.toPlainString()
                    + " one payment may be charged");
        }
        // Validates the payment (a duplicate id, a zero charge, the epoch); evolve records it.
        state.revenue.record(UsagePayment.of(c.paymentId(), c.deployment(), c.user(), charge.amount(), at));
        b.fact(new Fact.Charged(c.paymentId(), c.deployment(), c.user(), charge.amount()));
        return () -> { };
    }

    /**
     * Folds a {@code charged} fact (of a usage call or of a metered call) into the state: a positive charge
     * is the deployment's revenue in the open epoch and the user's spend; a zero one changes nothing here.
     */
    void evolve(Instant at, Fact.Charged c) {
        if (c.amount().isPositive()) {
            state.revenue = state.revenue.record(UsagePayment.of(c.payment(), c.deployment(), c.user(), c.amount(), at));
            state.spend.computeIfAbsent(c.deployment(), k -> new TreeMap<>()).merge(c.user(), c.amount(), Amount::plus);
        }
    }
}
