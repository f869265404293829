package io.fomo.core.engine;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.emission.EmissionReserve;
import io.fomo.core.launch.CurvePosition;
import io.fomo.core.launch.Rmo;
import io.fomo.core.launch.RmoState;
import io.fomo.core.launch.SupporterPosition;
import io.fomo.core.revenue.Burn;
import io.fomo.core.revenue.BurnLedger;
import io.fomo.core.revenue.BuybackBook;
import io.fomo.core.revenue.BuybackBudget;
import io.fomo.core.revenue.RevenueLedger;
import io.fomo.core.rewards.CarryOver;
import io.fomo.core.rewards.ClaimLedger;
import io.fomo.core.rewards.PoolKind;
import io.fomo.core.staking.GmFlockBook;
import io.fomo.core.staking.GmFlockLock;
import io.fomo.core.staking.StakeBook;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.IntentId;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.TokenIntent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The canonical, decodable encoding of the engine's whole state at a journal sequence number: the bytes
 * of a {@link io.fomo.spi.Snapshot} (format {@value #FORMAT}). One {@code key=value} line per field, in the
 * journal's value forms and escapes, in a fixed order; every collection is written as its count then its
 * elements in ascending key order, so equal states give equal bytes. docs/journal.md ("Snapshots") lists
 * the lines; the two large id sets (command ids with their digests, payment ids) are one base64 block each
 * ({@link SnapshotBlocks}). The last line is the SHA-256 of every byte before it. {@link #decode} checks that
 * line first, rebuilds the state through the models' validating restore factories (the id blocks must be in
 * strictly ascending order), and requires that the decoded state's state hash is the one the bytes record;
 * anything else is an {@link InvalidStateException}.
 *
 * <p>Not encoded: the last epoch close's reports ({@code lastEpochRevenue}, {@code lastEpochRewards},
 * {@code lastBuybacks}); they are views of the last close, not state (no decision reads them, the state
 * hash does not cover them), and are empty after a restore until the next close.
 */
final class StateSnapshot {

    /** The format tag of the encoding; a change to the lines is a new tag. */
    static final String FORMAT = "fomo-state-snapshot/2";

    private static final String NONE = "-";

    /** The key of the last line: the SHA-256 (hex) of every byte before it. */
    private static final String CHECK = "check";

    private StateSnapshot() {
    }

    /** What a decoded snapshot holds beside the state. */
    record Decoded(State state, long sequence, byte[] head, int journalRules, LinkedHashMap<IntentId, TokenIntent> outbox) {
    }

    static byte[] encode(State s, long sequence, byte[] head, int journalRules, Iterable<TokenIntent> outbox) {
        SnapshotLines.Writer f = new SnapshotLines.Writer();
        f.put("format", FORMAT).put("sequence", sequence).put("head", HexFormat.of().formatHex(head))
                .put("rules", journalRules);
        f.put("genesis", text(s.genesis.encode().encode()));
        f.put("commands", s.commands).put("lastTime", s.lastTime);
        f.putAll(parameters(s.current, "current."));
        f.put("history", s.history.size());
        int i = 0;
        for (Map.Entry<Long, ParameterChange> e : s.history.entrySet()) {
            f.put("history." + i + ".epoch", e.getKey());
            f.putAll(parameters(e.getValue(), "history." + i + "."));
            i++;
        }
        f.put("pending", s.pending != null);
        if (s.pending != null) {
            f.putAll(parameters(s.pending, "pending."));
        }
        deployments(s, f);
        revenue(s.revenue, f);
        f.put("buybacks", s.buybacks.budgets().size());
        i = 0;
        for (BuybackBudget b : s.buybacks.budgets().values()) {
            f.put("buybacks." + i + ".deployment", b.deployment().value()).put("buybacks." + i + ".mt", b.mtBudget())
                    .put("buybacks." + i + ".flock", b.flockBudget());
            i++;
        }
        TreeMap<String, Amount> supplies = new TreeMap<>();
        s.burns.supplies().forEach((a, v) -> supplies.put(a.symbol(), v));
        putAmounts(f, "burns.supplies", supplies.values());
        f.put("burns", s.burns.entries().size());
        i = 0;
        for (Burn b : s.burns.entries()) {
            f.put("burns." + i + ".epoch", b.epoch()).put("burns." + i + ".deployment", b.deployment().value())
                    .put("burns." + i + ".amount", b.amount());
            i++;
        }
        int stakes = 0;
        for (DeploymentId d : s.deployments.keySet()) {
            stakes += s.stakes.stakers(d).size();
        }
        f.put("stakes", stakes);
        i = 0;
        for (DeploymentId d : s.deployments.keySet()) {
            for (Map.Entry<AccountId, Amount> e : s.stakes.stakers(d).entrySet()) {
                f.put("stakes." + i + ".deployment", d.value()).put("stakes." + i + ".user", e.getKey().value())
                        .put("stakes." + i + ".amount", e.getValue());
                i++;
            }
        }
        putIds(f, "gm.owners", s.gmOwners);
        java.util.Collection<GmFlockLock> locks = s.gm.locks().values();
        f.put("gm.locks", locks.size());
        i = 0;
        for (GmFlockLock l : locks) {
            String p = "gm.locks." + i++ + ".";
            f.put(p + "id", l.id().value()).put(p + "owner", l.owner().value()).put(p + "principal", l.principal())
                    .put(p + "gmFlock", l.gmFlock()).put(p + "days", l.lockDays()).put(p + "start", l.start());
        }
        f.put("gm.fees", s.gm.feesCollected());
        f.put("reserve.initial", s.reserve.initial()).put("reserve.released", s.reserve.released())
                .put("reserve.returned", s.reserve.returned());
        carry(s.carry, f);
        claims(s, f);
        putIds(f, "rewarded", State.sorted(s.rewarded.keys()));
        int spends = 0;
        for (Map<AccountId, Amount> m : s.spend.values()) {
            spends += m.size();
        }
        f.put("spend", spends);
        i = 0;
        for (DeploymentId d : s.spend.keySet()) {
            for (Map.Entry<AccountId, Amount> u : s.sortedSpend(d).entrySet()) {
                f.put("spend." + i + ".deployment", d.value()).put("spend." + i + ".user", u.getKey().value())
                        .put("spend." + i + ".amount", u.getValue());
                i++;
            }
        }
        TreeMap<String, Amount> balances = s.tokens.sortedBalances();
        f.put("balances", balances.size());
        i = 0;
        for (Map.Entry<String, Amount> e : balances.entrySet()) {
            String key = e.getKey();
            f.put("balances." + i + ".account", key.substring(0, key.lastIndexOf('|')))
                    .put("balances." + i + ".amount", e.getValue());
            i++;
        }
        putAmounts(f, "booked", s.tokens.sortedSupplies().values());
        SortedMap<AccountId, CreditAccount> credits = s.metering.credits();
        f.put("credits", credits.size());
        i = 0;
        for (Map.Entry<AccountId, CreditAccount> e : credits.entrySet()) {
            f.put("credits." + i + ".team", e.getKey().value()).put("credits." + i + ".toppedUp", e.getValue().toppedUp())
                    .put("credits." + i + ".deducted", e.getValue().deducted());
            i++;
        }
        SortedMap<DeploymentId, MeterTotals> meters = s.metering.totals();
        f.put("meters", meters.size());
        i = 0;
        for (Map.Entry<DeploymentId, MeterTotals> e : meters.entrySet()) {
            MeterTotals t = e.getValue();
            String p = "meters." + i++ + ".";
            f.put(p + "deployment", e.getKey().value()).put(p + "calls", t.calls()).put(p + "input", t.inputTokens())
                    .put(p + "cached", t.cachedTokens()).put(p + "output", t.outputTokens())
                    .put(p + "listCharges", t.listCharges()).put(p + "revenue", t.revenue()).put(p + "late", t.late());
        }
        TreeMap<EventId, CommandDigest> seen = new TreeMap<>(s.seen);
        f.put("seen", seen.size());
        f.put("seen.block", SnapshotBlocks.encodeDigests(seen));
        List<TokenIntent> pending = new ArrayList<>();
        outbox.forEach(pending::add);
        f.put("outbox", pending.size());
        for (i = 0; i < pending.size(); i++) {
            f.put("outbox." + i, text(IntentCodec.encode(pending.get(i))));
        }
        f.put("stateHash", StateHash.of(s));
        return f.sealed(CHECK);
    }

    private static Fields parameters(ParameterChange p, String prefix) {
        Fields t = new Fields("snapshot " + prefix);
        p.encode(t, prefix);
        return t;
    }

    private static void deployments(State s, SnapshotLines.Writer f) {
        f.put("deployments", s.deployments.size());
        int i = 0;
        for (Deployment d : s.deployments.values()) {
            String p = "deployments." + i++ + ".";
            Rmo r = d.rmo;
            Fields launch = new Fields("launch");
            CommandCodec.encode(new Command.OpenLaunch(d.id, r.issuer(), r.params(), d.pricing,
                    Amount.zero(Asset.FLOCK)), launch);
            f.put(p + "id", d.id.value()).put(p + "launch", text(launch.encode()));
            f.put(p + "state", r.state().name());
            f.put(p + "openedAt", r.openedAt().map(SnapshotLines::instant).orElse(NONE));
            f.put(p + "closesAt", r.closesAt().map(SnapshotLines::instant).orElse(NONE));
            f.put(p + "lastAt", r.lastActionAt().map(SnapshotLines::instant).orElse(NONE));
            f.put(p + "sold", r.sold()).put(p + "raised", r.raised()).put(p + "launchFeePaid", r.launchFeePaid())
                    .put(p + "platformFees", r.platformFees()).put(p + "creatorFees", r.creatorFees())
                    .put(p + "returned", r.returnedOverfill()).put(p + "refunded", r.refunded())
                    .put(p + "vestingClaimed", r.vestingClaimed());
            f.put(p + "graduatedAt", r.graduation().map(g -> SnapshotLines.instant(g.at())).orElse(NONE));
            f.put(p + "supporters", r.supporters().size());
            int j = 0;
            for (Map.Entry<AccountId, SupporterPosition> e : r.supporters().entrySet()) {
                String q = p + "supporters." + j++ + ".";
                SupporterPosition sp = e.getValue();
                f.put(q + "account", e.getKey().value()).put(q + "paid", sp.paid()).put(q + "fees", sp.fees())
                        .put(q + "returned", sp.returned()).put(q + "principal", sp.principal()).put(q + "mt", sp.mt())
                        .put(q + "refunded", sp.refunded()).put(q + "redeemed", sp.redeemed());
            }
            f.put(p + "pool", d.hasPool());
            if (d.hasPool()) {
                f.put(p + "pool.a", d.pool.reserve(d.pool.assetA())).put(p + "pool.b", d.pool.reserve(d.pool.assetB()))
                        .put(p + "pool.feeBps", d.pool.feeBps());
            }
            f.put(p + "graduatedEpoch", d.graduatedEpoch);
            f.put(p + "flockIncentivePerEpoch", d.flockIncentivePerEpoch == null ? NONE
                    : SnapshotLines.amount(d.flockIncentivePerEpoch));
            f.put(p + "mtIncentivePerEpoch", d.mtIncentivePerEpoch == null ? NONE
                    : SnapshotLines.amount(d.mtIncentivePerEpoch));
        }
    }

    private static void revenue(RevenueLedger r, SnapshotLines.Writer f) {
        f.put("revenue.epoch", r.epoch());
        putIds(f, "revenue.deployments", r.deployments());
        List<DeploymentId> paid = new ArrayList<>();
        for (DeploymentId d : r.deployments()) {
            if (r.paymentCount(d) > 0) {
                paid.add(d);
            }
        }
        f.put("revenue.gross", paid.size());
        int i = 0;
        for (DeploymentId d : paid) {
            f.put("revenue.gross." + i + ".deployment", d.value()).put("revenue.gross." + i + ".amount", r.grossOf(d))
                    .put("revenue.gross." + i + ".count", r.paymentCount(d));
            i++;
        }
        f.put("revenue.seen", r.seenPayments().size());
        f.put("revenue.seen.block", SnapshotBlocks.encodeIds(r.seenPayments()));
    }

    private static void carry(CarryOver c, SnapshotLines.Writer f) {
        f.put("carry.global", c.global());
        List<String> keys = new ArrayList<>();
        List<Amount> values = new ArrayList<>();
        for (DeploymentId d : new TreeSet<>(c.deployments())) {
            for (PoolKind k : PoolKind.values()) {
                c.dust(d, k).ifPresent(a -> {
                    keys.add(d.value() + "|" + k.name());
                    values.add(a);
                });
            }
        }
        f.put("carry", keys.size());
        for (int i = 0; i < keys.size(); i++) {
            String[] dk = keys.get(i).split("\\|", -1);
            f.put("carry." + i + ".deployment", keys.get(i).substring(0, keys.get(i).lastIndexOf('|')))
                    .put("carry." + i + ".kind", dk[dk.length - 1]).put("carry." + i + ".amount", values.get(i));
        }
    }

    private static void claims(State s, SnapshotLines.Writer f) {
        ClaimLedger c = s.claims;
        f.put("claims.flockCredited", c.credited(Asset.FLOCK)).put("claims.flockClaimed", c.claimed(Asset.FLOCK));
        SortedMap<AccountId, Amount> flock = c.flockBalances();
        f.put("claims.flock", flock.size());
        int i = 0;
        for (Map.Entry<AccountId, Amount> e : flock.entrySet()) {
            f.put("claims.flock." + i + ".user", e.getKey().value()).put("claims.flock." + i + ".amount", e.getValue());
            i++;
        }
        List<DeploymentId> credited = new ArrayList<>();
        for (DeploymentId d : s.deployments.keySet()) {
            if (c.credited(Asset.modelToken(d)).isPositive()) {
                credited.add(d);
            }
        }
        f.put("claims.mt", credited.size());
        i = 0;
        for (DeploymentId d : credited) {
            String p = "claims.mt." + i++ + ".";
            Asset mt = Asset.modelToken(d);
            f.put(p + "deployment", d.value()).put(p + "credited", c.credited(mt)).put(p + "claimed", c.claimed(mt));
            SortedMap<AccountId, Amount> users = c.mtBalances(d);
            f.put(p + "users", users.size());
            int j = 0;
            for (Map.Entry<AccountId, Amount> e : users.entrySet()) {
                f.put(p + "users." + j + ".user", e.getKey().value()).put(p + "users." + j + ".amount", e.getValue());
                j++;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ decode

    static Decoded decode(byte[] bytes) {
        SnapshotLines.checkSeal(bytes, CHECK);
        SnapshotLines.Reader f = new SnapshotLines.Reader(bytes);
        String format = f.text("format");
        if (!FORMAT.equals(format)) {
            throw new InvalidStateException("snapshot: format = " + shorten(format) + ": expected " + FORMAT);
        }
        long sequence = f.longValue("sequence");
        String headText = f.text("head");
        if (!headText.matches("[0-9a-f]{64}")) {
            throw new InvalidStateException("snapshot: head = " + shorten(headText) + ": expected 64 hex digits");
        }
        byte[] head = HexFormat.of().parseHex(headText);
        int rules = f.intValue("rules");
        ProtocolParameters genesis = ProtocolParameters.decode(nested(f, "genesis"));
        State s = new State(genesis);
        s.commands = f.longValue("commands");
        s.lastTime = f.instant("lastTime");
        s.current = ParameterChange.decode(f.fieldsWithPrefix("current."), "current.");
        s.history.clear();
        int n = count(f, "history");
        for (int i = 0; i < n; i++) {
            long epoch = f.longValue("history." + i + ".epoch");
            String prefix = "history." + i + ".";
            s.history.put(epoch, ParameterChange.decode(f.fieldsWithPrefix(prefix), prefix));
        }
        s.pending = f.bool("pending") ? ParameterChange.decode(f.fieldsWithPrefix("pending."), "pending.") : null;
        decodeDeployments(s, f);
        long openEpoch = f.longValue("revenue.epoch");
        TreeSet<DeploymentId> registered = new TreeSet<>();
        for (String d : ids(f, "revenue.deployments")) {
            registered.add(DeploymentId.of(d));
        }
        Map<DeploymentId, Amount> gross = new HashMap<>();
        Map<DeploymentId, Integer> counts = new HashMap<>();
        n = count(f, "revenue.gross");
        for (int i = 0; i < n; i++) {
            DeploymentId d = f.deployment("revenue.gross." + i + ".deployment");
            gross.put(d, f.amount("revenue.gross." + i + ".amount"));
            counts.put(d, f.intValue("revenue.gross." + i + ".count"));
        }
        n = count(f, "revenue.seen");
        List<EventId> seenPayments = SnapshotBlocks.decodeIds(f.text("revenue.seen.block"), n, "revenue.seen.block");
        RevenueLedger fresh = RevenueLedger.builder().calendar(s.calendar).router(State.router(s.current)).build();
        s.revenue = fresh.restore(openEpoch, registered, gross, counts, seenPayments);
        Map<DeploymentId, BuybackBudget> budgets = new HashMap<>();
        n = count(f, "buybacks");
        for (int i = 0; i < n; i++) {
            DeploymentId d = f.deployment("buybacks." + i + ".deployment");
            Amount mt = f.amount("buybacks." + i + ".mt");
            budgets.put(d, BuybackBudget.of(d, mt, f.amount("buybacks." + i + ".flock")));
        }
        s.buybacks = BuybackBook.restore(State.REVENUE, budgets);
        Map<Asset, Amount> supplies = new HashMap<>();
        for (Amount a : amounts(f, "burns.supplies")) {
            supplies.put(a.asset(), a);
        }
        List<Burn> burns = new ArrayList<>();
        n = count(f, "burns");
        for (int i = 0; i < n; i++) {
            long epoch = f.longValue("burns." + i + ".epoch");
            DeploymentId d = f.deployment("burns." + i + ".deployment");
            burns.add(Burn.of(epoch, d, f.amount("burns." + i + ".amount")));
        }
        s.burns = BurnLedger.restore(supplies, burns);
        Map<DeploymentId, Map<AccountId, Amount>> stakes = new HashMap<>();
        n = count(f, "stakes");
        for (int i = 0; i < n; i++) {
            DeploymentId d = f.deployment("stakes." + i + ".deployment");
            AccountId u = f.account("stakes." + i + ".user");
            stakes.computeIfAbsent(d, k -> new HashMap<>()).put(u, f.amount("stakes." + i + ".amount"));
        }
        s.stakes = StakeBook.restore(stakes);
        for (String o : ids(f, "gm.owners")) {
            s.gmOwners.add(AccountId.of(o));
        }
        List<GmFlockLock> locks = new ArrayList<>();
        n = count(f, "gm.locks");
        for (int i = 0; i < n; i++) {
            String p = "gm.locks." + i + ".";
            EventId id = f.eventId(p + "id");
            AccountId owner = f.account(p + "owner");
            Amount principal = f.amount(p + "principal");
            Amount gmFlock = f.amount(p + "gmFlock");
            int days = f.intValue(p + "days");
            locks.add(GmFlockLock.restore(id, owner, principal, gmFlock, days, f.instant(p + "start")));
        }
        s.gm = GmFlockBook.restore(s.gmTerms, locks, f.amount("gm.fees"));
        Amount initial = f.amount("reserve.initial");
        Amount released = f.amount("reserve.released");
        s.reserve = EmissionReserve.of(initial).release(released).giveBack(f.amount("reserve.returned"));
        Amount global = f.amount("carry.global");
        Map<DeploymentId, Map<PoolKind, Amount>> pools = new TreeMap<>();
        n = count(f, "carry");
        for (int i = 0; i < n; i++) {
            DeploymentId d = f.deployment("carry." + i + ".deployment");
            PoolKind kind = poolKind(f.text("carry." + i + ".kind"));
            pools.computeIfAbsent(d, k -> new TreeMap<>()).put(kind, f.amount("carry." + i + ".amount"));
        }
        s.carry = CarryOver.of(global, pools);
        s.claims = decodeClaims(f);
        for (String u : ids(f, "rewarded")) {
            s.rewarded.slotOf(AccountId.of(u));
        }
        n = count(f, "spend");
        for (int i = 0; i < n; i++) {
            DeploymentId d = f.deployment("spend." + i + ".deployment");
            AccountId u = f.account("spend." + i + ".user");
            s.spend.computeIfAbsent(d, k -> new java.util.LinkedHashMap<>())
                    .put(u, f.amount("spend." + i + ".amount"));
        }
        s.tokens.clearForRestore();
        n = count(f, "balances");
        for (int i = 0; i < n; i++) {
            AccountId a = f.account("balances." + i + ".account");
            s.tokens.restoreBalance(a, f.amount("balances." + i + ".amount"));
        }
        for (Amount a : amounts(f, "booked")) {
            s.tokens.restoreSupply(a);
        }
        TreeMap<AccountId, CreditAccount> credits = new TreeMap<>();
        n = count(f, "credits");
        for (int i = 0; i < n; i++) {
            AccountId team = f.account("credits." + i + ".team");
            Amount toppedUp = f.amount("credits." + i + ".toppedUp");
            credits.put(team, new CreditAccount(toppedUp, f.amount("credits." + i + ".deducted")));
        }
        TreeMap<DeploymentId, MeterTotals> meters = new TreeMap<>();
        n = count(f, "meters");
        for (int i = 0; i < n; i++) {
            String p = "meters." + i + ".";
            DeploymentId d = f.deployment(p + "deployment");
            long calls = f.longValue(p + "calls");
            long input = f.longValue(p + "input");
            long cached = f.longValue(p + "cached");
            long output = f.longValue(p + "output");
            Amount list = f.amount(p + "listCharges");
            Amount revenue = f.amount(p + "revenue");
            meters.put(d, new MeterTotals(calls, input, cached, output, list, revenue, f.longValue(p + "late")));
        }
        s.metering.restore(credits, meters);
        n = count(f, "seen");
        SnapshotBlocks.decodeDigests(f.text("seen.block"), n, "seen.block", s.seen);
        LinkedHashMap<IntentId, TokenIntent> outbox = new LinkedHashMap<>();
        n = count(f, "outbox");
        for (int i = 0; i < n; i++) {
            TokenIntent t = intent(nested(f, "outbox." + i));
            outbox.put(t.id(), t);
        }
        String recorded = f.text("stateHash");
        f.text(CHECK);
        if (!f.atEnd()) {
            throw new InvalidStateException("snapshot: lines after the check line");
        }
        String actual = StateHash.of(s);
        if (!actual.equals(recorded)) {
            throw new InvalidStateException("snapshot: the decoded state's hash is " + actual + ", the snapshot records "
                    + shorten(recorded) + " (a value edited or written in another form)");
        }
        return new Decoded(s, sequence, head, rules, outbox);
    }

    private static PoolKind poolKind(String name) {
        for (PoolKind k : PoolKind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new InvalidStateException("snapshot: pool kind = " + shorten(name));
    }

    private static void decodeDeployments(State s, SnapshotLines.Reader f) {
        int n = count(f, "deployments");
        for (int i = 0; i < n; i++) {
            String p = "deployments." + i + ".";
            DeploymentId id = f.deployment(p + "id");
            Command.OpenLaunch open = (Command.OpenLaunch) CommandCodec.decode(nested(f, p + "launch"));
            if (!open.deployment().equals(id)) {
                throw new InvalidStateException("snapshot: " + p + "launch is deployment " + open.deployment());
            }
            RmoState state = rmoState(f.text(p + "state"));
            Instant openedAt = optionalInstant(f, p + "openedAt");
            Instant closesAt = optionalInstant(f, p + "closesAt");
            Instant lastAt = optionalInstant(f, p + "lastAt");
            Amount sold = f.amount(p + "sold");
            Amount raised = f.amount(p + "raised");
            Amount launchFeePaid = f.amount(p + "launchFeePaid");
            Amount platformFees = f.amount(p + "platformFees");
            Amount creatorFees = f.amount(p + "creatorFees");
            Amount returned = f.amount(p + "returned");
            Amount refunded = f.amount(p + "refunded");
            Amount vestingClaimed = f.amount(p + "vestingClaimed");
            Instant graduatedAt = optionalInstant(f, p + "graduatedAt");
            TreeMap<AccountId, SupporterPosition> supporters = new TreeMap<>();
            int m = count(f, p + "supporters");
            for (int j = 0; j < m; j++) {
                String q = p + "supporters." + j + ".";
                AccountId account = f.account(q + "account");
                Amount paid = f.amount(q + "paid");
                Amount fees = f.amount(q + "fees");
                Amount ret = f.amount(q + "returned");
                Amount principal = f.amount(q + "principal");
                Amount mt = f.amount(q + "mt");
                Amount ref = f.amount(q + "refunded");
                supporters.put(account, SupporterPosition.restore(paid, fees, ret, principal, mt, ref,
                        f.bool(q + "redeemed")));
            }
            Rmo rmo = Rmo.restore(open.parameters(), open.issuer(), state, openedAt, closesAt, lastAt,
                    CurvePosition.of(sold, raised), launchFeePaid, platformFees, creatorFees, returned, refunded,
                    supporters, graduatedAt, vestingClaimed);
            ConstantProductPool pool = null;
            if (f.bool(p + "pool")) {
                Amount a = f.amount(p + "pool.a");
                Amount b = f.amount(p + "pool.b");
                pool = ConstantProductPool.open(a, b, f.intValue(p + "pool.feeBps"));
            }
            long graduatedEpoch = f.longValue(p + "graduatedEpoch");
            Amount flockPerEpoch = optionalAmount(f, p + "flockIncentivePerEpoch");
            Amount mtPerEpoch = optionalAmount(f, p + "mtIncentivePerEpoch");
            s.deployments.put(id, new Deployment(id, rmo, open.pricing(), pool, graduatedEpoch, flockPerEpoch,
                    mtPerEpoch));
        }
    }

    private static RmoState rmoState(String name) {
        for (RmoState st : RmoState.values()) {
            if (st.name().equals(name)) {
                return st;
            }
        }
        throw new InvalidStateException("snapshot: RMO state = " + shorten(name));
    }

    private static ClaimLedger decodeClaims(SnapshotLines.Reader f) {
        Amount flockCredited = f.amount("claims.flockCredited");
        Amount flockClaimed = f.amount("claims.flockClaimed");
        Map<AccountId, Amount> flock = new HashMap<>();
        int n = count(f, "claims.flock");
        for (int i = 0; i < n; i++) {
            AccountId u = f.account("claims.flock." + i + ".user");
            flock.put(u, f.amount("claims.flock." + i + ".amount"));
        }
        Map<DeploymentId, Map<AccountId, Amount>> mt = new HashMap<>();
        Map<DeploymentId, Amount> credited = new HashMap<>();
        Map<DeploymentId, Amount> claimed = new HashMap<>();
        n = count(f, "claims.mt");
        for (int i = 0; i < n; i++) {
            String p = "claims.mt." + i + ".";
            DeploymentId d = f.deployment(p + "deployment");
            credited.put(d, f.amount(p + "credited"));
            claimed.put(d, f.amount(p + "claimed"));
            Map<AccountId, Amount> users = new HashMap<>();
            int m = count(f, p + "users");
            for (int j = 0; j < m; j++) {
                AccountId u = f.account(p + "users." + j + ".user");
                users.put(u, f.amount(p + "users." + j + ".amount"));
            }
            mt.put(d, users);
        }
        return ClaimLedger.restore(Asset.FLOCK, flock, mt, flockCredited, flockClaimed, credited, claimed);
    }

    private static TokenIntent intent(Fields f) {
        IntentId id = IntentId.of(f.text("id"));
        switch (f.text("kind")) {
            case "MINT":
                return TokenIntent.mint(id, f.account("to"), f.amount("amount"));
            case "BURN":
                return TokenIntent.burn(id, f.account("from"), f.amount("amount"));
            case "TRANSFER":
                return TokenIntent.transfer(id, f.account("from"), f.account("to"), f.amount("amount"));
            case "ADD_LIQUIDITY":
                return TokenIntent.addLiquidity(id, f.account("from"), f.account("to"), f.amount("amount"),
                        f.amount("second"));
            case "SWAP":
                return TokenIntent.swap(id, f.account("from"), f.account("to"), f.amount("amount"), f.amount("second"));
            default:
                throw new InvalidStateException("snapshot: intent kind = " + shorten(f.text("kind")));
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static Fields nested(SnapshotLines.Reader f, String key) {
        return Fields.decode(f.text(key).getBytes(StandardCharsets.UTF_8), "snapshot " + key);
    }

    private static Instant optionalInstant(SnapshotLines.Reader f, String key) {
        String v = f.text(key);
        return NONE.equals(v) ? null : f.instantOf(key, v);
    }

    private static Amount optionalAmount(SnapshotLines.Reader f, String key) {
        String v = f.text(key);
        return NONE.equals(v) ? null : f.amountOf(key, v);
    }

    private static int count(SnapshotLines.Reader f, String key) {
        int n = f.intValue(key);
        if (n < 0 || n > io.fomo.spi.Limits.MAX_ELEMENTS) {
            throw new InvalidStateException("snapshot: " + key + " = " + n + ": expected 0 to "
                    + io.fomo.spi.Limits.MAX_ELEMENTS);
        }
        return n;
    }

    private static void putIds(SnapshotLines.Writer f, String key, Iterable<? extends Object> ids) {
        List<String> values = new ArrayList<>();
        for (Object id : ids) {
            values.add(id instanceof io.fomo.spi.AccountId a ? a.value()
                    : id instanceof DeploymentId d ? d.value() : ((EventId) id).value());
        }
        f.put(key, values.size());
        for (int i = 0; i < values.size(); i++) {
            f.put(key + "." + i, values.get(i));
        }
    }

    private static List<String> ids(SnapshotLines.Reader f, String key) {
        int n = count(f, key);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(f.text(key + "." + i));
        }
        return out;
    }

    private static void putAmounts(SnapshotLines.Writer f, String key, Iterable<Amount> amounts) {
        List<Amount> values = new ArrayList<>();
        amounts.forEach(values::add);
        f.put(key, values.size());
        for (int i = 0; i < values.size(); i++) {
            f.put(key + "." + i, values.get(i));
        }
    }

    private static List<Amount> amounts(SnapshotLines.Reader f, String key) {
        int n = count(f, key);
        List<Amount> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(f.amount(key + "." + i));
        }
        return out;
    }

    private static String shorten(String v) {
        return v.length() > 64 ? v.substring(0, 64) + "..." : v;
    }
}
