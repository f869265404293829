package io.fomo.examples.vectors.ops;

import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.emission.Rate;
import io.fomo.core.rewards.GmMultiplier;
import io.fomo.core.rewards.Participant;
import io.fomo.core.rewards.PoolDistribution;
import io.fomo.core.rewards.RewardPool;
import io.fomo.core.rewards.StakingFactor;
import io.fomo.examples.vectors.MalformedVectorException;
import io.fomo.examples.vectors.OpCatalog;
import io.fomo.examples.vectors.VectorInput;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vector ops of emissions and rewards: {@code emission.amount}, {@code score.stakingFactor} and
 * {@code rewards.distribute}.
 */
public final class RewardsOps {

    /** The most significant digits {@code StakingFactor.of} accepts. */
    private static final int MAX_FACTOR_PRECISION = 1000;

    private RewardsOps() {
    }

    /**
     * Registers the ops.
     *
     * @param r the catalog's registrar
     */
    public static void register(OpCatalog.Registrar r) {
        r.add("emission.amount", RewardsOps::emissionAmount);
        r.add("score.stakingFactor", RewardsOps::stakingFactor);
        r.add("rewards.distribute", RewardsOps::distribute);
    }

    private static Map<String, Object> emissionAmount(VectorInput in) {
        Asset asset = MathOps.unit(in);
        EmissionSchedule schedule = schedule(in.object("schedule"), asset);
        long from = in.longValue("from");
        long to = in.longValue("to");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("amount", schedule.amount(from, to));
        return out;
    }

    /**
     * Reads a VECTORS.md schedule object.
     *
     * @param s     the object
     * @param asset the asset emitted
     * @return the schedule
     */
    static EmissionSchedule schedule(VectorInput s, Asset asset) {
        String type = s.string("type");
        switch (type) {
            case "CONSTANT":
                return EmissionSchedule.constant(asset, Rate.perSecond(s.decimal("ratePerSecond")));
            case "LINEAR_TO_ZERO":
                return EmissionSchedule.linearToZero(asset, Rate.of("initialRatePerSecond",
                        s.decimal("initialRatePerSecond"), 1), s.longValue("duration"));
            case "EXPONENTIAL":
                return EmissionSchedule.exponential(asset, Rate.of("initialRatePerSecond",
                        s.decimal("initialRatePerSecond"), 1), s.longValue("halfLife"));
            case "HALVING":
                return EmissionSchedule.halving(asset, Rate.of("initialRatePerSecond",
                        s.decimal("initialRatePerSecond"), 1), s.longValue("period"));
            case "INTERVAL_DECREASE":
                return EmissionSchedule.intervalDecrease(asset, s.decimal("initialAmount"), s.decimal("decrease"),
                        s.longValue("interval"), s.longValue("start"));
            case "TABLE": {
                List<EmissionSchedule.TablePoint> points = new ArrayList<>();
                for (VectorInput p : s.list("points")) {
                    points.add(EmissionSchedule.TablePoint.of(p.longValue("at"),
                            Rate.of(p.path() + ".ratePerSecond", p.decimal("ratePerSecond"), 1)));
                }
                return EmissionSchedule.table(asset, points);
            }
            default:
                throw new MalformedVectorException(s.path() + ".type", "unknown schedule type \"" + type
                        + "\" (known: CONSTANT, LINEAR_TO_ZERO, EXPONENTIAL, HALVING, INTERVAL_DECREASE, TABLE)");
        }
    }

    private static Map<String, Object> stakingFactor(VectorInput in) {
        int precision = in.integer("precision");
        RoundingMode rounding = in.rounding("rounding", RoundingMode.DOWN);
        // new MathContext(-1) would throw a bare IllegalArgumentException and MathContext(0) means unlimited
        // digits: the model's range is checked first, as its typed error.
        if (precision < 1 || precision > MAX_FACTOR_PRECISION) {
            throw InvalidArgumentException.of("precision", precision,
                    "must be between 1 and " + MAX_FACTOR_PRECISION);
        }
        MathContext mc = new MathContext(precision, rounding);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("factor", StakingFactor.of(in.decimal("alpha"), in.decimal("stakeShare"), mc));
        return out;
    }

    private static Map<String, Object> distribute(VectorInput in) {
        Asset asset = MathOps.unit(in);
        Amount pool = in.amount("pool", asset);
        List<Participant> participants = new ArrayList<>();
        for (VectorInput p : in.list("participants")) {
            participants.add(Participant.of(AccountId.of(p.string("id")), p.decimal("spend"), p.decimal("stake"),
                    p.decimal("gmFlock", java.math.BigDecimal.ZERO)));
        }
        GmMultiplier gm = GmMultiplier.none();
        if (in.has("gm")) {
            VectorInput g = in.object("gm");
            gm = GmMultiplier.saturating(g.decimal("maxMultiplier"), g.decimal("halfSaturation"), g.integer("scale"));
        }
        PoolDistribution d = RewardPool.distribute(pool, participants, in.decimal("alpha"), in.bool("gated", false),
                in.integer("factorScale", RewardPool.DEFAULT_FACTOR_SCALE), gm);
        Map<String, Object> payouts = new LinkedHashMap<>();
        d.payouts().forEach((k, v) -> payouts.put(k.value(), v));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("payouts", payouts);
        out.put("dust", d.dust());
        out.put("returned", d.returned());
        return out;
    }
}
