package io.fomo.core.staking;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The open gmFLOCK locks, their owners' gmFLOCK balances, and the withdrawal fees collected
 * (FOMO-SPEC §3.5).
 *
 * <p>A book is a value: {@link #lock} and {@link #withdraw} return a new book; a rejected command throws
 * and leaves this book as it was. gmFLOCK is minted when FLOCK is locked and burned when the lock is
 * withdrawn [DEFAULT: the docs say gmFLOCK is received at once and say nothing of its fate at
 * withdrawal; burning it keeps gmFLOCK backed by locked FLOCK].
 *
 * <p>This class is immutable and thread-safe.
 */
public final class GmFlockBook {

    private final GmFlockTerms terms;
    private final Map<EventId, GmFlockLock> locks;
    private final Map<AccountId, Amount> balances;
    private final Amount totalLocked;
    private final Amount feesCollected;

    private GmFlockBook(GmFlockTerms terms, Map<EventId, GmFlockLock> locks, Map<AccountId, Amount> balances,
            Amount totalLocked, Amount feesCollected) {
        this.terms = terms;
        this.locks = locks;
        this.balances = balances;
        this.totalLocked = totalLocked;
        this.feesCollected = feesCollected;
    }

    /**
     * Returns an empty book.
     *
     * @param terms the exchange terms
     * @return the book
     */
    public static GmFlockBook empty(GmFlockTerms terms) {
        return new GmFlockBook(Objects.requireNonNull(terms, "terms"), Map.of(), Map.of(), Amount.zero(Asset.FLOCK),
                Amount.zero(Asset.FLOCK));
    }

    /**
     * Locks FLOCK and mints gmFLOCK to the owner.
     *
     * @param id       the lock id, new to the book
     * @param owner    the owner
     * @param flock    the FLOCK locked, positive
     * @param lockDays whole days, 1 to the terms' maximum
     * @param now      the start of the lock
     * @return the new book
     * @throws InvalidArgumentException if the amount or the days are invalid
     * @throws InvalidStateException    if a lock with this id exists
     */
    public GmFlockBook lock(EventId id, AccountId owner, Amount flock, int lockDays, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        Amount gm = terms.mint(flock, lockDays);
        if (locks.containsKey(id)) {
            throw InvalidStateException.of("lockId", id, "a lock with this id already exists");
        }
        Map<EventId, GmFlockLock> nextLocks = new TreeMap<>(locks);
        nextLocks.put(id, new GmFlockLock(id, owner, flock, gm, lockDays, now));
        Map<AccountId, Amount> nextBalances = new TreeMap<>(balances);
        nextBalances.merge(owner, gm, Amount::plus);
        return new GmFlockBook(terms, Collections.unmodifiableMap(nextLocks),
                Collections.unmodifiableMap(nextBalances), totalLocked.plus(flock), feesCollected);
    }

    /**
     * Adds a lock exactly as it was decided (a fold of the journal's facts): nothing is computed from the
     * terms.
     *
     * @param id       the lock id
     * @param owner    its owner
     * @param flock    the FLOCK locked
     * @param gmFlock  the gmFLOCK it minted
     * @param lockDays its days
     * @param start    its start
     * @return the new book
     * @throws InvalidStateException if a lock with this id exists
     */
    public GmFlockBook withLock(EventId id, AccountId owner, Amount flock, Amount gmFlock, int lockDays,
            Instant start) {
        if (locks.containsKey(Objects.requireNonNull(id, "id"))) {
            throw InvalidStateException.of("lockId", id, "a lock with this id already exists");
        }
        Map<EventId, GmFlockLock> nextLocks = new TreeMap<>(locks);
        nextLocks.put(id, new GmFlockLock(id, owner, flock, gmFlock, lockDays, start));
        Map<AccountId, Amount> nextBalances = new TreeMap<>(balances);
        nextBalances.merge(owner, gmFlock, Amount::plus);
        return new GmFlockBook(terms, Collections.unmodifiableMap(nextLocks),
                Collections.unmodifiableMap(nextBalances), totalLocked.plus(flock), feesCollected);
    }

    /**
     * Removes a withdrawn lock and collects the fee that was decided for it (a fold of the journal's
     * facts): nothing is computed from the terms.
     *
     * @param id  the lock id
     * @param fee the withdrawal fee collected
     * @return the new book
     * @throws InvalidStateException if there is no such lock
     */
    public GmFlockBook withoutLock(EventId id, Amount fee) {
        GmFlockLock lock = locks.get(Objects.requireNonNull(id, "id"));
        if (lock == null) {
            throw InvalidStateException.of("lockId", id, "no open lock with this id");
        }
        Map<EventId, GmFlockLock> nextLocks = new TreeMap<>(locks);
        nextLocks.remove(id);
        Map<AccountId, Amount> nextBalances = new TreeMap<>(balances);
        Amount left = nextBalances.get(lock.owner()).minus(lock.gmFlock());
        if (left.isZero()) {
            nextBalances.remove(lock.owner());
        } else {
            nextBalances.put(lock.owner(), left);
        }
        return new GmFlockBook(terms, Collections.unmodifiableMap(nextLocks),
                Collections.unmodifiableMap(nextBalances), totalLocked.minus(lock.principal()), feesCollected.plus(fee));
    }

    /**
     * Withdraws a lock after its end: the principal less the fee goes back to the owner, the lock's
     * gmFLOCK is burned.
     *
     * @param id    the lock id
     * @param owner the account asking, which must own the lock
     * @param now   the time of the withdrawal, at or after the lock's end
     * @return the withdrawal and the new book
     * @throws InvalidStateException    if there is no such lock or it has not ended
     * @throws InvalidArgumentException if the account does not own the lock
     */
    public Withdrawn withdraw(EventId id, AccountId owner, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(now, "now");
        GmFlockLock lock = locks.get(id);
        if (lock == null) {
            throw InvalidStateException.of("lockId", id, "no open lock with this id");
        }
        if (!lock.owner().equals(owner)) {
            throw InvalidArgumentException.of("owner", owner, "does not own lock " + id);
        }
        if (now.isBefore(lock.end())) {
            throw InvalidStateException.of("now", now, "lock " + id + " ends at " + lock.end());
        }
        GmFlockWithdrawal fee = terms.withdraw(lock.principal());
        GmFlockWithdrawal w = new GmFlockWithdrawal(fee.withdrawn(), fee.fee(), fee.returned(), lock.gmFlock());
        Map<EventId, GmFlockLock> nextLocks = new TreeMap<>(locks);
        nextLocks.remove(id);
        Map<AccountId, Amount> nextBalances = new TreeMap<>(balances);
        Amount left = nextBalances.get(owner).minus(lock.gmFlock());
        if (left.isZero()) {
            nextBalances.remove(owner);
        } else {
            nextBalances.put(owner, left);
        }
        GmFlockBook next = new GmFlockBook(terms, Collections.unmodifiableMap(nextLocks),
                Collections.unmodifiableMap(nextBalances), totalLocked.minus(lock.principal()),
                feesCollected.plus(w.fee()));
        return new Withdrawn(w, next);
    }

    /**
     * Returns an owner's gmFLOCK balance: the gmFLOCK of their open locks.
     *
     * @param owner the owner
     * @return the balance, zero if none
     */
    public Amount gmFlockOf(AccountId owner) {
        return balances.getOrDefault(owner, Amount.zero(GmFlockTerms.GMFLOCK));
    }

    /**
     * Returns the open locks of an owner, in id order.
     *
     * @param owner the owner
     * @return an unmodifiable list
     */
    public List<GmFlockLock> locksOf(AccountId owner) {
        return locks.values().stream().filter(l -> l.owner().equals(owner)).toList();
    }

    /**
     * Returns an open lock.
     *
     * @param id the lock id
     * @return the lock
     * @throws InvalidStateException if there is no such open lock
     */
    public GmFlockLock lockOf(EventId id) {
        GmFlockLock l = locks.get(id);
        if (l == null) {
            throw InvalidStateException.of("lockId", id, "no open lock with this id");
        }
        return l;
    }

    /**
     * Returns the FLOCK in open locks.
     *
     * @return the total locked
     */
    public Amount totalLocked() {
        return totalLocked;
    }

    /**
     * Returns the withdrawal fees collected so far.
     *
     * @return the fees
     */
    public Amount feesCollected() {
        return feesCollected;
    }

    /**
     * Returns the terms.
     *
     * @return the terms
     */
    public GmFlockTerms terms() {
        return terms;
    }

    @Override
    public String toString() {
        return "GmFlockBook[locks=" + locks.size() + ", totalLocked=" + totalLocked + ", balances=" + balances + "]";
    }

    /**
     * Returns every open lock, by id.
     *
     * @return an unmodifiable sorted copy
     */
    public java.util.SortedMap<EventId, GmFlockLock> locks() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(locks));
    }

    /**
     * Restores a book from its open locks and the withdrawal fees collected, as a snapshot of the engine's
     * state holds them. Each lock's gmFLOCK must be what the terms mint for its principal and length.
     *
     * @param terms the terms
     * @param open  the open locks, ids distinct
     * @param fees  the withdrawal fees collected so far, in FLOCK
     * @return the book
     * @throws NullPointerException     if an argument or an element is null
     * @throws InvalidArgumentException if two locks share an id, or a lock's gmFLOCK is not the terms'
     * @throws io.fomo.spi.AssetMismatchException if the fees are not in the locked asset
     */
    public static GmFlockBook restore(GmFlockTerms terms, java.util.Collection<GmFlockLock> open, Amount fees) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(fees, "fees");
        GmFlockBook empty = empty(terms);
        empty.feesCollected.requireSameAsset("fees", fees);
        Map<EventId, GmFlockLock> nextLocks = new TreeMap<>();
        Map<AccountId, Amount> nextBalances = new TreeMap<>();
        Amount locked = empty.totalLocked;
        for (GmFlockLock l : open) {
            Objects.requireNonNull(l, "open element");
            Amount gm = terms.mint(l.principal(), l.lockDays());
            if (!gm.equals(l.gmFlock())) {
                throw InvalidArgumentException.of("open." + l.id() + ".gmFlock", l.gmFlock(),
                        "the terms mint " + gm + " for " + l.principal() + " over " + l.lockDays() + " days");
            }
            if (nextLocks.put(l.id(), l) != null) {
                throw InvalidArgumentException.of("open", l.id(), "two locks have this id");
            }
            nextBalances.merge(l.owner(), gm, Amount::plus);
            locked = locked.plus(l.principal());
        }
        return new GmFlockBook(terms, Collections.unmodifiableMap(nextLocks),
                Collections.unmodifiableMap(nextBalances), locked, fees);
    }

    /**
     * A withdrawal and the book after it.
     *
     * <p>This class is immutable and thread-safe.
     */
    public static final class Withdrawn {
        private final GmFlockWithdrawal withdrawal;
        private final GmFlockBook book;

        Withdrawn(GmFlockWithdrawal withdrawal, GmFlockBook book) {
            this.withdrawal = withdrawal;
            this.book = book;
        }

        /**
         * Returns the withdrawal.
         *
         * @return the fee, the amount returned and the gmFLOCK burned
         */
        public GmFlockWithdrawal withdrawal() {
            return withdrawal;
        }

        /**
         * Returns the book after the withdrawal.
         *
         * @return the new book
         */
        public GmFlockBook book() {
            return book;
        }
    }
}
