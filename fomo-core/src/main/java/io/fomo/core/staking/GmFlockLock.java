package io.fomo.core.staking;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import java.time.Instant;
import java.util.Objects;

/**
 * One FLOCK lock and the gmFLOCK it minted: the owner, the principal, the days, the start and the end
 * (start + days x 86,400 s). Withdrawal is possible from the end on.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class GmFlockLock {

    private final EventId id;
    private final AccountId owner;
    private final Amount principal;
    private final Amount gmFlock;
    private final int lockDays;
    private final Instant start;
    private final Instant end;

    GmFlockLock(EventId id, AccountId owner, Amount principal, Amount gmFlock, int lockDays, Instant start) {
        this.id = id;
        this.owner = owner;
        this.principal = principal;
        this.gmFlock = gmFlock;
        this.lockDays = lockDays;
        this.start = start;
        this.end = start.plusSeconds(86_400L * lockDays);
    }

    /**
     * Returns the lock id.
     *
     * @return the id
     */
    public EventId id() {
        return id;
    }

    /**
     * Returns the owner.
     *
     * @return the owner
     */
    public AccountId owner() {
        return owner;
    }

    /**
     * Returns the FLOCK locked.
     *
     * @return the principal
     */
    public Amount principal() {
        return principal;
    }

    /**
     * Returns the gmFLOCK minted at the start.
     *
     * @return the gmFLOCK
     */
    public Amount gmFlock() {
        return gmFlock;
    }

    /**
     * Returns the lock length.
     *
     * @return whole days
     */
    public int lockDays() {
        return lockDays;
    }

    /**
     * Returns when the lock started.
     *
     * @return the start
     */
    public Instant start() {
        return start;
    }

    /**
     * Returns when the lock ends: withdrawal is allowed at and after this instant.
     *
     * @return the end
     */
    public Instant end() {
        return end;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GmFlockLock l && l.id.equals(id) && l.owner.equals(owner)
                && l.principal.equals(principal) && l.gmFlock.equals(gmFlock) && l.lockDays == lockDays
                && l.start.equals(start);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, owner, principal, gmFlock, lockDays, start);
    }

    @Override
    public String toString() {
        return "GmFlockLock[" + id + ", " + owner + ", " + principal + " -> " + gmFlock + ", " + lockDays + "d, "
                + start + " .. " + end + "]";
    }

    /**
     * Restores a lock, as a snapshot of the engine's state holds it; {@link GmFlockBook#restore} checks its
     * gmFLOCK against the terms.
     *
     * @param id        the lock id
     * @param owner     the owner
     * @param principal the FLOCK locked
     * @param gmFlock   the gmFLOCK minted for it
     * @param lockDays  the length in days, 1 or more
     * @param start     when it started
     * @return the lock
     * @throws NullPointerException     if an argument is null
     * @throws InvalidArgumentException if {@code lockDays} is below 1
     */
    public static GmFlockLock restore(EventId id, AccountId owner, Amount principal, Amount gmFlock, int lockDays,
            Instant start) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(gmFlock, "gmFlock");
        Objects.requireNonNull(start, "start");
        if (lockDays < 1) {
            throw InvalidArgumentException.of("lockDays", lockDays, "must be 1 or more");
        }
        return new GmFlockLock(id, owner, principal, gmFlock, lockDays, start);
    }
}
