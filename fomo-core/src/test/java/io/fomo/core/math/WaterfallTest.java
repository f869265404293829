package io.fomo.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Waterfall plans: hand-computed splits, every builder and split rejection, and unchanged state after one. */
class WaterfallTest {

    private static final Asset USDC = Asset.USDC;

    private static Amount usdc(String value) {
        return Amount.parse(USDC, value);
    }

    private static Amount flock(String value) {
        return Amount.parse(Asset.FLOCK, value);
    }

    private static <T extends InvalidArgumentException> T assertRejected(Class<T> type, String message, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(message, e.getMessage());
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        return e;
    }

    private static Map<String, Amount> parts(Object... recipientAmountPairs) {
        Map<String, Amount> map = new LinkedHashMap<>();
        for (int i = 0; i < recipientAmountPairs.length; i += 2) {
            map.put((String) recipientAmountPairs[i], (Amount) recipientAmountPairs[i + 1]);
        }
        return map;
    }

    // ---- splits -------------------------------------------------------------------------------------------

    /** FOMO-SPEC §1 default: raised net FLOCK goes 50% liquidity, 30% hosting reserve, 20% staking. */
    @Test
    void specDefaultLaunchSplitSendsTheDustToTheSink() {
        Waterfall plan = Waterfall.builder(Asset.FLOCK, RoundingMode.DOWN)
                .shareOfBase("liquidity", Share.ofBps(5_000))
                .shareOfBase("hosting", Share.ofBps(3_000))
                .rest("staking")
                .build();
        // 1000.000000000000000001 * 0.5 = 500.0000000000000000005 -> 500; * 0.3 -> 300.0000000000000000003 -> 300.
        Map<String, Amount> split = plan.split(flock("1000.000000000000000001"));
        assertEquals(parts("liquidity", flock("500"), "hosting", flock("300"), "staking", flock("200.000000000000000001")),
                split);
        assertEquals(List.of("liquidity", "hosting", "staking"), List.copyOf(split.keySet()), "step order");
    }

    @Test
    void everyKindOfStep() {
        Waterfall plan = Waterfall.builder(USDC, RoundingMode.DOWN)
                .fixed("gas", usdc("10"))
                .shareOfRemaining("treasury", Share.ofBps(1_000))
                .shareOfBase("lp", Share.of(new BigDecimal("0.5")))
                .rest("stakers")
                .build();
        // 1000 - 10 = 990; 10% of 990 = 99; 50% of 1000 = 500; 1000 - 10 - 99 - 500 = 391.
        assertEquals(parts("gas", usdc("10"), "treasury", usdc("99"), "lp", usdc("500"), "stakers", usdc("391")),
                plan.split(usdc("1000")));
        // 33.333333% of what remains of 0.000007 after 0.000002: 5 * 0.33333333 = 1.67 units -> 1 unit DOWN.
        Waterfall third = Waterfall.builder(USDC, RoundingMode.DOWN)
                .fixed("fee", usdc("0.000002"))
                .shareOfRemaining("a", Share.of(new BigDecimal("0.33333333")))
                .rest("b")
                .build();
        assertEquals(parts("fee", usdc("0.000002"), "a", usdc("0.000001"), "b", usdc("0.000004")),
                third.split(usdc("0.000007")));
    }

    @Test
    void theRoundingDirectionIsThePlans() {
        Waterfall up = Waterfall.builder(USDC, RoundingMode.UP)
                .shareOfBase("a", Share.ofBps(3_333))
                .rest("b")
                .build();
        // 0.3333 * 0.000010 = 0.000003333 -> 0.000004 UP; the rest 0.000006.
        assertEquals(parts("a", usdc("0.000004"), "b", usdc("0.000006")), up.split(usdc("0.00001")));
    }

    @Test
    void aFullShareOfTheRemainingIsASink() {
        Waterfall plan = Waterfall.builder(USDC, RoundingMode.DOWN)
                .shareOfBase("a", Share.ofBps(1))
                .shareOfRemaining("all", Share.ONE)
                .build();
        // 0.01% of 12.345678 = 0.0012345678 -> 0.001234; the remaining 12.344444 goes to "all".
        assertEquals(parts("a", usdc("0.001234"), "all", usdc("12.344444")), plan.split(usdc("12.345678")));
        assertEquals(parts("a", usdc("0"), "all", usdc("0")), plan.split(usdc("0")));
    }

    @Test
    void sharesOfTheBaseMayTotalExactlyOneHundredPercent() {
        Waterfall plan = Waterfall.builder(USDC, RoundingMode.DOWN)
                .shareOfBase("a", Share.of(new BigDecimal("0.333333333333333333333333333333")))
                .shareOfBase("b", Share.of(new BigDecimal("0.666666666666666666666666666667")))
                .rest("dust")
                .build();
        // 1 unit * 0.33... -> 0, * 0.66... -> 0: the unit goes to the sink.
        assertEquals(parts("a", usdc("0"), "b", usdc("0"), "dust", usdc("0.000001")), plan.split(usdc("0.000001")));
    }

    // ---- builder rejections -------------------------------------------------------------------------------

    @Test
    void rejectsSharesOfTheBaseOverOneHundredPercent() {
        Waterfall.Builder b = Waterfall.builder(USDC, RoundingMode.DOWN).shareOfBase("a", Share.ofBps(6_000));
        assertRejected(InvalidArgumentException.class,
                "steps[1].share = 0.4000001: shares of the base would sum to more than 100% (already 0.6)",
                () -> b.shareOfBase("b", Share.of(new BigDecimal("0.4000001"))));
    }

    @Test
    void negativeSharesAndAmountsCannotEvenBeStated() {
        // A Share and an Amount are never negative, so no step can carry a negative weight or amount:
        // the value itself is rejected, naming the field the caller gives it.
        assertRejected(InvalidArgumentException.class, "steps[0].bps = -1: must be between 0 and 10000 bps",
                () -> Share.ofBps("steps[0].bps", -1));
        assertRejected(InvalidArgumentException.class, "steps[0].share = -0.25: must be between 0 and 1",
                () -> Share.of("steps[0].share", new BigDecimal("-0.25")));
        assertRejected(InvalidArgumentException.class, "value = -5.000000: must not be negative",
                () -> Amount.of(USDC, -5));
    }

    @Test
    void rejectsADuplicateRecipient() {
        Waterfall.Builder b = Waterfall.builder(USDC, RoundingMode.DOWN).fixed("ops", usdc("1"));
        assertRejected(InvalidArgumentException.class, "steps[1].to = ops: duplicate recipient",
                () -> b.shareOfRemaining("ops", Share.ofBps(10)));
        assertRejected(InvalidArgumentException.class, "steps[1].to = ops: duplicate recipient", () -> b.rest("ops"));
    }

    @Test
    void rejectsAPlanWithoutASink() {
        Waterfall.Builder b = Waterfall.builder(USDC, RoundingMode.DOWN)
                .shareOfBase("a", Share.ofBps(5_000))
                .shareOfRemaining("b", Share.ofBps(9_999));
        assertRejected(InvalidArgumentException.class,
                "steps[1] = b:SHARE_OF_REMAINING(0.9999): the last step must be REST (or a 100% share of the remaining)"
                        + " so no unit is lost",
                b::build);
        assertRejected(InvalidArgumentException.class, "steps = []: a waterfall needs at least one step",
                () -> Waterfall.builder(USDC, RoundingMode.DOWN).build());
        // A 100% share of the base is no sink: SHARE_OF_REMAINING steps before it may have taken part.
        assertRejected(InvalidArgumentException.class,
                "steps[0] = a:SHARE_OF_BASE(1): the last step must be REST (or a 100% share of the remaining) so no unit"
                        + " is lost",
                () -> Waterfall.builder(USDC, RoundingMode.DOWN).shareOfBase("a", Share.ONE).build());
    }

    @Test
    void rejectsAnyStepAfterRest() {
        Waterfall.Builder b = Waterfall.builder(USDC, RoundingMode.DOWN).fixed("a", usdc("1")).rest("sink");
        assertRejected(InvalidArgumentException.class, "steps[2].to = late: no step may follow the REST step",
                () -> b.fixed("late", usdc("1")));
        assertRejected(InvalidArgumentException.class, "steps[2].to = late: no step may follow the REST step",
                () -> b.shareOfBase("late", Share.ofBps(1)));
        assertRejected(InvalidArgumentException.class, "steps[2].to = late: no step may follow the REST step",
                () -> b.rest("late"));
    }

    @Test
    void rejectsAFixedAmountOfAnotherAsset() {
        Waterfall.Builder b = Waterfall.builder(USDC, RoundingMode.DOWN);
        AssetMismatchException e = assertRejected(AssetMismatchException.class,
                "steps[0].amount = FLOCK (18 decimals): expected an amount of USDC (6 decimals)", () -> b.fixed("a", flock("1")));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        // Same symbol, other decimals: another asset.
        assertRejected(AssetMismatchException.class, "steps[0].amount = USDC (18 decimals): expected an amount of USDC (6 decimals)",
                () -> b.fixed("a", Amount.of(Asset.of("USDC", 18), 1)));
    }

    @Test
    void rejectsBlankRecipientsUnnecessaryRoundingAndMissingStepParts() {
        assertRejected(InvalidArgumentException.class, "steps[0].to = \" \": must not be blank",
                () -> Waterfall.builder(USDC, RoundingMode.DOWN).rest(" "));
        assertRejected(InvalidArgumentException.class, "rounding = UNNECESSARY: a rounding direction is required",
                () -> Waterfall.builder(USDC, RoundingMode.UNNECESSARY));
        Waterfall.Builder b = Waterfall.builder(USDC, RoundingMode.DOWN);
        assertRejected(InvalidArgumentException.class, "steps[0].amount = null: a FIXED step needs an amount",
                () -> b.step("a", Waterfall.StepType.FIXED, null, null));
        assertRejected(InvalidArgumentException.class, "steps[0].share = null: a SHARE_OF_BASE step needs a share",
                () -> b.step("a", Waterfall.StepType.SHARE_OF_BASE, null, null));
    }

    // ---- split rejections ---------------------------------------------------------------------------------

    @Test
    void rejectsAnInputSmallerThanTheFixedAmounts() {
        Waterfall plan = Waterfall.builder(USDC, RoundingMode.DOWN)
                .fixed("a", usdc("3"))
                .fixed("b", usdc("3"))
                .rest("c")
                .build();
        assertEquals(parts("a", usdc("3"), "b", usdc("3"), "c", usdc("0")), plan.split(usdc("6")));
        assertRejected(InvalidArgumentException.class,
                "input = 5.000000 USDC: step 1 (b:FIXED(3.000000 USDC)) needs 3.000000 USDC but only 2.000000 USDC is left",
                () -> plan.split(usdc("5")));
    }

    @Test
    void rejectsASplitOfAnotherAsset() {
        Waterfall plan = Waterfall.builder(USDC, RoundingMode.DOWN).rest("all").build();
        assertRejected(AssetMismatchException.class, "input = FLOCK (18 decimals): expected an amount of USDC (6 decimals)",
                () -> plan.split(flock("1")));
    }

    // ---- state after a rejection --------------------------------------------------------------------------

    @Test
    void afterRejectedStepsTheBuilderStillBuildsThePlanItHad() {
        Waterfall.Builder b = Waterfall.builder(USDC, RoundingMode.DOWN)
                .shareOfRemaining("ops", Share.ofBps(100))
                .shareOfBase("lp", Share.ofBps(6_000));
        assertThrows(InvalidArgumentException.class, () -> b.shareOfBase("x", Share.ofBps(4_001)));
        assertThrows(InvalidArgumentException.class, () -> b.fixed("lp", usdc("2")));
        assertThrows(AssetMismatchException.class, () -> b.fixed("y", flock("1")));
        assertThrows(InvalidArgumentException.class, () -> b.rest(""));
        // The rejected 40.01% did not count: exactly 40% more of the base still fits.
        b.shareOfBase("treasury", Share.ofBps(4_000)).rest("sink");
        assertThrows(InvalidArgumentException.class, () -> b.rest("again"));
        Waterfall built = b.build();

        Waterfall clean = Waterfall.builder(USDC, RoundingMode.DOWN)
                .shareOfRemaining("ops", Share.ofBps(100))
                .shareOfBase("lp", Share.ofBps(6_000))
                .shareOfBase("treasury", Share.ofBps(4_000))
                .rest("sink")
                .build();
        assertEquals(clean.toString(), built.toString());
        assertEquals(List.of("ops", "lp", "treasury", "sink"),
                built.steps().stream().map(Waterfall.Step::recipient).toList());
        // 1% of 0.000099 = 0.00000099 -> 0; lp 0.0000594 -> 0.000059; treasury 0.0000396 -> 0.000039; sink 1 unit.
        assertEquals(parts("ops", usdc("0"), "lp", usdc("0.000059"), "treasury", usdc("0.000039"), "sink", usdc("0.000001")),
                built.split(usdc("0.000099")));
        assertEquals(clean.split(usdc("0.000099")), built.split(usdc("0.000099")));
    }

    @Test
    void aRejectedSplitLeavesThePlanAndTheInputAsTheyWere() {
        Waterfall plan = Waterfall.builder(USDC, RoundingMode.DOWN).fixed("a", usdc("10")).rest("b").build();
        Amount small = usdc("9.999999");
        assertThrows(InvalidArgumentException.class, () -> plan.split(small));
        assertEquals(usdc("9.999999"), small);
        assertEquals(parts("a", usdc("10"), "b", usdc("2.5")), plan.split(usdc("12.5")));
        assertEquals("Waterfall[a:FIXED(10.000000 USDC), b:REST]", plan.toString());
    }

    @Test
    void plansAndSplitsAreImmutable() {
        Waterfall.Builder b = Waterfall.builder(USDC, RoundingMode.DOWN).shareOfBase("a", Share.ofBps(5_000)).rest("b");
        Waterfall plan = b.build();
        Map<String, Amount> split = plan.split(usdc("2"));
        assertThrows(UnsupportedOperationException.class, () -> split.put("c", usdc("1")));
        assertThrows(UnsupportedOperationException.class, () -> plan.steps().clear());
        assertEquals(Waterfall.StepType.SHARE_OF_BASE, plan.steps().get(0).type());
        assertEquals(Share.ofBps(5_000), plan.steps().get(0).share());
        assertEquals(Amount.zero(USDC), plan.steps().get(1).fixed());
        assertEquals(USDC, plan.asset());
    }
}
