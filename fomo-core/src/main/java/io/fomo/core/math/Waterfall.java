package io.fomo.core.math;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered plan that splits an amount among named recipients, step by step, accounting for every base
 * unit.
 *
 * <p>Steps run in order against a running remainder that starts at the input (the base):
 * <ul>
 *   <li>{@link StepType#FIXED}: a fixed amount; the input must cover it.</li>
 *   <li>{@link StepType#SHARE_OF_REMAINING}: a share of what is left when the step runs.</li>
 *   <li>{@link StepType#SHARE_OF_BASE}: a share of the whole input.</li>
 *   <li>{@link StepType#REST}: everything still left, including the rounding dust of earlier steps.</li>
 * </ul>
 * Shares round in the plan's declared direction (DOWN for payouts). A plan must end in a REST step (the
 * remainder sink) unless its last step is a 100% share of the remaining amount, which takes everything
 * exactly; so the parts always sum to the input.
 *
 * <p>The builder rejects an invalid plan at the step that makes it invalid: a negative or over-100%
 * share, shares of the base over 100% in total, a duplicate recipient, a step after REST, a fixed amount
 * of another asset; {@link Builder#build()} rejects a plan without steps or without a sink.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Waterfall {

    /** The kinds of step. */
    public enum StepType {
        /** A fixed amount. */
        FIXED,
        /** A share of the amount remaining when the step runs. */
        SHARE_OF_REMAINING,
        /** A share of the waterfall's input. */
        SHARE_OF_BASE,
        /** Everything that remains. */
        REST
    }

    /**
     * One step of a plan.
     *
     * <p>This class is immutable and thread-safe.
     */
    public static final class Step {
        private final String recipient;
        private final StepType type;
        private final Share share;
        private final Amount fixed;

        private Step(String recipient, StepType type, Share share, Amount fixed) {
            this.recipient = recipient;
            this.type = type;
            this.share = share;
            this.fixed = fixed;
        }

        /**
         * Returns the recipient's name.
         *
         * @return the recipient
         */
        public String recipient() {
            return recipient;
        }

        /**
         * Returns the kind of step.
         *
         * @return the type
         */
        public StepType type() {
            return type;
        }

        /**
         * Returns the share of a share step; zero for FIXED and REST.
         *
         * @return the share
         */
        public Share share() {
            return share;
        }

        /**
         * Returns the amount of a FIXED step; zero otherwise.
         *
         * @return the fixed amount
         */
        public Amount fixed() {
            return fixed;
        }

        @Override
        public String toString() {
            return recipient + ":" + type + (type == StepType.FIXED ? "(" + fixed + ")"
                    : type == StepType.REST ? "" : "(" + share + ")");
        }
    }

    private final Asset asset;
    private final RoundingMode rounding;
    private final List<Step> steps;

    private Waterfall(Builder b) {
        this.asset = b.asset;
        this.rounding = b.rounding;
        this.steps = List.copyOf(b.steps);
    }

    /**
     * Starts a plan for amounts of one asset.
     *
     * @param asset    the asset every input and fixed step is in
     * @param rounding the direction every share rounds in (DOWN for payouts); the sink takes the rest
     * @return a builder
     */
    public static Builder builder(Asset asset, RoundingMode rounding) {
        return new Builder(asset, rounding);
    }

    /**
     * Returns the steps in order.
     *
     * @return an unmodifiable list
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * Returns the asset of the plan.
     *
     * @return the asset
     */
    public Asset asset() {
        return asset;
    }

    /**
     * Splits an amount by the plan.
     *
     * @param input the amount to split, of the plan's asset
     * @return each recipient's part, in step order; the parts sum to the input exactly
     * @throws InvalidArgumentException if the asset differs, or fixed amounts or shares of the base need
     *                                  more than is left when their step runs (nothing is split then)
     */
    public Map<String, Amount> split(Amount input) {
        Objects.requireNonNull(input, "input");
        if (!input.asset().equals(asset)) {
            throw new io.fomo.spi.AssetMismatchException("input", asset, input.asset());
        }
        Map<String, Amount> out = new LinkedHashMap<>(steps.size() * 2);
        Amount remaining = input;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Amount part;
            switch (s.type) {
                case FIXED:
                    part = s.fixed;
                    break;
                case SHARE_OF_REMAINING:
                    part = s.share.isOne() ? remaining : s.share.of(remaining, rounding);
                    break;
                case SHARE_OF_BASE:
                    part = s.share.of(input, rounding);
                    break;
                default:
                    part = remaining;
                    break;
            }
            if (part.isGreaterThan(remaining)) {
                throw InvalidArgumentException.of("input", input,
                        "step " + i + " (" + s + ") needs " + part + " but only " + remaining + " is left");
            }
            remaining = remaining.minus(part);
            out.put(s.recipient, part);
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return "Waterfall" + steps;
    }

    /**
     * Builds a {@link Waterfall}, rejecting an invalid plan as soon as a step makes it invalid.
     *
     * <p>Instances are not thread-safe.
     */
    public static final class Builder {
        private final Asset asset;
        private final RoundingMode rounding;
        private final List<Step> steps = new ArrayList<>();
        private final Set<String> recipients = new HashSet<>();
        private Share baseTotal = Share.ZERO;
        private boolean closed;

        private Builder(Asset asset, RoundingMode rounding) {
            this.asset = Objects.requireNonNull(asset, "asset");
            this.rounding = Objects.requireNonNull(rounding, "rounding");
            if (rounding == RoundingMode.UNNECESSARY) {
                throw InvalidArgumentException.of("rounding", rounding, "a rounding direction is required");
            }
        }

        /**
         * Adds a fixed amount.
         *
         * @param recipient the recipient, new to the plan
         * @param amount    the amount, of the plan's asset
         * @return this builder
         * @throws InvalidArgumentException if the recipient is taken, the asset differs or the plan is closed
         */
        public Builder fixed(String recipient, Amount amount) {
            Objects.requireNonNull(amount, "amount");
            String field = open(recipient);
            if (!amount.asset().equals(asset)) {
                throw new io.fomo.spi.AssetMismatchException(field + ".amount", asset, amount.asset());
            }
            return add(new Step(recipient, StepType.FIXED, Share.ZERO, amount));
        }

        /**
         * Adds a share of the amount remaining when the step runs.
         *
         * @param recipient the recipient, new to the plan
         * @param share     the share
         * @return this builder
         * @throws InvalidArgumentException if the recipient is taken or the plan is closed
         */
        public Builder shareOfRemaining(String recipient, Share share) {
            Objects.requireNonNull(share, "share");
            open(recipient);
            return add(new Step(recipient, StepType.SHARE_OF_REMAINING, share, Amount.zero(asset)));
        }

        /**
         * Adds a share of the whole input.
         *
         * @param recipient the recipient, new to the plan
         * @param share     the share; all shares of the base together must not exceed 100%
         * @return this builder
         * @throws InvalidArgumentException if the recipient is taken, the shares of the base would exceed
         *                                  100%, or the plan is closed
         */
        public Builder shareOfBase(String recipient, Share share) {
            Objects.requireNonNull(share, "share");
            String field = open(recipient);
            if (baseTotal.fraction().add(share.fraction()).compareTo(java.math.BigDecimal.ONE) > 0) {
                throw InvalidArgumentException.of(field + ".share", share,
                        "shares of the base would sum to more than 100% (already " + baseTotal + ")");
            }
            baseTotal = baseTotal.plus(share);
            return add(new Step(recipient, StepType.SHARE_OF_BASE, share, Amount.zero(asset)));
        }

        /**
         * Adds the sink that takes everything left, including dust. It must be the last step.
         *
         * @param recipient the recipient, new to the plan
         * @return this builder
         * @throws InvalidArgumentException if the recipient is taken or the plan is closed
         */
        public Builder rest(String recipient) {
            open(recipient);
            add(new Step(recipient, StepType.REST, Share.ZERO, Amount.zero(asset)));
            closed = true;
            return this;
        }

        /**
         * Adds a step of any type, as read from a plan description.
         *
         * @param recipient the recipient
         * @param type      the type
         * @param share     the share, for share steps (ignored otherwise; may be null then)
         * @param amount    the amount, for FIXED (ignored otherwise; may be null then)
         * @return this builder
         * @throws InvalidArgumentException as the typed methods do, or if a needed share/amount is missing
         */
        public Builder step(String recipient, StepType type, Share share, Amount amount) {
            Objects.requireNonNull(type, "type");
            String field = "steps[" + steps.size() + "]";
            switch (type) {
                case FIXED:
                    if (amount == null) {
                        throw InvalidArgumentException.of(field + ".amount", "null", "a FIXED step needs an amount");
                    }
                    return fixed(recipient, amount);
                case SHARE_OF_REMAINING:
                case SHARE_OF_BASE:
                    if (share == null) {
                        throw InvalidArgumentException.of(field + ".share", "null", "a " + type + " step needs a share");
                    }
                    return type == StepType.SHARE_OF_BASE ? shareOfBase(recipient, share)
                            : shareOfRemaining(recipient, share);
                default:
                    return rest(recipient);
            }
        }

        /**
         * Builds the plan.
         *
         * @return the waterfall
         * @throws InvalidArgumentException if there are no steps, or nothing takes the remainder
         */
        public Waterfall build() {
            if (steps.isEmpty()) {
                throw InvalidArgumentException.of("steps", "[]", "a waterfall needs at least one step");
            }
            Step last = steps.get(steps.size() - 1);
            boolean sink = last.type == StepType.REST
                    || last.type == StepType.SHARE_OF_REMAINING && last.share.isOne();
            if (!sink) {
                throw InvalidArgumentException.of("steps[" + (steps.size() - 1) + "]", last,
                        "the last step must be REST (or a 100% share of the remaining) so no unit is lost");
            }
            return new Waterfall(this);
        }

        private String open(String recipient) {
            String field = "steps[" + steps.size() + "]";
            Objects.requireNonNull(recipient, field + ".to");
            if (recipient.isBlank()) {
                throw InvalidArgumentException.of(field + ".to", '"' + recipient + '"', "must not be blank");
            }
            if (closed) {
                throw InvalidArgumentException.of(field + ".to", recipient, "no step may follow the REST step");
            }
            if (recipients.contains(recipient)) {
                throw InvalidArgumentException.of(field + ".to", recipient, "duplicate recipient");
            }
            return field;
        }

        private Builder add(Step step) {
            steps.add(step);
            recipients.add(step.recipient);
            return this;
        }
    }
}
