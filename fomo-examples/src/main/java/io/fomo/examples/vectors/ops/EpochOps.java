package io.fomo.examples.vectors.ops;

import io.fomo.core.emission.AlphaSchedule;
import io.fomo.core.rewards.CarryOver;
import io.fomo.core.rewards.EpochDistributor;
import io.fomo.core.rewards.EpochResult;
import io.fomo.core.rewards.EpochUsage;
import io.fomo.core.rewards.GmMultiplier;
import io.fomo.core.rewards.PoolKind;
import io.fomo.core.rewards.PoolResult;
import io.fomo.core.rewards.RewardParams;
import io.fomo.core.rewards.RewardPool;
import io.fomo.examples.vectors.MalformedVectorException;
import io.fomo.examples.vectors.OpCatalog;
import io.fomo.examples.vectors.VectorInput;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The vector op of the epoch close (FOMO-SPEC §3.3, §3.4): {@code epoch.close}, through
 * {@link EpochDistributor#close}. Fields and rules are documented in docs/vectors.md.
 */
public final class EpochOps {

    /** Spend and net revenue are USD micro-units (FOMO-SPEC §0). */
    private static final Asset SPEND = Asset.USD;

    /** The global and FLOCK incentive pools pay FLOCK (18 decimals). */
    private static final Asset REWARD = Asset.FLOCK;

    private EpochOps() {
    }

    /**
     * Registers the op.
     *
     * @param r the catalog's registrar
     */
    public static void register(OpCatalog.Registrar r) {
        r.add("epoch.close", EpochOps::close);
    }

    private static Map<String, Object> close(VectorInput in) {
        RewardParams.Builder pb = RewardParams.builder(RewardsOps.schedule(in.object("schedule"), REWARD))
                .alpha(AlphaSchedule.constant(in.decimal("alpha", RewardParams.DEFAULT_ALPHA)))
                .alphaIncentive(AlphaSchedule.constant(in.decimal("alphaIncentive", RewardParams.DEFAULT_ALPHA)))
                .factorScale(in.integer("factorScale", RewardPool.DEFAULT_FACTOR_SCALE));
        if (in.has("gm")) {
            VectorInput g = in.object("gm");
            pb.gm(GmMultiplier.saturating(g.decimal("maxMultiplier"), g.decimal("halfSaturation"), g.integer("scale")));
        }
        RewardParams params = pb.build();
        long from = in.longValue("from");
        long to = in.longValue("to");
        CarryOver carry = in.has("carry") ? carry(in.object("carry")) : CarryOver.empty(REWARD);

        EpochUsage.Builder ub = EpochUsage.builder(SPEND, REWARD);
        Map<AccountId, Map<String, Object>> mtByUser = new TreeMap<>();
        for (VectorInput d : in.list("deployments")) {
            DeploymentId dep = DeploymentId.of(d.string("id"));
            Asset mt = Asset.modelToken(dep);
            ub.deployment(dep, d.amount("netRevenue", SPEND), 0,
                    d.has("flockIncentive") ? d.amount("flockIncentive", REWARD) : Amount.zero(REWARD),
                    d.has("mtIncentive") ? d.amount("mtIncentive", mt) : Amount.zero(mt));
            for (VectorInput u : d.list("users")) {
                AccountId user = AccountId.of(u.string("id"));
                ub.usage(dep, user, u.amount("spend", SPEND), u.has("stake") ? u.amount("stake", mt) : Amount.zero(mt),
                        u.decimal("gmFlock", BigDecimal.ZERO));
                mtByUser.computeIfAbsent(user, x -> new TreeMap<>()).put(dep.value(), Amount.zero(mt));
            }
        }
        EpochResult result = EpochDistributor.close(params, carry, ub.build(), from, to);

        result.forEachPayout((dep, user, flock, mt) -> mtByUser.get(user).put(dep.value(), mt));
        Map<String, Object> payouts = new LinkedHashMap<>();
        for (Map.Entry<AccountId, Map<String, Object>> e : mtByUser.entrySet()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("FLOCK", result.flockRewardOf(e.getKey()));
            p.put("MT", e.getValue());
            payouts.put(e.getKey().value(), p);
        }
        Map<String, Object> pools = new LinkedHashMap<>();
        for (PoolResult p : result.pools()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("fresh", p.fresh());
            o.put("carriedIn", p.carriedIn());
            o.put("paid", p.paid());
            o.put("dust", p.dust());
            o.put("returned", p.returned());
            @SuppressWarnings("unchecked")
            Map<String, Object> kinds = (Map<String, Object>) pools.computeIfAbsent(p.deployment().value(),
                    x -> new LinkedHashMap<String, Object>());
            kinds.put(p.kind().name(), o);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scheduled", result.scheduled());
        out.put("splitDust", result.splitDust());
        out.put("unassigned", result.unassigned());
        out.put("returned", result.returnedToReserve());
        out.put("payouts", payouts);
        out.put("pools", pools);
        return out;
    }

    private static PoolKind poolKind(VectorInput k, String name) {
        for (PoolKind kind : PoolKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new MalformedVectorException(k.path() + "." + name,
                "expected a pool: GLOBAL_FLOCK, FLOCK_INCENTIVE or MT_INCENTIVE");
    }

    private static CarryOver carry(VectorInput c) {
        Amount global = c.has("global") ? c.amount("global", REWARD) : Amount.zero(REWARD);
        Map<DeploymentId, Map<PoolKind, Amount>> pools = new TreeMap<>();
        if (c.has("pools")) {
            for (Map.Entry<String, VectorInput> e : c.objectMap("pools").entrySet()) {
                DeploymentId dep = DeploymentId.of(e.getKey());
                Map<PoolKind, Amount> kinds = new EnumMap<>(PoolKind.class);
                VectorInput k = e.getValue();
                for (String name : k.keys()) {
                    PoolKind kind = poolKind(k, name);
                    kinds.put(kind, k.amount(name, kind == PoolKind.MT_INCENTIVE ? Asset.modelToken(dep) : REWARD));
                }
                pools.put(dep, kinds);
            }
        }
        return CarryOver.of(global, pools);
    }
}
