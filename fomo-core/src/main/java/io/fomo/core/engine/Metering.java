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
 * changing anything, adds the facts it decided to the batch and returns the commit.
 */
final class Metering {

    private final TreeMap<AccountId, CreditAccount> credits = new TreeMap<>();
    private final TreeMap<DeploymentId, MeterTotals> totals = new TreeMap<>();

    Runnable prepare(State s, EventId id, Instant at, Command.Metering command, TokenLedger.Batch b) {
        if (command instanceof RecordTokenUsage u) {
            return usage(s, u, at, b);
        } else if (command instanceof TopUpCredits t) {
            return topUp(t, b);
        }
        throw InvalidArgumentException.of("command", command, "unknown metering command");
    }

    private Runnable topUp(TopUpCredits t, TokenLedger.Batch b) {
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
        CreditAccount before = credits.getOrDefault(t.team(), CreditAccount.EMPTY);
        CreditAccount next = before.toppedUpBy(usd);
        b.fact(new Fact.CreditsToppedUp(t.team(), t.amount()));
        Amount settled = before.arrears().minus(next.arrears());
        if (settled.isPositive()) {
            b.fact(new Fact.ArrearsSettled(t.team(), settled));
        }
        return () -> credits.put(t.team(), next);
    }

    private Runnable usage(State s, RecordTokenUsage u, Instant at, TokenLedger.Batch b) {
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
        CreditAccount credit = credits.getOrDefault(u.team(), CreditAccount.EMPTY);
        CreditAccount nextCredit = credit.deductedBy(paid);
        // The facts, in the order decided: the charge (the user's, as for RecordUsage), then the team's
        // deduction and the arrears it creates beyond the balance (docs/journal.md).
        b.fact(new Fact.Charged(u.requestId(), u.deployment(), u.user(), paid));
        if (paid.isPositive()) {
            b.fact(new Fact.CreditsDeducted(u.team(), paid, u.requestId()));
            Amount incurred = nextCredit.arrears().minus(credit.arrears());
            if (incurred.isPositive()) {
                b.fact(new Fact.ArrearsIncurred(u.team(), incurred));
            }
        }
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

    /** Sets a team's credits and a deployment's totals, restoring a snapshot; only on a fresh instance. */
    void restore(SortedMap<AccountId, CreditAccount> creditAccounts, SortedMap<DeploymentId, MeterTotals> meterTotals) {
        credits.putAll(creditAccounts);
        totals.putAll(meterTotals);
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
