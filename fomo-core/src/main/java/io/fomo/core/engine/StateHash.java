package io.fomo.core.engine;

import io.fomo.core.launch.Rmo;
import io.fomo.core.launch.SupporterPosition;
import io.fomo.core.revenue.BuybackBudget;
import io.fomo.core.rewards.PoolKind;
import io.fomo.core.staking.GmFlockLock;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The canonical state hash: SHA-256 over the canonical encoding of the state, one UTF-8 line
 * {@code path=value\n} per fact, in a fixed order (components in a fixed sequence, maps in ascending key
 * order, amounts as plain decimals at their asset's scale, instants as epoch seconds and nanoseconds).
 * Nothing in it depends on the JVM, the platform, the locale or hash iteration order; docs/engine.md
 * lists the lines.
 */
final class StateHash {

    private final MessageDigest sha;

    private StateHash() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private void line(String path, Object value) {
        String v = value instanceof Amount a ? a.toPlainString() + " " + a.asset().symbol()
                : value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value);
        sha.update((path + "=" + v + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static String of(State s) {
        StateHash h = new StateHash();
        h.encode(s);
        return HexFormat.of().formatHex(h.sha.digest());
    }

    private void encode(State s) {
        line("format", "fomo-state/1");
        line("commands", s.commands);
        line("lastTime", s.lastTime.getEpochSecond() + "." + s.lastTime.getNano());
        line("genesis", new String(s.genesis.encode().encode(), StandardCharsets.UTF_8).replace('\n', ';'));
        for (Map.Entry<Long, ParameterChange> e : s.history.entrySet()) {
            line("parameters." + e.getKey(), e.getValue());
        }
        line("parameters.pending", s.pending == null ? "-" : s.pending);
        line("epoch", s.epoch());
        for (Deployment d : s.deployments.values()) {
            String p = "deployment." + d.id.value();
            Rmo r = d.rmo;
            line(p + ".state", r.state());
            line(p + ".raised", r.raised());
            line(p + ".sold", r.sold());
            line(p + ".platformFees", r.platformFees());
            line(p + ".creatorFees", r.creatorFees());
            line(p + ".returnedOverfill", r.returnedOverfill());
            line(p + ".refunded", r.refunded());
            line(p + ".vestingClaimed", r.vestingClaimed());
            for (Map.Entry<AccountId, SupporterPosition> e : r.supporters().entrySet()) {
                SupporterPosition sp = e.getValue();
                line(p + ".supporter." + e.getKey().value(), sp.paid() + "|" + sp.fees() + "|" + sp.returned() + "|"
                        + sp.principal() + "|" + sp.mt() + "|" + sp.refunded() + "|" + sp.redeemed());
            }
            if (d.hasPool()) {
                line(p + ".pool", d.pool.reserve(d.pool.assetA()) + "|" + d.pool.reserve(d.pool.assetB()) + "|"
                        + d.pool.feeBps());
                line(p + ".graduatedEpoch", d.graduatedEpoch);
                line(p + ".incentivesPerEpoch", d.flockIncentivePerEpoch + "|" + d.mtIncentivePerEpoch);
                BuybackBudget bb = s.buybacks.budgetOf(d.id);
                line(p + ".buyback", bb.mtBudget() + "|" + bb.flockBudget());
                line(p + ".gross", s.revenue.deployments().contains(d.id) ? s.revenue.grossOf(d.id) : "-");
                for (Map.Entry<AccountId, Amount> e : s.stakes.stakers(d.id).entrySet()) {
                    line(p + ".stake." + e.getKey().value(), e.getValue());
                }
                for (PoolKind kind : PoolKind.values()) {
                    line(p + ".carry." + kind, s.carry.dust(d.id, kind).map(Amount::toString).orElse("-"));
                }
                Asset mt = d.rmo.params().mtAsset();
                line(p + ".supply", s.burns.supplyOf(mt) + "|" + s.burns.burnedOf(mt));
            }
            for (Map.Entry<AccountId, Amount> e : s.sortedSpend(d.id).entrySet()) {
                line(p + ".spend." + e.getKey().value(), e.getValue());
            }
        }
        line("flock", s.burns.supplyOf(Asset.FLOCK) + "|" + s.burns.burnedOf(Asset.FLOCK));
        line("burns", s.burns.entries().size());
        line("payments", s.revenue.paymentsAccepted());
        line("reserve", s.reserve.initial() + "|" + s.reserve.released() + "|" + s.reserve.returned());
        line("carry.global", s.carry.global());
        for (AccountId owner : s.gmOwners) {
            for (GmFlockLock l : s.gm.locksOf(owner)) {
                line("gmflock." + owner.value() + "." + l.id().value(), l.principal() + "|" + l.gmFlock() + "|"
                        + l.lockDays() + "|" + l.start().getEpochSecond());
            }
        }
        line("gmflock.fees", s.gm.feesCollected());
        for (AccountId user : State.sorted(s.rewarded.keys())) {
            line("claims." + user.value(), s.claims.flockBalance(user));
            for (DeploymentId d : s.deployments.keySet()) {
                Amount mt = s.claims.mtBalance(user, d);
                if (mt.isPositive()) {
                    line("claims." + user.value() + "." + d.value(), mt);
                }
            }
        }
        for (Map.Entry<String, Amount> e : s.tokens.sortedBalances().entrySet()) {
            line("balance." + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Amount> e : s.tokens.sortedSupplies().entrySet()) {
            line("supply." + e.getKey(), e.getValue());
        }
        s.metering.hash(this::line);
    }
}
