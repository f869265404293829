package io.fomo.core.engine;

import io.fomo.core.internal.JournalBytes;
import io.fomo.core.launch.BondingCurve;
import io.fomo.core.launch.ConstantProductCurve;
import io.fomo.core.launch.ExponentialCurve;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.LinearCurve;
import io.fomo.core.launch.OverfillPolicy;
import io.fomo.core.launch.UnsoldPolicy;
import io.fomo.core.math.DecimalPolicy;
import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.core.revenue.UnitPrice;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidStateException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The canonical text form of every command, as journaled; tags come from {@link JournalTags}. */
final class CommandCodec {

    private CommandCodec() {
    }

    /**
     * The bytes {@link #encode(Command, Fields)} writes in a writer of {@code buffers[0]}; a usage batch of at
     * least {@code splitFrom} calls is written in chunks shared with a second core ({@link Fields#inChunks}),
     * the first chunk with the lines before the calls.
     */
    static byte[] encode(Command c, String context, JournalBytes[] buffers, int splitFrom) {
        if (c instanceof Command.RecordUsageBatch u) {
            return Fields.inChunks(context, buffers, u.calls().size(), splitFrom,
                    f -> usageBatchHead(u, f.put("command", JournalTags.of(c))),
                    (from, to, f) -> calls(u.calls(), from, to, f));
        }
        Fields f = Fields.writer(context, buffers[0]);
        encode(c, f);
        return f.encode();
    }

    /** Writes a usage batch's lines before its calls. */
    private static void usageBatchHead(Command.RecordUsageBatch u, Fields f) {
        f.put("deployment", u.deployment().value()).put("calls", u.calls().size());
    }

    /** Writes calls {@code from} (inclusive) to {@code to} (exclusive) of a usage batch, each under its index. */
    private static void calls(List<Command.RecordUsageBatch.Call> calls, int from, int to, Fields f) {
        for (int i = from; i < to; i++) {
            Command.RecordUsageBatch.Call call = calls.get(i);
            String at = "calls." + i + ".";
            f.put(at, "paymentId", call.paymentId().value()).put(at, "user", call.user().value())
                    .put(at, "units", call.units());
        }
    }

    static void encode(Command c, Fields f) {
        f.put("command", JournalTags.of(c));
        if (c instanceof Command.Deposit d) {
            f.put("account", d.account().value()).put("amount", d.amount());
        } else if (c instanceof Command.OpenLaunch o) {
            f.put("deployment", o.deployment().value()).put("issuer", o.issuer().value()).put("firstBuy", o.firstBuy());
            launch(o.parameters(), f);
            pricing(o.pricing(), f);
        } else if (c instanceof Command.Buy b) {
            f.put("deployment", b.deployment().value()).put("buyer", b.buyer().value()).put("gross", b.gross());
        } else if (c instanceof Command.Sell s) {
            f.put("deployment", s.deployment().value()).put("seller", s.seller().value()).put("amount", s.amount());
        } else if (c instanceof Command.Graduate g) {
            f.put("deployment", g.deployment().value()).put("actor", g.actor().value());
        } else if (c instanceof Command.CloseLaunch g) {
            f.put("deployment", g.deployment().value()).put("actor", g.actor().value());
        } else if (c instanceof Command.Redeem r) {
            f.put("deployment", r.deployment().value()).put("supporter", r.supporter().value());
        } else if (c instanceof Command.ClaimVested v) {
            f.put("deployment", v.deployment().value()).put("issuer", v.issuer().value());
        } else if (c instanceof Command.GoLive g) {
            f.put("deployment", g.deployment().value()).put("actor", g.actor().value());
        } else if (c instanceof Command.RecordUsage u) {
            f.put("paymentId", u.paymentId().value()).put("deployment", u.deployment().value())
                    .put("user", u.user().value()).put("units", u.units());
        } else if (c instanceof Command.RecordUsageBatch u) {
            usageBatchHead(u, f);
            calls(u.calls(), 0, u.calls().size(), f);
        } else if (c instanceof Command.Stake s) {
            f.put("user", s.user().value()).put("deployment", s.deployment().value()).put("amount", s.amount());
        } else if (c instanceof Command.Unstake s) {
            f.put("user", s.user().value()).put("deployment", s.deployment().value()).put("amount", s.amount());
        } else if (c instanceof Command.LockGmFlock l) {
            f.put("user", l.user().value()).put("amount", l.amount()).put("lockDays", l.lockDays());
        } else if (c instanceof Command.WithdrawGmFlock w) {
            f.put("user", w.user().value()).put("lockId", w.lockId().value());
        } else if (c instanceof Command.CloseEpoch e) {
            f.put("costs", e.hardCosts().size());
            int i = 0;
            for (Map.Entry<DeploymentId, Amount> cost : e.hardCosts().entrySet()) {
                f.put("costs." + i + ".deployment", cost.getKey().value()).put("costs." + i + ".amount", cost.getValue());
                i++;
            }
        } else if (c instanceof Command.ClaimRewards r) {
            f.put("user", r.user().value());
        } else if (c instanceof Command.ChangeParameters p) {
            p.change().encode(f, "change.");
        } else if (c instanceof Command.Metering m) {
            MeteringCodec.encode(m, f);
        } else if (c instanceof Swap s) {
            f.put("deployment", s.deployment().value()).put("trader", s.trader().value()).put("kind", s.kind().name())
                    .put("amount", s.amount()).put("limit", s.limit());
        }
    }

    static Command decode(Fields f) {
        String type = f.tag("command");
        switch (type) {
            case JournalTags.DEPOSIT:
                return new Command.Deposit(f.account("account"), f.amount("amount"));
            case JournalTags.OPEN_LAUNCH:
                return new Command.OpenLaunch(f.deployment("deployment"), f.account("issuer"), launch(f),
                        pricing(f), f.amount("firstBuy"));
            case JournalTags.BUY:
                return new Command.Buy(f.deployment("deployment"), f.account("buyer"), f.amount("gross"));
            case JournalTags.SELL:
                return new Command.Sell(f.deployment("deployment"), f.account("seller"), f.amount("amount"));
            case JournalTags.GRADUATE:
                return new Command.Graduate(f.deployment("deployment"), f.account("actor"));
            case JournalTags.CLOSE_LAUNCH:
                return new Command.CloseLaunch(f.deployment("deployment"), f.account("actor"));
            case JournalTags.REDEEM:
                return new Command.Redeem(f.deployment("deployment"), f.account("supporter"));
            case JournalTags.CLAIM_VESTED:
                return new Command.ClaimVested(f.deployment("deployment"), f.account("issuer"));
            case JournalTags.GO_LIVE:
                return new Command.GoLive(f.deployment("deployment"), f.account("actor"));
            case JournalTags.RECORD_USAGE:
                return new Command.RecordUsage(f.eventId("paymentId"), f.deployment("deployment"), f.account("user"),
                        f.longValue("units"));
            case JournalTags.RECORD_USAGE_BATCH:
                return usageBatch(f);
            case JournalTags.STAKE:
                return new Command.Stake(f.account("user"), f.deployment("deployment"), f.amount("amount"));
            case JournalTags.UNSTAKE:
                return new Command.Unstake(f.account("user"), f.deployment("deployment"), f.amount("amount"));
            case JournalTags.LOCK_GMFLOCK:
                return new Command.LockGmFlock(f.account("user"), f.amount("amount"), f.intValue("lockDays"));
            case JournalTags.WITHDRAW_GMFLOCK:
                return new Command.WithdrawGmFlock(f.account("user"), f.eventId("lockId"));
            case JournalTags.CLOSE_EPOCH:
                Map<DeploymentId, Amount> costs = new TreeMap<>();
                int n = f.intValue("costs");
                for (int i = 0; i < n; i++) {
                    costs.put(f.deployment("costs." + i + ".deployment"), f.amount("costs." + i + ".amount"));
                }
                return new Command.CloseEpoch(costs);
            case JournalTags.CLAIM_REWARDS:
                return new Command.ClaimRewards(f.account("user"));
            case JournalTags.CHANGE_PARAMETERS:
                return new Command.ChangeParameters(ParameterChange.decode(f, "change."));
            case JournalTags.SWAP:
                return new Swap(f.deployment("deployment"), f.account("trader"), swapKind(f.text("kind")),
                        f.amount("amount"), f.amount("limit"));
            default:
                return MeteringCodec.decode(type, f);
        }
    }

    /** A journaled usage batch; its count is bounded before any call is read, as when it was built. */
    private static Command.RecordUsageBatch usageBatch(Fields f) {
        // Read in the order written (the deployment, the count, then the calls), as every decoder here reads.
        DeploymentId deployment = f.deployment("deployment");
        int n = f.intValue("calls");
        if (n < 1 || n > EngineLimits.MAX_CALLS_PER_USAGE_BATCH) {
            throw new InvalidStateException("journal: field 'calls' = " + n + ": expected 1 to "
                    + EngineLimits.MAX_CALLS_PER_USAGE_BATCH);
        }
        java.util.List<Command.RecordUsageBatch.Call> calls = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String at = "calls." + i + ".";
            calls.add(new Command.RecordUsageBatch.Call(f.eventId(at, "paymentId"), f.account(at, "user"),
                    f.longValue(at, "units")));
        }
        return new Command.RecordUsageBatch(deployment, calls);
    }

    private static Swap.Kind swapKind(String text) {
        for (Swap.Kind k : Swap.Kind.values()) {
            if (k.name().equals(text)) {
                return k;
            }
        }
        throw new InvalidStateException("journal: field 'kind' = " + text + ": expected EXACT_IN or EXACT_OUT");
    }

    private static void launch(LaunchParameters p, Fields f) {
        Amount total = p.totalSupply();
        f.put("launch.mtAsset", p.mtAsset().symbol()).put("launch.launchFee", p.launchFee())
                .put("launch.windowSeconds", p.window().getSeconds()).put("launch.minTarget", p.minTarget())
                .put("launch.maxTarget", p.maxTarget()).put("launch.swapFeeBps", p.swapFeeBps())
                .put("launch.creatorFeeBps", p.creatorFeeBps()).put("launch.feeRounding", p.feeRounding().name())
                .put("launch.curveRounding", p.curveRounding().name())
                .put("launch.totalSupply", total.value().toBigIntegerExact().toString())
                .put("launch.alloc.sale", bps(p.saleAllocation(), total))
                .put("launch.alloc.liquidity", bps(p.liquidityAllocation(), total))
                .put("launch.alloc.incentives", bps(p.incentivesAllocation(), total))
                .put("launch.alloc.issuer", bps(p.issuerAllocation(), total))
                .put("launch.alloc.treasury", bps(p.treasuryAllocation(), total))
                .put("launch.firstBuyCapBps", p.firstBuyCapBps()).put("launch.unsoldPolicy", p.unsoldPolicy().name())
                .put("launch.raise.liquidity", p.raiseLiquidityBps()).put("launch.raise.hosting", p.raiseHostingBps())
                .put("launch.raise.staking", p.raiseStakingBps())
                .put("launch.vesting.cliffSeconds", p.vestingCliff().getSeconds())
                .put("launch.vesting.durationSeconds", p.vestingDuration().getSeconds())
                .put("launch.poolFeeBps", p.poolFeeBps()).put("launch.overfillPolicy", p.overfillPolicy().name())
                .put("launch.graduationOnlyAfterWindow", p.graduationOnlyAfterWindow());
        DecimalPolicy d = p.decimalPolicy();
        f.put("launch.policy.precision", d.precision()).put("launch.policy.guard", d.guardDigits())
                .put("launch.policy.payout", d.payout().name()).put("launch.policy.charge", d.charge().name())
                .put("launch.policy.poolOutput", d.poolOutput().name());
        // Written only when set, so that a launch without them journals exactly as before they existed.
        io.fomo.core.launch.AntiSniping a = p.antiSniping();
        if (!a.isOff()) {
            f.put("launch.antiSniping.decay", a.decay().name()).put("launch.antiSniping.startFeeBps", a.startFeeBps())
                    .put("launch.antiSniping.windowSeconds", a.window().getSeconds());
            if (a.decay() == io.fomo.core.launch.AntiSniping.Decay.EXPONENTIAL) {
                f.put("launch.antiSniping.halfLifeSeconds", a.halfLife().getSeconds());
            }
        }
        p.walletCap().ifPresent(cap -> f.put("launch.walletCap", cap));
        BondingCurve c = p.curve();
        if (c instanceof ConstantProductCurve cp) {
            f.put("launch.curve", "CONSTANT_PRODUCT").put("launch.curve.virtualQuote", cp.virtualQuoteReserve())
                    .put("launch.curve.virtualBase", cp.virtualBaseReserve()).put("launch.curve.tranche", cp.tranche());
        } else if (c instanceof LinearCurve l) {
            f.put("launch.curve", "LINEAR").put("launch.curve.startPrice", l.startPrice())
                    .put("launch.curve.slope", l.slope());
        } else if (c instanceof ExponentialCurve e) {
            f.put("launch.curve", "EXPONENTIAL").put("launch.curve.startPrice", e.startPrice())
                    .put("launch.curve.rate", e.rate());
        }
    }

    private static long bps(Amount part, Amount total) {
        return part.value().multiply(BigDecimal.valueOf(10_000)).divide(total.value(), 0, RoundingMode.UNNECESSARY)
                .longValueExact();
    }

    private static LaunchParameters launch(Fields f) {
        LaunchParameters.Builder b = LaunchParameters.builder()
                .mtAsset(Asset.of(f.text("launch.mtAsset"), Asset.MODEL_TOKEN_DECIMALS))
                .launchFee(f.amount("launch.launchFee"))
                .window(Duration.ofSeconds(f.longValue("launch.windowSeconds")))
                .minTarget(f.amount("launch.minTarget")).maxTarget(f.amount("launch.maxTarget"))
                .swapFeeBps(f.intValue("launch.swapFeeBps")).creatorFeeBps(f.intValue("launch.creatorFeeBps"))
                .feeRounding(RoundingMode.valueOf(f.text("launch.feeRounding")))
                .curveRounding(RoundingMode.valueOf(f.text("launch.curveRounding")))
                .totalSupply(f.longValue("launch.totalSupply"))
                .allocationBps(f.intValue("launch.alloc.sale"), f.intValue("launch.alloc.liquidity"),
                        f.intValue("launch.alloc.incentives"), f.intValue("launch.alloc.issuer"),
                        f.intValue("launch.alloc.treasury"))
                .firstBuyCapBps(f.intValue("launch.firstBuyCapBps"))
                .unsoldPolicy(UnsoldPolicy.valueOf(f.text("launch.unsoldPolicy")))
                .raiseSplitBps(f.intValue("launch.raise.liquidity"), f.intValue("launch.raise.hosting"),
                        f.intValue("launch.raise.staking"))
                .vesting(Duration.ofSeconds(f.longValue("launch.vesting.cliffSeconds")),
                        Duration.ofSeconds(f.longValue("launch.vesting.durationSeconds")))
                .poolFeeBps(f.intValue("launch.poolFeeBps"))
                .overfillPolicy(OverfillPolicy.valueOf(f.text("launch.overfillPolicy")))
                .graduationOnlyAfterWindow(f.bool("launch.graduationOnlyAfterWindow"))
                .decimalPolicy(DecimalPolicy.of(f.intValue("launch.policy.precision"), f.intValue("launch.policy.guard"),
                        RoundingMode.valueOf(f.text("launch.policy.payout")),
                        RoundingMode.valueOf(f.text("launch.policy.charge")),
                        RoundingMode.valueOf(f.text("launch.policy.poolOutput"))));
        if (f.has("launch.antiSniping.decay")) {
            String decay = f.text("launch.antiSniping.decay");
            int start = f.intValue("launch.antiSniping.startFeeBps");
            Duration window = Duration.ofSeconds(f.longValue("launch.antiSniping.windowSeconds"));
            if (decay.equals("LINEAR")) {
                b.antiSniping(io.fomo.core.launch.AntiSniping.linear(start, window));
            } else if (decay.equals("EXPONENTIAL")) {
                b.antiSniping(io.fomo.core.launch.AntiSniping.exponential(start,
                        Duration.ofSeconds(f.longValue("launch.antiSniping.halfLifeSeconds")), window));
            } else {
                throw new InvalidStateException("journal: field 'launch.antiSniping.decay' = " + decay
                        + ": expected LINEAR or EXPONENTIAL");
            }
        }
        if (f.has("launch.walletCap")) {
            b.walletCap(f.amount("launch.walletCap"));
        }
        switch (f.text("launch.curve")) {
            case "CONSTANT_PRODUCT":
                b.curve(ConstantProductCurve.of(f.amount("launch.curve.virtualQuote"),
                        f.amount("launch.curve.virtualBase"), f.amount("launch.curve.tranche")));
                break;
            case "LINEAR":
                b.linearCurve(f.decimal("launch.curve.startPrice"), f.decimal("launch.curve.slope"));
                break;
            case "EXPONENTIAL":
                b.exponentialCurve(f.decimal("launch.curve.startPrice"), f.decimal("launch.curve.rate"));
                break;
            default:
                throw new InvalidStateException("journal: field 'launch.curve' = " + f.text("launch.curve")
                        + ": expected CONSTANT_PRODUCT, LINEAR or EXPONENTIAL");
        }
        return b.build();
    }

    private static void pricing(InferencePricing p, Fields f) {
        unitPrice("pricing.list", p.listPrice(), f);
        unitPrice("pricing.floor", p.floorPrice(), f);
        DiscountTiers t = p.tiers();
        f.put("pricing.charge", p.chargeRounding().name());
        f.put("pricing.stakeAsset", t.stakeAsset().symbol()).put("pricing.tiers", t.tiers().size());
        for (int i = 0; i < t.tiers().size(); i++) {
            f.put("pricing.tiers." + i + ".minStake", t.tiers().get(i).minStake())
                    .put("pricing.tiers." + i + ".discountBps", t.tiers().get(i).discountBps());
        }
    }

    private static void unitPrice(String key, UnitPrice u, Fields f) {
        f.put(key + ".quote", u.quote().symbol() + ":" + u.quote().decimals()).put(key + ".decimals", u.decimals())
                .put(key + ".value", u.value());
    }

    private static UnitPrice unitPrice(String key, Fields f) {
        String[] q = f.text(key + ".quote").split(":");
        return UnitPrice.of(Asset.of(q[0], Integer.parseInt(q[1])), f.intValue(key + ".decimals"),
                f.decimal(key + ".value"));
    }

    private static InferencePricing pricing(Fields f) {
        DiscountTiers.Builder t = DiscountTiers.builder(Asset.of(f.text("pricing.stakeAsset"), Asset.MODEL_TOKEN_DECIMALS));
        int n = f.intValue("pricing.tiers");
        for (int i = 0; i < n; i++) {
            t.tier(f.amount("pricing.tiers." + i + ".minStake"), f.intValue("pricing.tiers." + i + ".discountBps"));
        }
        return InferencePricing.of(unitPrice("pricing.list", f), unitPrice("pricing.floor", f), t.build(),
                RoundingMode.valueOf(f.text("pricing.charge")));
    }
}
