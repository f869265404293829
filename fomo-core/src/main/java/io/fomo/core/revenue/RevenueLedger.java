package io.fomo.core.revenue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The usage revenue of the open epoch, per deployment, and the rules for accepting payments and closing
 * the epoch (FOMO-SPEC §3.1).
 *
 * <p>A ledger is a value: {@link #register}, {@link #record} and {@link #closeEpoch} return a new
 * ledger and never change this one, so a rejected command leaves the caller holding the previous state
 * untouched.
 *
 * <p><b>Accepting a payment.</b> Checked in this order, the first failure wins:
 * <ol>
 *   <li>the asset is one of the accepted assets (default USD and USDC, at par) — else
 *       {@link PaymentRejection#WRONG_ASSET};</li>
 *   <li>the amount is positive — else {@link PaymentRejection#BAD_AMOUNT};</li>
 *   <li>the deployment is registered — else {@link PaymentRejection#UNKNOWN_DEPLOYMENT};</li>
 *   <li>the id was never accepted before — else {@link PaymentRejection#DUPLICATE_ID};</li>
 *   <li>the time is in the open epoch — else {@link PaymentRejection#EPOCH_CLOSED} (earlier) or
 *       {@link PaymentRejection#EPOCH_NOT_OPEN} (later: close the open epoch first).</li>
 * </ol>
 *
 * <p><b>Routing the sum.</b> Closing the epoch routes each deployment's gross for the epoch once, less
 * that epoch's hard costs, through the {@link RevenueRouter}. Routing the sum (rather than each payment)
 * makes the result independent of how usage is chunked into payments, lets costs be netted against the
 * day's revenue as the spec orders, and keeps the dust to at most 3 base units per deployment and epoch.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RevenueLedger {

    private final RevenueRouter router;
    private final EpochCalendar calendar;
    private final Asset revenueAsset;
    private final Set<Asset> accepted;
    private final long epoch;
    private final SortedSet<DeploymentId> deployments;
    /**
     * Each registered deployment's place in {@link #gross} and {@link #counts}, shared by every ledger until the
     * next registration: a payment copies two arrays as short as the list of deployments instead of two maps.
     */
    private final Map<DeploymentId, Integer> slots;
    /** The open epoch's gross per slot; null where no payment was accepted. */
    private final Amount[] gross;
    /** The open epoch's number of payments per slot. */
    private final int[] counts;
    private final SeenPayments seen;

    private RevenueLedger(RevenueRouter router, EpochCalendar calendar, Asset revenueAsset, Set<Asset> accepted,
            long epoch, SortedSet<DeploymentId> deployments, Map<DeploymentId, Integer> slots, Amount[] gross,
            int[] counts, SeenPayments seen) {
        this.router = router;
        this.calendar = calendar;
        this.revenueAsset = revenueAsset;
        this.accepted = accepted;
        this.epoch = epoch;
        this.deployments = deployments;
        this.slots = slots;
        this.gross = gross;
        this.counts = counts;
        this.seen = seen;
    }

    /**
     * Starts a builder with the defaults: default router, daily calendar, revenue in USD, USD and USDC
     * accepted, epoch 0 open.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers a deployment, so that payments for it are accepted.
     *
     * @param deployment the deployment
     * @return the new ledger
     * @throws InvalidStateException if it is already registered
     */
    public RevenueLedger register(DeploymentId deployment) {
        Objects.requireNonNull(deployment, "deployment");
        if (deployments.contains(deployment)) {
            throw InvalidStateException.of("deployment", deployment, "is already registered");
        }
        TreeSet<DeploymentId> next = new TreeSet<>(deployments);
        next.add(deployment);
        Map<DeploymentId, Integer> nextSlots = new HashMap<>(slots);
        nextSlots.put(deployment, gross.length);
        return new RevenueLedger(router, calendar, revenueAsset, accepted, epoch,
                Collections.unmodifiableSortedSet(next), Collections.unmodifiableMap(nextSlots),
                java.util.Arrays.copyOf(gross, gross.length + 1), java.util.Arrays.copyOf(counts, counts.length + 1),
                seen);
    }

    /**
     * Accepts a usage payment into the open epoch.
     *
     * @param payment the payment
     * @return the new ledger
     * @throws InvalidPaymentException   if the asset is not accepted or the amount is zero
     * @throws PaymentConflictException if the deployment is unknown, the id was seen, or the time is outside
     *                                   the open epoch
     */
    public RevenueLedger record(UsagePayment payment) {
        int slot = slotIfRecordable(payment, Set.of());
        SeenPayments seenNext = seen.plusAbsent(payment.id());
        Amount inRevenueAsset = Amount.ofUnits(revenueAsset, payment.amount().units());
        Amount[] g = gross.clone();
        g[slot] = g[slot] == null ? inRevenueAsset : g[slot].plus(inRevenueAsset);
        int[] c = counts.clone();
        c[slot]++;
        return new RevenueLedger(router, calendar, revenueAsset, accepted, epoch, deployments, slots, g, c, seenNext);
    }

    /**
     * Accepts several usage payments into the open epoch at once: exactly the ledger that {@link #record}ing
     * them one by one, in list order, would give, or the error that doing so would throw first (a payment
     * whose id an earlier one in the list used is a duplicate), with nothing accepted. One ledger is built
     * for the whole list, instead of one per payment: how a day's batch of paid calls is folded.
     *
     * @param payments the payments, in order; may be empty
     * @return the new ledger ({@code this} if the list is empty)
     * @throws InvalidPaymentException   if an asset is not accepted or an amount is zero
     * @throws PaymentConflictException if a deployment is unknown, an id was seen (or used earlier in the
     *                                   list), or a time is outside the open epoch
     */
    public RevenueLedger recordAll(List<UsagePayment> payments) {
        Objects.requireNonNull(payments, "payments");
        int n = payments.size();
        if (n <= 1) {
            return n == 0 ? this : record(payments.get(0));
        }
        // Checked against this ledger in order; a failure, or an id used twice within the list, is reported
        // by recording one by one, which throws exactly the error that comes first in list order.
        EventId[] ids = new EventId[n];
        long[] sums = new long[gross.length];
        java.math.BigInteger[] bigSums = null;
        int[] c = counts.clone();
        try {
            // The ids first, all at once (SeenPayments.containsAny), then the other checks of each payment: the
            // same checks as slotIfRecordable's, and any failure sends the list the one-by-one way.
            for (int i = 0; i < n; i++) {
                ids[i] = Objects.requireNonNull(payments.get(i), "payment").id();
            }
            if (seen.containsAny(ids)) {
                return recordOneByOne(payments);
            }
            for (int i = 0; i < n; i++) {
                UsagePayment p = payments.get(i);
                int slot = slotIfAccepted(p);
                checkEpoch(p);
                c[slot]++;
                java.math.BigDecimal v = p.amount().value();
                long sum = sums[slot];
                // At most 18 digits: the units fit a long (read without building a BigInteger).
                long units = io.fomo.core.internal.LongScaling.unscaledOrMinValue(v);
                if (units != Long.MIN_VALUE && sum != Long.MIN_VALUE) {
                    long next = sum + units;
                    if (next >= 0) {
                        sums[slot] = next;
                        continue;
                    }
                }
                // Past what a long holds: this slot's sum goes on in BigInteger (Long.MIN_VALUE marks it).
                if (bigSums == null) {
                    bigSums = new java.math.BigInteger[sums.length];
                }
                bigSums[slot] = (sum == Long.MIN_VALUE ? bigSums[slot] : java.math.BigInteger.valueOf(sum))
                        .add(v.unscaledValue());
                sums[slot] = Long.MIN_VALUE;
            }
        } catch (RuntimeException e) {
            return recordOneByOne(payments);
        }
        SeenPayments seenNext = seen.plusAllAbsentOrNull(ids);
        if (seenNext == null) {
            return recordOneByOne(payments);
        }
        Amount[] g = gross.clone();
        for (int slot = 0; slot < g.length; slot++) {
            if (c[slot] == counts[slot]) {
                continue;
            }
            Amount added = Amount.ofUnits(revenueAsset, sums[slot] == Long.MIN_VALUE ? bigSums[slot]
                    : java.math.BigInteger.valueOf(sums[slot]));
            g[slot] = g[slot] == null ? added : g[slot].plus(added);
        }
        return new RevenueLedger(router, calendar, revenueAsset, accepted, epoch, deployments, slots, g, c, seenNext);
    }

    /** Records {@code payments} one by one: the reference for {@link #recordAll}, and its error path. */
    private RevenueLedger recordOneByOne(List<UsagePayment> payments) {
        RevenueLedger l = this;
        for (UsagePayment p : payments) {
            l = l.record(p);
        }
        return l;
    }

    /**
     * Checks a usage payment exactly as {@link #record} does, in the same order and with the same errors, and
     * builds nothing: for deciding several payments before any is recorded (a batch of usage calls), where
     * the ids of the payments decided before this one count as seen.
     *
     * @param payment the payment
     * @param decidedBefore the ids of payments decided earlier and not yet recorded, taken as seen
     * @throws InvalidPaymentException   if the asset is not accepted or the amount is zero
     * @throws PaymentConflictException if the deployment is unknown, the id was seen (or decided before), or
     *                                   the time is outside the open epoch
     */
    public void check(UsagePayment payment, Set<EventId> decidedBefore) {
        Objects.requireNonNull(decidedBefore, "decidedBefore");
        slotIfRecordable(payment, decidedBefore);
    }

    /** The checks of a payment; returns the deployment's slot. */
    private int slotIfRecordable(UsagePayment payment, Set<?> decidedBefore) {
        int slot = slotIfAccepted(payment);
        if (seen.contains(payment.id()) || decidedBefore.contains(payment.id())) {
            throw duplicate(payment);
        }
        checkEpoch(payment);
        return slot;
    }

    /** The checks before the id's (asset, amount, deployment); returns the deployment's slot. */
    private int slotIfAccepted(UsagePayment payment) {
        Objects.requireNonNull(payment, "payment");
        Amount amount = payment.amount();
        if (!accepted.contains(amount.asset())) {
            throw new InvalidPaymentException(PaymentRejection.WRONG_ASSET, "payment[" + payment.id() + "].amount",
                    amount, "the asset " + amount.asset() + " is not accepted (accepted: " + accepted + ")");
        }
        if (amount.isZero()) {
            throw new InvalidPaymentException(PaymentRejection.BAD_AMOUNT, "payment[" + payment.id() + "].amount",
                    amount, "must be positive");
        }
        Integer slot = slots.get(payment.deployment());
        if (slot == null) {
            throw new PaymentConflictException(PaymentRejection.UNKNOWN_DEPLOYMENT,
                    "payment[" + payment.id() + "].deployment", payment.deployment(), "is not registered");
        }
        return slot;
    }

    private static PaymentConflictException duplicate(UsagePayment payment) {
        return new PaymentConflictException(PaymentRejection.DUPLICATE_ID, "payment.id", payment.id(),
                "a payment with this id was already accepted");
    }

    /** The last check: the payment's time is in the open epoch. */
    private void checkEpoch(UsagePayment payment) {
        long at = calendar.epochOf(payment.time());
        if (at != epoch) {
            throw new PaymentConflictException(at < epoch ? PaymentRejection.EPOCH_CLOSED
                    : PaymentRejection.EPOCH_NOT_OPEN, "payment[" + payment.id() + "].time", payment.time(),
                    "falls in epoch " + at + " but the open epoch is " + epoch
                            + (at < epoch ? " (that epoch is closed)" : " (close the open epoch first)"));
        }
    }

    /** The gross of a deployment in the open epoch, or null if it has none (or is not registered). */
    private Amount grossOrNull(DeploymentId deployment) {
        Integer slot = slots.get(deployment);
        return slot == null ? null : gross[slot];
    }

    /**
     * Returns this ledger routing with another router from now on (a parameter change taking effect at an
     * epoch boundary); the open epoch, registrations and every payment id seen are kept.
     *
     * @param next the router
     * @return the new ledger
     */
    public RevenueLedger withRouter(RevenueRouter next) {
        Objects.requireNonNull(next, "router");
        return new RevenueLedger(next, calendar, revenueAsset, accepted, epoch, deployments, slots, gross, counts,
                seen);
    }

    /**
     * Closes the open epoch: routes each registered deployment's gross for the epoch, less its hard costs,
     * and opens the next epoch.
     *
     * @param hardCosts each deployment's hard operating costs for the epoch, in the revenue asset; a
     *                  deployment not in the map has none
     * @return the routed epoch and the next ledger
     * @throws InvalidArgumentException if a cost is for an unregistered deployment or in another asset
     */
    public EpochRevenue closeEpoch(Map<DeploymentId, Amount> hardCosts) {
        Objects.requireNonNull(hardCosts, "hardCosts");
        for (Map.Entry<DeploymentId, Amount> e : hardCosts.entrySet()) {
            DeploymentId d = Objects.requireNonNull(e.getKey(), "hardCosts key");
            if (!deployments.contains(d)) {
                throw InvalidArgumentException.of("hardCosts[" + d + "]", e.getValue(), "deployment is not registered");
            }
            Objects.requireNonNull(e.getValue(), "hardCosts[" + d + "]");
            if (!e.getValue().asset().equals(revenueAsset)) {
                throw new io.fomo.spi.AssetMismatchException("hardCosts[" + d + "]", revenueAsset,
                        e.getValue().asset());
            }
        }
        SortedMap<DeploymentId, RevenueSplit> splits = new TreeMap<>();
        Amount zero = Amount.zero(revenueAsset);
        for (DeploymentId d : deployments) {
            Amount g = grossOrNull(d);
            splits.put(d, router.route(g == null ? zero : g, hardCosts.getOrDefault(d, zero)));
        }
        RevenueLedger next = advance();
        return new EpochRevenue(epoch, Collections.unmodifiableSortedMap(splits), next);
    }

    /**
     * Opens the next epoch without routing anything: what {@link #closeEpoch} leaves as its next ledger
     * (registrations and every payment id seen kept, the epoch's gross and counts cleared). For a fold of
     * journaled facts, where the routing was decided and journaled already.
     *
     * @return the next epoch's ledger
     */
    public RevenueLedger advance() {
        return new RevenueLedger(router, calendar, revenueAsset, accepted, epoch + 1, deployments, slots,
                new Amount[gross.length], new int[counts.length], seen.freeze());
    }

    /**
     * Returns the open epoch.
     *
     * @return the epoch number
     */
    public long epoch() {
        return epoch;
    }

    /**
     * Returns the registered deployments.
     *
     * @return an unmodifiable sorted set
     */
    public SortedSet<DeploymentId> deployments() {
        return deployments;
    }

    /**
     * Returns a deployment's gross revenue so far in the open epoch.
     *
     * @param deployment the deployment
     * @return the gross, zero if none
     */
    public Amount grossOf(DeploymentId deployment) {
        Amount g = grossOrNull(deployment);
        return g == null ? Amount.zero(revenueAsset) : g;
    }

    /**
     * Returns the number of payments accepted for a deployment in the open epoch.
     *
     * @param deployment the deployment
     * @return the count
     */
    public int paymentCount(DeploymentId deployment) {
        Integer slot = slots.get(deployment);
        return slot == null ? 0 : counts[slot];
    }

    /**
     * Tells whether a payment id was ever accepted.
     *
     * @param id the id
     * @return true if seen
     */
    public boolean hasSeen(EventId id) {
        return seen.contains(Objects.requireNonNull(id, "id"));
    }

    /**
     * Returns the number of payments ever accepted.
     *
     * @return the count
     */
    public int paymentsAccepted() {
        return seen.size();
    }

    /**
     * Returns the router.
     *
     * @return the router
     */
    public RevenueRouter router() {
        return router;
    }

    /**
     * Returns the calendar.
     *
     * @return the calendar
     */
    public EpochCalendar calendar() {
        return calendar;
    }

    /**
     * Returns the asset revenue is booked in.
     *
     * @return the revenue asset
     */
    public Asset revenueAsset() {
        return revenueAsset;
    }

    @Override
    public String toString() {
        TreeMap<DeploymentId, Amount> g = new TreeMap<>();
        slots.forEach((d, slot) -> {
            if (gross[slot] != null) {
                g.put(d, gross[slot]);
            }
        });
        return "RevenueLedger[epoch=" + epoch + ", deployments=" + deployments + ", gross=" + g + "]";
    }

    /**
     * Builds the first {@link RevenueLedger}.
     *
     * <p>Instances are not thread-safe.
     */
    public static final class Builder {
        private RevenueRouter router = RevenueRouter.defaults();
        private EpochCalendar calendar = EpochCalendar.daily();
        private Asset revenueAsset = Asset.USD;
        private Set<Asset> accepted = Set.of(Asset.USD, Asset.USDC);
        private long epoch;

        private Builder() {
        }

        /**
         * Sets the router.
         *
         * @param value the router
         * @return this builder
         */
        public Builder router(RevenueRouter value) {
            this.router = Objects.requireNonNull(value, "router");
            return this;
        }

        /**
         * Sets the calendar.
         *
         * @param value the calendar
         * @return this builder
         */
        public Builder calendar(EpochCalendar value) {
            this.calendar = Objects.requireNonNull(value, "calendar");
            return this;
        }

        /**
         * Sets the asset revenue is booked in [DEFAULT USD, 6 decimals].
         *
         * @param value the asset
         * @return this builder
         */
        public Builder revenueAsset(Asset value) {
            this.revenueAsset = Objects.requireNonNull(value, "revenueAsset");
            return this;
        }

        /**
         * Sets the assets accepted in payment, converted at par by base units [DEFAULT USD and USDC].
         *
         * @param value the assets; each must have the revenue asset's decimals
         * @return this builder
         */
        public Builder acceptedAssets(Set<Asset> value) {
            this.accepted = Set.copyOf(Objects.requireNonNull(value, "acceptedAssets"));
            return this;
        }

        /**
         * Sets the first open epoch [DEFAULT 0].
         *
         * @param value the epoch number
         * @return this builder
         */
        public Builder openEpoch(long value) {
            this.epoch = value;
            return this;
        }

        /**
         * Builds the ledger, with no deployment registered.
         *
         * @return the ledger
         * @throws InvalidArgumentException if no asset is accepted, or an accepted asset's decimals differ
         *                                  from the revenue asset's (par conversion would not be exact)
         */
        public RevenueLedger build() {
            if (accepted.isEmpty()) {
                throw InvalidArgumentException.of("acceptedAssets", "[]", "at least one asset must be accepted");
            }
            for (Asset a : accepted) {
                if (a.decimals() != revenueAsset.decimals()) {
                    throw InvalidArgumentException.of("acceptedAssets", a, "has " + a.decimals()
                            + " decimals but the revenue asset " + revenueAsset + " has " + revenueAsset.decimals());
                }
            }
            Set<Asset> ordered = new LinkedHashSet<>();
            accepted.stream().sorted(java.util.Comparator.comparing(Asset::symbol)).forEach(ordered::add);
            return new RevenueLedger(router, calendar, revenueAsset, Collections.unmodifiableSet(ordered), epoch,
                    Collections.unmodifiableSortedSet(new TreeSet<>()), Map.of(), new Amount[0], new int[0],
                    SeenPayments.empty());
        }
    }

    /**
     * Returns the id of every payment this ledger has accepted since it was built (each id is accepted once,
     * ever), in id order.
     *
     * @return an unmodifiable sorted copy
     */
    public SortedSet<EventId> seenPayments() {
        TreeSet<EventId> out = new TreeSet<>();
        seen.forEach(out::add);
        return Collections.unmodifiableSortedSet(out);
    }

    /**
     * Restores a ledger with this ledger's router, calendar and assets and the given open epoch, as a
     * snapshot of the engine's state holds it.
     *
     * @param openEpoch   the open epoch
     * @param registered  the registered deployments
     * @param grossByDeployment the gross revenue of the open epoch, per deployment that has any
     * @param countByDeployment the number of payments of the open epoch, per deployment: the same keys
     * @param seenIds     every payment id accepted so far
     * @return the ledger
     * @throws NullPointerException     if an argument or an element is null
     * @throws InvalidArgumentException if the maps name an unregistered deployment, differ in keys, hold an
     *                                  amount of another asset or a count below 1
     */
    public RevenueLedger restore(long openEpoch, SortedSet<DeploymentId> registered,
            Map<DeploymentId, Amount> grossByDeployment, Map<DeploymentId, Integer> countByDeployment,
            Collection<EventId> seenIds) {
        Objects.requireNonNull(registered, "registered");
        Objects.requireNonNull(grossByDeployment, "grossByDeployment");
        Objects.requireNonNull(countByDeployment, "countByDeployment");
        Objects.requireNonNull(seenIds, "seenIds");
        TreeSet<DeploymentId> deps = new TreeSet<>();
        for (DeploymentId d : registered) {
            deps.add(Objects.requireNonNull(d, "registered element"));
        }
        if (!grossByDeployment.keySet().equals(countByDeployment.keySet())) {
            throw InvalidArgumentException.of("countByDeployment", countByDeployment.keySet(),
                    "must name the deployments of grossByDeployment " + grossByDeployment.keySet());
        }
        Map<DeploymentId, Integer> slotOf = new HashMap<>();
        for (DeploymentId d : deps) {
            slotOf.put(d, slotOf.size());
        }
        Amount[] g = new Amount[deps.size()];
        int[] c = new int[deps.size()];
        for (Map.Entry<DeploymentId, Amount> e : grossByDeployment.entrySet()) {
            DeploymentId d = Objects.requireNonNull(e.getKey(), "grossByDeployment key");
            if (!deps.contains(d)) {
                throw InvalidArgumentException.of("grossByDeployment", d, "is not registered");
            }
            Amount.zero(revenueAsset).requireSameAsset("grossByDeployment." + d, e.getValue());
            int n = Objects.requireNonNull(countByDeployment.get(d), "countByDeployment." + d);
            if (n < 1) {
                throw InvalidArgumentException.of("countByDeployment." + d, n, "must be 1 or more");
            }
            g[slotOf.get(d)] = e.getValue();
            c[slotOf.get(d)] = n;
        }
        for (EventId id : seenIds) {
            Objects.requireNonNull(id, "seenIds element");
        }
        SeenPayments s = SeenPayments.of(seenIds);
        return new RevenueLedger(router, calendar, revenueAsset, accepted, openEpoch,
                Collections.unmodifiableSortedSet(deps), Collections.unmodifiableMap(slotOf), g, c, s);
    }
}
