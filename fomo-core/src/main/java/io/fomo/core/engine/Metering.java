package io.fomo.core.engine;

import io.fomo.core.revenue.RevenueLedger;
import io.fomo.core.revenue.UsagePayment;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The engine's handler of the metering commands ({@link Command.Metering}): token-priced usage and
 * prepaid credits. It owns the credit accounts and the per-deployment meter totals; usage reaches the
 * revenue ledger and the users' spend held by {@link State}. Like every handler it prepares without
 * changing anything and returns the commit.
 */
final class Metering {

    private final TreeMap<AccountId, CreditAccount> credits = new TreeMap<>();
    private final TreeMap<DeploymentId, MeterTotals> totals = new TreeMap<>();

    Runnable prepare(State s, EventId id, Instant at, Command.Metering command) {
        if (command instanceof RecordTokenUsage u) {
            return usage(s, u, at);
        } else if (command instanceof TopUpCredits t) {
            return topUp(t);
        }
        throw InvalidArgumentException.of("command", command, "unknown metering command");
    }

    private Runnable topUp(TopUpCredits t) {
        Accounts.user("team", t.team());
        Asset asset = t.amount().asset();
        if (!asset.equals(Asset.USD) && !asset.equals(Asset.USDC)) {
            throw InvalidArgumentException.of("amount", t.amount(), "credits are bought in USD or USDC");
        }
        if (!t.amount().isPositive()) {
            throw InvalidArgumentException.of("amount", t.amount(), "must be positive");
        }
        // USDC and USD both have 6 decimals: one USDC base unit buys one USD micro-unit of credit.
        Amount usd = Amount.ofUnits(Asset.USD, t.amount().units());
        CreditAccount next = credits.getOrDefault(t.team(), CreditAccount.EMPTY).toppedUpBy(usd);
        return () -> credits.put(t.team(), next);
    }

    private Runnable usage(State s, RecordTokenUsage u, Instant at) {
        Accounts.user("user", u.user());
        Accounts.user("team", u.team());
        Deployment d = s.deployment("deployment", u.deployment());
        if (!d.hasPool()) {
            throw InvalidStateException.of("deployment", u.deployment(), "has not graduated (state " + d.rmo.state()
                    + "): only a live Model Token's mapped calls are billed");
        }
        if (!u.listCharge().asset().equals(State.REVENUE)) {
            throw InvalidArgumentException.of("listCharge", u.listCharge(), "must be in " + State.REVENUE);
        }
        if (s.revenue.hasSeen(u.requestId())) {
            throw InvalidStateException.of("requestId", u.requestId(), "was already billed (a request id is billed once)");
        }
        Amount paid = d.pricing.chargeFor(u.listCharge(), s.stakes.stakeOf(u.user(), u.deployment()));
        // Late: the call's own time is in an epoch already closed (or before genesis). Policy: recognise
        // it now, in the open epoch, and count it; it is never dropped (docs/usage.md).
        boolean late = s.calendar.epochOf(u.occurredAt()) < s.epoch();
        RevenueLedger nextRevenue = paid.isPositive()
                ? s.revenue.record(UsagePayment.of(u.requestId(), u.deployment(), u.team(), paid, at))
                : s.revenue;
        CreditAccount nextCredit = credits.getOrDefault(u.team(), CreditAccount.EMPTY).deductedBy(paid);
        MeterTotals nextTotals = totals.getOrDefault(u.deployment(), MeterTotals.EMPTY)
                .plus(u.tokens(), u.listCharge(), paid, late);
        return () -> {
            s.revenue = nextRevenue;
            if (paid.isPositive()) {
                s.spend.computeIfAbsent(u.deployment(), k -> new TreeMap<>()).merge(u.user(), paid, Amount::plus);
            }
            credits.put(u.team(), nextCredit);
            totals.put(u.deployment(), nextTotals);
        };
    }

    SortedMap<AccountId, CreditAccount> credits() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(credits));
    }

    SortedMap<DeploymentId, MeterTotals> totals() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(totals));
    }

    /** Writes the hash lines; none while nothing was metered, so older states keep their hash. */
    void hash(BiConsumer<String, Object> line) {
        for (Map.Entry<DeploymentId, MeterTotals> e : totals.entrySet()) {
            MeterTotals t = e.getValue();
            line.accept("meter." + e.getKey().value(), t.calls() + "|" + t.inputTokens() + "|" + t.cachedTokens() + "|"
                    + t.outputTokens() + "|" + t.listCharges().toPlainString() + "|" + t.revenue().toPlainString() + "|"
                    + t.late());
        }
        for (Map.Entry<AccountId, CreditAccount> e : credits.entrySet()) {
            line.accept("credits." + e.getKey().value(), e.getValue().toppedUp().toPlainString() + "|"
                    + e.getValue().deducted().toPlainString());
        }
    }
}
