package io.fomo.examples.scenario;

import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.revenue.RevenueWeights;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One simulation scenario, as read from a scenario file by {@link ScenarioParser}: one launch or a
 * platform of several (each with its supporters, usage, stakers and costs), gmFLOCK lockers, a FLOCK price
 * path, the emission schedule shared by every deployment, and α, over a number of days. The file format is documented in docs/scenarios.md.
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
    private final List<Launch> launches;
    private final List<LockAction> lockers;
    private final FlockPricePath flockPrice;
    private final EmissionSchedule emission;
    private final BigDecimal alpha;
    private final RevenueWeights revenueWeights;

    Scenario(SourceJson source, String name, String description, int days, long seed, List<Launch> launches,
            List<LockAction> lockers, FlockPricePath flockPrice, EmissionSchedule emission, BigDecimal alpha,
            RevenueWeights revenueWeights) {
        this.source = Objects.requireNonNull(source, "source");
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
        this.days = checkDays(days);
        this.seed = seed;
        this.launches = List.copyOf(launches);
        if (this.launches.isEmpty()) {
            throw InvalidArgumentException.of("launches", "[]", "a scenario has at least one launch");
        }
        this.lockers = List.copyOf(lockers);
        this.flockPrice = Objects.requireNonNull(flockPrice, "flockPrice");
        this.emission = Objects.requireNonNull(emission, "emission");
        this.alpha = Objects.requireNonNull(alpha, "alpha");
        this.revenueWeights = Objects.requireNonNull(revenueWeights, "revenueWeights");
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
     * Returns the launches, in file order: one for the single-launch form ({@code "launch"}), one per entry
     * of {@code "launches"} for a platform. Deployments are distinct.
     *
     * @return the launches, at least one
     */
    public List<Launch> launches() {
        return launches;
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
     * Returns this scenario with another seed (the command line's {@code --seed}).
     *
     * @param newSeed the seed
     * @return the scenario
     */
    public Scenario withSeed(long newSeed) {
        return new Scenario(source, name, description, days, newSeed, launches, lockers, flockPrice, emission, alpha,
                revenueWeights);
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
        return new Scenario(source, name, description, newDays, seed, launches, lockers, flockPrice, emission, alpha,
                revenueWeights);
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

    /**
     * Returns an error located at a launch of the scenario, caused by the model's rejection: at the launch
     * field the model's message names ({@code "minTarget = ...: ..."}), else at the launch object.
     *
     * @param launch the launch, one of {@link #launches()}
     * @param cause  the model's error
     * @return the error, to be thrown by the caller
     */
    public ScenarioException launchError(Launch launch, RuntimeException cause) {
        Objects.requireNonNull(launch, "launch");
        String field = ScenarioParser.launchField(Objects.requireNonNull(cause, "cause").getMessage());
        return error(field == null ? launch.path() : launch.path(field), cause);
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ", " + days + " days, seed " + seed + ", " + file() + "]";
    }
}
