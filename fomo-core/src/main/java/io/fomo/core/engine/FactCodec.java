package io.fomo.core.engine;

import io.fomo.core.internal.JournalBytes;
import io.fomo.spi.Amount;
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
        return encode(facts, Fields.writer("facts", 1 + 6 * facts.size()));
    }

    /**
     * The same bytes as {@link #encode(List)}, written in {@code buffers[0]} (reused from record to record: a
     * facts record of a day's usage or an epoch's rewards is megabytes) and copied out once; in chunks shared
     * with a second core when there are at least {@code splitFrom} facts ({@link Fields#inChunks}), the first
     * chunk with the {@code count} line.
     */
    static byte[] encode(List<Fact> facts, JournalBytes[] buffers, int splitFrom) {
        int n = facts.size();
        return Fields.inChunks("facts", buffers, n, splitFrom, f -> f.put("count", n),
                (from, to, f) -> write(facts, from, to, f));
    }

    private static byte[] encode(List<Fact> facts, Fields f) {
        f.put("count", facts.size());
        write(facts, 0, facts.size(), f);
        return f.encode();
    }

    /** Writes facts {@code from} (inclusive) to {@code to} (exclusive), each numbered by its index in the list. */
    private static void write(List<Fact> facts, int from, int to, Fields f) {
        for (int i = from; i < to; i++) {
            // The keys' prefix "i." is written as digits by the writer: no string per fact.
            f.numbered(i);
            encode(facts.get(i), "", f);
        }
    }

    static void encode(Fact fact, String p, Fields f) {
        f.put(p, "fact", JournalTags.of(fact));
        if (fact instanceof Fact.Minted m) {
            f.put(p, "to", m.to().value()).put(p, "amount", m.amount());
        } else if (fact instanceof Fact.Burned b) {
            f.put(p, "from", b.from().value()).put(p, "amount", b.amount());
        } else if (fact instanceof Fact.Moved m) {
            f.put(p, "from", m.from().value()).put(p, "to", m.to().value()).put(p, "amount", m.amount());
        } else if (fact instanceof Fact.Swapped s) {
            f.put(p, "trader", s.trader().value()).put(p, "pool", s.pool().value()).put(p, "in", s.in())
                    .put(p, "out", s.out());
        } else if (fact instanceof Fact.Charged c) {
            f.put(p, "payment", c.payment().value()).put(p, "deployment", c.deployment().value())
                    .put(p, "user", c.user().value()).put(p, "amount", c.amount());
        } else if (fact instanceof Fact.Quoted q) {
            f.put(p, "price", q.price()).put(p, "source", q.source()).put(p, "at", q.at());
        } else if (fact instanceof Fact.EpochClosed e) {
            f.put(p, "epoch", e.epoch());
        } else if (fact instanceof Fact.CreditsToppedUp t) {
            f.put(p, "team", t.team().value()).put(p, "amount", t.amount());
        } else if (fact instanceof Fact.CreditsDeducted d) {
            f.put(p, "team", d.team().value()).put(p, "amount", d.amount()).put(p, "request", d.request().value());
        } else if (fact instanceof Fact.ArrearsIncurred a) {
            f.put(p, "team", a.team().value()).put(p, "amount", a.amount());
        } else if (fact instanceof Fact.ArrearsSettled a) {
            f.put(p, "team", a.team().value()).put(p, "amount", a.amount());
        } else if (fact instanceof Fact.LaunchOpened o) {
            f.put(p, "deployment", o.deployment().value()).put(p, "issuer", o.issuer().value()).put(p, "at", o.at())
                    .put(p, "closesAt", o.closesAt()).put(p, "launchFee", o.launchFee());
        } else if (fact instanceof Fact.LaunchBought o) {
            f.put(p, "deployment", o.deployment().value()).put(p, "buyer", o.buyer().value()).put(p, "at", o.at())
                    .put(p, "gross", o.gross()).put(p, "fee", o.fee()).put(p, "platformFee", o.platformFee())
                    .put(p, "creatorFee", o.creatorFee()).put(p, "net", o.net()).put(p, "mtOut", o.mtOut())
                    .put(p, "returned", o.returned()).put(p, "firstBuy", o.firstBuy());
        } else if (fact instanceof Fact.LaunchGraduated g) {
            f.put(p, "deployment", g.deployment().value()).put(p, "at", g.at()).put(p, "trigger", g.trigger())
                    .put(p, "epoch", g.epoch()).put(p, "sold", g.sold()).put(p, "burned", g.burned())
                    .put(p, "treasury", g.treasury()).put(p, "poolMt", g.poolMt()).put(p, "raised", g.raised())
                    .put(p, "liquidity", g.liquidity()).put(p, "hosting", g.hosting()).put(p, "staking", g.staking())
                    .put(p, "poolFlock", g.poolFlock()).put(p, "finalPrice", g.finalPrice())
                    .put(p, "flockPerEpoch", g.flockPerEpoch()).put(p, "mtPerEpoch", g.mtPerEpoch());
        } else if (fact instanceof Fact.LaunchFailed o) {
            f.put(p, "deployment", o.deployment().value()).put(p, "at", o.at()).put(p, "raised", o.raised());
        } else if (fact instanceof Fact.LaunchRedeemed o) {
            f.put(p, "deployment", o.deployment().value()).put(p, "supporter", o.supporter().value())
                    .put(p, "at", o.at()).put(p, "amount", o.amount());
        } else if (fact instanceof Fact.VestingClaimed o) {
            f.put(p, "deployment", o.deployment().value()).put(p, "issuer", o.issuer().value()).put(p, "at", o.at())
                    .put(p, "amount", o.amount());
        } else if (fact instanceof Fact.LaunchLive o) {
            f.put(p, "deployment", o.deployment().value()).put(p, "actor", o.actor().value()).put(p, "at", o.at());
        } else if (fact instanceof Fact.Staked o) {
            f.put(p, "user", o.user().value()).put(p, "deployment", o.deployment().value()).put(p, "amount", o.amount());
        } else if (fact instanceof Fact.Unstaked o) {
            f.put(p, "user", o.user().value()).put(p, "deployment", o.deployment().value()).put(p, "amount", o.amount());
        } else if (fact instanceof Fact.GmFlockLocked o) {
            f.put(p, "lock", o.lock().value()).put(p, "owner", o.owner().value()).put(p, "principal", o.principal())
                    .put(p, "gmFlock", o.gmFlock()).put(p, "lockDays", o.lockDays()).put(p, "start", o.start());
        } else if (fact instanceof Fact.GmFlockWithdrawn o) {
            f.put(p, "lock", o.lock().value()).put(p, "owner", o.owner().value()).put(p, "returned", o.returned())
                    .put(p, "fee", o.fee()).put(p, "gmFlock", o.gmFlock());
        } else if (fact instanceof Fact.ParametersScheduled o) {
            o.change().encode(f, p + "change.");
        } else if (fact instanceof Fact.ParametersActivated o) {
            f.put(p, "epoch", o.epoch());
        } else if (fact instanceof Fact.RevenueRouted r) {
            f.put(p, "deployment", r.deployment().value()).put(p, "gross", r.gross()).put(p, "hardCosts", r.hardCosts())
                    .put(p, "costsCovered", r.costsCovered()).put(p, "net", r.net()).put(p, "mtBuyback", r.mtBuyback())
                    .put(p, "flockBuyback", r.flockBuyback()).put(p, "treasury", r.treasury())
                    .put(p, "issuer", r.issuer()).put(p, "treasuryDust", r.treasuryDust());
        } else if (fact instanceof Fact.BuybackExecuted x) {
            f.put(p, "deployment", x.deployment().value()).put(p, "epoch", x.epoch()).put(p, "mtSpent", x.mtSpent())
                    .put(p, "flockForMt", x.flockForMt()).put(p, "mtBought", x.mtBought())
                    .put(p, "flockSpent", x.flockSpent()).put(p, "flockBought", x.flockBought())
                    .put(p, "mtLeft", x.mtLeft()).put(p, "flockLeft", x.flockLeft())
                    .put(p, "poolFlock", x.poolFlock()).put(p, "poolMt", x.poolMt());
        } else if (fact instanceof Fact.EmissionReleased e) {
            f.put(p, "epoch", e.epoch()).put(p, "scheduled", e.scheduled()).put(p, "returned", e.returned());
        } else if (fact instanceof Fact.DustCarried d) {
            f.put(p, "global", d.global()).put(p, "pools", d.pools().size());
            for (int i = 0; i < d.pools().size(); i++) {
                Fact.PoolDust pd = d.pools().get(i);
                String q = p + "pools." + i + ".";
                f.put(q, "deployment", pd.deployment().value()).put(q, "kind", pd.kind().name())
                        .put(q, "amount", pd.amount());
            }
        } else if (fact instanceof Fact.RewardCredited r) {
            f.put(p, "deployment", r.deployment().value()).put(p, "user", r.user().value()).put(p, "flock", r.flock())
                    .put(p, "mt", r.mt());
        } else if (fact instanceof Fact.RewardsClaimed r) {
            f.put(p, "user", r.user().value()).put(p, "amount", r.amount());
        } else if (fact instanceof Fact.MtRewardsClaimed r) {
            f.put(p, "user", r.user().value()).put(p, "deployment", r.deployment().value()).put(p, "amount", r.amount());
        }
        if (fact instanceof Fact.BuybackDeferred d) {
            f.put(p, "deployment", d.deployment().value()).put(p, "reason", d.reason());
        }
    }

    static List<Fact> decode(Fields f) {
        int n = f.intValue("", "count");
        if (n < 0) {
            throw new InvalidStateException("facts: count = " + n + ": must not be negative");
        }
        List<Fact> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(decode(prefix(i), f));
        }
        return out;
    }

    /** The keys' prefixes of the first facts of a record ("0.", "1.", ...), made once instead of per record. */
    private static final String[] PREFIXES = new String[256];

    static {
        for (int i = 0; i < PREFIXES.length; i++) {
            PREFIXES[i] = i + ".";
        }
    }

    /** The keys' prefix of the {@code i}-th fact of a record. */
    private static String prefix(int i) {
        return i < PREFIXES.length ? PREFIXES[i] : i + ".";
    }

    static Fact decode(String p, Fields f) {
        String tag = f.tag(p, "fact");
        switch (tag) {
            case JournalTags.MINTED:
                return new Fact.Minted(f.account(p, "to"), f.amount(p, "amount"));
            case JournalTags.BURNED:
                return new Fact.Burned(f.account(p, "from"), f.amount(p, "amount"));
            case JournalTags.MOVED:
                return new Fact.Moved(f.account(p, "from"), f.account(p, "to"), f.amount(p, "amount"));
            case JournalTags.SWAPPED:
                return new Fact.Swapped(f.account(p, "trader"), f.account(p, "pool"), f.amount(p, "in"),
                        f.amount(p, "out"));
            case JournalTags.CHARGED:
                return new Fact.Charged(f.eventId(p, "payment"), f.deployment(p, "deployment"),
                        f.account(p, "user"), f.amount(p, "amount"));
            case JournalTags.QUOTED:
                return new Fact.Quoted(f.decimal(p, "price"), f.text(p, "source"), f.instant(p, "at"));
            case JournalTags.BUYBACK_DEFERRED:
                return new Fact.BuybackDeferred(f.deployment(p, "deployment"), f.text(p, "reason"));
            case JournalTags.EPOCH_CLOSED:
                return new Fact.EpochClosed(f.longValue(p, "epoch"));
            case JournalTags.CREDITS_TOPPED_UP:
                return new Fact.CreditsToppedUp(f.account(p, "team"), f.amount(p, "amount"));
            case JournalTags.CREDITS_DEDUCTED:
                return new Fact.CreditsDeducted(f.account(p, "team"), f.amount(p, "amount"), f.eventId(p, "request"));
            case JournalTags.ARREARS_INCURRED:
                return new Fact.ArrearsIncurred(f.account(p, "team"), f.amount(p, "amount"));
            case JournalTags.ARREARS_SETTLED:
                return new Fact.ArrearsSettled(f.account(p, "team"), f.amount(p, "amount"));
            case JournalTags.LAUNCH_OPENED:
                return new Fact.LaunchOpened(f.deployment(p, "deployment"), f.account(p, "issuer"), f.instant(p, "at"),
                        f.instant(p, "closesAt"), f.amount(p, "launchFee"));
            case JournalTags.LAUNCH_BOUGHT:
                return new Fact.LaunchBought(f.deployment(p, "deployment"), f.account(p, "buyer"), f.instant(p, "at"),
                        f.amount(p, "gross"), f.amount(p, "fee"), f.amount(p, "platformFee"),
                        f.amount(p, "creatorFee"), f.amount(p, "net"), f.amount(p, "mtOut"), f.amount(p, "returned"),
                        f.bool(p, "firstBuy"));
            case JournalTags.LAUNCH_GRADUATED:
                return new Fact.LaunchGraduated(f.deployment(p, "deployment"), f.instant(p, "at"),
                        f.text(p, "trigger"), f.longValue(p, "epoch"), f.amount(p, "sold"), f.amount(p, "burned"),
                        f.amount(p, "treasury"), f.amount(p, "poolMt"), f.amount(p, "raised"),
                        f.amount(p, "liquidity"), f.amount(p, "hosting"), f.amount(p, "staking"),
                        f.amount(p, "poolFlock"), f.decimal(p, "finalPrice"), f.amount(p, "flockPerEpoch"),
                        f.amount(p, "mtPerEpoch"));
            case JournalTags.LAUNCH_FAILED:
                return new Fact.LaunchFailed(f.deployment(p, "deployment"), f.instant(p, "at"), f.amount(p, "raised"));
            case JournalTags.LAUNCH_REDEEMED:
                return new Fact.LaunchRedeemed(f.deployment(p, "deployment"), f.account(p, "supporter"),
                        f.instant(p, "at"), f.amount(p, "amount"));
            case JournalTags.VESTING_CLAIMED:
                return new Fact.VestingClaimed(f.deployment(p, "deployment"), f.account(p, "issuer"),
                        f.instant(p, "at"), f.amount(p, "amount"));
            case JournalTags.LAUNCH_LIVE:
                return new Fact.LaunchLive(f.deployment(p, "deployment"), f.account(p, "actor"), f.instant(p, "at"));
            case JournalTags.STAKED:
                return new Fact.Staked(f.account(p, "user"), f.deployment(p, "deployment"), f.amount(p, "amount"));
            case JournalTags.UNSTAKED:
                return new Fact.Unstaked(f.account(p, "user"), f.deployment(p, "deployment"), f.amount(p, "amount"));
            case JournalTags.GMFLOCK_LOCKED:
                return new Fact.GmFlockLocked(f.eventId(p, "lock"), f.account(p, "owner"), f.amount(p, "principal"),
                        f.amount(p, "gmFlock"), f.intValue(p, "lockDays"), f.instant(p, "start"));
            case JournalTags.GMFLOCK_WITHDRAWN:
                return new Fact.GmFlockWithdrawn(f.eventId(p, "lock"), f.account(p, "owner"),
                        f.amount(p, "returned"), f.amount(p, "fee"), f.amount(p, "gmFlock"));
            case JournalTags.PARAMETERS_SCHEDULED:
                return new Fact.ParametersScheduled(ParameterChange.decode(f, p + "change."));
            case JournalTags.PARAMETERS_ACTIVATED:
                return new Fact.ParametersActivated(f.longValue(p, "epoch"));
            case JournalTags.REVENUE_ROUTED:
                return new Fact.RevenueRouted(f.deployment(p, "deployment"), f.amount(p, "gross"),
                        f.amount(p, "hardCosts"), f.amount(p, "costsCovered"), f.amount(p, "net"),
                        f.amount(p, "mtBuyback"), f.amount(p, "flockBuyback"), f.amount(p, "treasury"),
                        f.amount(p, "issuer"), f.amount(p, "treasuryDust"));
            case JournalTags.BUYBACK_EXECUTED:
                return new Fact.BuybackExecuted(f.deployment(p, "deployment"), f.longValue(p, "epoch"),
                        f.amount(p, "mtSpent"), f.amount(p, "flockForMt"), f.amount(p, "mtBought"),
                        f.amount(p, "flockSpent"), f.amount(p, "flockBought"), f.amount(p, "mtLeft"),
                        f.amount(p, "flockLeft"), f.amount(p, "poolFlock"), f.amount(p, "poolMt"));
            case JournalTags.EMISSION_RELEASED:
                return new Fact.EmissionReleased(f.longValue(p, "epoch"), f.amount(p, "scheduled"),
                        f.amount(p, "returned"));
            case JournalTags.DUST_CARRIED: {
                // Read in the order written (global, then the pools), as every decoder here reads.
                Amount global = f.amount(p, "global");
                int n = f.intValue(p, "pools");
                if (n < 0) {
                    throw new InvalidStateException("facts: field '" + p + "pools' = " + n + ": must not be negative");
                }
                List<Fact.PoolDust> pools = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    String q = p + "pools." + i + ".";
                    pools.add(new Fact.PoolDust(f.deployment(q, "deployment"), poolKind(f, q + "kind"),
                            f.amount(q, "amount")));
                }
                return new Fact.DustCarried(global, pools);
            }
            case JournalTags.REWARD_CREDITED:
                return new Fact.RewardCredited(f.deployment(p, "deployment"), f.account(p, "user"),
                        f.amount(p, "flock"), f.amount(p, "mt"));
            case JournalTags.REWARDS_CLAIMED:
                return new Fact.RewardsClaimed(f.account(p, "user"), f.amount(p, "amount"));
            case JournalTags.MT_REWARDS_CLAIMED:
                return new Fact.MtRewardsClaimed(f.account(p, "user"), f.deployment(p, "deployment"),
                        f.amount(p, "amount"));
            default:
                throw new InvalidStateException("facts: field '" + p + "fact' = " + tag + ": unknown fact tag");
        }
    }

    private static io.fomo.core.rewards.PoolKind poolKind(Fields f, String key) {
        String v = f.text(key);
        for (io.fomo.core.rewards.PoolKind k : io.fomo.core.rewards.PoolKind.values()) {
            if (k.name().equals(v)) {
                return k;
            }
        }
        throw new InvalidStateException("facts: field '" + key + "' = " + (v.length() > 40 ? v.substring(0, 40) : v)
                + ": not a pool kind");
    }
}
