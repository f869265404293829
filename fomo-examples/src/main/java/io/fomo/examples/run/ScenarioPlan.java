package io.fomo.examples.run;

import io.fomo.core.math.Allocation;
import io.fomo.core.math.ProRata;
import io.fomo.examples.scenario.Launch;
import io.fomo.examples.scenario.LockAction;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.StakeAction;
import io.fomo.examples.scenario.Supporters;
import io.fomo.examples.scenario.UsageModel;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Every input of a scenario's run, drawn from its seed: the FLOCK price of each day, the gmFLOCK locks, and
 * for each launch ({@link LaunchPlan}) its buys, the population and spends of each usage day, and its stakes.
 * Random draws come from {@link SplittableRandom} streams seeded by the scenario's seed only, one stream per
 * purpose, launch and day ({@link SeedStreams}), and are turned into exact amounts by integer arithmetic
 * (never {@code double}), so the same scenario and seed give the same plan on every JVM. Usage days are drawn
 * on demand and give the same result whatever the order they are asked in.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ScenarioPlan {

    private static final long MICRO = UsageModel.PPM;

    private final Scenario scenario;
    private final List<BigDecimal> prices;
    private final List<LaunchPlan> launches;

    private ScenarioPlan(Scenario scenario) {
        this.scenario = scenario;
        this.prices = scenario.flockPrice().prices(scenario.days(),
                SeedStreams.of(scenario.seed(), SeedStreams.PRICE, 0));
        List<LaunchPlan> plans = new ArrayList<>();
        for (int i = 0; i < scenario.launches().size(); i++) {
            plans.add(new LaunchPlan(scenario, i));
        }
        this.launches = List.copyOf(plans);
    }

    /**
     * Draws the plan of a scenario.
     *
     * @param scenario the scenario, with its seed and days
     * @return the plan
     */
    public static ScenarioPlan of(Scenario scenario) {
        return new ScenarioPlan(Objects.requireNonNull(scenario, "scenario"));
    }

    /**
     * Returns the scenario planned.
     *
     * @return the scenario
     */
    public Scenario scenario() {
        return scenario;
    }

    /**
     * Returns the FLOCK price of a day.
     *
     * @param day 0 to {@code days − 1}
     * @return USD per FLOCK at {@value io.fomo.examples.scenario.FlockPricePath#SCALE} decimals
     * @throws InvalidArgumentException if the day is out of range
     */
    public BigDecimal flockUsd(int day) {
        return prices.get(checkDay(scenario, "day", day));
    }

    /**
     * Returns the FLOCK price of every day.
     *
     * @return the prices of days 0 to {@code days − 1}
     */
    public List<BigDecimal> flockUsd() {
        return prices;
    }

    /**
     * Returns the plan of each launch, in the scenario's order.
     *
     * @return the launch plans
     */
    public List<LaunchPlan> launches() {
        return launches;
    }

    /**
     * Returns the plan of one launch.
     *
     * @param index the launch's position in the scenario, from 0
     * @return the launch plan
     * @throws IndexOutOfBoundsException if there is no such launch
     */
    public LaunchPlan launch(int index) {
        return launches.get(index);
    }

    /**
     * Returns the gmFLOCK locks of a day, in file order.
     *
     * @param day the simulated day
     * @return the locks
     * @throws InvalidArgumentException if the day is out of range
     */
    public List<LockAction> locks(int day) {
        checkDay(scenario, "day", day);
        List<LockAction> out = new ArrayList<>();
        for (LockAction l : scenario.lockers()) {
            if (l.day() == day) {
                out.add(l);
            }
        }
        return out;
    }

    private static int checkDay(Scenario scenario, String field, int day) {
        if (day < 0 || day >= scenario.days()) {
            throw InvalidArgumentException.of(field, day, "must be from 0 to " + (scenario.days() - 1));
        }
        return day;
    }

    /**
     * The inputs of one launch: its buys and stakes on simulated days (the launch's own days shifted by its
     * start day), and its users' spends by usage day.
     *
     * <p>This class is immutable and thread-safe.
     */
    public static final class LaunchPlan {

        private final Scenario scenario;
        private final Launch launch;
        private final int index;
        private final List<SupporterBuy> buys;
        private final long[] populationMicro;
        /**
         * The generated users' ids, up to the largest population of the run: made once, not once per user and
         * day ({@link #usage(int)} names some ten thousand users a day).
         */
        private final AccountId[] userIds;

        private LaunchPlan(Scenario scenario, int index) {
            this.scenario = scenario;
            this.launch = scenario.launches().get(index);
            this.index = index;
            this.buys = Collections.unmodifiableList(drawBuys());
            this.populationMicro = population();
            this.userIds = userIds();
        }

        /**
         * Returns the launch planned.
         *
         * @return the launch
         */
        public Launch launch() {
            return launch;
        }

        /**
         * Returns the launch's position in the scenario.
         *
         * @return the index, from 0
         */
        public int index() {
            return index;
        }

        /**
         * Returns every launch buy, in the order they are made: by day, then in file order (generated
         * supporters: by index).
         *
         * @return the buys, on simulated days
         */
        public List<SupporterBuy> supporterBuys() {
            return buys;
        }

        /**
         * Returns the launch buys of one simulated day, in order.
         *
         * @param day the simulated day
         * @return the buys
         * @throws InvalidArgumentException if the day is out of range
         */
        public List<SupporterBuy> supporterBuys(int day) {
            checkDay(scenario, "day", day);
            List<SupporterBuy> out = new ArrayList<>();
            for (SupporterBuy b : buys) {
                if (b.day() == day) {
                    out.add(b);
                }
            }
            return out;
        }

        /**
         * Returns the number of generated users on a usage day (whales not counted).
         *
         * @param usageDay days since the deployment went live, 0 to {@code days − 1}
         * @return the population
         * @throws InvalidArgumentException if the day is out of range
         */
        public int population(int usageDay) {
            return (int) (populationMicro[checkDay(scenario, "usageDay", usageDay)] / MICRO);
        }

        /**
         * Returns the spends of a usage day: the generated users in index order, then the whales in file
         * order; users who are inactive that day, or draw a zero spend, are left out.
         *
         * @param usageDay days since the deployment went live, 0 to {@code days − 1}
         * @return the spends, USD
         * @throws InvalidArgumentException if the day is out of range
         */
        public List<UsageSpend> usage(int usageDay) {
            List<UsageSpend> out = new ArrayList<>();
            forEachSpend(usageDay, new SpendVisitor() {
                @Override
                public void spend(AccountId account, long usdUnits) {
                    out.add(new UsageSpend(account, Amount.ofUnits(Asset.USD, usdUnits)));
                }

                @Override
                public void spend(AccountId account, Amount usd) {
                    out.add(new UsageSpend(account, usd));
                }
            });
            return out;
        }

        /** Receives a usage day's spends ({@link #forEachSpend}). */
        interface SpendVisitor {
            /** A generated user's spend, in USD base units (positive). */
            void spend(AccountId account, long usdUnits);

            /** A whale's spend (positive). */
            void spend(AccountId account, Amount usd);
        }

        /**
         * {@link #usage(int)}'s spends, in its order, without an amount made per generated user: the runner
         * prices some ten thousand spends a day from their base units.
         */
        void forEachSpend(int usageDay, SpendVisitor visitor) {
            checkDay(scenario, "usageDay", usageDay);
            if (launch.users().isEmpty()) {
                return;
            }
            UsageModel model = launch.users().get();
            long minUnits = model.minDailySpend().units().longValueExact();
            long span = model.maxDailySpend().units().longValueExact() - minUnits + 1;
            SplittableRandom users = SeedStreams.forLaunch(scenario.seed(), SeedStreams.USERS, index, usageDay);
            int n = population(usageDay);
            for (int i = 0; i < n; i++) {
                int activity = users.nextInt(UsageModel.PPM);
                long spend = minUnits + users.nextLong(span);
                if (activity < model.activePpm() && spend > 0) {
                    visitor.spend(userIds[i], spend);
                }
            }
            SplittableRandom whales = SeedStreams.forLaunch(scenario.seed(), SeedStreams.WHALES, index, usageDay);
            for (UsageModel.Whale w : model.whales()) {
                int activity = whales.nextInt(UsageModel.PPM);
                if (usageDay >= w.fromDay() && usageDay <= w.toDay() && activity < w.activePpm()) {
                    visitor.spend(w.id(), w.dailySpend());
                }
            }
        }

        /**
         * Returns the stakes of a simulated day, in file order.
         *
         * @param day the simulated day
         * @return the stakes
         * @throws InvalidArgumentException if the day is out of range
         */
        public List<StakeAction> stakes(int day) {
            checkDay(scenario, "day", day);
            List<StakeAction> out = new ArrayList<>();
            for (StakeAction s : launch.stakers()) {
                if (s.day() + launch.startDay() == day) {
                    out.add(s);
                }
            }
            return out;
        }

        private List<SupporterBuy> drawBuys() {
            List<SupporterBuy> out = new ArrayList<>();
            Supporters supporters = launch.supporters();
            int start = launch.startDay();
            List<Supporters.Supporter> named = supporters instanceof Supporters.Listed listed ? listed.supporters()
                    : ((Supporters.Generated) supporters).listed();
            for (Supporters.Supporter sup : named) {
                for (Supporters.Buy b : sup.buys()) {
                    out.add(new SupporterBuy(start + b.day(), sup.id(), b.flock()));
                }
            }
            if (supporters instanceof Supporters.Generated g) {
                SplittableRandom rng = SeedStreams.forLaunch(scenario.seed(), SeedStreams.SUPPORTERS, index, 0);
                TreeMap<Integer, BigDecimal> weights = new TreeMap<>();
                int[] days = new int[g.count()];
                for (int i = 0; i < g.count(); i++) {
                    weights.put(i, BigDecimal.valueOf(1L + rng.nextInt(100)));
                    days[i] = rng.nextInt(g.days());
                }
                Allocation<Integer> shares = ProRata.allocate(g.totalFlock(), weights, ProRata.Method.LARGEST_REMAINDER);
                int width = Integer.toString(Math.max(g.count() - 1, 0)).length();
                for (int i = 0; i < g.count(); i++) {
                    Amount share = shares.shareOf(i);
                    if (share.isPositive()) {
                        out.add(new SupporterBuy(start + days[i], AccountId.of(g.idPrefix() + "-" + pad(i, width)),
                                share));
                    }
                }
            }
            // Stable: same-day buys keep file (or index) order.
            out.sort((a, b) -> Integer.compare(a.day(), b.day()));
            return out;
        }

        private AccountId[] userIds() {
            if (launch.users().isEmpty()) {
                return new AccountId[0];
            }
            UsageModel model = launch.users().get();
            long most = 0;
            for (long p : populationMicro) {
                most = Math.max(most, p / MICRO);
            }
            AccountId[] ids = new AccountId[Math.toIntExact(most)];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = model.userId(i);
            }
            return ids;
        }

        private long[] population() {
            long[] pop = new long[scenario.days()];
            if (launch.users().isEmpty()) {
                return pop;
            }
            UsageModel m = launch.users().get();
            long cap = m.maxCount() * MICRO;
            long p = m.count() * MICRO;
            for (int k = 0; k < pop.length; k++) {
                pop[k] = p;
                p = Math.min(cap, p + p * m.growthPpm() / MICRO);
            }
            return pop;
        }
    }

    private static String pad(int i, int width) {
        StringBuilder b = new StringBuilder(Integer.toString(i));
        while (b.length() < width) {
            b.insert(0, '0');
        }
        return b.toString();
    }
}
