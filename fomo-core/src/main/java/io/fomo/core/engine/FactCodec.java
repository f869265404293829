package io.fomo.core.engine;

import io.fomo.spi.InvalidStateException;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical text form of a list of facts, as journaled in a {@code facts} entry:
 * {@code count=N}, then for fact {@code i} (from 0) the line {@code i.fact=<tag>} and its fields as
 * {@code i.<field>=<value>}, in the order docs/journal.md lists them. Tags come from {@link JournalTags}.
 */
final class FactCodec {

    private FactCodec() {
    }

    static byte[] encode(List<Fact> facts) {
        Fields f = new Fields("facts");
        f.put("count", facts.size());
        for (int i = 0; i < facts.size(); i++) {
            encode(facts.get(i), i + ".", f);
        }
        return f.encode();
    }

    static void encode(Fact fact, String p, Fields f) {
        f.put(p + "fact", JournalTags.of(fact));
        if (fact instanceof Fact.Minted m) {
            f.put(p + "to", m.to().value()).put(p + "amount", m.amount());
        } else if (fact instanceof Fact.Burned b) {
            f.put(p + "from", b.from().value()).put(p + "amount", b.amount());
        } else if (fact instanceof Fact.Moved m) {
            f.put(p + "from", m.from().value()).put(p + "to", m.to().value()).put(p + "amount", m.amount());
        } else if (fact instanceof Fact.Swapped s) {
            f.put(p + "trader", s.trader().value()).put(p + "pool", s.pool().value()).put(p + "in", s.in())
                    .put(p + "out", s.out());
        } else if (fact instanceof Fact.Charged c) {
            f.put(p + "payment", c.payment().value()).put(p + "deployment", c.deployment().value())
                    .put(p + "user", c.user().value()).put(p + "amount", c.amount());
        } else if (fact instanceof Fact.Quoted q) {
            f.put(p + "price", q.price()).put(p + "source", q.source()).put(p + "at", q.at());
        } else if (fact instanceof Fact.EpochClosed e) {
            f.put(p + "epoch", e.epoch());
        } else if (fact instanceof Fact.CreditsToppedUp t) {
            f.put(p + "team", t.team().value()).put(p + "amount", t.amount());
        } else if (fact instanceof Fact.CreditsDeducted d) {
            f.put(p + "team", d.team().value()).put(p + "amount", d.amount()).put(p + "request", d.request().value());
        } else if (fact instanceof Fact.ArrearsIncurred a) {
            f.put(p + "team", a.team().value()).put(p + "amount", a.amount());
        } else if (fact instanceof Fact.ArrearsSettled a) {
            f.put(p + "team", a.team().value()).put(p + "amount", a.amount());
        }
        if (fact instanceof Fact.BuybackDeferred d) {
            f.put(p + "deployment", d.deployment().value()).put(p + "reason", d.reason());
        }
    }

    static List<Fact> decode(Fields f) {
        int n = f.intValue("count");
        if (n < 0) {
            throw new InvalidStateException("facts: count = " + n + ": must not be negative");
        }
        List<Fact> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(decode(i + ".", f));
        }
        return out;
    }

    static Fact decode(String p, Fields f) {
        String tag = f.text(p + "fact");
        switch (tag) {
            case JournalTags.MINTED:
                return new Fact.Minted(f.account(p + "to"), f.amount(p + "amount"));
            case JournalTags.BURNED:
                return new Fact.Burned(f.account(p + "from"), f.amount(p + "amount"));
            case JournalTags.MOVED:
                return new Fact.Moved(f.account(p + "from"), f.account(p + "to"), f.amount(p + "amount"));
            case JournalTags.SWAPPED:
                return new Fact.Swapped(f.account(p + "trader"), f.account(p + "pool"), f.amount(p + "in"),
                        f.amount(p + "out"));
            case JournalTags.CHARGED:
                return new Fact.Charged(f.eventId(p + "payment"), f.deployment(p + "deployment"),
                        f.account(p + "user"), f.amount(p + "amount"));
            case JournalTags.QUOTED:
                return new Fact.Quoted(f.decimal(p + "price"), f.text(p + "source"), f.instant(p + "at"));
            case JournalTags.BUYBACK_DEFERRED:
                return new Fact.BuybackDeferred(f.deployment(p + "deployment"), f.text(p + "reason"));
            case JournalTags.EPOCH_CLOSED:
                return new Fact.EpochClosed(f.longValue(p + "epoch"));
            case JournalTags.CREDITS_TOPPED_UP:
                return new Fact.CreditsToppedUp(f.account(p + "team"), f.amount(p + "amount"));
            case JournalTags.CREDITS_DEDUCTED:
                return new Fact.CreditsDeducted(f.account(p + "team"), f.amount(p + "amount"), f.eventId(p + "request"));
            case JournalTags.ARREARS_INCURRED:
                return new Fact.ArrearsIncurred(f.account(p + "team"), f.amount(p + "amount"));
            case JournalTags.ARREARS_SETTLED:
                return new Fact.ArrearsSettled(f.account(p + "team"), f.amount(p + "amount"));
            default:
                throw new InvalidStateException("facts: field '" + p + "fact' = " + tag + ": unknown fact tag");
        }
    }
}
