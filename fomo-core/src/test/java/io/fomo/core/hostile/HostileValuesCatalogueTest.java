package io.fomo.core.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.emission.Rate;
import io.fomo.core.engine.ParameterChange;
import io.fomo.core.engine.ProtocolParameters;
import io.fomo.core.engine.TokenCounts;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.math.Share;
import io.fomo.core.revenue.BuybackParameters;
import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.revenue.PriceBand;
import io.fomo.core.revenue.RevenueWeights;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input catalogue of the value types and builders (issue 13, docs/limits.md): every case is a
 * call with one hostile value, refused with the expected error class naming the expected field, with a
 * bounded message in which no control, format or bidi character of the input survives. Builder cases also
 * check that the refused setter changed nothing: the builder still builds what it built before.
 */
class HostileValuesCatalogueTest {

    private static final Asset MT = Asset.of("MT-q", 18);

    /** Texts no id, symbol or journaled string may be: blank, long, control, bidi, invisible, broken UTF-16. */
    static final List<String> HOSTILE_TEXTS = List.of(
            "", " ", "   ", " lead", "trail ", "a".repeat(129), "x".repeat(1 << 20), "\u001b[2J", "\u001b]0;pwned\u0007",
            "a\rb", "a\nb", "a\u0000b", "a\tb", "\u202Eevil", "a\u2066b\u2069", "\uD800", "a\uDC00b", "\u200Bzero",
            "a\u2028b", "\u0085next", "\u009b31m", "a\u007fb", "\uFEFFbom");

    /** A catalogue case: which surface, what is tried, the error class and the field it must name. */
    record Case(String surface, String name, Class<? extends RuntimeException> type, String field, Executable call) {
        @Override
        public String toString() {
            return surface + ": " + name;
        }
    }

    private static Case c(String surface, String name, Class<? extends RuntimeException> type, String field,
            Executable call) {
        return new Case(surface, name, type, field, call);
    }

    private static Case invalid(String surface, String name, String field, Executable call) {
        return c(surface, name, InvalidArgumentException.class, field, call);
    }

    private static String show(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(12).forEach(cp -> b.append(cp < 0x20 || cp >= 0x7f ? String.format("U+%04X", cp)
                : Character.toString(cp)));
        return b + (text.length() > 12 ? "... (" + text.length() + ")" : "") + (text.isEmpty() ? "(empty)" : "");
    }

    static List<Case> ids() {
        List<Case> cases = new ArrayList<>();
        for (String t : HOSTILE_TEXTS) {
            cases.add(invalid("ids", "AccountId " + show(t), "accountId", () -> AccountId.of(t)));
            cases.add(invalid("ids", "DeploymentId " + show(t), "deploymentId", () -> DeploymentId.of(t)));
            cases.add(invalid("ids", "EventId " + show(t), "eventId", () -> EventId.of(t)));
            cases.add(invalid("PriceQuote", "source " + show(t), "source",
                    () -> PriceQuote.of(Asset.FLOCK, BigDecimal.ONE, t, Instant.EPOCH)));
        }
        for (String t : List.of("", "a b", "FLOCK\u001b[2J", "\u202EKCOLF", "x".repeat(33), "x".repeat(1 << 20), "-LEAD",
                "\uD800", "MT/q", "MT\u0000")) {
            cases.add(invalid("Asset", "symbol " + show(t), "symbol", () -> Asset.of(t, 18)));
        }
        for (int d : new int[] {-1, 37, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            cases.add(invalid("Asset", "decimals " + d, "decimals", () -> Asset.of("X", d)));
        }
        return cases;
    }

    static List<Case> numbers() {
        List<Case> cases = new ArrayList<>();
        Amount one = Amount.of(Asset.FLOCK, 1);
        for (String t : List.of("NaN", "Infinity", "-Infinity", "1e999999999", "1E-999999999", "", "0x10", "1_000",
                " 1", "--1", "1.2.3", "\uFF11", "1".repeat(401), "1\u001b[2J", "+", ".")) {
            cases.add(invalid("Amount", "parse " + show(t), "amount", () -> Amount.parse(Asset.FLOCK, t)));
        }
        cases.add(invalid("Amount", "parse negative", "value", () -> Amount.parse(Asset.FLOCK, "-1")));
        cases.add(invalid("Amount", "parse 19 decimals", "value",
                () -> Amount.parse(Asset.FLOCK, "0.0000000000000000001")));
        cases.add(invalid("Amount", "ofUnits -1", "units", () -> Amount.ofUnits(Asset.FLOCK, -1L)));
        cases.add(invalid("Amount", "ofUnits Long.MIN_VALUE", "units", () -> Amount.ofUnits(Asset.FLOCK, Long.MIN_VALUE)));
        cases.add(invalid("Amount", "ofUnits -2^700", "units",
                () -> Amount.ofUnits(Asset.FLOCK, BigInteger.ONE.shiftLeft(700).negate())));
        cases.add(invalid("Amount", "minus below zero", "other", () -> one.minus(Amount.of(Asset.FLOCK, 2))));
        cases.add(c("Amount", "plus another asset", AssetMismatchException.class, "other",
                () -> one.plus(Amount.of(Asset.USD, 1))));
        cases.add(invalid("Amount", "dividedBy zero", "divisor", () -> one.dividedBy(BigDecimal.ZERO, RoundingMode.DOWN)));
        for (long bps : new long[] {-1, 10_001, Long.MIN_VALUE, Long.MAX_VALUE}) {
            cases.add(invalid("Share", "ofBps " + bps, "bps", () -> Share.ofBps(bps)));
        }
        for (String v : List.of("-0.000001", "1.0000000001", "2", "-1e70", "1e70")) {
            cases.add(invalid("Share", "of " + v, "share", () -> Share.of(new BigDecimal(v))));
        }
        for (int d : new int[] {-1, 37, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            cases.add(invalid("UnitPrice", "decimals " + d, "decimals", () -> UnitPrice.of(Asset.USD, d, BigDecimal.ONE)));
        }
        cases.add(invalid("UnitPrice", "negative", "price", () -> UnitPrice.of(Asset.USD, 6, new BigDecimal("-0.1"),
                RoundingMode.DOWN)));
        cases.add(invalid("UnitPrice", "too fine", "price", () -> UnitPrice.of(Asset.USD, 6, new BigDecimal("0.0000001"))));
        for (String v : List.of("0", "-1", "-1e-36", "1e-37", "1e-100")) {
            cases.add(invalid("PriceQuote", "price " + v, "price",
                    () -> PriceQuote.of(Asset.FLOCK, new BigDecimal(v), "feed", Instant.EPOCH)));
        }
        for (long s : new long[] {0, -1, Long.MIN_VALUE}) {
            cases.add(invalid("Rate", "seconds " + s, "rate.seconds", () -> Rate.of("rate", BigDecimal.ONE, s)));
        }
        cases.add(invalid("Rate", "negative perDay", "ratePerDay", () -> Rate.perDay(new BigDecimal("-1"))));
        cases.add(invalid("Rate", "negative perSecond", "ratePerSecond", () -> Rate.perSecond(new BigDecimal("-1e-30"))));
        return cases;
    }

    static List<Case> priceBands() {
        List<Case> cases = new ArrayList<>();
        for (BigDecimal d : HostileDecimalsTest.hostile()) {
            String n = d.scale() + "/" + d.unscaledValue().bitLength();
            cases.add(invalid("PriceBand", "min " + n, "minPrice", () -> PriceBand.of(d, BigDecimal.TEN)));
            cases.add(invalid("PriceBand", "max " + n, "maxPrice", () -> PriceBand.of(BigDecimal.ONE, d)));
        }
        cases.add(invalid("PriceBand", "min zero", "minPrice", () -> PriceBand.of(BigDecimal.ZERO, BigDecimal.ONE)));
        cases.add(invalid("PriceBand", "min negative", "minPrice", () -> PriceBand.of(new BigDecimal("-1"), BigDecimal.ONE)));
        cases.add(invalid("PriceBand", "max below min", "maxPrice",
                () -> PriceBand.of(BigDecimal.ONE, new BigDecimal("0.999999"))));
        cases.add(invalid("PriceBand", "max negative", "maxPrice", () -> PriceBand.of(BigDecimal.ONE, new BigDecimal("-5"))));
        cases.add(invalid("BuybackParameters", "slippage one", "maxSlippage",
                () -> BuybackParameters.of(Share.ONE, Duration.ofHours(1))));
        cases.add(invalid("BuybackParameters", "negative age", "maxPriceAge",
                () -> BuybackParameters.of(Share.ofBps(100), Duration.ofSeconds(-1))));
        cases.add(invalid("BuybackParameters", "age of Long.MIN_VALUE seconds", "maxPriceAge",
                () -> BuybackParameters.of(Share.ofBps(100), Duration.ofSeconds(Long.MIN_VALUE))));
        return cases;
    }

    static List<Case> parameters() {
        List<Case> cases = new ArrayList<>();
        BigDecimal half = new BigDecimal("0.5");
        for (String a : List.of("-0.1", "1.1", "-1e70", "1e70", "1e-101")) {
            cases.add(invalid("ParameterChange", "alpha " + a, "alpha", () -> ParameterChange.of(RevenueWeights.defaults(),
                    new BigDecimal(a), half, BuybackParameters.defaults())));
            cases.add(invalid("ParameterChange", "alphaIncentive " + a, "alphaIncentive", () -> ParameterChange.of(
                    RevenueWeights.defaults(), half, new BigDecimal(a), BuybackParameters.defaults())));
        }
        for (int bps : new int[] {-1, 10_001, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            cases.add(invalid("RevenueWeights", "mtBuyback " + bps, "mtBuyback",
                    () -> RevenueWeights.builder().mtBuybackBps(bps)));
            cases.add(invalid("RevenueWeights", "issuer " + bps, "issuer", () -> RevenueWeights.builder().issuerBps(bps)));
        }
        cases.add(invalid("RevenueWeights", "sum 10001", "weights",
                () -> RevenueWeights.builder().mtBuybackBps(4001).build()));
        cases.add(invalid("RevenueWeights", "sum 9999", "weights",
                () -> RevenueWeights.builder().treasuryBps(1499).build()));
        cases.add(invalid("LaunchParameters", "allocation not summing at build", "allocation",
                () -> LaunchParameters.builder().mtAsset(MT).minTarget(Amount.of(Asset.FLOCK, 90_000))
                        .maxTarget(Amount.of(Asset.FLOCK, 800_000)).allocationBps(4000, 2000, 2000, 1000, 999).build()));
        cases.add(invalid("LaunchParameters", "raise split not summing at build", "raiseSplit",
                () -> LaunchParameters.builder().mtAsset(MT).minTarget(Amount.of(Asset.FLOCK, 90_000))
                        .maxTarget(Amount.of(Asset.FLOCK, 800_000)).raiseSplitBps(5000, 3000, 1999).build()));
        cases.add(invalid("LaunchParameters", "min target above max target at build", "minTarget",
                () -> LaunchParameters.builder().mtAsset(MT).minTarget(Amount.of(Asset.FLOCK, 900_000))
                        .maxTarget(Amount.of(Asset.FLOCK, 800_000)).build()));
        cases.add(invalid("LaunchParameters", "no min target at build", "minTarget",
                () -> LaunchParameters.builder().mtAsset(MT).build()));
        return cases;
    }

    static List<Case> tokenCounts() {
        List<Case> cases = new ArrayList<>();
        cases.add(invalid("TokenCounts", "negative input", "tokens.input", () -> new TokenCounts(-1, 0, 0)));
        cases.add(invalid("TokenCounts", "input Long.MIN_VALUE", "tokens.input",
                () -> new TokenCounts(Long.MIN_VALUE, 0, 0)));
        cases.add(invalid("TokenCounts", "negative output", "tokens.output", () -> new TokenCounts(0, 0, -1)));
        cases.add(invalid("TokenCounts", "output Long.MIN_VALUE", "tokens.output",
                () -> new TokenCounts(0, 0, Long.MIN_VALUE)));
        cases.add(invalid("TokenCounts", "cached above input", "tokens.cachedInput", () -> new TokenCounts(1, 2, 0)));
        cases.add(invalid("TokenCounts", "negative cached", "tokens.cachedInput", () -> new TokenCounts(1, -1, 0)));
        cases.add(invalid("TokenCounts", "total overflows", "tokens.output",
                () -> new TokenCounts(Long.MAX_VALUE, 0, 1)));
        return cases;
    }

    static List<Case> schedules() {
        List<Case> cases = new ArrayList<>();
        Rate r = Rate.perDay(BigDecimal.TEN);
        cases.add(invalid("EmissionSchedule", "table without points", "points",
                () -> EmissionSchedule.table(Asset.FLOCK, List.of())));
        cases.add(invalid("EmissionSchedule", "table point at -1", "at",
                () -> EmissionSchedule.TablePoint.of(-1, r)));
        cases.add(invalid("EmissionSchedule", "table point at Long.MIN_VALUE", "at",
                () -> EmissionSchedule.TablePoint.of(Long.MIN_VALUE, r)));
        return cases;
    }

    static Stream<Arguments> cases() {
        return Stream.of(ids(), numbers(), priceBands(), parameters(), tokenCounts(), schedules())
                .flatMap(List::stream).map(c -> Arguments.of(c));
    }

    @org.junit.jupiter.api.Test
    void everySurfaceHasSeveralCasesAndNoCaseRepeatsAnother() {
        List<Case> all = Stream.of(ids(), numbers(), priceBands(), parameters(), tokenCounts(), schedules())
                .flatMap(List::stream).toList();
        java.util.Map<String, Long> bySurface = all.stream().collect(java.util.stream.Collectors.groupingBy(Case::surface,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        bySurface.forEach((surface, n) -> assertTrue(n >= 3, surface + " has only " + n + " cases"));
        assertEquals(all.size(), all.stream().map(Case::toString).distinct().count(), "a case repeats another");
        System.out.println("catalogue values " + bySurface + ", builders " + builderCases().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithTheTypedErrorNamingItsFieldAndABoundedEscapedMessage(Case c) {
        RuntimeException e = assertThrows(RuntimeException.class, c.call(), c.toString());
        assertEquals(c.type(), e.getClass(), c + ": " + e);
        FomoException f = (FomoException) e;
        assertEquals(c.field(), f.field(), c + ": " + e.getMessage());
        assertTrue(e.getMessage().length() <= FomoException.MAX_MESSAGE, c + ": " + e.getMessage().length());
        assertTrue(f.rejectedValue().length() <= FomoException.MAX_QUOTED + 32, f.rejectedValue());
        assertNoTerminalControl(e.getMessage());
    }

    /** No character of a message may move a terminal's cursor, colour it, or reorder its text. */
    static void assertNoTerminalControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            int type = Character.getType(ch);
            boolean bad = Character.isISOControl(ch) || type == Character.FORMAT || type == Character.SURROGATE
                    && !(Character.isHighSurrogate(ch) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) || Character.isLowSurrogate(ch) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)))
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            int at = i;
            assertFalse(bad, () -> String.format("U+%04X at %d in %s", (int) ch, at, text));
        }
    }

    /** A builder setter refused: the typed error, and the builder builds the same as before. */
    record BuilderCase<B, T>(String name, String field, Supplier<B> fresh, Function<B, T> build,
            java.util.function.Consumer<B> attack) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> builderCases() {
        List<BuilderCase<?, ?>> cases = new ArrayList<>();
        Supplier<LaunchParameters.Builder> launch = () -> LaunchParameters.builder().mtAsset(MT)
                .minTarget(Amount.of(Asset.FLOCK, 90_000)).maxTarget(Amount.of(Asset.FLOCK, 800_000))
                .constantProductCurve(BigDecimal.ONE);
        Function<LaunchParameters.Builder, String> buildLaunch = b -> b.build().toString();
        record L(String name, String field, java.util.function.Consumer<LaunchParameters.Builder> attack) {
        }
        List<L> launches = List.of(
                new L("mtAsset FLOCK", "mtAsset", b -> b.mtAsset(Asset.FLOCK)),
                new L("launchFee in USD", "launchFee", b -> b.launchFee(Amount.of(Asset.USD, 1))),
                new L("window zero", "window", b -> b.window(Duration.ZERO)),
                new L("window negative", "window", b -> b.window(Duration.ofSeconds(-1))),
                new L("window Long.MIN_VALUE seconds", "window", b -> b.window(Duration.ofSeconds(Long.MIN_VALUE))),
                new L("window Long.MAX_VALUE seconds", "window", b -> b.window(Duration.ofSeconds(Long.MAX_VALUE))),
                new L("window 100 years and a day", "window", b -> b.window(LaunchParameters.MAX_DURATION.plusDays(1))),
                new L("vesting of Long.MAX_VALUE seconds", "vestingDuration",
                        b -> b.vesting(Duration.ZERO, Duration.ofSeconds(Long.MAX_VALUE))),
                new L("minTarget zero", "minTarget", b -> b.minTarget(Amount.zero(Asset.FLOCK))),
                new L("minTarget in MT", "minTarget", b -> b.minTarget(Amount.of(MT, 1))),
                new L("maxTarget zero", "maxTarget", b -> b.maxTarget(Amount.zero(Asset.FLOCK))),
                new L("swapFeeBps -1", "swapFeeBps", b -> b.swapFeeBps(-1)),
                new L("swapFeeBps 10000", "swapFeeBps", b -> b.swapFeeBps(10_000)),
                new L("swapFeeBps Integer.MIN_VALUE", "swapFeeBps", b -> b.swapFeeBps(Integer.MIN_VALUE)),
                new L("creatorFeeBps -1", "creatorFeeBps", b -> b.creatorFeeBps(-1)),
                new L("creatorFeeBps 10001", "creatorFeeBps", b -> b.creatorFeeBps(10_001)),
                new L("feeRounding UNNECESSARY", "feeRounding", b -> b.feeRounding(RoundingMode.UNNECESSARY)),
                new L("totalSupply 0", "totalSupply", b -> b.totalSupply(0)),
                new L("totalSupply -1", "totalSupply", b -> b.totalSupply(-1)),
                new L("totalSupply Long.MIN_VALUE", "totalSupply", b -> b.totalSupply(Long.MIN_VALUE)),
                new L("allocation negative", "allocation.sale", b -> b.allocationBps(-1, 2000, 2000, 1000, 5001)),
                new L("allocation Integer.MAX_VALUE", "allocation.sale",
                        b -> b.allocationBps(Integer.MAX_VALUE, Integer.MAX_VALUE, 2, 0, 0)),
                new L("firstBuyCapBps -1", "firstBuyCapBps", b -> b.firstBuyCapBps(-1)),
                new L("firstBuyCapBps 10001", "firstBuyCapBps", b -> b.firstBuyCapBps(10_001)),
                new L("raiseSplit overflowing", "raiseSplit.liquidity",
                        b -> b.raiseSplitBps(Integer.MAX_VALUE, Integer.MAX_VALUE, 2)),
                new L("vesting cliff negative", "vestingCliff", b -> b.vesting(Duration.ofDays(-1), Duration.ofDays(365))),
                new L("vesting cliff beyond duration", "vestingCliff",
                        b -> b.vesting(Duration.ofDays(400), Duration.ofDays(365))),
                new L("poolFeeBps -1", "poolFeeBps", b -> b.poolFeeBps(-1)),
                new L("poolFeeBps 10000", "poolFeeBps", b -> b.poolFeeBps(10_000)),
                new L("linearCurve negative start", "startPrice", b -> b.linearCurve(new BigDecimal("-1"), BigDecimal.ONE)),
                new L("linearCurve negative slope", "slope", b -> b.linearCurve(BigDecimal.ONE, new BigDecimal("-1"))),
                new L("exponentialCurve zero start", "startPrice", b -> b.exponentialCurve(BigDecimal.ZERO, BigDecimal.ONE)),
                new L("constantProductCurve zero", "startPrice", b -> b.constantProductCurve(BigDecimal.ZERO)),
                new L("constantProductCurve negative", "startPrice", b -> b.constantProductCurve(new BigDecimal("-0.001"))));
        for (L l : launches) {
            cases.add(new BuilderCase<>("LaunchParameters." + l.name(), l.field(), launch, buildLaunch, l.attack()));
        }
        Supplier<ProtocolParameters.Builder> protocol = () -> ProtocolParameters.builder(Instant.EPOCH);
        Function<ProtocolParameters.Builder, ProtocolParameters> buildProtocol = ProtocolParameters.Builder::build;
        record P(String name, String field, java.util.function.Consumer<ProtocolParameters.Builder> attack) {
        }
        List<P> protocols = List.of(
                new P("epochSeconds 59", "epochSeconds", b -> b.epochSeconds(59)),
                new P("epochSeconds 0", "epochSeconds", b -> b.epochSeconds(0)),
                new P("epochSeconds -1", "epochSeconds", b -> b.epochSeconds(-1)),
                new P("epochSeconds Long.MIN_VALUE", "epochSeconds", b -> b.epochSeconds(Long.MIN_VALUE)),
                new P("epochSeconds Long.MAX_VALUE", "epochSeconds", b -> b.epochSeconds(Long.MAX_VALUE)),
                new P("epochSeconds 366 days + 1", "epochSeconds", b -> b.epochSeconds(366 * 86_400L + 1)),
                new P("incentiveEpochs 0", "incentiveEpochs", b -> b.incentiveEpochs(0)),
                new P("incentiveEpochs -1", "incentiveEpochs", b -> b.incentiveEpochs(-1)),
                new P("incentiveEpochs 100001", "incentiveEpochs", b -> b.incentiveEpochs(100_001)),
                new P("incentiveEpochs Integer.MAX_VALUE", "incentiveEpochs", b -> b.incentiveEpochs(Integer.MAX_VALUE)),
                new P("emissionReserve beyond supply", "emissionReserve",
                        b -> b.emissionReserve(Amount.of(Asset.FLOCK, 1_000_000_001L))),
                new P("emissionReserve 1e70", "emissionReserve",
                        b -> b.emissionReserve(Amount.of(Asset.FLOCK, new BigDecimal("1e70")))),
                new P("emission in USD", "emission",
                        b -> b.emission(EmissionSchedule.constant(Asset.USD, Rate.perDay(BigDecimal.ONE)))));
        for (P p : protocols) {
            cases.add(new BuilderCase<>("ProtocolParameters." + p.name(), p.field(), protocol, buildProtocol, p.attack()));
        }
        Supplier<DiscountTiers.Builder> tiers = () -> DiscountTiers.builder(MT).tier(Amount.of(MT, 10), 1000);
        Function<DiscountTiers.Builder, DiscountTiers> buildTiers = DiscountTiers.Builder::build;
        record T(String name, String field, java.util.function.Consumer<DiscountTiers.Builder> attack) {
        }
        List<T> tierAttacks = List.of(
                new T("discount -1", "tiers[1].discountBps", b -> b.tier(Amount.of(MT, 100), -1)),
                new T("discount 10001", "tiers[1].discountBps", b -> b.tier(Amount.of(MT, 100), 10_001)),
                new T("discount Integer.MIN_VALUE", "tiers[1].discountBps",
                        b -> b.tier(Amount.of(MT, 100), Integer.MIN_VALUE)),
                new T("stake not increasing", "tiers[1].minStake", b -> b.tier(Amount.of(MT, 10), 2000)),
                new T("discount not increasing", "tiers[1].discountBps", b -> b.tier(Amount.of(MT, 100), 500)),
                new T("stake in FLOCK", "tiers[1].minStake", b -> b.tier(Amount.of(Asset.FLOCK, 100), 2000)));
        for (T t : tierAttacks) {
            cases.add(new BuilderCase<>("DiscountTiers." + t.name(), t.field(), tiers, buildTiers, t.attack()));
        }
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builderCases")
    <B, T> void aRefusedSetterIsATypedErrorAndTheBuilderBuildsWhatItBuiltBefore(BuilderCase<B, T> c) {
        B builder = c.fresh().get();
        T before = c.build().apply(c.fresh().get());
        FomoException e = assertThrows(FomoException.class, () -> c.attack().accept(builder), c.name());
        assertEquals(c.field(), e.field(), c.name() + ": " + e.getMessage());
        assertTrue(e instanceof InvalidArgumentException, e.toString());
        assertNoTerminalControl(e.getMessage());
        assertEquals(before, c.build().apply(builder), c.name() + ": the refused setter changed the builder");
    }
}
