package io.fomo.examples.simulate;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a run of a scenario produced: one {@link DailyRow} per simulated day, the FLOCK rewards each
 * account earned over the run, the number of events journaled, and the engine's final state hash.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SimulationResult {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final List<DailyRow> rows;
    private final Map<AccountId, Amount> flockRewards;
    private final long events;
    private final String stateHash;
    private final String headHash;

    /**
     * Returns a result.
     *
     * @param rows         one row per day, from day 0, consecutive
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
     * @param rows         one row per day, from day 0, consecutive
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
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).day() != i) {
                throw InvalidArgumentException.of("rows[" + i + "].day", copy.get(i).day(), "must be " + i);
            }
        }
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
     * Returns the daily rows.
     *
     * @return one row per day, from day 0
     */
    public List<DailyRow> rows() {
        return rows;
    }

    /**
     * Returns the row of the last day.
     *
     * @return the last row
     */
    public DailyRow last() {
        return rows.get(rows.size() - 1);
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
