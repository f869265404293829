package io.fomo.examples.run;

import io.fomo.core.engine.Command;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.examples.scenario.Launch;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What agents do on a simulated day besides the scenario's scheduled actions: trader populations, profit
 * taking, issuer sales, and the like. The runner calls every behaviour once a day, after the day's
 * scheduled buys, locks and stakes and before the day's usage, in the order they were given
 * ({@link EngineScenarioRunner#EngineScenarioRunner(java.util.function.Supplier)}).
 *
 * <p>A behaviour must be deterministic: its only randomness comes from {@link Day#random(long)}, seeded by
 * the run's seed. It may keep state across days (a new instance for each run); it must not share state
 * between runs.
 */
@FunctionalInterface
public interface DailyBehaviour {

    /**
     * Acts on one day.
     *
     * @param day what the behaviour may read and do that day
     */
    void act(Day day);

    /** What a behaviour sees and may do on one day. */
    interface Day {

        /**
         * Returns the simulated day.
         *
         * @return the day, from 0
         */
        int day();

        /**
         * Returns the scenario's launches, in order.
         *
         * @return the launches
         */
        List<Launch> launches();

        /**
         * Returns the engine, to read its state (balances, pools, launches). Commands go through
         * {@link #submit(Command)}, never to the engine directly.
         *
         * @return the engine
         */
        FomoProtocol protocol();

        /**
         * Submits a command; a rejection by the protocol is counted in the day's rejected actions and the run
         * goes on.
         *
         * @param command the command
         * @return true when the protocol accepted it
         */
        boolean submit(Command command);

        /**
         * Deposits the FLOCK an account lacks of an amount ("arriving from outside"), as the scheduled buys do.
         *
         * @param account the account
         * @param flock   the FLOCK it needs to hold
         */
        void depositFlock(AccountId account, Amount flock);

        /**
         * Returns a random stream of this day for a purpose, derived from the run's seed only.
         *
         * @param purpose from {@link SeedStreams#FIRST_FREE} to {@code SeedStreams.LAUNCH_STRIDE − 1}
         * @return a fresh generator
         */
        SplittableRandom random(long purpose);
    }
}
