package io.fomo.examples.vectors.ops;

import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.RevenueRouter;
import io.fomo.core.revenue.RevenueSplit;
import io.fomo.core.revenue.RevenueWeights;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.core.staking.GmFlockTerms;
import io.fomo.core.staking.GmFlockWithdrawal;
import io.fomo.examples.vectors.OpCatalog;
import io.fomo.examples.vectors.VectorInput;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vector ops of the economic engine (FOMO-SPEC §3.1, §3.2, §3.5): {@code revenue.route},
 * {@code pricing.discountedPrice}, {@code gmflock.mint} and {@code gmflock.withdraw}. The exact field
 * list of each is in docs/revenue-and-staking.md.
 */
public final class EconomyOps {

    /** The MT asset of pricing vectors: every model token has 18 decimals (FOMO-SPEC §0). */
    private static final Asset MT = Asset.of("MT", Asset.MODEL_TOKEN_DECIMALS);

    private EconomyOps() {
    }

    /**
     * Registers the ops.
     *
     * @param r the catalog's registrar
     */
    public static void register(OpCatalog.Registrar r) {
        r.add("revenue.route", EconomyOps::route);
        r.add("pricing.discountedPrice", EconomyOps::discountedPrice);
        r.add("gmflock.mint", EconomyOps::gmflockMint);
        r.add("gmflock.withdraw", EconomyOps::gmflockWithdraw);
    }

    private static Map<String, Object> route(VectorInput in) {
        Asset usd = Asset.of("USD", in.integer("decimals"));
        Amount gross = in.amount("gross", usd);
        Amount costs = in.amount("hardCosts", usd);
        VectorInput w = in.object("weights");
        RevenueWeights weights = RevenueWeights.builder().mtBuybackBps(w.integer("mtBuyback"))
                .flockBuybackBps(w.integer("flockBuyback")).treasuryBps(w.integer("treasury"))
                .issuerBps(w.integer("issuer")).build();
        RevenueSplit s = RevenueRouter.of(weights, RoundingMode.DOWN).route(gross, costs);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("net", s.net());
        out.put("costsCovered", s.costsCovered());
        out.put("mtBuyback", s.mtBuyback());
        out.put("flockBuyback", s.flockBuyback());
        out.put("treasury", s.treasury());
        out.put("issuer", s.issuer());
        out.put("treasuryDust", s.treasuryDust());
        return out;
    }

    private static Map<String, Object> discountedPrice(VectorInput in) {
        int decimals = in.integer("decimals", UnitPrice.DEFAULT_DECIMALS);
        UnitPrice list = UnitPrice.of(Asset.USD, decimals, in.decimal("listPrice"));
        UnitPrice floor = UnitPrice.of(Asset.USD, decimals, in.decimal("floorPrice"));
        DiscountTiers.Builder tiers = DiscountTiers.builder(MT);
        for (VectorInput t : in.list("tiers")) {
            tiers.tier(t.amount("minStake", MT), t.integer("discountBps"));
        }
        InferencePricing pricing = InferencePricing.of(list, floor, tiers.build());
        Amount staked = in.amount("staked", MT);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("price", pricing.priceFor(staked).value());
        out.put("discountBps", pricing.discountBps(staked));
        return out;
    }

    private static Map<String, Object> gmflockMint(VectorInput in) {
        Amount n = in.amount("amount", Asset.FLOCK);
        int days = in.integer("lockDays");
        return Map.of("gmflock", GmFlockTerms.standard().mint(n, days));
    }

    private static Map<String, Object> gmflockWithdraw(VectorInput in) {
        GmFlockWithdrawal w = GmFlockTerms.standard().withdraw(in.amount("amount", Asset.FLOCK));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fee", w.fee());
        out.put("returned", w.returned());
        return out;
    }
}
