package io.fomo.examples.run;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.engine.Command;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.engine.Swap;
import io.fomo.core.launch.Rmo;
import io.fomo.core.launch.SupporterPosition;
import io.fomo.core.revenue.DiscountTiers;
import io.fomo.examples.market.TraderPopulation;
import io.fomo.examples.scenario.Launch;
import io.fomo.examples.scenario.Traders;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.FomoException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The {@code "traders"} of one launch as a {@link DailyBehaviour} (docs/scenarios.md, "Trader behaviours"):
 * from the first day the launch's pool exists, the issuer's vesting claims and sales, then the day's
 * {@link TraderPopulation} commands for the launch's supporters (profit taking), tier users and noise
 * traders. Its randomness is the run's stream {@link #PURPOSE} of the day, mixed with the launch's index,
 * so launches draw independently and a run is a function of its seed.
 *
 * <p>One instance per launch and run: it remembers the first pool day and whether the tier users were
 * funded. Not thread-safe.
 */
final class LaunchTraders implements DailyBehaviour {

    /** The seed stream purpose of trader behaviours. */
    static final long PURPOSE = SeedStreams.FIRST_FREE;

    private static final MathContext PRICE = new MathContext(34, RoundingMode.DOWN);

    private final Launch launch;
    private final int index;
    private final Traders traders;
    private final TraderPopulation population;
    private final boolean tiersKnown;
    private int poolDay = -1;

    LaunchTraders(Launch launch, int index) {
        this.launch = launch;
        this.index = index;
        this.traders = launch.traders().orElseThrow();
        TraderPopulation.Builder b = TraderPopulation.builder(launch.deployment()).slippageBps(traders.slippageBps());
        traders.profitTaking().ifPresent(p -> b.profitMultiple(p.multiple()).profitShareBps(p.shareBps())
                .profitProbabilityBps(p.probabilityBps()));
        traders.noise().ifPresent(n -> b.noiseDailyFlock(n.dailyFlock()).noiseActivityBps(n.activityBps()));
        List<Long> tiers = wholeTiers(launch.pricing().tiers());
        this.tiersKnown = !tiers.isEmpty();
        if (tiersKnown) {
            b.tiers(tiers);
        }
        traders.tierUsers().ifPresent(t -> b.tierProbabilityBps(t.probabilityBps()));
        this.population = b.build();
    }

    /**
     * Returns the accounts the traders of a launch add (tier users and noise traders), in id order of
     * their number.
     *
     * @param traders the launch's traders
     * @return the account ids
     */
    static List<AccountId> accounts(Traders traders) {
        List<AccountId> out = new ArrayList<>();
        traders.tierUsers().ifPresent(t -> {
            for (int i = 0; i < t.count(); i++) {
                out.add(AccountId.of(t.idPrefix() + "-" + i));
            }
        });
        traders.noise().ifPresent(n -> {
            for (int i = 0; i < n.count(); i++) {
                out.add(AccountId.of(n.idPrefix() + "-" + i));
            }
        });
        return out;
    }

    /** The pricing's tier thresholds in whole MT, rounded UP (a tier user must reach the threshold). */
    private static List<Long> wholeTiers(DiscountTiers tiers) {
        List<Long> out = new ArrayList<>();
        for (DiscountTiers.Tier t : tiers.tiers()) {
            long whole = t.minStake().value().setScale(0, RoundingMode.CEILING).longValueExact();
            if (whole > 0 && (out.isEmpty() || whole > out.get(out.size() - 1))) {
                out.add(whole);
            }
        }
        return out;
    }

    @Override
    public void act(Day day) {
        FomoProtocol protocol = day.protocol();
        DeploymentId deployment = launch.deployment();
        if (!protocol.deployments().contains(deployment) || protocol.pool(deployment).isEmpty()) {
            return;
        }
        if (poolDay < 0) {
            poolDay = day.day();
        }
        SplittableRandom random = new SplittableRandom(
                SeedStreams.mix(day.random(PURPOSE).nextLong() + 0x9E3779B97F4A7C15L * index));
        traders.issuerSales().ifPresent(s -> issuerSale(day, s));
        List<TraderPopulation.Trader> list = new ArrayList<>();
        Set<AccountId> seen = new HashSet<>();
        seen.add(launch.issuer());
        Asset mt = launch.mtAsset();
        if (traders.profitTaking().isPresent()) {
            Rmo rmo = protocol.launch(deployment);
            for (Map.Entry<AccountId, SupporterPosition> e : rmo.supporters().entrySet()) {
                SupporterPosition pos = e.getValue();
                if (!pos.mt().isPositive() || !seen.add(e.getKey())) {
                    continue;
                }
                BigDecimal entry = pos.paid().value().divide(pos.mt().value(), PRICE);
                list.add(trader(protocol, e.getKey(), TraderPopulation.Role.SUPPORTER, mt, entry));
            }
        }
        traders.tierUsers().ifPresent(t -> {
            if (!tiersKnown) {
                return;
            }
            for (int i = 0; i < t.count(); i++) {
                AccountId id = AccountId.of(t.idPrefix() + "-" + i);
                if (day.day() == poolDay) {
                    day.depositFlock(id, t.flock());
                }
                if (seen.add(id)) {
                    list.add(trader(protocol, id, TraderPopulation.Role.TIER_USER, mt, BigDecimal.ZERO));
                }
            }
        });
        traders.noise().ifPresent(n -> {
            Amount budget = n.dailyFlock().multipliedBy(2);
            for (int i = 0; i < n.count(); i++) {
                AccountId id = AccountId.of(n.idPrefix() + "-" + i);
                day.depositFlock(id, budget);
                if (seen.add(id)) {
                    list.add(trader(protocol, id, TraderPopulation.Role.NOISE, mt, BigDecimal.ZERO));
                }
            }
        });
        if (list.isEmpty()) {
            return;
        }
        ConstantProductPool pool = protocol.pool(deployment).orElseThrow();
        for (Command c : population.day(day.day(), pool, list, random)) {
            day.submit(c);
        }
    }

    private TraderPopulation.Trader trader(FomoProtocol protocol, AccountId id, TraderPopulation.Role role, Asset mt,
            BigDecimal entry) {
        return new TraderPopulation.Trader(id, role, protocol.balance(id, Asset.FLOCK), protocol.balance(id, mt),
                protocol.stakes().stakeOf(id, launch.deployment()), entry);
    }

    /** Every {@code everyDays} days from the first pool day: claim what has vested, sell a share of it. */
    private void issuerSale(Day day, Traders.IssuerSales s) {
        if ((day.day() - poolDay) % s.everyDays() != 0) {
            return;
        }
        FomoProtocol protocol = day.protocol();
        DeploymentId deployment = launch.deployment();
        AccountId issuer = launch.issuer();
        Asset mt = launch.mtAsset();
        if (!protocol.launch(deployment).vestingClaimable(
                EngineScenarioRunner.GENESIS.plusSeconds(day.day() * 86_400L)).isPositive()) {
            return;
        }
        Amount before = protocol.balance(issuer, mt);
        if (!day.submit(new Command.ClaimVested(deployment, issuer))) {
            return;
        }
        Amount claimed = protocol.balance(issuer, mt).minus(before);
        Amount sell = Amount.ofUnits(mt, scale(claimed.units(), s.shareBps(), RoundingMode.DOWN));
        if (!sell.isPositive()) {
            return;
        }
        Amount quote;
        try {
            quote = protocol.pool(deployment).orElseThrow().amountOut(sell);
        } catch (FomoException e) {
            return;
        }
        Amount minOut = Amount.ofUnits(Asset.FLOCK,
                scale(quote.units(), Traders.BPS - traders.slippageBps(), RoundingMode.DOWN));
        day.submit(Swap.exactIn(deployment, issuer, sell, minOut));
    }

    private static BigInteger scale(BigInteger units, int bps, RoundingMode rounding) {
        return new BigDecimal(units.multiply(BigInteger.valueOf(bps)))
                .divide(BigDecimal.valueOf(Traders.BPS), 0, rounding).toBigIntegerExact();
    }
}
