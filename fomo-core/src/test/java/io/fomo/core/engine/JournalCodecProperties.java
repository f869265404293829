package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.OverfillPolicy;
import io.fomo.core.launch.UnsoldPolicy;
import io.fomo.core.revenue.BuybackParameters;
import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.RevenueWeights;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The journal's text forms are exact: decode(encode(x)) == x for every command and every fact, and the
 * bytes of the decoded value encode back to the same bytes (the digest of a command is canonical).
 */
class JournalCodecProperties {

    static Arbitrary<String> texts() {
        // Ids may hold the characters the text form escapes or splits on.
        return Arbitraries.strings().withChars("abz09=\\:.#é -").ofMinLength(1).ofMaxLength(16)
                .filter(s -> s.strip().equals(s) && !s.isBlank());
    }

    static Arbitrary<AccountId> accounts() {
        return texts().map(AccountId::of);
    }

    static Arbitrary<EventId> eventIds() {
        return texts().map(EventId::of);
    }

    static Arbitrary<DeploymentId> deployments() {
        return Arbitraries.strings().withChars("abcXYZ019").ofMinLength(1).ofMaxLength(10).map(DeploymentId::of);
    }

    static Arbitrary<Amount> amounts(Asset asset) {
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30)).map(u -> Amount.ofUnits(asset, u));
    }

    static Arbitrary<Amount> amounts() {
        return Arbitraries.of(Asset.FLOCK, Asset.USD, Asset.USDC, Asset.modelToken(DeploymentId.of("qwen")))
                .flatMap(JournalCodecProperties::amounts);
    }

    static Arbitrary<LaunchParameters> launches(DeploymentId d) {
        // Anti-sniping (none, linear, exponential) and a wallet cap (or none), journaled only when set.
        Arbitrary<Integer> protection = Arbitraries.integers().between(0, 5);
        return Combinators.combine(plainLaunches(d), protection, Arbitraries.longs().between(1, 1_000_000L))
                .as((p, k, n) -> {
                    if (k == 0) {
                        return p;
                    }
                    LaunchParameters.Builder b = rebuild(p);
                    if (k % 3 == 1) {
                        b.antiSniping(io.fomo.core.launch.AntiSniping.linear(9_999, java.time.Duration.ofSeconds(n)));
                    } else if (k % 3 == 2) {
                        b.antiSniping(io.fomo.core.launch.AntiSniping.exponential(9_999,
                                java.time.Duration.ofSeconds(n), java.time.Duration.ofSeconds(n * (1 + k))));
                    }
                    if (k >= 3) {
                        b.walletCap(Amount.of(Asset.FLOCK, n));
                    }
                    return b.build();
                });
    }

    /** A builder holding the fields the plain generator sets, to add the protections to. */
    private static LaunchParameters.Builder rebuild(LaunchParameters p) {
        LaunchParameters.Builder b = LaunchParameters.builder().mtAsset(p.mtAsset()).maxTarget(p.maxTarget())
                .minTarget(p.minTarget()).creatorFeeBps(p.creatorFeeBps()).swapFeeBps(p.swapFeeBps())
                .overfillPolicy(p.overfillPolicy()).unsoldPolicy(p.unsoldPolicy())
                .graduationOnlyAfterWindow(p.graduationOnlyAfterWindow());
        return b.curve(p.curve());
    }

    static Arbitrary<LaunchParameters> plainLaunches(DeploymentId d) {
        Asset mt = Asset.modelToken(d);
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(0, 1, 150, 9_999), Arbitraries.of(OverfillPolicy.class), Arbitraries.of(UnsoldPolicy.class),
                Arbitraries.integers().between(1, 100), Arbitraries.of(true, false)).as((k, cb, fb, o, u, m, after) -> {
                    LaunchParameters.Builder b = LaunchParameters.builder().mtAsset(mt)
                            .maxTarget(Amount.of(Asset.FLOCK, 800_000)).minTarget(Amount.of(Asset.FLOCK, 8_000L * m))
                            .creatorFeeBps(cb).swapFeeBps(fb).overfillPolicy(o).unsoldPolicy(u)
                            .graduationOnlyAfterWindow(after);
                    if (k == 0) {
                        b.constantProductCurve(new BigDecimal("0.75"));
                    } else if (k == 1) {
                        b.linearCurve(new BigDecimal("0.5"), new BigDecimal("0.00001"));
                    } else {
                        b.exponentialCurve(BigDecimal.ONE, new BigDecimal("0.000004"));
                    }
                    return b.build();
                });
    }

    static Arbitrary<InferencePricing> pricings(DeploymentId d) {
        return Combinators.combine(Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10")).ofScale(18),
                Arbitraries.integers().between(0, 100), Arbitraries.of(RoundingMode.UP, RoundingMode.DOWN,
                        RoundingMode.HALF_EVEN, RoundingMode.CEILING)).as((list, floorPct, r) -> InferencePricing.of(
                UnitPrice.of(Asset.USD, 18, list),
                UnitPrice.of(Asset.USD, 18, list.multiply(BigDecimal.valueOf(floorPct)).divide(BigDecimal.valueOf(100),
                        18, RoundingMode.DOWN)),
                DiscountTiers.defaults(Asset.modelToken(d)), r));
    }

    static Arbitrary<io.fomo.core.engine.ParameterChange> changes() {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 100)).as((m, f, i, a, ai) -> {
                    int mt = m;
                    int flock = f % (10_001 - mt);
                    int issuer = i % (10_001 - mt - flock);
                    RevenueWeights w = RevenueWeights.builder().mtBuybackBps(mt).flockBuybackBps(flock).issuerBps(issuer)
                            .treasuryBps(10_000 - mt - flock - issuer).build();
                    return ParameterChange.of(w, BigDecimal.valueOf(a, 2), BigDecimal.valueOf(ai, 2),
                            BuybackParameters.defaults());
                });
    }

    static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    static Arbitrary<TokenCounts> tokenCounts() {
        return Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE / 2),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 2), Arbitraries.longs().between(0, Long.MAX_VALUE / 2))
                .as((in, cached, out) -> new TokenCounts(in, cached % (in + 1), out));
    }

    /** Every kind of command, each with random fields. */
    @Provide
    static Arbitrary<Command> commands() {
        Arbitrary<AccountId> a = accounts();
        Arbitrary<DeploymentId> d = deployments();
        Arbitrary<Amount> x = amounts();
        return Arbitraries.oneOf(List.of(
                Combinators.combine(a, x).as(Command.Deposit::new),
                d.flatMap(dep -> Combinators.combine(a, launches(dep), pricings(dep), amounts(Asset.FLOCK))
                        .as((i, l, p, fb) -> new Command.OpenLaunch(dep, i, l, p, fb))),
                Combinators.combine(d, a, x).as(Command.Buy::new),
                Combinators.combine(d, a, x).as(Command.Sell::new),
                Combinators.combine(d, a).as(Command.Graduate::new),
                Combinators.combine(d, a).as(Command.CloseLaunch::new),
                Combinators.combine(d, a).as(Command.Redeem::new),
                Combinators.combine(d, a).as(Command.ClaimVested::new),
                Combinators.combine(d, a).as(Command.GoLive::new),
                Combinators.combine(eventIds(), d, a, Arbitraries.longs()).as(Command.RecordUsage::new),
                Combinators.combine(d, Combinators.combine(eventIds(), a, Arbitraries.longs())
                        .as(Command.RecordUsageBatch.Call::new).list().ofMinSize(1).ofMaxSize(5))
                        .as(Command.RecordUsageBatch::new),
                Combinators.combine(a, d, x).as(Command.Stake::new),
                Combinators.combine(a, d, x).as(Command.Unstake::new),
                Combinators.combine(a, x, Arbitraries.integers()).as(Command.LockGmFlock::new),
                Combinators.combine(a, eventIds()).as(Command.WithdrawGmFlock::new),
                Arbitraries.maps(d, amounts(Asset.USD)).ofMaxSize(4).map(Command.CloseEpoch::new),
                a.map(Command.ClaimRewards::new),
                changes().map(Command.ChangeParameters::new),
                Combinators.combine(eventIds(), d, a, a, tokenCounts(), x, instants()).as(RecordTokenUsage::new),
                Combinators.combine(a, x).as(TopUpCredits::new),
                Combinators.combine(d, a, Arbitraries.of(Swap.Kind.class), x, x).as(Swap::new)));
    }

    /** Every kind of fact, each with random fields. */
    @Provide
    static Arbitrary<Fact> facts() {
        Arbitrary<AccountId> a = accounts();
        Arbitrary<Amount> x = amounts();
        Arbitrary<Instant> t = instants();
        return Arbitraries.oneOf(List.of(
                Combinators.combine(a, x).as(Fact.Minted::new),
                Combinators.combine(a, x).as(Fact.Burned::new),
                Combinators.combine(a, a, x).as(Fact.Moved::new),
                Combinators.combine(a, a, x, x).as(Fact.Swapped::new),
                Combinators.combine(eventIds(), deployments(), a, x).as(Fact.Charged::new),
                Combinators.combine(Arbitraries.bigDecimals().between(new BigDecimal("0.000001"), new BigDecimal("1e6"))
                        .ofScale(12), texts(), t).as(Fact.Quoted::new),
                Combinators.combine(deployments(), Arbitraries.of(Fact.BuybackDeferred.NO_PRICE,
                        Fact.BuybackDeferred.STALE_PRICE, Fact.BuybackDeferred.UNPRICEABLE,
                        Fact.BuybackDeferred.SUPPLY)).as(Fact.BuybackDeferred::new),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(Fact.EpochClosed::new),
                Combinators.combine(a, x).as(Fact.CreditsToppedUp::new),
                Combinators.combine(a, amounts(Asset.USD), eventIds()).as(Fact.CreditsDeducted::new),
                Combinators.combine(a, amounts(Asset.USD)).as(Fact.ArrearsIncurred::new),
                Combinators.combine(a, amounts(Asset.USD)).as(Fact.ArrearsSettled::new),
                Combinators.combine(deployments(), a, t, t, x).as(Fact.LaunchOpened::new),
                Combinators.combine(List.of(x, x, x, x, x, x, x)).as(l -> l).flatMap(l ->
                        Combinators.combine(deployments(), a, t, Arbitraries.of(true, false)).as((dep, buyer, at, first) ->
                                new Fact.LaunchBought(dep, buyer, at, l.get(0), l.get(1), l.get(2), l.get(3), l.get(4),
                                        l.get(5), l.get(6), first))),
                Combinators.combine(List.of(x, x, x, x, x, x, x, x, x, x, x)).as(l -> l).flatMap(l ->
                        Combinators.combine(deployments(), t, Arbitraries.of(Fact.LaunchGraduated.MAX_TARGET,
                                Fact.LaunchGraduated.MIN_TARGET), Arbitraries.longs().between(0, Long.MAX_VALUE),
                                Arbitraries.bigDecimals().between(new BigDecimal("0.000001"), new BigDecimal("1e6"))
                                        .ofScale(18)).as((dep, at, trig, ep, price) ->
                                new Fact.LaunchGraduated(dep, at, trig, ep, l.get(0), l.get(1), l.get(2), l.get(3), l.get(4),
                                        l.get(5), l.get(6), l.get(7), l.get(8), price, l.get(9), l.get(10)))),
                Combinators.combine(deployments(), t, x).as(Fact.LaunchFailed::new),
                Combinators.combine(deployments(), a, t, x).as(Fact.LaunchRedeemed::new),
                Combinators.combine(deployments(), a, t, x).as(Fact.VestingClaimed::new),
                Combinators.combine(deployments(), a, t).as(Fact.LaunchLive::new),
                Combinators.combine(a, deployments(), x).as(Fact.Staked::new),
                Combinators.combine(a, deployments(), x).as(Fact.Unstaked::new),
                Combinators.combine(eventIds(), a, x, x, Arbitraries.integers().between(1, 1460), t)
                        .as(Fact.GmFlockLocked::new),
                Combinators.combine(eventIds(), a, x, x, x).as(Fact.GmFlockWithdrawn::new),
                changes().map(Fact.ParametersScheduled::new),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(Fact.ParametersActivated::new),
                Combinators.combine(List.of(x, x, x, x, x, x, x, x, x)).as(l -> l).flatMap(l -> deployments().map(dep ->
                        new Fact.RevenueRouted(dep, l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6),
                                l.get(7), l.get(8)))),
                Combinators.combine(List.of(x, x, x, x, x, x, x, x, x)).as(l -> l).flatMap(l ->
                        Combinators.combine(deployments(), Arbitraries.longs().between(0, Long.MAX_VALUE)).as((dep, ep) ->
                                new Fact.BuybackExecuted(dep, ep, l.get(0), l.get(1), l.get(2), l.get(3), l.get(4),
                                        l.get(5), l.get(6), l.get(7), l.get(8)))),
                Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), x, x).as(Fact.EmissionReleased::new),
                Combinators.combine(x, Combinators.combine(deployments(),
                        Arbitraries.of(io.fomo.core.rewards.PoolKind.class), x).as(Fact.PoolDust::new).list().ofMaxSize(4))
                        .as(Fact.DustCarried::new),
                Combinators.combine(deployments(), a, x, x).as(Fact.RewardCredited::new),
                Combinators.combine(a, x).as(Fact.RewardsClaimed::new),
                Combinators.combine(a, deployments(), x).as(Fact.MtRewardsClaimed::new)));
    }

    @Property
    void aCommandDecodesToItselfAndEncodesCanonically(@ForAll("commands") Command c) {
        Fields f = new Fields("test");
        CommandCodec.encode(c, f);
        byte[] bytes = f.encode();
        Command back = CommandCodec.decode(Fields.decode(bytes, "test"));
        assertEquals(c, back);
        Fields again = new Fields("test");
        CommandCodec.encode(back, again);
        assertArrayEquals(bytes, again.encode());
        assertEquals(CommandDigest.of(bytes), CommandDigest.of(again.encode()));
    }

    @Property
    void factsDecodeToThemselves(@ForAll("factLists") List<Fact> facts) {
        byte[] bytes = FactCodec.encode(facts);
        List<Fact> back = FactCodec.decode(Fields.decode(bytes, "test"));
        assertEquals(facts, back);
        assertArrayEquals(bytes, FactCodec.encode(back));
    }

    /**
     * The facts writer numbers each fact's keys as digits and may reuse its buffer: the bytes are those of the
     * plain way, a record that keeps its index with the prefix {@code i + "."} built per fact, for lists longer
     * than the prefixes made in advance, and a buffer reused for a longer then a shorter record.
     */
    @Property(tries = 40)
    void factsAreWrittenAsWithTheirPrefixesConcatenated(@ForAll("factLists") List<Fact> some,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 700) int size,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 700) int shorter) {
        List<Fact> facts = new java.util.ArrayList<>();
        for (int i = 0; !some.isEmpty() && i < size; i++) {
            facts.add(some.get(i % some.size()));
        }
        byte[] expected = plainFacts(facts);
        assertArrayEquals(expected, FactCodec.encode(facts));
        // One reused buffer, never split.
        io.fomo.core.internal.JournalBytes[] buffer = {new io.fomo.core.internal.JournalBytes(16)};
        assertArrayEquals(expected, FactCodec.encode(facts, buffer, Integer.MAX_VALUE));
        List<Fact> fewer = facts.subList(0, Math.min(shorter, facts.size()));
        assertArrayEquals(plainFacts(fewer), FactCodec.encode(fewer, buffer, Integer.MAX_VALUE));
        assertArrayEquals(expected, FactCodec.encode(facts, buffer, Integer.MAX_VALUE));
    }

    /**
     * A facts record written in chunks on two cores is the record one writer makes, for any split threshold
     * and number of chunks, with buffers reused for a longer then a shorter record; below the threshold, or
     * with one buffer, one writer writes it all.
     */
    @Property(tries = 40)
    void factsWrittenInChunksAreTheRecordOfOneWriter(@ForAll("factLists") List<Fact> some,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 700) int size,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 700) int shorter,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 40) int splitFrom,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 17) int chunks) {
        List<Fact> facts = new java.util.ArrayList<>();
        for (int i = 0; !some.isEmpty() && i < size; i++) {
            facts.add(some.get(i % some.size()));
        }
        io.fomo.core.internal.JournalBytes[] buffers = new io.fomo.core.internal.JournalBytes[chunks];
        for (int k = 0; k < chunks; k++) {
            buffers[k] = new io.fomo.core.internal.JournalBytes(16);
        }
        byte[] expected = plainFacts(facts);
        assertArrayEquals(expected, FactCodec.encode(facts, buffers, splitFrom));
        List<Fact> fewer = facts.subList(0, Math.min(shorter, facts.size()));
        assertArrayEquals(plainFacts(fewer), FactCodec.encode(fewer, buffers, splitFrom));
        assertArrayEquals(expected, FactCodec.encode(facts, new io.fomo.core.internal.JournalBytes[] {buffers[0]},
                splitFrom));
        assertArrayEquals(expected, FactCodec.encode(facts, buffers, splitFrom));
    }

    private static byte[] plainFacts(List<Fact> facts) {
        Fields plain = new Fields("facts");
        plain.put("count", facts.size());
        for (int i = 0; i < facts.size(); i++) {
            FactCodec.encode(facts.get(i), i + ".", plain);
        }
        return plain.encode();
    }

    @Provide
    Arbitrary<List<Fact>> factLists() {
        return facts().list().ofMaxSize(12);
    }

    @org.junit.jupiter.api.Test
    void everyKindOfCommandAndFactIsGenerated() {
        // Two thousand draws of each: every tag of the tables appears, so the arbitraries cover every type.
        java.util.Set<String> tags = new java.util.TreeSet<>();
        commands().sampleStream().limit(2_000).forEach(c -> tags.add(JournalTags.of(c)));
        facts().sampleStream().limit(2_000).forEach(x -> tags.add(JournalTags.of(x)));
        assertEquals(JournalTags.COMMANDS.size() + JournalTags.FACTS_BY_CLASS.size(), tags.size(), tags.toString());
    }
}
