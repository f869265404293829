package io.fomo.examples.vectors.ops;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.amm.SwapResult;
import io.fomo.core.launch.ConstantProductCurve;
import io.fomo.core.launch.CurveFill;
import io.fomo.core.launch.CurvePosition;
import io.fomo.core.launch.Graduation;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.LinearCurve;
import io.fomo.core.launch.OverfillPolicy;
import io.fomo.core.launch.Rmo;
import io.fomo.core.launch.RmoAction;
import io.fomo.core.launch.RmoState;
import io.fomo.core.launch.SupporterPosition;
import io.fomo.core.launch.SwapFee;
import io.fomo.core.launch.UnsoldPolicy;
import io.fomo.core.math.DecimalPolicy;
import io.fomo.core.math.ExactMath;
import io.fomo.examples.vectors.MalformedVectorException;
import io.fomo.examples.vectors.OpCatalog;
import io.fomo.examples.vectors.VectorInput;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vector ops of the launch layer and the pool: {@code amm.cpmm.amountOut}, {@code amm.cpmm.amountIn},
 * {@code curve.cpmm.buy}, {@code curve.cpmm.costToBuy}, {@code curve.linear.buy} and {@code launch.run}
 * (fields documented in docs/launch.md).
 */
public final class LaunchOps {

    private LaunchOps() {
    }

    /**
     * Registers the ops.
     *
     * @param r the catalog's registrar
     */
    public static void register(OpCatalog.Registrar r) {
        r.add("amm.cpmm.amountOut", LaunchOps::ammAmountOut);
        r.add("amm.cpmm.amountIn", LaunchOps::ammAmountIn);
        r.add("amm.cpmm.swapExactIn", LaunchOps::ammSwapExactIn);
        r.add("amm.cpmm.swapExactOut", LaunchOps::ammSwapExactOut);
        r.add("curve.cpmm.buy", LaunchOps::curveCpmmBuy);
        r.add("curve.cpmm.costToBuy", LaunchOps::curveCpmmCostToBuy);
        r.add("curve.linear.buy", LaunchOps::curveLinearBuy);
        r.add("launch.run", LaunchOps::launchRun);
    }

    private static Map<String, Object> ammAmountOut(VectorInput in) {
        int decimals = in.integer("decimals");
        Asset a = Asset.of("IN", decimals);
        Asset b = Asset.of("OUT", decimals);
        Amount amountIn = in.amount("amountIn", a);
        Amount reserveIn = in.amount("reserveIn", a);
        Amount reserveOut = in.amount("reserveOut", b);
        int feeBps = in.integer("feeBps");
        RoundingMode rounding = in.rounding("rounding", RoundingMode.DOWN);
        ConstantProductPool pool = ConstantProductPool.open(reserveIn, reserveOut, feeBps);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("amountOut", pool.amountOut(amountIn, rounding));
        return out;
    }

    private static Map<String, Object> ammAmountIn(VectorInput in) {
        int decimals = in.integer("decimals");
        Asset a = Asset.of("IN", decimals);
        Asset b = Asset.of("OUT", decimals);
        Amount amountOut = in.amount("amountOut", b);
        Amount reserveIn = in.amount("reserveIn", a);
        Amount reserveOut = in.amount("reserveOut", b);
        int feeBps = in.integer("feeBps");
        ConstantProductPool pool = ConstantProductPool.open(reserveIn, reserveOut, feeBps);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("amountIn", pool.amountIn(amountOut));
        return out;
    }

    private static Map<String, Object> ammSwapExactIn(VectorInput in) {
        int decimals = in.integer("decimals");
        Asset a = Asset.of("IN", decimals);
        Asset b = Asset.of("OUT", decimals);
        Amount amountIn = in.amount("amountIn", a);
        Amount reserveIn = in.amount("reserveIn", a);
        Amount reserveOut = in.amount("reserveOut", b);
        int feeBps = in.integer("feeBps");
        ConstantProductPool pool = ConstantProductPool.open(reserveIn, reserveOut, feeBps);
        return swap(pool.swapExactIn(amountIn), a, b, feeBps);
    }

    private static Map<String, Object> ammSwapExactOut(VectorInput in) {
        int decimals = in.integer("decimals");
        Asset a = Asset.of("IN", decimals);
        Asset b = Asset.of("OUT", decimals);
        Amount amountOut = in.amount("amountOut", b);
        Amount reserveIn = in.amount("reserveIn", a);
        Amount reserveOut = in.amount("reserveOut", b);
        int feeBps = in.integer("feeBps");
        ConstantProductPool pool = ConstantProductPool.open(reserveIn, reserveOut, feeBps);
        return swap(pool.swapExactOut(amountOut), a, b, feeBps);
    }

    /**
     * A swap's outputs: the amounts, the pool's reserves after it, and the fee the pool kept: the part of
     * the input the invariant does not count, {@code amountIn·feeBps/10,000}, rounded UP (what the trader
     * pays); it stays in {@code reserveIn}.
     */
    private static Map<String, Object> swap(SwapResult r, Asset in, Asset out, int feeBps) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("amountIn", r.amountIn());
        o.put("amountOut", r.amountOut());
        o.put("reserveIn", r.pool().reserve(in));
        o.put("reserveOut", r.pool().reserve(out));
        o.put("fee", SwapFee.onGross(r.amountIn(), feeBps, RoundingMode.UP));
        return o;
    }

    /** A curve over given virtual reserves; without a cap, the tranche is all but one unit of the base. */
    private static ConstantProductCurve reserveCurve(Amount x, Amount y, Amount cap) {
        if (cap != null) {
            return ConstantProductCurve.of(x, y, cap);
        }
        if (!y.isPositive()) {
            throw InvalidArgumentException.of("virtualBaseReserve", y, "must be positive");
        }
        Amount tranche = y.minus(Amount.ofUnits(y.asset(), 1));
        if (tranche.isZero()) {
            throw InvalidArgumentException.of("virtualBaseReserve", y, "must be more than one base unit");
        }
        return ConstantProductCurve.of(x, y, tranche);
    }

    private static Map<String, Object> curveCpmmBuy(VectorInput in) {
        Asset quote = Asset.of("QUOTE", in.integer("quoteDecimals"));
        Asset base = Asset.of("BASE", in.integer("baseDecimals"));
        Amount quoteIn = in.amount("quoteIn", quote);
        Amount x = in.amount("virtualQuoteReserve", quote);
        Amount y = in.amount("virtualBaseReserve", base);
        Amount cap = in.has("baseAvailable") ? in.amount("baseAvailable", base) : null;
        int feeBps = in.integer("feeBps", 0);
        RoundingMode rounding = in.rounding("rounding", RoundingMode.DOWN);
        ConstantProductCurve curve = reserveCurve(x, y, cap);
        if (!quoteIn.isPositive()) {
            throw InvalidArgumentException.of("quoteIn", quoteIn, "must be positive");
        }
        Amount fee = SwapFee.onGross(quoteIn, feeBps, RoundingMode.UP);
        Amount net = quoteIn.minus(fee);
        CurveFill fill = curve.buy(CurvePosition.start(curve), net, rounding);
        Amount used = quoteIn;
        if (fill.quoteUsed().isLessThan(net)) {
            fee = SwapFee.onNet(fill.quoteUsed(), feeBps, RoundingMode.UP).min(fee);
            used = fill.quoteUsed().plus(fee);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("baseOut", fill.baseOut());
        out.put("fee", fee);
        out.put("quoteUsed", used);
        return out;
    }

    private static Map<String, Object> curveCpmmCostToBuy(VectorInput in) {
        Asset quote = Asset.of("QUOTE", in.integer("quoteDecimals"));
        Asset base = Asset.of("BASE", in.integer("baseDecimals"));
        Amount baseOut = in.amount("baseOut", base);
        Amount x = in.amount("virtualQuoteReserve", quote);
        Amount y = in.amount("virtualBaseReserve", base);
        int feeBps = in.integer("feeBps", 0);
        ConstantProductCurve curve = reserveCurve(x, y, null);
        Amount cost = curve.costToBuy(CurvePosition.start(curve), baseOut);
        Amount fee = SwapFee.onNet(cost, feeBps, RoundingMode.UP);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("quoteIn", cost.plus(fee));
        out.put("fee", fee);
        return out;
    }

    private static Map<String, Object> curveLinearBuy(VectorInput in) {
        Asset quote = Asset.of("QUOTE", in.integer("quoteDecimals"));
        Asset base = Asset.of("BASE", in.integer("baseDecimals"));
        Amount quoteIn = in.amount("quoteIn", quote);
        BigDecimal p0 = in.decimal("startPrice");
        BigDecimal slope = in.decimal("slope");
        Amount sold = in.amount("sold", base);
        RoundingMode rounding = in.rounding("rounding", RoundingMode.DOWN);
        if (p0.signum() <= 0) {
            throw InvalidArgumentException.of("startPrice", p0.toPlainString(), "must be positive");
        }
        // A tranche that the input cannot exhaust, with the sold tokens paid for on the curve, so the buy is
        // the pure formula: prices are at least p0, so (quoteIn + one quote unit) / p0 + 1 tokens cost more
        // than the input plus the unit the rounded-up cost of the sold tokens may carry. Past
        // sqrt(2·(quoteIn + unit)/slope) + 1 tokens the slope alone costs more, so the tranche need not be
        // longer: its own cost then stays within the bounds of an amount (docs/limits.md).
        BigDecimal unit = BigDecimal.ONE.movePointLeft(quote.decimals());
        BigDecimal reach = quoteIn.value().add(unit).divide(p0, 0, RoundingMode.UP).add(BigDecimal.ONE);
        if (slope.signum() > 0) {
            BigDecimal bySlope = ExactMath.sqrt(quoteIn.value().add(unit).multiply(BigDecimal.valueOf(2))
                    .divide(slope, 0, RoundingMode.UP), 0, RoundingMode.UP).add(BigDecimal.ONE);
            reach = reach.min(bySlope);
        }
        Amount tranche = sold.plus(Amount.of(base, reach));
        LinearCurve curve = LinearCurve.of(quote, p0, slope, tranche, DecimalPolicy.standard());
        Amount raised = sold.isZero() ? Amount.zero(quote)
                : curve.costToBuy(CurvePosition.start(curve), sold);
        CurveFill fill = curve.buy(CurvePosition.of(sold, raised), quoteIn, rounding);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("baseOut", fill.baseOut());
        return out;
    }

    // ------------------------------------------------------------------ launch.run

    /**
     * The largest {@code at} and duration (seconds) the op accepts: about 31.7 million years, so that every
     * instant it forms stays far inside {@link Instant}'s range.
     */
    static final long MAX_SECONDS = 1_000_000_000_000_000L;

    private static Map<String, Object> launchRun(VectorInput in) {
        VectorInput p = in.object("params");
        AccountId issuer = AccountId.of(p.string("issuer", "issuer"));
        LaunchParameters params = parameters(p);
        Amount firstBuy = p.has("firstBuy") ? p.amount("firstBuy", Asset.FLOCK) : Amount.zero(Asset.FLOCK);
        // The shape of every action is read first (a missing field or an unknown action makes the vector
        // malformed); its values are checked when it runs, so a bad amount or actor is that action's error.
        List<ActionInput> actions = new ArrayList<>();
        for (VectorInput a : in.list("actions")) {
            actions.add(ActionInput.read(a));
        }
        Rmo rmo = Rmo.create(params, issuer).apply(new RmoAction.Open(issuer, firstBuy), Instant.EPOCH).rmo();
        List<Object> results = new ArrayList<>();
        for (ActionInput a : actions) {
            try {
                rmo = rmo.apply(a.action(params.mtAsset()), a.at()).rmo();
                results.add("OK");
            } catch (FomoException e) {
                results.add(e.code().name());
            }
        }
        return report(rmo, results);
    }

    /** One action as written: its fields read and typed, its values not yet checked. */
    private static final class ActionInput {
        private final long at;
        private final String actor;
        private final String kind;
        private final VectorInput input;

        private ActionInput(long at, String actor, String kind, VectorInput input) {
            this.at = at;
            this.actor = actor;
            this.kind = kind;
            this.input = input;
        }

        static ActionInput read(VectorInput a) {
            long at = a.longValue("at");
            String actor = a.string("actor");
            String kind = a.string("action");
            switch (kind) {
                case "buy":
                case "sell":
                    a.decimal("amount"); // required, and a plain decimal string
                    break;
                case "graduate":
                case "close":
                case "redeem":
                case "claim":
                case "live":
                    break;
                default:
                    throw new MalformedVectorException(a.path() + ".action", "expected one of buy, sell, graduate, "
                            + "close, redeem, claim, live, found \"" + kind + "\"");
            }
            return new ActionInput(at, actor, kind, a);
        }

        /** The instant, checked: {@code at} seconds after the opening. */
        Instant at() {
            if (at < 0 || at > MAX_SECONDS) {
                throw InvalidArgumentException.of("at", at, "must be between 0 and " + MAX_SECONDS + " seconds");
            }
            return Instant.EPOCH.plusSeconds(at);
        }

        /** The action, checked in this order: {@code at}, the actor id, the amount. */
        RmoAction action(Asset mt) {
            at();
            AccountId who = AccountId.of(actor);
            switch (kind) {
                case "buy":
                    return new RmoAction.Buy(who, input.amount("amount", Asset.FLOCK));
                case "sell":
                    return new RmoAction.Sell(who, input.amount("amount", mt));
                case "graduate":
                    return new RmoAction.Graduate(who);
                case "close":
                    return new RmoAction.Close(who);
                case "redeem":
                    return new RmoAction.Redeem(who);
                case "claim":
                    return new RmoAction.ClaimVested(who);
                default:
                    return new RmoAction.GoLive(who);
            }
        }
    }

    private static LaunchParameters parameters(VectorInput p) {
        LaunchParameters.Builder b = LaunchParameters.builder();
        Asset mt = Asset.of("MT", p.integer("mtDecimals", Asset.MODEL_TOKEN_DECIMALS));
        b.mtAsset(mt);
        b.minTarget(p.amount("minTarget", Asset.FLOCK)).maxTarget(p.amount("maxTarget", Asset.FLOCK));
        if (p.has("launchFee")) {
            b.launchFee(p.amount("launchFee", Asset.FLOCK));
        }
        if (p.has("windowSeconds")) {
            b.window(Duration.ofSeconds(seconds(p, "windowSeconds", 0)));
        }
        b.swapFeeBps(p.integer("feeBps", LaunchParameters.DEFAULT_SWAP_FEE_BPS));
        b.creatorFeeBps(p.integer("creatorFeeBps", 0));
        b.feeRounding(p.rounding("feeRounding", RoundingMode.UP));
        b.curveRounding(p.rounding("rounding", RoundingMode.DOWN));
        b.totalSupply(p.longValue("totalSupply", LaunchParameters.DEFAULT_TOTAL_SUPPLY_TOKENS));
        if (p.has("allocation")) {
            VectorInput a = p.object("allocation");
            b.allocationBps(a.integer("sale"), a.integer("liquidity"), a.integer("incentives"), a.integer("issuer"),
                    a.integer("treasury"));
        }
        b.firstBuyCapBps(p.integer("firstBuyCapBps", LaunchParameters.DEFAULT_FIRST_BUY_CAP_BPS));
        if (p.has("unsoldPolicy")) {
            b.unsoldPolicy(p.enumValue("unsoldPolicy", UnsoldPolicy.class));
        }
        if (p.has("raiseSplit")) {
            VectorInput s = p.object("raiseSplit");
            b.raiseSplitBps(s.integer("liquidity"), s.integer("hosting"), s.integer("staking"));
        }
        if (p.has("vestingCliffSeconds") || p.has("vestingSeconds")) {
            b.vesting(Duration.ofSeconds(seconds(p, "vestingCliffSeconds", 90L * 86_400)),
                    Duration.ofSeconds(seconds(p, "vestingSeconds", 365L * 86_400)));
        }
        b.poolFeeBps(p.integer("poolFeeBps", 30));
        if (p.has("overfill")) {
            b.overfillPolicy(p.enumValue("overfill", OverfillPolicy.class));
        }
        b.graduationOnlyAfterWindow(p.bool("graduationOnlyAfterWindow", true));
        if (p.has("antiSniping")) {
            b.antiSniping(ProtectionOps.antiSniping(p.object("antiSniping")));
        }
        if (p.has("walletCap")) {
            b.walletCap(p.amount("walletCap", Asset.FLOCK));
        }
        VectorInput c = p.object("curve");
        String type = c.string("type");
        switch (type) {
            case "CPMM":
                b.constantProductCurve(c.decimal("startPrice"));
                break;
            case "LINEAR":
                b.linearCurve(c.decimal("startPrice"), c.decimal("slope"));
                break;
            case "EXPONENTIAL":
                b.exponentialCurve(c.decimal("startPrice"), c.decimal("rate"));
                break;
            default:
                throw new MalformedVectorException(c.path() + ".type",
                        "expected one of CPMM, LINEAR, EXPONENTIAL, found \"" + type + "\"");
        }
        LaunchParameters params = b.build();
        if (p.has("saleSupply")) {
            Amount sale = p.amount("saleSupply", mt);
            if (!sale.equals(params.saleAllocation())) {
                throw InvalidArgumentException.of("saleSupply", sale,
                        "must equal the sale allocation " + params.saleAllocation());
            }
        }
        return params;
    }

    /** A duration field in seconds, at most {@link #MAX_SECONDS} (the model checks the lower bounds). */
    private static long seconds(VectorInput p, String key, long dflt) {
        long v = p.longValue(key, dflt);
        if (v > MAX_SECONDS) {
            throw InvalidArgumentException.of(key, v, "must be at most " + MAX_SECONDS + " seconds");
        }
        return v;
    }

    private static Map<String, Object> report(Rmo rmo, List<Object> results) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", rmo.state().name());
        out.put("raised", rmo.raised());
        out.put("sold", rmo.sold());
        Map<String, Object> fees = new LinkedHashMap<>();
        fees.put("platform", rmo.platformFees());
        fees.put("creator", rmo.creatorFees());
        out.put("fees", fees);
        out.put("launchFee", rmo.launchFeePaid());
        out.put("returned", rmo.returnedOverfill());
        out.put("refunded", rmo.refunded());
        out.put("vestingClaimed", rmo.vestingClaimed());
        Map<String, Object> balances = new LinkedHashMap<>();
        for (Map.Entry<AccountId, SupporterPosition> e : rmo.supporters().entrySet()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("FLOCK", e.getValue().committed());
            // After a failure no MT is minted: the claims are void.
            b.put("MT", rmo.state() == RmoState.FAILED ? Amount.zero(rmo.params().mtAsset()) : e.getValue().mt());
            balances.put(e.getKey().value(), b);
        }
        out.put("balances", balances);
        out.put("results", results);
        rmo.graduation().ifPresent(g -> out.put("graduation", graduation(g)));
        return out;
    }

    private static Map<String, Object> graduation(Graduation g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("minted", g.minted());
        out.put("sold", g.sold());
        out.put("unsold", g.unsold());
        out.put("burned", g.burned());
        out.put("poolFlock", g.poolFlock());
        out.put("poolMt", g.poolMt());
        out.put("hostingReserve", g.flockSplit().get(Graduation.HOSTING_RESERVE));
        out.put("stakingIncentives", g.flockSplit().get(Graduation.STAKING_INCENTIVES));
        out.put("incentives", g.incentives());
        out.put("issuer", g.issuer());
        out.put("treasury", g.treasury());
        return out;
    }
}
