package io.fomo.examples.vectors.ops;

import io.fomo.core.launch.AntiSniping;
import io.fomo.examples.vectors.MalformedVectorException;
import io.fomo.examples.vectors.OpCatalog;
import io.fomo.examples.vectors.VectorInput;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vector op of the launch protections (FOMO-SPEC §6): {@code launch.fee}, the anti-sniping raise fee
 * at a second of the raise, and the {@code antiSniping} object that {@code launch.run} reads too (fields in
 * docs/vectors.md).
 */
public final class ProtectionOps {

    private ProtectionOps() {
    }

    /**
     * Registers the op.
     *
     * @param r the catalog's registrar
     */
    public static void register(OpCatalog.Registrar r) {
        r.add("launch.fee", ProtectionOps::launchFee);
    }

    private static Map<String, Object> launchFee(VectorInput in) {
        Asset asset = Asset.of("QUOTE", in.integer("decimals", 18));
        Amount amount = in.amount("amount", asset);
        String on = in.string("on", "GROSS");
        if (!on.equals("GROSS") && !on.equals("NET")) {
            throw new MalformedVectorException(in.path() + ".on", "expected GROSS or NET, found \"" + on + "\"");
        }
        int baseFeeBps = in.integer("feeBps");
        RoundingMode rounding = in.rounding("rounding", RoundingMode.UP);
        AntiSniping a = antiSniping(in.object("antiSniping"));
        long t = in.longValue("elapsedSeconds");
        if (baseFeeBps < 0 || baseFeeBps > 9_999) {
            throw InvalidArgumentException.of("feeBps", baseFeeBps, "must be between 0 and 9999 bps");
        }
        if (!a.isOff() && a.startFeeBps() < baseFeeBps) {
            throw InvalidArgumentException.of("antiSniping.startFeeBps", a.startFeeBps(),
                    "must be at least the base feeBps " + baseFeeBps);
        }
        Amount fee = on.equals("GROSS") ? a.onGross(amount, baseFeeBps, t, rounding)
                : a.onNet(amount, baseFeeBps, t, rounding);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fee", fee);
        return out;
    }

    /**
     * Reads an {@code antiSniping} object: {@code {decay: NONE}}, {@code {decay: LINEAR, startFeeBps,
     * windowSeconds}} or {@code {decay: EXPONENTIAL, startFeeBps, halfLifeSeconds, windowSeconds}}.
     *
     * @param a the object
     * @return the setting
     * @throws MalformedVectorException      if the decay is not one of the three or a field is missing
     * @throws InvalidArgumentException if a value is out of range
     */
    public static AntiSniping antiSniping(VectorInput a) {
        String decay = a.string("decay");
        switch (decay) {
            case "NONE":
                return AntiSniping.none();
            case "LINEAR":
                return AntiSniping.linear(a.integer("startFeeBps"), seconds(a, "windowSeconds"));
            case "EXPONENTIAL":
                return AntiSniping.exponential(a.integer("startFeeBps"), seconds(a, "halfLifeSeconds"),
                        seconds(a, "windowSeconds"));
            default:
                throw new MalformedVectorException(a.path() + ".decay",
                        "expected one of NONE, LINEAR, EXPONENTIAL, found \"" + decay + "\"");
        }
    }

    private static Duration seconds(VectorInput a, String key) {
        long v = a.longValue(key);
        if (v < 1 || v > AntiSniping.MAX_SECONDS) {
            throw InvalidArgumentException.of("antiSniping." + key.replace("Seconds", ""), v,
                    "must be between 1 and " + AntiSniping.MAX_SECONDS + " seconds");
        }
        return Duration.ofSeconds(v);
    }
}
