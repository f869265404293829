package io.fomo.core.math.arbitraries;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generators for the core math package: assets of 0 to 36 decimals (6 and 18 often), totals from a
 * handful of base units to 2^256, weights of mixed scales with zeros and ties, waterfall plans, and the
 * radicands and arguments of {@code ExactMath}. {@link MathArbitraryProvider} backs {@code @ForAll} of
 * {@link AllocationCase} and {@link WaterfallCase} with them.
 */
public final class MathArbitraries {

    /** The largest value an EVM token balance can hold, plus one: 2^256. */
    public static final BigInteger TWO_POW_256 = BigInteger.TWO.pow(256);

    private MathArbitraries() {
    }

    /**
     * Decimals from 0 to 36; 0, 6 (USDC), 18 (FLOCK, model tokens) and 36 come up often.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Integer> decimals() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(3, Arbitraries.integers().between(0, Asset.MAX_DECIMALS)),
                Tuple.of(2, Arbitraries.of(0, 6, 18, Asset.MAX_DECIMALS))));
    }

    /**
     * Assets of any decimals, sometimes the SDK's named ones.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Asset> assets() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(4, decimals().map(d -> Asset.of("T" + d, d))),
                Tuple.of(1, Arbitraries.of(Asset.FLOCK, Asset.USDC))));
    }

    /**
     * Base-unit counts for an asset: a few units (fewer than the recipients, so dust and ties dominate),
     * up to a billion whole tokens, or anything below 2^256.
     *
     * @param decimals the asset's decimals
     * @return the arbitrary
     */
    public static Arbitrary<BigInteger> units(int decimals) {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(2, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(30))),
                Tuple.of(3, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(decimals + 9))
                        .withDistribution(RandomDistribution.biased())),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.ZERO, TWO_POW_256.subtract(BigInteger.ONE)))));
    }

    /**
     * Amounts of one asset, as {@link #units(int)}.
     *
     * @param asset the asset
     * @return the arbitrary
     */
    public static Arbitrary<Amount> amounts(Asset asset) {
        return units(asset.decimals()).map(u -> Amount.ofUnits(asset, u));
    }

    /**
     * Amounts of any asset.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Amount> totals() {
        return assets().flatMap(MathArbitraries::amounts);
    }

    /**
     * Every rounding mode but UNNECESSARY; DOWN (the payout direction) a little more often.
     *
     * @return the arbitrary
     */
    public static Arbitrary<RoundingMode> directedModes() {
        List<RoundingMode> modes = new ArrayList<>(List.of(RoundingMode.values()));
        modes.remove(RoundingMode.UNNECESSARY);
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(6, Arbitraries.of(modes)),
                Tuple.of(1, Arbitraries.just(RoundingMode.DOWN))));
    }

    /**
     * Positive weights: 1 to 10^30 in the unscaled value, scales -3 to 24 (so {@code 1E+3} and
     * {@code 0.000000000000000000000001} both occur, and weights of one set differ in scale).
     *
     * @return the arbitrary
     */
    public static Arbitrary<BigDecimal> positiveWeights() {
        return Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(30))
                        .withDistribution(RandomDistribution.biased()),
                Arbitraries.integers().between(-3, 24))
                .as(BigDecimal::new);
    }

    /**
     * Weights: positive, or zero at some scale (one in seven).
     *
     * @return the arbitrary
     */
    public static Arbitrary<BigDecimal> weights() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(6, positiveWeights()),
                Tuple.of(1, Arbitraries.integers().between(0, 6).map(s -> BigDecimal.ZERO.setScale(s)))));
    }

    /**
     * Weight lists of a given size with at least one positive weight: independent weights, one weight
     * repeated (every remainder ties), or small integers (many ties and zeros).
     *
     * @param n the size
     * @return the arbitrary
     */
    public static Arbitrary<List<BigDecimal>> weightLists(int n) {
        Arbitrary<List<BigDecimal>> independent = weights().list().ofSize(n);
        Arbitrary<List<BigDecimal>> allEqual = positiveWeights().map(w -> Collections.nCopies(n, w));
        Arbitrary<List<BigDecimal>> small = Arbitraries.integers().between(0, 3).map(BigDecimal::valueOf)
                .list().ofSize(n);
        return Arbitraries.frequencyOf(List.of(
                        Tuple.of(4, independent),
                        Tuple.of(1, allEqual),
                        Tuple.of(2, small)))
                .filter(ws -> ws.stream().anyMatch(w -> w.signum() > 0));
    }

    /**
     * Recipient keys: 1 to 12 distinct short lower-case strings.
     *
     * @return the arbitrary
     */
    public static Arbitrary<List<String>> recipientKeys() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3)
                .list().uniqueElements().ofMinSize(1).ofMaxSize(12);
    }

    /**
     * Allocation cases: a total of any asset and weights in two random insertion orders.
     *
     * @return the arbitrary
     */
    public static Arbitrary<AllocationCase> allocationCases() {
        Arbitrary<List<AllocationCase.Entry>> entries = recipientKeys().flatMap(keys ->
                weightLists(keys.size()).map(ws -> {
                    List<AllocationCase.Entry> list = new ArrayList<>();
                    for (int i = 0; i < keys.size(); i++) {
                        list.add(new AllocationCase.Entry(keys.get(i), ws.get(i)));
                    }
                    return list;
                }));
        Arbitrary<List<List<AllocationCase.Entry>>> orders = entries.flatMap(list ->
                Combinators.combine(Arbitraries.shuffle(list), Arbitraries.shuffle(list)).as(List::of));
        return Combinators.combine(totals(), orders).as((total, o) -> new AllocationCase(total, o.get(0), o.get(1)));
    }

    /**
     * Waterfall cases: an asset, an input, a rounding mode (DOWN most often) and a random plan of up to
     * eight FIXED (each at most the input), SHARE_OF_REMAINING and SHARE_OF_BASE steps (shares of the
     * base at most 100% in total, in bps or exact decimals of up to 30 digits), ending in REST or in a
     * 100% share of the remaining amount.
     *
     * @return the arbitrary
     */
    public static Arbitrary<WaterfallCase> waterfallCases() {
        Arbitrary<RoundingMode> roundings = Arbitraries.frequencyOf(List.of(
                Tuple.of(3, Arbitraries.just(RoundingMode.DOWN)),
                Tuple.of(2, directedModes())));
        return assets().flatMap(asset -> Combinators.combine(
                amounts(asset),
                rawSteps().list().ofMaxSize(8),
                Arbitraries.of(WaterfallCase.Sink.values()),
                roundings)
                .as((input, raws, sink, rounding) -> WaterfallCase.assemble(asset, input, rounding, raws, sink)));
    }

    private static Arbitrary<WaterfallCase.RawStep> rawSteps() {
        Arbitrary<WaterfallCase.Kind> kinds = Arbitraries.of(WaterfallCase.Kind.values());
        Arbitrary<BigDecimal> bps = Arbitraries.frequencyOf(List.of(
                Tuple.of(4, Arbitraries.integers().between(0, 10_000)),
                Tuple.of(1, Arbitraries.of(0, 1, 5_000, 9_999, 10_000))))
                .map(b -> BigDecimal.valueOf(b, 4));
        Arbitrary<BigDecimal> decimal = Arbitraries.integers().between(1, 30).flatMap(s ->
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(s))
                        .withDistribution(RandomDistribution.biased())
                        .map(u -> new BigDecimal(u, s)));
        Arbitrary<Boolean> inBps = Arbitraries.of(true, false);
        // A fixed step takes this many thousandths of the input: small ones mostly, so that most plans fit.
        Arbitrary<Integer> permille = Arbitraries.frequencyOf(List.of(
                Tuple.of(4, Arbitraries.integers().between(0, 150)),
                Tuple.of(1, Arbitraries.integers().between(0, 1000))));
        return Combinators.combine(kinds, inBps, bps, decimal, permille).as(WaterfallCase.RawStep::new);
    }

    /**
     * Radicands for square roots: random values from 10^-80 to 10^110, perfect squares of any scale,
     * values one unit in some last place below or above a perfect square, and zero.
     *
     * @return the arbitrary
     */
    public static Arbitrary<BigDecimal> radicands() {
        Arbitrary<BigDecimal> random = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(40))
                        .withDistribution(RandomDistribution.biased()),
                Arbitraries.integers().between(-70, 80))
                .as(BigDecimal::new);
        Arbitrary<BigDecimal> squares = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(25))
                        .withDistribution(RandomDistribution.biased()),
                Arbitraries.integers().between(-20, 30))
                .as((m, s) -> new BigDecimal(m.multiply(m), 2 * s));
        Arbitrary<BigDecimal> nearSquares = Combinators.combine(
                squares.filter(q -> q.signum() > 0),
                Arbitraries.integers().between(0, 30),
                Arbitraries.of(1, -1))
                .as((q, extra, sign) -> {
                    BigDecimal unit = BigDecimal.ONE.movePointLeft(Math.max(q.scale(), 0) + extra);
                    BigDecimal near = sign > 0 ? q.add(unit) : q.subtract(unit);
                    return near.signum() < 0 ? q.add(unit) : near;
                });
        Arbitrary<BigDecimal> special = Arbitraries.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.valueOf(2),
                new BigDecimal("1E-80"), new BigDecimal("1E+110"), new BigDecimal("0.25"),
                new BigDecimal("2.25"), new BigDecimal("6.25"));
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(4, random),
                Tuple.of(2, squares),
                Tuple.of(3, nearSquares),
                Tuple.of(1, special)));
    }

    /**
     * Exponents for {@code exp}: decimals between -300 and 300 with up to 30 decimals, tiny values
     * (|x| down to 10^-40), and small integers.
     *
     * @param maxMagnitude the largest |x| of the general case
     * @return the arbitrary
     */
    public static Arbitrary<BigDecimal> exponents(int maxMagnitude) {
        Arbitrary<BigDecimal> general = Arbitraries.integers().between(0, 30).flatMap(s -> {
            BigInteger bound = BigInteger.valueOf(maxMagnitude).multiply(BigInteger.TEN.pow(s));
            return Arbitraries.bigIntegers().between(bound.negate(), bound)
                    .withDistribution(RandomDistribution.biased())
                    .map(u -> new BigDecimal(u, s));
        });
        Arbitrary<BigDecimal> tiny = Combinators.combine(
                Arbitraries.integers().between(1, 999),
                Arbitraries.integers().between(5, 40),
                Arbitraries.of(1, -1))
                .as((u, s, sign) -> BigDecimal.valueOf((long) u * sign, s));
        Arbitrary<BigDecimal> integers = Arbitraries.integers().between(-50, 50).map(BigDecimal::valueOf);
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(5, general),
                Tuple.of(1, tiny),
                Tuple.of(1, integers)));
    }

    /**
     * Positive arguments for {@code ln}: from 10^-80 to 10^110, values from 10^-3 down to 10^-100 away
     * from 1 on either side (where a logarithm is small and cancellation bites), and small integers.
     *
     * @return the arbitrary
     */
    public static Arbitrary<BigDecimal> logArguments() {
        Arbitrary<BigDecimal> random = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(40))
                        .withDistribution(RandomDistribution.biased()),
                Arbitraries.integers().between(-70, 80))
                .as(BigDecimal::new);
        Arbitrary<BigDecimal> nearOne = Combinators.combine(
                Arbitraries.integers().between(1, 999),
                Arbitraries.integers().between(3, 100),
                Arbitraries.of(1, -1))
                .as((u, s, sign) -> BigDecimal.ONE.add(BigDecimal.valueOf((long) u * sign, s)));
        Arbitrary<BigDecimal> integers = Arbitraries.integers().between(1, 1000).map(BigDecimal::valueOf);
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(5, random),
                Tuple.of(2, nearOne),
                Tuple.of(1, integers)));
    }
}
