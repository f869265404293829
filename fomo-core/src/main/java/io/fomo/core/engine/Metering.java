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
import io.fomo.spi.LimitExceededException;
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
        return () -> { };
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
        // Bounds (docs/limits.md): no accepted call may make a later one, or a close, impossible.
        if (u.listCharge().value().compareTo(EngineLimits.MAX_CHARGE_PER_PAYMENT) > 0) {
            throw LimitExceededException.of("listCharge", u.listCharge(), "above the "
                    + EngineLimits.MAX_CHARGE_PER_PAYMENT.toPlainString() + " one call may be charged");
        }
        if (u.tokens().input() > EngineLimits.MAX_TOKENS_PER_CALL) {
            throw LimitExceededException.of("tokens.input", u.tokens().input(), "at most "
                    + EngineLimits.MAX_TOKENS_PER_CALL + " input tokens may be reported by one call");
        }
        if (u.tokens().output() > EngineLimits.MAX_TOKENS_PER_CALL) {
            throw LimitExceededException.of("tokens.output", u.tokens().output(), "at most "
                    + EngineLimits.MAX_TOKENS_PER_CALL + " output tokens may be reported by one call");
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
        totals.getOrDefault(u.deployment(), MeterTotals.EMPTY).plus(u.tokens(), u.listCharge(), paid, late);
        return () -> { };
    }

    /**
     * Folds a metered call's charge into the deployment's meter totals: the call's token counts and list
     * charge as submitted, the price paid as journaled, late when the call's time is in an epoch already
     * closed.
     */
    void metered(State s, RecordTokenUsage u, Amount paid) {
        boolean late = s.calendar.epochOf(u.occurredAt()) < s.epoch();
        totals.put(u.deployment(), totals.getOrDefault(u.deployment(), MeterTotals.EMPTY)
                .plus(u.tokens(), u.listCharge(), paid, late));
    }

    /**
     * Folds a credit fact into the team's credit account. The arrears follow from the account (topped up
     * less deducted); an {@code arrears-incurred} or {@code arrears-settled} fact must say by how much the
     * top-up or deduction before it changed them, or the facts do not fit the state.
     */
    void evolve(Fact f) {
        if (f instanceof Fact.CreditsToppedUp t) {
            CreditAccount before = credits.getOrDefault(t.team(), CreditAccount.EMPTY);
            arrearsBefore = before.arrears();
            credits.put(t.team(), before.toppedUpBy(Amount.ofUnits(Asset.USD, t.amount().units())));
        } else if (f instanceof Fact.CreditsDeducted d) {
            CreditAccount before = credits.getOrDefault(d.team(), CreditAccount.EMPTY);
            arrearsBefore = before.arrears();
            credits.put(d.team(), before.deductedBy(d.amount()));
        } else if (f instanceof Fact.ArrearsIncurred a) {
            Amount now = credits.getOrDefault(a.team(), CreditAccount.EMPTY).arrears();
            if (arrearsBefore == null || now.isLessThan(arrearsBefore) || !now.minus(arrearsBefore).equals(a.amount())) {
                throw new IllegalStateException("arrears-incurred of " + a.team() + " = " + a.amount()
                        + " does not follow the deduction before it (arrears now " + now + ")");
            }
        } else if (f instanceof Fact.ArrearsSettled a) {
            Amount now = credits.getOrDefault(a.team(), CreditAccount.EMPTY).arrears();
            if (arrearsBefore == null || arrearsBefore.isLessThan(now) || !arrearsBefore.minus(now).equals(a.amount())) {
                throw new IllegalStateException("arrears-settled of " + a.team() + " = " + a.amount()
                        + " does not follow the top-up before it (arrears now " + now + ")");
            }
        }
    }

    /** The team's arrears before the last top-up or deduction folded, to check the arrears fact after it. */
    private Amount arrearsBefore;

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
