package io.fomo.examples.simulate;

import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.revenue.RevenueWeights;
import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One simulation scenario, as read from a scenario file by {@link ScenarioParser}: a launch, its
 * supporters, a usage model, stakers and gmFLOCK lockers, a FLOCK price path, costs, the emission
 * schedule and α, over a number of days. The file format is documented in docs/scenarios.md.
 *
 * <p>Day numbers are simulated days counted from the day the launch opens (day 0); day {@code d} covers
 * the seconds {@code [d·86,400, (d+1)·86,400)} after the opening. Usage days count from the day the
 * deployment goes live.
 *
 * <p>A scenario remembers where each of its values was written, so that a later rejection by the
 * protocol model can still be reported at the file, line and JSON path: {@link #error(String, String)}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Scenario {

    /** The format tag a scenario file may carry in its {@code format} field. */
    public static final String FORMAT = "fomo-scenario/1";
    /** The most days a scenario may simulate (ten years). */
    public static final int MAX_DAYS = 3_650;

    private final SourceJson source;
    private final String name;
    private final String description;
    private final int days;
    private final long seed;
    private final LaunchSettings launch;
    private final PricingSettings pricing;
    private final Supporters supporters;
    private final UsageModel users;
    private final List<StakeAction> stakers;
    private final List<LockAction> lockers;
    private final FlockPricePath flockPrice;
    private final Amount hardCostsPerDay;
    private final EmissionSchedule emission;
    private final BigDecimal alpha;
    private final RevenueWeights revenueWeights;
    private final UsageLogSettings usageLog;

    Scenario(SourceJson source, String name, String description, int days, long seed, LaunchSettings launch,
            PricingSettings pricing, Supporters supporters, UsageModel users, List<StakeAction> stakers,
            List<LockAction> lockers, FlockPricePath flockPrice, Amount hardCostsPerDay, EmissionSchedule emission,
            BigDecimal alpha, RevenueWeights revenueWeights, UsageLogSettings usageLog) {
        this.source = Objects.requireNonNull(source, "source");
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
        this.days = checkDays(days);
        this.seed = seed;
        this.launch = Objects.requireNonNull(launch, "launch");
        this.pricing = Objects.requireNonNull(pricing, "pricing");
        this.supporters = Objects.requireNonNull(supporters, "supporters");
        this.users = users;
        this.stakers = List.copyOf(stakers);
        this.lockers = List.copyOf(lockers);
        this.flockPrice = Objects.requireNonNull(flockPrice, "flockPrice");
        this.hardCostsPerDay = Objects.requireNonNull(hardCostsPerDay, "hardCostsPerDay");
        this.emission = Objects.requireNonNull(emission, "emission");
        this.alpha = Objects.requireNonNull(alpha, "alpha");
        this.revenueWeights = Objects.requireNonNull(revenueWeights, "revenueWeights");
        this.usageLog = usageLog;
    }

    private static int checkDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw InvalidArgumentException.of("days", days, "must be from 1 to " + MAX_DAYS);
        }
        return days;
    }

    /**
     * Returns the scenario file as the user named it.
     *
     * @return the file name used in messages
     */
    public String file() {
        return source.file();
    }

    /**
     * Returns the scenario's name: letters, digits, {@code - _ .}; it names the default output folder.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the description, if the file has one.
     *
     * @return the description
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * Returns the number of simulated days.
     *
     * @return 1 to {@value #MAX_DAYS}
     */
    public int days() {
        return days;
    }

    /**
     * Returns the seed of every random draw of the scenario.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the launch.
     *
     * @return the launch settings
     */
    public LaunchSettings launch() {
        return launch;
    }

    /**
     * Returns the inference pricing.
     *
     * @return the pricing settings
     */
    public PricingSettings pricing() {
        return pricing;
    }

    /**
     * Returns the supporters of the launch.
     *
     * @return listed or generated supporters
     */
    public Supporters supporters() {
        return supporters;
    }

    /**
     * Returns the usage model.
     *
     * @return the model, or empty when nobody uses the deployment
     */
    public Optional<UsageModel> users() {
        return Optional.ofNullable(users);
    }

    /**
     * Returns the MT stakes, in file order.
     *
     * @return the stakes
     */
    public List<StakeAction> stakers() {
        return stakers;
    }

    /**
     * Returns the gmFLOCK locks, in file order.
     *
     * @return the locks
     */
    public List<LockAction> lockers() {
        return lockers;
    }

    /**
     * Returns the FLOCK price path.
     *
     * @return the path
     */
    public FlockPricePath flockPrice() {
        return flockPrice;
    }

    /**
     * Returns the hard operating costs paid from each live day's gross revenue.
     *
     * @return USD per day
     */
    public Amount hardCostsPerDay() {
        return hardCostsPerDay;
    }

    /**
     * Returns the FLOCK emission schedule (the SDK default when the file has none).
     *
     * @return the schedule, time in seconds from the launch's opening
     */
    public EmissionSchedule emission() {
        return emission;
    }

    /**
     * Returns α of the global staking factor (the SDK default when the file has none).
     *
     * @return α, from 0 to 1
     */
    public BigDecimal alpha() {
        return alpha;
    }

    /**
     * Returns the revenue routing weights (the SDK defaults when the file has none).
     *
     * @return the weights
     */
    public RevenueWeights revenueWeights() {
        return revenueWeights;
    }

    /**
     * Returns the usage log that drives the scenario's usage instead of synthetic users.
     *
     * @return the log's settings, empty for a scenario with synthetic users (or none)
     */
    public Optional<UsageLogSettings> usageLog() {
        return Optional.ofNullable(usageLog);
    }

    /**
     * Returns this scenario with another seed (the command line's {@code --seed}).
     *
     * @param newSeed the seed
     * @return the scenario
     */
    public Scenario withSeed(long newSeed) {
        return new Scenario(source, name, description, days, newSeed, launch, pricing, supporters, users, stakers,
                lockers, flockPrice, hardCostsPerDay, emission, alpha, revenueWeights, usageLog);
    }

    /**
     * Returns this scenario with another number of days (the command line's {@code --days}); actions
     * dated on or after the new last day are never reached.
     *
     * @param newDays 1 to {@value #MAX_DAYS}
     * @return the scenario
     * @throws InvalidArgumentException if out of range
     */
    public Scenario withDays(int newDays) {
        return new Scenario(source, name, description, newDays, seed, launch, pricing, supporters, users, stakers,
                lockers, flockPrice, hardCostsPerDay, emission, alpha, revenueWeights, usageLog);
    }

    /**
     * Returns an error located in the scenario file, for a value the protocol model rejects after
     * parsing (for example the engine's launch parameters). The location is the value at the path, or
     * its nearest ancestor that the file contains.
     *
     * @param path    the JSON path, such as {@code $.launch.maxTarget}
     * @param problem what was expected and found
     * @return the error, to be thrown by the caller
     */
    public ScenarioException error(String path, String problem) {
        return source.error(Objects.requireNonNull(path, "path"), Objects.requireNonNull(problem, "problem"));
    }

    /**
     * Returns an error located in the scenario file, caused by the model's rejection.
     *
     * @param path  the JSON path, such as {@code $.launch.maxTarget}
     * @param cause the model's error; the problem is {@code "rejected by the model: <its message>"}, as for
     *              the model checks made while parsing
     * @return the error, to be thrown by the caller
     */
    public ScenarioException error(String path, RuntimeException cause) {
        Objects.requireNonNull(cause, "cause");
        return source.error(Objects.requireNonNull(path, "path"), "rejected by the model: " + cause.getMessage(), cause);
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ", " + days + " days, seed " + seed + ", " + file() + "]";
    }
}
