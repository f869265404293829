package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.ALICE;
import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.MT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.revenue.PaymentConflictException;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.LimitExceededException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input catalogue of the engine (issue 13, docs/limits.md): every command with extreme longs,
 * decimals, instants, ids and collections, submitted to a live engine. Each case is refused with the
 * expected error class naming the expected field; the state hash, the sequence and the journal's length
 * are unchanged; and the next epoch close still succeeds.
 */
class HostileCommandsCatalogueTest {

    private static final DeploymentId NOWHERE = DeploymentId.of("nowhere");
    private static final AccountId TEAM = AccountId.of("team-x");
    private static final List<AccountId> PROTOCOL = List.of(Accounts.TREASURY, Accounts.BUYBACK, Accounts.PLATFORM,
            Accounts.REWARDS, Accounts.EMISSION_RESERVE);

    /** One case: the command made against the harness (ids come from it), the error class and field. */
    record Case(String surface, String name, Class<? extends FomoException> type, String field,
            Function<LivenessHarness, Command> command) {
        @Override
        public String toString() {
            return surface + ": " + name;
        }
    }

    private static Case c(String surface, String name, Class<? extends FomoException> type, String field,
            Function<LivenessHarness, Command> command) {
        return new Case(surface, name, type, field, command);
    }

    private static Amount flock(String v) {
        return Amount.of(Asset.FLOCK, new BigDecimal(v));
    }

    private static Amount mt(String v) {
        return Amount.of(MT, new BigDecimal(v));
    }

    private static Amount usd(String v) {
        return Amount.of(Asset.USD, new BigDecimal(v));
    }

    private static RecordTokenUsage tokens(LivenessHarness h, TokenCounts t, Amount list) {
        return new RecordTokenUsage(h.nextId(), DEP, CAROL, TEAM, t, list, h.clock.now());
    }

    static List<Case> usage() {
        List<Case> cases = new ArrayList<>();
        for (long u : new long[] {0, -1, -1_000_000, Long.MIN_VALUE}) {
            cases.add(c("RecordUsage", "units " + u, InvalidArgumentException.class, "units",
                    h -> new Command.RecordUsage(h.nextId(), DEP, CAROL, u)));
        }
        for (long u : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 1, EngineLimits.MAX_UNITS_PER_PAYMENT + 1,
                1L << 62, EngineLimits.MAX_UNITS_PER_PAYMENT, 500_000_000_001L}) {
            cases.add(c("RecordUsage", "units " + u, LimitExceededException.class, "units",
                    h -> new Command.RecordUsage(h.nextId(), DEP, CAROL, u)));
        }
        for (AccountId p : PROTOCOL) {
            cases.add(c("RecordUsage", "by " + p.value(), InvalidArgumentException.class, "user",
                    h -> new Command.RecordUsage(h.nextId(), DEP, p, 10)));
        }
        cases.add(c("RecordUsage", "unknown deployment", InvalidStateException.class, "deployment",
                h -> new Command.RecordUsage(h.nextId(), NOWHERE, CAROL, 10)));
        cases.add(c("RecordUsage", "payment id reused", PaymentConflictException.class, "payment.id", h -> {
            h.run(new Command.RecordUsage(EventId.of("pay-once"), DEP, CAROL, 10));
            return new Command.RecordUsage(EventId.of("pay-once"), DEP, CAROL, 10);
        }));
        // A batch: the bad call is the last of three good-looking ones, so the calls before it were charged
        // in the decision and must leave nothing behind.
        for (long u : new long[] {0, -1, Long.MIN_VALUE}) {
            cases.add(c("RecordUsageBatch", "third call's units " + u, InvalidArgumentException.class,
                    "calls[2].units", h -> batch(h, u)));
        }
        for (long u : new long[] {Long.MAX_VALUE, EngineLimits.MAX_UNITS_PER_PAYMENT + 1}) {
            cases.add(c("RecordUsageBatch", "third call's units " + u, LimitExceededException.class,
                    "calls[2].units", h -> batch(h, u)));
        }
        for (AccountId p : PROTOCOL) {
            cases.add(c("RecordUsageBatch", "second call by " + p.value(), InvalidArgumentException.class,
                    "calls[1].user", h -> new Command.RecordUsageBatch(DEP, List.of(call(h, CAROL, 10),
                            call(h, p, 10), call(h, BOB, 10)))));
        }
        cases.add(c("RecordUsageBatch", "unknown deployment", InvalidStateException.class, "deployment",
                h -> new Command.RecordUsageBatch(NOWHERE, List.of(call(h, CAROL, 10)))));
        cases.add(c("RecordUsageBatch", "payment id twice in the batch", PaymentConflictException.class,
                "payment.id", h -> new Command.RecordUsageBatch(DEP, List.of(
                        new Command.RecordUsageBatch.Call(EventId.of("pay-twice"), CAROL, 10), call(h, BOB, 10),
                        new Command.RecordUsageBatch.Call(EventId.of("pay-twice"), ALICE, 10)))));
        cases.add(c("RecordUsageBatch", "payment id used before", PaymentConflictException.class, "payment.id", h -> {
            h.run(new Command.RecordUsage(EventId.of("pay-before"), DEP, CAROL, 10));
            return new Command.RecordUsageBatch(DEP, List.of(call(h, BOB, 10),
                    new Command.RecordUsageBatch.Call(EventId.of("pay-before"), CAROL, 10)));
        }));
        return cases;
    }

    private static Command.RecordUsageBatch.Call call(LivenessHarness h, AccountId user, long units) {
        return new Command.RecordUsageBatch.Call(h.nextId(), user, units);
    }

    private static Command.RecordUsageBatch batch(LivenessHarness h, long lastUnits) {
        return new Command.RecordUsageBatch(DEP, List.of(call(h, CAROL, 10), call(h, BOB, 7),
                call(h, ALICE, lastUnits)));
    }

    static List<Case> tokenUsage() {
        List<Case> cases = new ArrayList<>();
        long max = EngineLimits.MAX_TOKENS_PER_CALL;
        for (long t : new long[] {max + 1, Long.MAX_VALUE, Long.MAX_VALUE / 2, 1L << 50}) {
            cases.add(c("RecordTokenUsage", "input " + t, LimitExceededException.class, "tokens.input",
                    h -> tokens(h, new TokenCounts(t, 0, 0), usd("1"))));
            cases.add(c("RecordTokenUsage", "output " + t, LimitExceededException.class, "tokens.output",
                    h -> tokens(h, new TokenCounts(0, 0, t), usd("1"))));
        }
        for (String list : List.of("1000000000.000001", "1e12", "1e70", "9999999999999999")) {
            cases.add(c("RecordTokenUsage", "listCharge " + list, LimitExceededException.class, "listCharge",
                    h -> tokens(h, new TokenCounts(1, 0, 1), usd(list))));
        }
        cases.add(c("RecordTokenUsage", "listCharge in FLOCK", InvalidArgumentException.class, "listCharge",
                h -> tokens(h, new TokenCounts(1, 0, 1), flock("1"))));
        cases.add(c("RecordTokenUsage", "listCharge in USDC", InvalidArgumentException.class, "listCharge",
                h -> tokens(h, new TokenCounts(1, 0, 1), Amount.of(Asset.USDC, 1))));
        cases.add(c("RecordTokenUsage", "unknown deployment", InvalidStateException.class, "deployment",
                h -> new RecordTokenUsage(h.nextId(), NOWHERE, CAROL, TEAM, new TokenCounts(1, 0, 1), usd("1"),
                        h.clock.now())));
        for (AccountId p : PROTOCOL) {
            cases.add(c("RecordTokenUsage", "user " + p.value(), InvalidArgumentException.class, "user",
                    h -> new RecordTokenUsage(h.nextId(), DEP, p, TEAM, new TokenCounts(1, 0, 1), usd("1"),
                            h.clock.now())));
            cases.add(c("RecordTokenUsage", "team " + p.value(), InvalidArgumentException.class, "team",
                    h -> new RecordTokenUsage(h.nextId(), DEP, CAROL, p, new TokenCounts(1, 0, 1), usd("1"),
                            h.clock.now())));
        }
        cases.add(c("RecordTokenUsage", "request id reused", InvalidStateException.class, "requestId", h -> {
            h.run(new RecordTokenUsage(EventId.of("req-once"), DEP, CAROL, TEAM, new TokenCounts(1, 0, 1), usd("1"),
                    h.clock.now()));
            return new RecordTokenUsage(EventId.of("req-once"), DEP, CAROL, TEAM, new TokenCounts(1, 0, 1), usd("1"),
                    Instant.MAX);
        }));
        for (String a : List.of("0")) {
            cases.add(c("TopUpCredits", "amount " + a, InvalidArgumentException.class, "amount",
                    h -> new TopUpCredits(TEAM, usd(a))));
        }
        cases.add(c("TopUpCredits", "in FLOCK", InvalidArgumentException.class, "amount",
                h -> new TopUpCredits(TEAM, flock("1"))));
        cases.add(c("TopUpCredits", "in MT", InvalidArgumentException.class, "amount", h -> new TopUpCredits(TEAM, mt("1"))));
        for (AccountId p : PROTOCOL) {
            cases.add(c("TopUpCredits", "team " + p.value(), InvalidArgumentException.class, "team",
                    h -> new TopUpCredits(p, usd("1"))));
        }
        return cases;
    }

    static List<Case> deposits() {
        List<Case> cases = new ArrayList<>();
        for (String a : List.of("1e30", "1e77", "1000000000", "999000000", "1e9")) {
            cases.add(c("Deposit", "FLOCK " + a, LimitExceededException.class, "amount",
                    h -> new Command.Deposit(CAROL, flock(a))));
        }
        cases.add(c("Deposit", "2^255 base units", LimitExceededException.class, "amount",
                h -> new Command.Deposit(CAROL, Amount.ofUnits(Asset.FLOCK, BigInteger.ONE.shiftLeft(255)))));
        cases.add(c("Deposit", "zero", InvalidArgumentException.class, "amount",
                h -> new Command.Deposit(CAROL, Amount.zero(Asset.FLOCK))));
        for (Asset a : List.of(Asset.USD, Asset.USDC, MT, Asset.of("FLOCK", 6))) {
            cases.add(c("Deposit", "in " + a, InvalidArgumentException.class, "amount",
                    h -> new Command.Deposit(CAROL, Amount.of(a, 1))));
        }
        for (AccountId p : PROTOCOL) {
            cases.add(c("Deposit", "to " + p.value(), InvalidArgumentException.class, "account",
                    h -> new Command.Deposit(p, flock("1"))));
        }
        return cases;
    }

    static List<Case> staking() {
        List<Case> cases = new ArrayList<>();
        cases.add(c("Stake", "zero", InvalidArgumentException.class, "amount", h -> new Command.Stake(BOB, DEP, mt("0"))));
        cases.add(c("Stake", "FLOCK", AssetMismatchException.class, "amount",
                h -> new Command.Stake(BOB, DEP, flock("1"))));
        for (String a : List.of("1e70", "1000001", "1e77")) {
            cases.add(c("Stake", "MT " + a, InsufficientLiquidityException.class, "amount",
                    h -> new Command.Stake(BOB, DEP, mt(a))));
        }
        cases.add(c("Stake", "unknown deployment", InvalidStateException.class, "deployment",
                h -> new Command.Stake(BOB, NOWHERE, mt("1"))));
        for (AccountId p : PROTOCOL) {
            cases.add(c("Stake", "by " + p.value(), InvalidArgumentException.class, "user",
                    h -> new Command.Stake(p, DEP, mt("1"))));
        }
        for (String a : List.of("1", "1e70", "0.000000000000000001")) {
            cases.add(c("Unstake", "without a stake " + a, LimitExceededException.class, "amount",
                    h -> new Command.Unstake(CAROL, DEP, mt(a))));
        }
        for (int d : new int[] {0, -1, 366, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            cases.add(c("LockGmFlock", "days " + d, InvalidArgumentException.class, "lockDays",
                    h -> new Command.LockGmFlock(BOB, flock("1"), d)));
        }
        cases.add(c("LockGmFlock", "zero FLOCK", InvalidArgumentException.class, "amount",
                h -> new Command.LockGmFlock(BOB, flock("0"), 30)));
        cases.add(c("LockGmFlock", "MT", AssetMismatchException.class, "amount",
                h -> new Command.LockGmFlock(BOB, mt("1"), 30)));
        for (String a : List.of("1e30", "1e77")) {
            cases.add(c("LockGmFlock", "FLOCK " + a, InsufficientLiquidityException.class, "amount",
                    h -> new Command.LockGmFlock(CAROL, flock(a), 30)));
        }
        cases.add(c("WithdrawGmFlock", "unknown lock", InvalidStateException.class, "lockId",
                h -> new Command.WithdrawGmFlock(BOB, EventId.of("no-such-lock"))));
        return cases;
    }

    static List<Case> launches() {
        List<Case> cases = new ArrayList<>();
        for (String g : List.of("1", "1e-18")) {
            cases.add(c("Buy", "after graduation " + g, InvalidStateException.class, "state",
                    h -> new Command.Buy(DEP, CAROL, flock(g))));
        }
        for (String g : List.of("1e30", "1e77")) {
            cases.add(c("Buy", "beyond the balance " + g, InsufficientLiquidityException.class, "gross",
                    h -> new Command.Buy(DEP, CAROL, flock(g))));
        }
        cases.add(c("Buy", "unknown deployment", InvalidStateException.class, "deployment",
                h -> new Command.Buy(NOWHERE, CAROL, flock("1"))));
        cases.add(c("Sell", "after graduation 1e77", InvalidStateException.class, "action",
                h -> new Command.Sell(DEP, BOB, mt("1e77"))));
        cases.add(c("Graduate", "twice", InvalidStateException.class, "state", h -> new Command.Graduate(DEP, CAROL)));
        cases.add(c("CloseLaunch", "graduated", InvalidStateException.class, "state",
                h -> new Command.CloseLaunch(DEP, CAROL)));
        cases.add(c("GoLive", "twice", InvalidStateException.class, "state", h -> new Command.GoLive(DEP, ALICE)));
        cases.add(c("Redeem", "graduated", InvalidStateException.class, "state", h -> new Command.Redeem(DEP, CAROL)));
        return cases;
    }

    static List<Case> epochs() {
        List<Case> cases = new ArrayList<>();
        cases.add(c("CloseEpoch", "before its end", InvalidStateException.class, "at",
                h -> new Command.CloseEpoch(Map.of())));
        cases.add(c("CloseEpoch", "costs for an unknown deployment", InvalidArgumentException.class, "hardCosts[nowhere]", h -> {
            h.clock.set(h.protocol.epochStart(h.protocol.epoch() + 1));
            return new Command.CloseEpoch(Map.of(NOWHERE, usd("1")));
        }));
        cases.add(c("CloseEpoch", "costs in FLOCK", AssetMismatchException.class, "hardCosts[qwen]", h -> {
            h.clock.set(h.protocol.epochStart(h.protocol.epoch() + 1));
            return new Command.CloseEpoch(Map.of(DEP, flock("1")));
        }));
        cases.add(c("CloseEpoch", "costs for 10,000 unknown deployments", InvalidArgumentException.class, "hardCosts[d0]", h -> {
            h.clock.set(h.protocol.epochStart(h.protocol.epoch() + 1));
            Map<DeploymentId, Amount> costs = new HashMap<>();
            for (int i = 0; i < 10_000; i++) {
                costs.put(DeploymentId.of("d" + i), usd("1"));
            }
            return new Command.CloseEpoch(costs);
        }));
        cases.add(c("ClaimRewards", "nothing owed", InvalidStateException.class, "user",
                h -> new Command.ClaimRewards(CAROL)));
        for (AccountId p : PROTOCOL) {
            cases.add(c("ClaimRewards", "by " + p.value(), InvalidArgumentException.class, "user",
                    h -> new Command.ClaimRewards(p)));
        }
        return cases;
    }

    static Stream<Arguments> cases() {
        return Stream.of(usage(), tokenUsage(), deposits(), staking(), launches(), epochs())
                .flatMap(List::stream).map(Arguments::of);
    }

    @org.junit.jupiter.api.Test
    void everyCommandFamilyHasSeveralCasesAndNoCaseRepeatsAnother() {
        List<Case> all = Stream.of(usage(), tokenUsage(), deposits(), staking(), launches(), epochs())
                .flatMap(List::stream).toList();
        Map<String, Long> bySurface = all.stream().collect(java.util.stream.Collectors.groupingBy(Case::surface,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        bySurface.forEach((surface, n) -> assertTrue(n >= 1, surface));
        assertTrue(all.size() >= 100, "cases: " + all.size());
        assertEquals(all.size(), all.stream().map(Case::toString).distinct().count(), "a case repeats another");
        System.out.println("catalogue commands " + bySurface);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithTheTypedErrorAndChangesNeitherTheStateNorTheJournal(Case c) {
        LivenessHarness h = new LivenessHarness();
        // The case may prepare the engine (a first use of an id) before it makes its command.
        Command command = c.command().apply(h);
        String hash = h.protocol.stateHash();
        long sequence = h.protocol.sequence();
        int records = h.journal.read(1).size();
        FomoException e = assertThrows(FomoException.class, () -> h.run(command), c.toString());
        assertEquals(c.type(), e.getClass(), c + ": " + e);
        assertEquals(c.field(), e.field(), c + ": " + e.getMessage());
        assertTrue(e.getMessage().length() <= FomoException.MAX_MESSAGE, c.toString());
        assertEquals(hash, h.protocol.stateHash(), c + " changed the state");
        assertEquals(sequence, h.protocol.sequence(), c + " moved the engine");
        assertEquals(records, h.journal.read(1).size(), c + " wrote to the journal");
        assertFalse(h.close().isDuplicate(), "and the next close succeeds after " + c);
    }
}
