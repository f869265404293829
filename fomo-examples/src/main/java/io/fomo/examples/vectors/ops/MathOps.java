package io.fomo.examples.vectors.ops;

import io.fomo.core.math.Allocation;
import io.fomo.core.math.ProRata;
import io.fomo.core.math.Share;
import io.fomo.core.math.Waterfall;
import io.fomo.examples.vectors.MalformedVectorException;
import io.fomo.examples.vectors.OpCatalog;
import io.fomo.examples.vectors.VectorInput;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The vector ops of the allocation maths: {@code allocate.proRata} and {@code waterfall.split}. */
public final class MathOps {

    private MathOps() {
    }

    /**
     * Registers the ops.
     *
     * @param r the catalog's registrar
     */
    public static void register(OpCatalog.Registrar r) {
        r.add("allocate.proRata", MathOps::proRata);
        r.add("waterfall.split", MathOps::waterfall);
    }

    /**
     * The asset of ops that take a bare {@code decimals}: a neutral unit at that scale.
     *
     * @param in the input holding {@code decimals}
     * @return the asset
     */
    static Asset unit(VectorInput in) {
        return Asset.of("UNIT", in.integer("decimals"));
    }

    private static Map<String, Object> proRata(VectorInput in) {
        Asset asset = unit(in);
        Amount total = in.amount("total", asset);
        Map<String, BigDecimal> weights = in.decimalMap("weights");
        ProRata.Method method = in.enumValue("method", ProRata.Method.class);
        Allocation<String> a = ProRata.allocate(total, weights, method);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("allocations", new LinkedHashMap<String, Object>(a.shares()));
        out.put("dust", a.dust());
        return out;
    }

    private static Map<String, Object> waterfall(VectorInput in) {
        Asset asset = unit(in);
        Amount amount = in.amount("amount", asset);
        Waterfall.Builder b = Waterfall.builder(asset, in.rounding("rounding", RoundingMode.DOWN));
        for (VectorInput step : in.list("steps")) {
            Waterfall.StepType type = step.enumValue("type", Waterfall.StepType.class);
            String to = step.string("to");
            Share share = null;
            Amount fixed = null;
            if (type == Waterfall.StepType.SHARE_OF_BASE || type == Waterfall.StepType.SHARE_OF_REMAINING) {
                if (step.has("bps") == step.has("share")) {
                    throw new MalformedVectorException(step.path(), "a " + type + " step needs exactly one of bps, share");
                }
                share = step.has("bps") ? Share.ofBps(step.path() + ".bps", step.longValue("bps"))
                        : Share.of(step.path() + ".share", step.decimal("share"));
            } else if (type == Waterfall.StepType.FIXED) {
                fixed = step.amount("amount", asset);
            }
            b.step(to, type, share, fixed);
        }
        return new LinkedHashMap<>(b.build().split(amount));
    }
}
