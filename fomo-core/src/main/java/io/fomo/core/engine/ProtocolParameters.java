package io.fomo.core.engine;

import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.emission.Rate;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The genesis configuration of a protocol instance: when epoch 0 starts and how long epochs last, the
 * emission schedule and the reserve that funds it, FLOCK's capped supply, how many epochs the
 * per-deployment incentive budgets are spread over, and the adjustable parameters in force at the start.
 * It is journaled as the first event, so a journal replays on its own.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ProtocolParameters {

    /** FLOCK's capped supply [DOC]: 1,000,000,000. */
    public static final Amount FLOCK_SUPPLY = Amount.of(Asset.FLOCK, 1_000_000_000L);

    private final Instant genesis;
    private final long epochSeconds;
    private final EmissionSchedule emission;
    private final Amount emissionReserve;
    private final int incentiveEpochs;
    private final ParameterChange initial;

    private ProtocolParameters(Builder b) {
        this.genesis = b.genesis;
        this.epochSeconds = b.epochSeconds;
        this.emission = b.emission;
        this.emissionReserve = b.emissionReserve;
        this.incentiveEpochs = b.incentiveEpochs;
        this.initial = b.initial;
    }

    /**
     * Starts a builder with the defaults: daily epochs from the given genesis, the default exponential
     * emission (10,000 FLOCK/day, 90-day half-life) funded by a 2,000,000 FLOCK reserve, incentive
     * budgets spread over 365 epochs, and {@link ParameterChange#defaults()}.
     *
     * @param genesis the start of epoch 0 and the origin of the emission schedule
     * @return the builder
     */
    public static Builder builder(Instant genesis) {
        return new Builder(genesis);
    }

    /**
     * Returns the start of epoch 0.
     *
     * @return the genesis instant
     */
    public Instant genesis() {
        return genesis;
    }

    /**
     * Returns the length of an epoch in seconds.
     *
     * @return the epoch length
     */
    public long epochSeconds() {
        return epochSeconds;
    }

    /**
     * Returns the FLOCK emission schedule, with its origin at genesis.
     *
     * @return the schedule
     */
    public EmissionSchedule emission() {
        return emission;
    }

    /**
     * Returns the FLOCK held by the emission reserve at genesis.
     *
     * @return the reserve
     */
    public Amount emissionReserve() {
        return emissionReserve;
    }

    /**
     * Returns over how many epochs each deployment's incentive budgets are released.
     *
     * @return the number of epochs
     */
    public int incentiveEpochs() {
        return incentiveEpochs;
    }

    /**
     * Returns the adjustable parameters in force from epoch 0.
     *
     * @return the initial adjustable parameters
     */
    public ParameterChange initial() {
        return initial;
    }

    Fields encode() {
        Fields f = new Fields("genesis");
        f.put("genesis", genesis).put("epochSeconds", epochSeconds).put("emissionReserve", emissionReserve)
                .put("incentiveEpochs", incentiveEpochs);
        encodeSchedule(f, emission);
        initial.encode(f, "initial.");
        return f;
    }

    static ProtocolParameters decode(Fields f) {
        return builder(f.instant("genesis")).epochSeconds(f.longValue("epochSeconds"))
                .emissionReserve(f.amount("emissionReserve")).incentiveEpochs(f.intValue("incentiveEpochs"))
                .emission(decodeSchedule(f)).initial(ParameterChange.decode(f, "initial.")).build();
    }

    private static void encodeSchedule(Fields f, EmissionSchedule s) {
        f.put("emission.kind", s.kind().name());
        if (s instanceof EmissionSchedule.Constant c) {
            rate(f, "emission.rate", c.rate());
        } else if (s instanceof EmissionSchedule.LinearToZero l) {
            rate(f, "emission.rate", l.initialRate());
            f.put("emission.duration", l.duration());
        } else if (s instanceof EmissionSchedule.Exponential e) {
            rate(f, "emission.rate", e.initialRate());
            f.put("emission.halfLife", e.halfLife()).put("emission.guardDigits", e.guardDigits());
        } else if (s instanceof EmissionSchedule.Halving h) {
            rate(f, "emission.rate", h.initialRate());
            f.put("emission.period", h.period());
        } else if (s instanceof EmissionSchedule.IntervalDecrease d) {
            f.put("emission.initialAmount", d.initialAmount()).put("emission.decrease", d.decrease())
                    .put("emission.interval", d.interval()).put("emission.start", d.start());
        } else if (s instanceof EmissionSchedule.Table t) {
            f.put("emission.points", t.points().size());
            for (int i = 0; i < t.points().size(); i++) {
                f.put("emission.points." + i + ".at", t.points().get(i).at());
                rate(f, "emission.points." + i + ".rate", t.points().get(i).rate());
            }
        }
    }

    private static void rate(Fields f, String key, Rate r) {
        f.put(key + ".amount", r.amount()).put(key + ".seconds", r.seconds());
    }

    private static Rate rate(Fields f, String key) {
        return Rate.of(key, f.decimal(key + ".amount"), f.longValue(key + ".seconds"));
    }

    private static EmissionSchedule decodeSchedule(Fields f) {
        Asset flock = Asset.FLOCK;
        switch (EmissionSchedule.Kind.valueOf(f.text("emission.kind"))) {
            case CONSTANT:
                return EmissionSchedule.constant(flock, rate(f, "emission.rate"));
            case LINEAR_TO_ZERO:
                return EmissionSchedule.linearToZero(flock, rate(f, "emission.rate"), f.longValue("emission.duration"));
            case EXPONENTIAL:
                return EmissionSchedule.exponential(flock, rate(f, "emission.rate"), f.longValue("emission.halfLife"),
                        f.intValue("emission.guardDigits"));
            case HALVING:
                return EmissionSchedule.halving(flock, rate(f, "emission.rate"), f.longValue("emission.period"));
            case INTERVAL_DECREASE:
                return EmissionSchedule.intervalDecrease(flock, f.decimal("emission.initialAmount"),
                        f.decimal("emission.decrease"), f.longValue("emission.interval"), f.longValue("emission.start"));
            default:
                int n = f.intValue("emission.points");
                List<EmissionSchedule.TablePoint> points = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    points.add(EmissionSchedule.TablePoint.of(f.longValue("emission.points." + i + ".at"),
                            rate(f, "emission.points." + i + ".rate")));
                }
                return EmissionSchedule.table(flock, points);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProtocolParameters p && java.util.Arrays.equals(p.encode().encode(), encode().encode());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode().encode());
    }

    @Override
    public String toString() {
        return "ProtocolParameters[genesis=" + genesis + ", epochSeconds=" + epochSeconds + ", emission=" + emission
                + ", reserve=" + emissionReserve + ", incentiveEpochs=" + incentiveEpochs + ", " + initial + "]";
    }

    /**
     * Builds {@link ProtocolParameters}; every setter validates at once.
     *
     * <p>Instances are not thread-safe.
     */
    public static final class Builder {
        private final Instant genesis;
        private long epochSeconds = 86_400L;
        private EmissionSchedule emission = EmissionSchedule.defaultFlock();
        private Amount emissionReserve = Amount.of(Asset.FLOCK, 2_000_000L);
        private int incentiveEpochs = 365;
        private ParameterChange initial = ParameterChange.defaults();

        private Builder(Instant genesis) {
            this.genesis = Objects.requireNonNull(genesis, "genesis");
        }

        /**
         * Sets the epoch length.
         *
         * @param seconds the length, 60 seconds to 366 days
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder epochSeconds(long seconds) {
            if (seconds < 60 || seconds > 366 * 86_400L) {
                throw InvalidArgumentException.of("epochSeconds", seconds, "must be between 60 and 31622400");
            }
            this.epochSeconds = seconds;
            return this;
        }

        /**
         * Sets the FLOCK emission schedule.
         *
         * @param schedule the schedule, in FLOCK
         * @return this builder
         * @throws InvalidArgumentException if the schedule is not in FLOCK
         */
        public Builder emission(EmissionSchedule schedule) {
            Objects.requireNonNull(schedule, "emission");
            if (!schedule.asset().equals(Asset.FLOCK)) {
                throw InvalidArgumentException.of("emission", schedule.asset(), "must emit FLOCK");
            }
            this.emission = schedule;
            return this;
        }

        /**
         * Sets the FLOCK held by the emission reserve at genesis.
         *
         * @param reserve the reserve, in FLOCK, not more than FLOCK's supply
         * @return this builder
         * @throws InvalidArgumentException if not FLOCK or above the supply
         */
        public Builder emissionReserve(Amount reserve) {
            Objects.requireNonNull(reserve, "emissionReserve");
            FLOCK_SUPPLY.requireSameAsset("emissionReserve", reserve);
            if (reserve.isGreaterThan(FLOCK_SUPPLY)) {
                throw InvalidArgumentException.of("emissionReserve", reserve, "must not exceed " + FLOCK_SUPPLY);
            }
            this.emissionReserve = reserve;
            return this;
        }

        /**
         * Sets over how many epochs each deployment's incentive budgets are released.
         *
         * @param epochs the number of epochs, 1 to 100,000
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder incentiveEpochs(int epochs) {
            if (epochs < 1 || epochs > 100_000) {
                throw InvalidArgumentException.of("incentiveEpochs", epochs, "must be between 1 and 100000");
            }
            this.incentiveEpochs = epochs;
            return this;
        }

        /**
         * Sets the adjustable parameters in force from epoch 0.
         *
         * @param change the parameters
         * @return this builder
         */
        public Builder initial(ParameterChange change) {
            this.initial = Objects.requireNonNull(change, "initial");
            return this;
        }

        /**
         * Builds the parameters.
         *
         * @return the parameters
         */
        public ProtocolParameters build() {
            return new ProtocolParameters(this);
        }
    }
}
