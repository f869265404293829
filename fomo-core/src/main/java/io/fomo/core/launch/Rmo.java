package io.fomo.core.launch;

import io.fomo.core.math.Share;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.AssetMismatchException;
import io.fomo.spi.Clock;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.LimitExceededException;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Real Model Asset Offering (FOMO-SPEC §1) as a pure state machine:
 * {@code CREATED → FUNDRAISING → GRADUATED | FAILED}, {@code GRADUATED → LIVE}.
 *
 * <p>{@link #decide(RmoAction, Instant)} checks an action against the actor, the state, the time and the
 * amounts and returns the events it produces, or throws (nothing changes: the RMO is immutable);
 * {@link #evolve(RmoEvent)} folds one event into a new RMO; {@link #apply(RmoAction, Instant)} does both.
 * Time is an argument: the caller reads its clock. Instants must not go backwards.
 *
 * <p>The rules: the issuer opens the raise and pays the launch fee (kept in every outcome), optionally
 * with a first buy at the curve's lowest price, capped at {@link LaunchParameters#firstBuyCap()}. Buys are
 * accepted in {@code [openedAt, openedAt + window)}; the swap fee is taken from the gross input (rounded
 * by {@link LaunchParameters#feeRounding()}), split creator (rounded down) / platform (the rest), and the
 * net reaches the curve. A buy that reaches the max target graduates the raise at once; one that would
 * pass it is filled up to the target, and the unfilled FLOCK with its share of the fee
 * ({@code ceil(filled·f / (10,000 − f))}, never more than the fee) is returned. With an anti-sniping
 * setting ({@link LaunchParameters#antiSniping()}) the fee is the decaying one at the whole seconds elapsed
 * since the opening; with a per-wallet cap ({@link LaunchParameters#walletCap()}) a buy that would take the
 * buyer's principal past it is refused (LIMIT_EXCEEDED, naming {@code gross}, or {@code firstBuy}). After the window (by
 * default), anyone may graduate a raise at or above the min target, or close one below it, which fails
 * it; each supporter may then redeem their net principal once. Selling back is never accepted.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Rmo {

    private final LaunchParameters params;
    private final AccountId issuer;
    private final RmoState state;
    private final Instant openedAt;
    private final Instant closesAt;
    private final Instant lastAt;
    private final CurvePosition position;
    private final Amount launchFeePaid;
    private final Amount platformFees;
    private final Amount creatorFees;
    private final Amount returned;
    private final Amount refunded;
    private final SortedMap<AccountId, SupporterPosition> supporters;
    private final Graduation graduation;
    private final Amount vestingClaimed;

    private Rmo(LaunchParameters params, AccountId issuer, RmoState state, Instant openedAt, Instant closesAt,
            Instant lastAt, CurvePosition position, Amount launchFeePaid, Amount platformFees, Amount creatorFees,
            Amount returned, Amount refunded, SortedMap<AccountId, SupporterPosition> supporters,
            Graduation graduation, Amount vestingClaimed) {
        this.params = params;
        this.issuer = issuer;
        this.state = state;
        this.openedAt = openedAt;
        this.closesAt = closesAt;
        this.lastAt = lastAt;
        this.position = position;
        this.launchFeePaid = launchFeePaid;
        this.platformFees = platformFees;
        this.creatorFees = creatorFees;
        this.returned = returned;
        this.refunded = refunded;
        this.supporters = supporters;
        this.graduation = graduation;
        this.vestingClaimed = vestingClaimed;
    }

    /**
     * Returns a new RMO in state {@link RmoState#CREATED}.
     *
     * @param params the launch parameters
     * @param issuer the RMA issuer, who opens it and receives the creator fees and the vested MT
     * @return the RMO
     */
    public static Rmo create(LaunchParameters params, AccountId issuer) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(issuer, "issuer");
        Amount zero = Amount.zero(Asset.FLOCK);
        return new Rmo(params, issuer, RmoState.CREATED, null, null, null, CurvePosition.start(params.curve()), zero,
                zero, zero, zero, zero, Collections.emptySortedMap(), null, Amount.zero(params.mtAsset()));
    }

    // ---------------------------------------------------------------- decide

    /**
     * Applies an action: decides its events and folds them.
     *
     * @param action the action
     * @param now    the current instant, not before the previous action's
     * @return the new RMO and the events
     * @throws io.fomo.spi.FomoException when the action is rejected (this RMO is unchanged)
     */
    public Transition apply(RmoAction action, Instant now) {
        List<RmoEvent> events = decide(action, now);
        Rmo next = this;
        for (RmoEvent e : events) {
            next = next.evolve(e);
        }
        return new Transition(next, events);
    }

    /**
     * Applies an action at the clock's current instant.
     *
     * @param action the action
     * @param clock  the engine's clock, read once
     * @return the new RMO and the events
     * @throws io.fomo.spi.FomoException when the action is rejected (this RMO is unchanged)
     */
    public Transition apply(RmoAction action, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return apply(action, clock.now());
    }

    /**
     * Decides the events of an action without applying them.
     *
     * @param action the action
     * @param now    the current instant, not before the previous action's
     * @return the events, at least one
     * @throws InvalidArgumentException if the actor, an amount or the time is not acceptable
     * @throws InvalidStateException    if the action is not allowed in the current state or at this time
     * @throws LimitExceededException   if a buy exceeds the first-buy cap, the per-wallet cap or (under REJECT)
     *                                  the max target
     * @throws io.fomo.spi.InsufficientLiquidityException if graduation cannot seed a pool
     */
    public List<RmoEvent> decide(RmoAction action, Instant now) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(now, "now");
        if (lastAt != null && now.isBefore(lastAt)) {
            throw InvalidArgumentException.of("now", now, "is before the previous action at " + lastAt);
        }
        if (action instanceof RmoAction.Open) {
            return decideOpen((RmoAction.Open) action, now);
        }
        if (action instanceof RmoAction.Buy) {
            RmoAction.Buy b = (RmoAction.Buy) action;
            requireState(RmoState.FUNDRAISING, "buy");
            if (!now.isBefore(closesAt)) {
                throw InvalidStateException.of("now", now, "the raise window closed at " + closesAt);
            }
            return withGraduation(decideBuy(b.actor(), b.gross(), now, false), now);
        }
        if (action instanceof RmoAction.Sell) {
            RmoAction.Sell s = (RmoAction.Sell) action;
            throw InvalidStateException.of("action", "sell " + s.amount(), state == RmoState.FUNDRAISING
                    ? "selling back during the raise is not allowed"
                    : "the RMO has no internal market in state " + state + "; MT trades on the pool");
        }
        if (action instanceof RmoAction.Graduate) {
            return decideGraduate(now);
        }
        if (action instanceof RmoAction.Close) {
            requireState(RmoState.FUNDRAISING, "close");
            if (now.isBefore(closesAt)) {
                throw InvalidStateException.of("now", now, "the raise window is open until " + closesAt);
            }
            if (!position.raised().isLessThan(params.minTarget())) {
                throw InvalidStateException.of("raised", position.raised(),
                        "reached the min target " + params.minTarget() + ": graduate instead");
            }
            return List.of(new RmoEvent.Failed(now, position.raised()));
        }
        if (action instanceof RmoAction.Redeem) {
            return decideRedeem(action.actor(), now);
        }
        if (action instanceof RmoAction.ClaimVested) {
            requireIssuer(action.actor(), "claim vested MT");
            if (state != RmoState.GRADUATED && state != RmoState.LIVE) {
                throw InvalidStateException.of("state", state, "nothing vests before graduation");
            }
            Amount claimable = graduation.issuerVesting().claimableAt(now, vestingClaimed);
            if (claimable.isZero()) {
                throw InvalidStateException.of("now", now, "nothing claimable (cliff ends "
                        + graduation.issuerVesting().cliffEnd() + ", claimed " + vestingClaimed + ")");
            }
            return List.of(new RmoEvent.VestingClaimed(issuer, now, claimable));
        }
        RmoAction.GoLive live = (RmoAction.GoLive) action;
        requireIssuer(live.actor(), "go live");
        requireState(RmoState.GRADUATED, "go live");
        return List.of(new RmoEvent.WentLive(live.actor(), now));
    }

    private List<RmoEvent> decideOpen(RmoAction.Open open, Instant now) {
        requireIssuer(open.actor(), "open the raise");
        requireState(RmoState.CREATED, "open");
        Instant closes = now.plus(params.window());
        List<RmoEvent> events = new ArrayList<>();
        events.add(new RmoEvent.Opened(issuer, now, params.launchFee(), closes));
        requireFlock("firstBuy", open.firstBuy());
        if (open.firstBuy().isPositive()) {
            Rmo opened = evolve(events.get(0));
            events.addAll(opened.withGraduation(opened.decideBuy(issuer, open.firstBuy(), now, true), now));
        }
        return events;
    }

    /** Appends the max-target graduation when the buy reaches it. */
    private List<RmoEvent> withGraduation(RmoEvent.Bought bought, Instant now) {
        Amount after = position.raised().plus(bought.net());
        if (after.compareTo(params.maxTarget()) < 0) {
            return List.of(bought);
        }
        CurvePosition end = position.after(bought.mtOut(), bought.net());
        Graduation g = Graduation.compute(params, end, now);
        return List.of(bought, new RmoEvent.Graduated(now, RmoEvent.Trigger.MAX_TARGET, g));
    }

    private RmoEvent.Bought decideBuy(AccountId buyer, Amount gross, Instant now, boolean firstBuy) {
        Objects.requireNonNull(buyer, "actor");
        requireFlock("gross", gross);
        if (!gross.isPositive()) {
            throw InvalidArgumentException.of("gross", gross, "must be positive");
        }
        int feeBps = params.swapFeeBps();
        // Whole seconds since the opening, rounded down: the anti-sniping fee never decays ahead of time.
        long elapsed = java.time.Duration.between(openedAt, now).getSeconds();
        AntiSniping fees = params.antiSniping();
        Amount fee = fees.onGross(gross, feeBps, elapsed, params.feeRounding());
        Amount net = gross.minus(fee);
        if (!net.isPositive()) {
            throw InvalidArgumentException.of("gross", gross, "leaves nothing after the " + fee + " fee");
        }
        Amount room = params.maxTarget().minus(position.raised());
        Amount filled = net;
        Amount back = Amount.zero(Asset.FLOCK);
        if (net.isGreaterThan(room)) {
            if (params.overfillPolicy() == OverfillPolicy.REJECT) {
                throw LimitExceededException.of("gross", gross, "its net " + net + " exceeds the " + room
                        + " left to the max target " + params.maxTarget());
            }
            filled = room;
            fee = fees.onNet(room, feeBps, elapsed, params.feeRounding()).min(fee);
            back = gross.minus(filled).minus(fee);
        }
        if (params.walletCap().isPresent()) {
            Amount cap = params.walletCap().get();
            Amount principal = supporter(buyer).principal().plus(filled);
            if (principal.isGreaterThan(cap)) {
                throw LimitExceededException.of(firstBuy ? "firstBuy" : "gross", gross, "would bring "
                        + buyer + "'s principal to " + principal + ", past the walletCap of " + cap);
            }
        }
        CurveFill fill = params.curve().buy(position, filled, params.curveRounding());
        if (!fill.quoteUsed().equals(filled)) {
            // The max target never exceeds the tranche cost (checked by the parameters), so the curve
            // always uses the whole filled input; anything else is a broken invariant, not a user error.
            throw new IllegalStateException("curve used " + fill.quoteUsed() + " of " + filled);
        }
        if (!fill.baseOut().isPositive()) {
            throw InvalidArgumentException.of("gross", gross, "too small: it buys no MT at the current price");
        }
        if (firstBuy && fill.baseOut().isGreaterThan(params.firstBuyCap())) {
            throw LimitExceededException.of("firstBuy", gross, "buys " + fill.baseOut()
                    + ", more than the first-buy cap of " + params.firstBuyCap());
        }
        Amount creator = Share.ofBps("creatorFeeBps", params.creatorFeeBps()).of(fee, RoundingMode.DOWN);
        Amount platform = fee.minus(creator);
        return new RmoEvent.Bought(buyer, now, gross, fee, platform, creator, filled, fill.baseOut(), back, firstBuy);
    }

    private List<RmoEvent> decideGraduate(Instant now) {
        requireState(RmoState.FUNDRAISING, "graduate");
        if (position.raised().isLessThan(params.minTarget())) {
            throw InvalidStateException.of("raised", position.raised(),
                    "is below the min target " + params.minTarget());
        }
        if (params.graduationOnlyAfterWindow() && now.isBefore(closesAt)) {
            throw InvalidStateException.of("now", now, "graduation at the min target opens when the window closes at "
                    + closesAt);
        }
        Graduation g = Graduation.compute(params, position, now);
        return List.of(new RmoEvent.Graduated(now, RmoEvent.Trigger.MIN_TARGET, g));
    }

    private List<RmoEvent> decideRedeem(AccountId actor, Instant now) {
        requireState(RmoState.FAILED, "redeem");
        SupporterPosition p = supporters.get(actor);
        if (p == null || p.principal().isZero()) {
            throw InvalidStateException.of("actor", actor, "has no principal to redeem");
        }
        if (p.redeemed()) {
            throw InvalidStateException.of("actor", actor, "already redeemed " + p.refunded());
        }
        return List.of(new RmoEvent.Redeemed(actor, now, p.principal()));
    }

    private void requireState(RmoState expected, String what) {
        if (state != expected) {
            throw InvalidStateException.of("state", state, "cannot " + what + "; requires " + expected);
        }
    }

    private void requireIssuer(AccountId actor, String what) {
        if (!issuer.equals(actor)) {
            throw InvalidArgumentException.of("actor", actor, "only the issuer " + issuer + " may " + what);
        }
    }

    private static void requireFlock(String field, Amount amount) {
        if (!amount.asset().equals(Asset.FLOCK)) {
            throw new AssetMismatchException(field, Asset.FLOCK, amount.asset());
        }
    }

    // ---------------------------------------------------------------- evolve

    /**
     * Folds one event into a new RMO. Events are trusted: they are the ones {@link #decide} produced
     * (or a journal's replay of them), in order.
     *
     * @param event the event
     * @return the RMO after it
     */
    public Rmo evolve(RmoEvent event) {
        Objects.requireNonNull(event, "event");
        Instant at = event.at();
        if (event instanceof RmoEvent.Opened) {
            RmoEvent.Opened o = (RmoEvent.Opened) event;
            return new Rmo(params, issuer, RmoState.FUNDRAISING, at, o.closesAt(), at, position, o.launchFee(),
                    platformFees, creatorFees, returned, refunded, supporters, graduation, vestingClaimed);
        }
        if (event instanceof RmoEvent.Bought) {
            RmoEvent.Bought b = (RmoEvent.Bought) event;
            TreeMap<AccountId, SupporterPosition> next = new TreeMap<>(supporters);
            SupporterPosition p = next.getOrDefault(b.buyer(), SupporterPosition.empty(params.mtAsset()));
            next.put(b.buyer(), p.withBuy(b.gross(), b.fee(), b.returned(), b.net(), b.mtOut()));
            return new Rmo(params, issuer, state, openedAt, closesAt, at, position.after(b.mtOut(), b.net()),
                    launchFeePaid, platformFees.plus(b.platformFee()), creatorFees.plus(b.creatorFee()),
                    returned.plus(b.returned()), refunded, Collections.unmodifiableSortedMap(next), graduation,
                    vestingClaimed);
        }
        if (event instanceof RmoEvent.Graduated) {
            return with(RmoState.GRADUATED, at, ((RmoEvent.Graduated) event).graduation(), refunded, supporters,
                    vestingClaimed);
        }
        if (event instanceof RmoEvent.Failed) {
            return with(RmoState.FAILED, at, graduation, refunded, supporters, vestingClaimed);
        }
        if (event instanceof RmoEvent.Redeemed) {
            RmoEvent.Redeemed r = (RmoEvent.Redeemed) event;
            TreeMap<AccountId, SupporterPosition> next = new TreeMap<>(supporters);
            next.put(r.supporter(), next.get(r.supporter()).withRefund(r.amount()));
            return with(state, at, graduation, refunded.plus(r.amount()), Collections.unmodifiableSortedMap(next),
                    vestingClaimed);
        }
        if (event instanceof RmoEvent.VestingClaimed) {
            Amount claimed = vestingClaimed.plus(((RmoEvent.VestingClaimed) event).amount());
            return with(state, at, graduation, refunded, supporters, claimed);
        }
        return with(RmoState.LIVE, at, graduation, refunded, supporters, vestingClaimed);
    }

    private Rmo with(RmoState s, Instant at, Graduation g, Amount refundedTotal,
            SortedMap<AccountId, SupporterPosition> sup, Amount claimed) {
        return new Rmo(params, issuer, s, openedAt, closesAt, at, position, launchFeePaid, platformFees, creatorFees,
                returned, refundedTotal, sup, g, claimed);
    }

    // ---------------------------------------------------------------- queries

    /**
     * Returns the launch parameters.
     *
     * @return the parameters
     */
    public LaunchParameters params() {
        return params;
    }

    /**
     * Returns the issuer.
     *
     * @return the issuer
     */
    public AccountId issuer() {
        return issuer;
    }

    /**
     * Returns the state.
     *
     * @return the state
     */
    public RmoState state() {
        return state;
    }

    /**
     * Returns when the raise opened.
     *
     * @return the opening instant, empty before opening
     */
    public Optional<Instant> openedAt() {
        return Optional.ofNullable(openedAt);
    }

    /**
     * Returns when the window closes (buys are accepted strictly before).
     *
     * @return the closing instant, empty before opening
     */
    public Optional<Instant> closesAt() {
        return Optional.ofNullable(closesAt);
    }

    /**
     * Returns the sale's position on its curve.
     *
     * @return the MT sold and the net FLOCK raised
     */
    public CurvePosition position() {
        return position;
    }

    /**
     * Returns the net FLOCK that reached the curve (the curve reserve).
     *
     * @return the raise
     */
    public Amount raised() {
        return position.raised();
    }

    /**
     * Returns the MT claims sold.
     *
     * @return the MT sold
     */
    public Amount sold() {
        return position.sold();
    }

    /**
     * Returns the launch fee paid (zero before opening).
     *
     * @return the launch fee
     */
    public Amount launchFeePaid() {
        return launchFeePaid;
    }

    /**
     * Returns the swap fees the platform kept.
     *
     * @return the platform fees
     */
    public Amount platformFees() {
        return platformFees;
    }

    /**
     * Returns the swap fees the creator (issuer) kept.
     *
     * @return the creator fees
     */
    public Amount creatorFees() {
        return creatorFees;
    }

    /**
     * Returns the FLOCK returned unfilled from overfilled buys.
     *
     * @return the returned FLOCK
     */
    public Amount returnedOverfill() {
        return returned;
    }

    /**
     * Returns the principal refunded after a failure.
     *
     * @return the refunds
     */
    public Amount refunded() {
        return refunded;
    }

    /**
     * Returns every actor's ledger, by id.
     *
     * @return the positions, unmodifiable
     */
    public SortedMap<AccountId, SupporterPosition> supporters() {
        return supporters;
    }

    /**
     * Returns one actor's ledger.
     *
     * @param actor the actor
     * @return the position, or an empty one
     */
    public SupporterPosition supporter(AccountId actor) {
        return supporters.getOrDefault(actor, SupporterPosition.empty(params.mtAsset()));
    }

    /**
     * Returns what graduation did.
     *
     * @return the graduation, empty unless GRADUATED or LIVE
     */
    public Optional<Graduation> graduation() {
        return Optional.ofNullable(graduation);
    }

    /**
     * Returns the issuer MT claimed so far.
     *
     * @return the MT claimed
     */
    public Amount vestingClaimed() {
        return vestingClaimed;
    }

    /**
     * Returns the issuer MT claimable at an instant.
     *
     * @param at the instant
     * @return the claimable MT, zero before graduation
     */
    public Amount vestingClaimable(Instant at) {
        return graduation == null ? Amount.zero(params.mtAsset())
                : graduation.issuerVesting().claimableAt(at, vestingClaimed);
    }

    /**
     * Quotes a buy: the event {@link #decide} would produce for it now, without applying it.
     *
     * @param buyer the buyer
     * @param gross the gross FLOCK
     * @param now   the instant
     * @return the buy's event
     * @throws io.fomo.spi.FomoException when the buy would be rejected
     */
    public RmoEvent.Bought quoteBuy(AccountId buyer, Amount gross, Instant now) {
        return (RmoEvent.Bought) decide(new RmoAction.Buy(buyer, gross), now).get(0);
    }

    /**
     * Returns the FLOCK this RMO has received: the launch fee plus every gross buy.
     *
     * @return the FLOCK in
     */
    public Amount flockIn() {
        Amount total = launchFeePaid;
        for (Map.Entry<AccountId, SupporterPosition> e : supporters.entrySet()) {
            total = total.plus(e.getValue().paid());
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rmo r && r.params.equals(params) && r.issuer.equals(issuer) && r.state == state
                && Objects.equals(r.openedAt, openedAt) && Objects.equals(r.lastAt, lastAt)
                && r.position.equals(position) && r.launchFeePaid.equals(launchFeePaid)
                && r.platformFees.equals(platformFees) && r.creatorFees.equals(creatorFees)
                && r.returned.equals(returned) && r.refunded.equals(refunded) && r.supporters.equals(supporters)
                && Objects.equals(r.graduation, graduation) && r.vestingClaimed.equals(vestingClaimed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, position, supporters, lastAt);
    }

    @Override
    public String toString() {
        return "Rmo[" + state + ", raised " + position.raised() + ", sold " + position.sold() + ", "
                + supporters.size() + " supporters]";
    }

    /**
     * Returns the time of the last action applied, which no later action may precede.
     *
     * @return the time, empty before the RMO opened
     */
    public Optional<Instant> lastActionAt() {
        return Optional.ofNullable(lastAt);
    }

    /**
     * Restores an RMO from its components, as a snapshot of the engine's state holds them. The graduation is
     * computed again from the parameters, the curve position and its time (it is a function of them).
     *
     * @param params         the launch parameters
     * @param issuer         the issuer
     * @param state          the state
     * @param openedAt       when it opened; null exactly when {@code state} is {@link RmoState#CREATED}
     * @param closesAt       when its window closes; null exactly when {@code openedAt} is
     * @param lastAt         the last action's time; null exactly when {@code openedAt} is
     * @param position       the curve position
     * @param launchFeePaid  the launch fee paid (FLOCK)
     * @param platformFees   the platform fees (FLOCK)
     * @param creatorFees    the creator fees (FLOCK)
     * @param returned       the overfill returned (FLOCK)
     * @param refunded       the FLOCK refunded
     * @param supporters     every supporter's position
     * @param graduatedAt    when it graduated; null exactly when it has not
     * @param vestingClaimed the issuer's vested MT claimed so far
     * @return the RMO
     * @throws NullPointerException     if a required component is null
     * @throws InvalidArgumentException if the components do not fit together (a time present or absent against
     *                                  the state, an asset out of place)
     */
    public static Rmo restore(LaunchParameters params, AccountId issuer, RmoState state, Instant openedAt,
            Instant closesAt, Instant lastAt, CurvePosition position, Amount launchFeePaid, Amount platformFees,
            Amount creatorFees, Amount returned, Amount refunded, SortedMap<AccountId, SupporterPosition> supporters,
            Instant graduatedAt, Amount vestingClaimed) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(supporters, "supporters");
        Objects.requireNonNull(vestingClaimed, "vestingClaimed");
        boolean opened = state != RmoState.CREATED;
        if ((openedAt != null) != opened || (closesAt != null) != opened || (lastAt != null) != opened) {
            throw InvalidArgumentException.of("openedAt", openedAt, "must be present exactly when the RMO has opened"
                    + " (state " + state + "), with its closing and last-action times");
        }
        boolean graduated = state == RmoState.GRADUATED || state == RmoState.LIVE;
        if ((graduatedAt != null) != graduated) {
            throw InvalidArgumentException.of("graduatedAt", graduatedAt, "must be present exactly when the RMO has"
                    + " graduated (state " + state + ")");
        }
        String[] names = {"launchFeePaid", "platformFees", "creatorFees", "returned", "refunded"};
        Amount[] flock = {launchFeePaid, platformFees, creatorFees, returned, refunded};
        for (int i = 0; i < flock.length; i++) {
            requireFlock(names[i], Objects.requireNonNull(flock[i], names[i]));
        }
        Amount.zero(params.mtAsset()).requireSameAsset("vestingClaimed", vestingClaimed);
        Amount.zero(params.mtAsset()).requireSameAsset("position.sold", position.sold());
        TreeMap<AccountId, SupporterPosition> copy = new TreeMap<>();
        for (Map.Entry<AccountId, SupporterPosition> e : supporters.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "supporters key"),
                    Objects.requireNonNull(e.getValue(), "supporters." + e.getKey()));
        }
        Graduation g = graduated ? Graduation.compute(params, position, graduatedAt) : null;
        return new Rmo(params, issuer, state, openedAt, closesAt, lastAt, position, launchFeePaid, platformFees,
                creatorFees, returned, refunded, Collections.unmodifiableSortedMap(copy), g, vestingClaimed);
    }
}
