package io.fomo.examples.report;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a run of a scenario produced: one {@link DailyRow} per simulated day and deployment, the FLOCK rewards each
 * account earned over the run, the number of events journaled, and the engine's final state hash.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SimulationResult {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final List<DailyRow> rows;
    private final Map<DeploymentId, List<DailyRow>> byDeployment;
    private final Map<AccountId, Amount> flockRewards;
    private final long events;
    private final String stateHash;
    private final String headHash;

    /**
     * Returns a result.
     *
     * @param rows         one row per day and deployment, by day then deployment, from day 0, consecutive
     * @param flockRewards the FLOCK each account earned (claimable), all FLOCK
     * @param events       the number of events appended to the journal, not negative
     * @param stateHash    the engine's state hash after the last day: 64 lowercase hex digits
     * @throws InvalidArgumentException if the rows are empty or not consecutive from day 0, a reward is
     *                                  not FLOCK, the event count is negative, or the hash is malformed
     */
    public SimulationResult(List<DailyRow> rows, Map<AccountId, Amount> flockRewards, long events, String stateHash) {
        this(rows, flockRewards, events, stateHash, null);
    }

    /**
     * Returns a result with the head of the journal's hash chain.
     *
     * @param rows         one row per day and deployment, by day then deployment, from day 0, consecutive
     * @param flockRewards the FLOCK each account earned (claimable), all FLOCK
     * @param events       the number of events appended to the journal, not negative
     * @param stateHash    the engine's state hash after the last day: 64 lowercase hex digits
     * @param headHash     the journal's head hash after the last day (64 lowercase hex digits), or null
     * @throws InvalidArgumentException if the rows are empty or not consecutive from day 0, a reward is
     *                                  not FLOCK, the event count is negative, or a hash is malformed
     */
    public SimulationResult(List<DailyRow> rows, Map<AccountId, Amount> flockRewards, long events, String stateHash,
            String headHash) {
        List<DailyRow> copy = List.copyOf(rows);
        if (copy.isEmpty()) {
            throw InvalidArgumentException.of("rows", "[]", "a run has at least one day");
        }
        LinkedHashMap<DeploymentId, List<DailyRow>> byDeployment = new LinkedHashMap<>();
        int previousDay = 0;
        for (int i = 0; i < copy.size(); i++) {
            DailyRow r = copy.get(i);
            List<DailyRow> own = byDeployment.computeIfAbsent(r.deployment(), d -> new ArrayList<>());
            if (r.day() != own.size() || r.day() < previousDay) {
                throw InvalidArgumentException.of("rows[" + i + "].day", r.day(), "must be " + own.size()
                        + " for " + r.deployment() + " (rows by day, then deployment, consecutive from day 0)");
            }
            previousDay = r.day();
            own.add(r);
        }
        for (Map.Entry<DeploymentId, List<DailyRow>> e : byDeployment.entrySet()) {
            if (e.getValue().size() != byDeployment.values().iterator().next().size()) {
                throw InvalidArgumentException.of("rows", e.getKey(), "every deployment has a row every day");
            }
            e.setValue(List.copyOf(e.getValue()));
        }
        this.byDeployment = Collections.unmodifiableMap(byDeployment);
        TreeMap<AccountId, Amount> rewards = new TreeMap<>();
        for (Map.Entry<AccountId, Amount> e : flockRewards.entrySet()) {
            Amount a = Objects.requireNonNull(e.getValue(), "flockRewards value");
            if (!a.asset().equals(Asset.FLOCK)) {
                throw InvalidArgumentException.of("flockRewards[" + e.getKey() + "]", a, "must be FLOCK");
            }
            rewards.put(Objects.requireNonNull(e.getKey(), "flockRewards key"), a);
        }
        if (events < 0) {
            throw InvalidArgumentException.of("events", events, "must not be negative");
        }
        Objects.requireNonNull(stateHash, "stateHash");
        if (!HASH.matcher(stateHash).matches()) {
            throw InvalidArgumentException.of("stateHash", '"' + stateHash + '"', "must be 64 lowercase hex digits");
        }
        if (headHash != null && !HASH.matcher(headHash).matches()) {
            throw InvalidArgumentException.of("headHash", '"' + headHash + '"', "must be 64 lowercase hex digits");
        }
        this.headHash = headHash;
        this.rows = copy;
        this.flockRewards = Collections.unmodifiableMap(rewards);
        this.events = events;
        this.stateHash = stateHash;
    }

    /**
     * Returns the daily rows: one per day and deployment, by day, then deployment in the scenario's order.
     *
     * @return the rows, from day 0
     */
    public List<DailyRow> rows() {
        return rows;
    }

    /**
     * Returns the deployments of the run, in the scenario's order.
     *
     * @return the deployments, at least one
     */
    public List<DeploymentId> deployments() {
        return List.copyOf(byDeployment.keySet());
    }

    /**
     * Returns the daily rows of one deployment.
     *
     * @param deployment one of {@link #deployments()}
     * @return one row per day, from day 0
     * @throws InvalidArgumentException if the run has no such deployment
     */
    public List<DailyRow> rows(DeploymentId deployment) {
        List<DailyRow> own = byDeployment.get(Objects.requireNonNull(deployment, "deployment"));
        if (own == null) {
            throw InvalidArgumentException.of("deployment", deployment, "is not one of " + byDeployment.keySet());
        }
        return own;
    }

    /**
     * Returns the number of simulated days.
     *
     * @return the days, at least one
     */
    public int days() {
        return byDeployment.values().iterator().next().size();
    }

    /**
     * Returns the row of the last day of the first deployment (the only one of a single launch).
     *
     * @return the last row
     */
    public DailyRow last() {
        List<DailyRow> first = byDeployment.values().iterator().next();
        return first.get(first.size() - 1);
    }

    /**
     * Returns the FLOCK each account earned over the run.
     *
     * @return rewards by account, in account order
     */
    public Map<AccountId, Amount> flockRewards() {
        return flockRewards;
    }

    /**
     * Returns the number of events the run appended to the journal.
     *
     * @return the count
     */
    public long events() {
        return events;
    }

    /**
     * Returns the engine's state hash after the last day.
     *
     * @return 64 lowercase hex digits
     */
    public String stateHash() {
        return stateHash;
    }

    /**
     * Returns the head of the journal's hash chain after the last day, when the run recorded it.
     *
     * @return 64 lowercase hex digits, or empty
     */
    public java.util.Optional<String> headHash() {
        return java.util.Optional.ofNullable(headHash);
    }
}
