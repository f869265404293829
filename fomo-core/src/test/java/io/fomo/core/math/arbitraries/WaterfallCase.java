package io.fomo.core.math.arbitraries;

import io.fomo.core.math.Share;
import io.fomo.core.math.Waterfall;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A random valid waterfall plan with the input to split. Every share step records its share as an exact
 * fraction {@code numerator / denominator} (bps over 10,000, or a decimal's unscaled value over 10^scale)
 * so that a test can compute the expected parts with integers alone, without the code under test.
 */
public final class WaterfallCase {

    /** The kind of a generated middle step. */
    public enum Kind {
        /** A fixed amount, at most the input. */
        FIXED,
        /** A share of what remains. */
        SHARE_OF_REMAINING,
        /** A share of the input; the generator keeps the total of these at most 100%. */
        SHARE_OF_BASE
    }

    /** How a generated plan ends. */
    public enum Sink {
        /** A REST step. */
        REST,
        /** A share of the remaining amount of exactly 100%. */
        ALL_OF_REMAINING
    }

    /** The random draws one middle step is assembled from. */
    static final class RawStep {
        final Kind kind;
        final boolean inBps;
        final BigDecimal bpsFraction;
        final BigDecimal decimalFraction;
        final int fixedPermille;

        RawStep(Kind kind, boolean inBps, BigDecimal bpsFraction, BigDecimal decimalFraction, int fixedPermille) {
            this.kind = kind;
            this.inBps = inBps;
            this.bpsFraction = bpsFraction;
            this.decimalFraction = decimalFraction;
            this.fixedPermille = fixedPermille;
        }
    }

    /** One step of the plan, with everything needed to replay it into a builder and to predict it. */
    public static final class StepSpec {
        private final String recipient;
        private final Waterfall.StepType type;
        private final BigInteger fixedUnits;
        private final BigDecimal fraction;
        private final boolean inBps;

        StepSpec(String recipient, Waterfall.StepType type, BigInteger fixedUnits, BigDecimal fraction,
                boolean inBps) {
            this.recipient = recipient;
            this.type = type;
            this.fixedUnits = fixedUnits;
            this.fraction = fraction;
            this.inBps = inBps;
        }

        /**
         * Returns the recipient.
         *
         * @return the name
         */
        public String recipient() {
            return recipient;
        }

        /**
         * Returns the type.
         *
         * @return the type
         */
        public Waterfall.StepType type() {
            return type;
        }

        /**
         * Returns the base units of a FIXED step.
         *
         * @return the units, zero for other types
         */
        public BigInteger fixedUnits() {
            return fixedUnits;
        }

        /**
         * Returns the numerator of a share step's fraction.
         *
         * @return the numerator
         */
        public BigInteger numerator() {
            return fraction.unscaledValue();
        }

        /**
         * Returns the denominator of a share step's fraction: a power of ten.
         *
         * @return the denominator
         */
        public BigInteger denominator() {
            return BigInteger.TEN.pow(fraction.scale());
        }

        /**
         * Returns the share, built the way a user would (from bps or from the decimal).
         *
         * @return the share
         */
        public Share share() {
            return inBps ? Share.ofBps(fraction.unscaledValue().longValueExact()) : Share.of(fraction);
        }

        /**
         * Adds this step to a builder with the builder's typed method.
         *
         * @param builder the builder
         * @param asset   the plan's asset
         */
        public void addTo(Waterfall.Builder builder, Asset asset) {
            switch (type) {
                case FIXED -> builder.fixed(recipient, Amount.ofUnits(asset, fixedUnits));
                case SHARE_OF_REMAINING -> builder.shareOfRemaining(recipient, share());
                case SHARE_OF_BASE -> builder.shareOfBase(recipient, share());
                default -> builder.rest(recipient);
            }
        }

        @Override
        public String toString() {
            return recipient + ":" + type + (type == Waterfall.StepType.FIXED ? "(" + fixedUnits + " units)"
                    : type == Waterfall.StepType.REST ? "" : "(" + fraction.toPlainString() + ")");
        }
    }

    private final Asset asset;
    private final Amount input;
    private final RoundingMode rounding;
    private final List<StepSpec> steps;

    private WaterfallCase(Asset asset, Amount input, RoundingMode rounding, List<StepSpec> steps) {
        this.asset = asset;
        this.input = input;
        this.rounding = rounding;
        this.steps = List.copyOf(steps);
    }

    static WaterfallCase assemble(Asset asset, Amount input, RoundingMode rounding, List<RawStep> raws, Sink sink) {
        List<StepSpec> steps = new ArrayList<>();
        BigDecimal baseBudget = BigDecimal.ONE;
        for (RawStep raw : raws) {
            String name = "s" + steps.size();
            BigDecimal fraction = raw.inBps ? raw.bpsFraction : raw.decimalFraction;
            switch (raw.kind) {
                case FIXED -> steps.add(new StepSpec(name, Waterfall.StepType.FIXED,
                        input.units().multiply(BigInteger.valueOf(raw.fixedPermille)).divide(BigInteger.valueOf(1000)),
                        BigDecimal.ZERO, false));
                case SHARE_OF_REMAINING -> steps.add(new StepSpec(name, Waterfall.StepType.SHARE_OF_REMAINING,
                        BigInteger.ZERO, fraction, raw.inBps));
                default -> {
                    boolean bps = raw.inBps;
                    if (fraction.compareTo(baseBudget) > 0) {
                        // Clamp to what is left of 100%: plans that use the base exactly up come up often.
                        fraction = baseBudget;
                        bps = false;
                    }
                    baseBudget = baseBudget.subtract(fraction);
                    steps.add(new StepSpec(name, Waterfall.StepType.SHARE_OF_BASE, BigInteger.ZERO, fraction, bps));
                }
            }
        }
        String last = "s" + steps.size();
        steps.add(sink == Sink.REST
                ? new StepSpec(last, Waterfall.StepType.REST, BigInteger.ZERO, BigDecimal.ZERO, false)
                : new StepSpec(last, Waterfall.StepType.SHARE_OF_REMAINING, BigInteger.ZERO, new BigDecimal("1.000"),
                        false));
        return new WaterfallCase(asset, input, rounding, steps);
    }

    /**
     * Returns the same plan and input with another rounding mode.
     *
     * @param mode the rounding
     * @return the case
     */
    public WaterfallCase withRounding(RoundingMode mode) {
        return new WaterfallCase(asset, input, mode, steps);
    }

    /**
     * Returns the asset.
     *
     * @return the asset
     */
    public Asset asset() {
        return asset;
    }

    /**
     * Returns the input to split.
     *
     * @return the input
     */
    public Amount input() {
        return input;
    }

    /**
     * Returns the rounding of share steps.
     *
     * @return the rounding
     */
    public RoundingMode rounding() {
        return rounding;
    }

    /**
     * Returns the steps in order; the last is the sink.
     *
     * @return an unmodifiable list
     */
    public List<StepSpec> steps() {
        return steps;
    }

    /**
     * Returns a builder holding every step of the plan.
     *
     * @return the builder, not yet built
     */
    public Waterfall.Builder builder() {
        Waterfall.Builder b = Waterfall.builder(asset, rounding);
        steps.forEach(s -> s.addTo(b, asset));
        return b;
    }

    /**
     * Returns the built plan.
     *
     * @return the waterfall
     */
    public Waterfall plan() {
        return builder().build();
    }

    @Override
    public String toString() {
        return "WaterfallCase[input=" + input + " (" + input.units() + " units), rounding=" + rounding
                + ", steps=" + steps + "]";
    }
}
