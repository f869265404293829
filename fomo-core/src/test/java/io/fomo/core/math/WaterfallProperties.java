package io.fomo.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.math.arbitraries.WaterfallCase;
import io.fomo.core.math.arbitraries.WaterfallCase.StepSpec;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.function.Executable;

/**
 * Waterfalls over random plans (FIXED steps of at most the input, shares of the remaining, shares of
 * the base up to 100% in total, in bps or exact decimals, ending in REST or a 100% share of the
 * remaining), random inputs of 0 to 36 decimals and every rounding direction. Expected parts come from a
 * model written here with BigInteger base units only: a share step's part is base * numerator /
 * denominator rounded by {@link Oracles#divide}.
 */
class WaterfallProperties {

    /** The model's outcome: the parts in step order, or the index of the step the input cannot cover. */
    private static final class Outcome {
        final Map<String, BigInteger> parts = new LinkedHashMap<>();
        int failedStep = -1;
    }

    private static Outcome model(WaterfallCase c) {
        Outcome out = new Outcome();
        BigInteger input = c.input().units();
        BigInteger remaining = input;
        List<StepSpec> steps = c.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepSpec s = steps.get(i);
            BigInteger part = switch (s.type()) {
                case FIXED -> s.fixedUnits();
                case SHARE_OF_REMAINING -> Oracles.divide(remaining.multiply(s.numerator()), s.denominator(), c.rounding());
                case SHARE_OF_BASE -> Oracles.divide(input.multiply(s.numerator()), s.denominator(), c.rounding());
                case REST -> remaining;
            };
            if (part.compareTo(remaining) > 0) {
                out.failedStep = i;
                return out;
            }
            remaining = remaining.subtract(part);
            out.parts.put(s.recipient(), part);
        }
        return out;
    }

    private static Map<String, BigInteger> units(Map<String, Amount> split) {
        Map<String, BigInteger> units = new LinkedHashMap<>();
        split.forEach((k, v) -> units.put(k, v.units()));
        return units;
    }

    @Property
    void splitMatchesTheIntegerModelStepByStep(@ForAll WaterfallCase c) {
        Waterfall plan = c.plan();
        Outcome expected = model(c);

        if (expected.failedStep >= 0) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> plan.split(c.input()));
            assertTrue(e.getMessage().startsWith("input = " + c.input() + ": step " + expected.failedStep + " ("),
                    e::getMessage);
            Statistics.label("outcome").collect("rejected: step needs more than is left");
        } else {
            Map<String, Amount> split = plan.split(c.input());
            assertEquals(expected.parts, units(split));
            assertEquals(new ArrayList<>(expected.parts.keySet()), new ArrayList<>(split.keySet()), "step order");
            Statistics.label("outcome").collect("split");
        }
        Statistics.label("rounding").collect(c.rounding() == RoundingMode.DOWN ? "DOWN" : "other");
    }

    @Property
    void whateverIsSplitSumsExactlyToTheInput(@ForAll WaterfallCase c) {
        Map<String, Amount> split;
        try {
            split = c.plan().split(c.input());
        } catch (InvalidArgumentException e) {
            Statistics.label("split").collect("rejected (checked against the model above)");
            return;
        }
        Amount sum = Amount.zero(c.asset());
        for (Amount part : split.values()) {
            sum = sum.plus(part);
        }
        assertEquals(c.input(), sum);
        assertEquals(c.steps().size(), split.size(), "one part per step");
        Statistics.label("split").collect("summed");
    }

    /** With DOWN, each share step gets floor(base * share) of its own base, and the sink the rest. */
    @Property
    void downSharesAreFloorsOfTheirBase(@ForAll WaterfallCase generated) {
        WaterfallCase c = generated.withRounding(RoundingMode.DOWN);
        Map<String, Amount> split;
        try {
            split = c.plan().split(c.input());
        } catch (InvalidArgumentException e) {
            Statistics.label("split").collect("rejected");
            return;
        }
        BigInteger input = c.input().units();
        BigInteger paid = BigInteger.ZERO;
        for (StepSpec s : c.steps()) {
            BigInteger part = split.get(s.recipient()).units();
            BigInteger remaining = input.subtract(paid);
            switch (s.type()) {
                case FIXED -> assertEquals(s.fixedUnits(), part);
                case SHARE_OF_REMAINING -> assertEquals(remaining.multiply(s.numerator()).divide(s.denominator()), part,
                        () -> s + " of " + remaining);
                case SHARE_OF_BASE -> assertEquals(input.multiply(s.numerator()).divide(s.denominator()), part,
                        () -> s + " of " + input);
                case REST -> assertEquals(remaining, part);
            }
            paid = paid.add(part);
        }
        assertEquals(input, paid);
        Statistics.label("split").collect("checked");
    }

    /**
     * Replays a random plan, trying an invalid step at a random point (a duplicate recipient, a blank one,
     * a fixed amount of another asset, a share of the base past 100%, any step after REST). Each is
     * rejected with an error naming the step, and the builder goes on to build the very plan it had.
     */
    @Property(tries = 300)
    void aRejectedStepLeavesTheBuilderUnchanged(@ForAll WaterfallCase c,
            @ForAll @IntRange(min = 0, max = 100) int position, @ForAll @IntRange(min = 0, max = 4) int kind) {
        List<StepSpec> steps = c.steps();
        int at = position % (steps.size() + 1);
        Waterfall.Builder b = Waterfall.builder(c.asset(), c.rounding());
        BigDecimal baseUsed = BigDecimal.ZERO;
        for (int i = 0; i <= steps.size(); i++) {
            if (i == at) {
                tryInvalidStep(b, c, steps, i, baseUsed, kind);
            }
            if (i < steps.size()) {
                StepSpec s = steps.get(i);
                s.addTo(b, c.asset());
                if (s.type() == Waterfall.StepType.SHARE_OF_BASE) {
                    baseUsed = baseUsed.add(s.share().fraction());
                }
            }
        }
        Waterfall built = b.build();
        Waterfall clean = c.plan();

        assertEquals(clean.toString(), built.toString());
        try {
            assertEquals(clean.split(c.input()), built.split(c.input()));
        } catch (InvalidArgumentException e) {
            InvalidArgumentException again = assertThrows(InvalidArgumentException.class, () -> built.split(c.input()));
            assertEquals(e.getMessage(), again.getMessage());
        }
    }

    private static void tryInvalidStep(Waterfall.Builder b, WaterfallCase c, List<StepSpec> steps, int i,
            BigDecimal baseUsed, int kind) {
        String field = "steps[" + i + "]";
        if (i == steps.size()) {
            // After the sink: only REST closes the builder; after a 100% share of the remaining, steps are still
            // accepted (build() would then want a new sink), so nothing is tried there.
            if (steps.get(i - 1).type() == Waterfall.StepType.REST) {
                expectRejected(field + ".to = late: no step may follow the REST step", () -> b.fixed("late", c.input()));
                Statistics.label("tried").collect("after REST");
            }
            return;
        }
        switch (kind) {
            case 0 -> {
                if (i == 0) {
                    expectRejected(field + ".to = \"\": must not be blank", () -> b.rest(""));
                    Statistics.label("tried").collect("blank");
                } else {
                    String taken = steps.get(i - 1).recipient();
                    expectRejected(field + ".to = " + taken + ": duplicate recipient",
                            () -> b.shareOfRemaining(taken, Share.ZERO));
                    Statistics.label("tried").collect("duplicate");
                }
            }
            case 1 -> {
                Asset other = Asset.of("OTHER", c.asset().decimals());
                AssetMismatchException e = assertThrows(AssetMismatchException.class,
                        () -> b.fixed("x", Amount.ofUnits(other, 1)));
                int d = c.asset().decimals();
                assertEquals(field + ".amount = OTHER (" + d + " decimals): expected an amount of " + c.asset() + " (" + d
                        + " decimals)", e.getMessage());
                Statistics.label("tried").collect("asset mismatch");
            }
            default -> {
                BigDecimal left = BigDecimal.ONE.subtract(baseUsed);
                if (left.compareTo(BigDecimal.ONE) == 0) {
                    // No share of the base yet, so none can exceed 100%: try a duplicate instead.
                    tryInvalidStep(b, c, steps, i, baseUsed, 0);
                    return;
                }
                // The smallest share past what is left: 1E-40 more.
                Share over = Share.of(left.add(BigDecimal.ONE.movePointLeft(40)));
                expectRejected(field + ".share = " + over + ": shares of the base would sum to more than 100% (already "
                        + Share.of(baseUsed) + ")", () -> b.shareOfBase("x", over));
                Statistics.label("tried").collect("base over 100%");
            }
        }
    }

    private static void expectRejected(String message, Executable call) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}
