package io.fomo.core.launch;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.math.Share;
import io.fomo.core.math.Waterfall;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InsufficientLiquidityException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What graduation did (FOMO-SPEC §1.11): the MT minted and where every token went, the split of the
 * raised net FLOCK, the locked pool and the issuer's vesting.
 *
 * <p>MT: exactly the supply is minted. Buyers receive what they bought ({@link #sold()}); the unsold
 * part of the sale tranche follows the {@link UnsoldPolicy}; the pool's MT side is the pool's FLOCK side
 * divided by the curve's final spot price, rounded down and capped by the liquidity allocation (plus the
 * unsold tokens under {@code LIQUIDITY}); what the pool does not take goes to the treasury. So
 * {@code sold + poolMt + incentives + issuer + treasury + burned == supply}, to the base unit.
 *
 * <p>FLOCK: the raised net FLOCK is split by a waterfall: the pool's FLOCK side, the hosting reserve,
 * and the staking-incentive budget, which takes the rounding dust. The pool is locked: it has no
 * withdrawal.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Graduation {

    /** Name of the pool's FLOCK side in {@link #flockSplit()}. */
    public static final String LIQUIDITY = "liquidity";
    /** Name of the hosting reserve in {@link #flockSplit()}. */
    public static final String HOSTING_RESERVE = "hostingReserve";
    /** Name of the staking-incentive budget in {@link #flockSplit()}. */
    public static final String STAKING_INCENTIVES = "stakingIncentives";

    private final Instant at;
    private final Amount minted;
    private final Amount sold;
    private final Amount unsold;
    private final Amount burned;
    private final Amount incentives;
    private final Amount treasury;
    private final Amount poolMt;
    private final Amount raised;
    private final Map<String, Amount> flockSplit;
    private final BigDecimal finalPrice;
    private final ConstantProductPool pool;
    private final VestingSchedule issuerVesting;

    private Graduation(Instant at, Amount minted, Amount sold, Amount unsold, Amount burned, Amount incentives,
            Amount treasury, Amount poolMt, Amount raised, Map<String, Amount> flockSplit, BigDecimal finalPrice,
            ConstantProductPool pool, VestingSchedule issuerVesting) {
        this.at = at;
        this.minted = minted;
        this.sold = sold;
        this.unsold = unsold;
        this.burned = burned;
        this.incentives = incentives;
        this.treasury = treasury;
        this.poolMt = poolMt;
        this.raised = raised;
        this.flockSplit = flockSplit;
        this.finalPrice = finalPrice;
        this.pool = pool;
        this.issuerVesting = issuerVesting;
    }

    /**
     * Rebuilds a graduation from its journaled outcome (a fold of facts), without deciding anything: the
     * amounts are taken as they were decided; only the issuer's vesting schedule is derived, from the
     * launch parameters' issuer allocation, cliff and duration, starting at {@code at}.
     *
     * @param p          the launch's parameters
     * @param at         when the RMO graduated
     * @param sold       MT sold during the raise
     * @param burned     unsold MT burned
     * @param treasury   MT to the treasury
     * @param poolMt     MT seeded into the pool
     * @param raised     FLOCK raised
     * @param liquidity  the FLOCK split's liquidity share
     * @param hosting    the FLOCK split's hosting reserve
     * @param staking    the FLOCK split's staking incentives
     * @param finalPrice the curve's spot price at graduation
     * @param pool       the pool opened
     * @return the graduation
     */
    public static Graduation of(LaunchParameters p, Instant at, Amount sold, Amount burned, Amount treasury,
            Amount poolMt, Amount raised, Amount liquidity, Amount hosting, Amount staking, BigDecimal finalPrice,
            ConstantProductPool pool) {
        Map<String, Amount> split = new java.util.LinkedHashMap<>();
        split.put(LIQUIDITY, liquidity);
        split.put(HOSTING_RESERVE, hosting);
        split.put(STAKING_INCENTIVES, staking);
        VestingSchedule vesting = VestingSchedule.of(p.issuerAllocation(), at, p.vestingCliff(), p.vestingDuration());
        return new Graduation(at, p.totalSupply(), sold, p.saleAllocation().minus(sold), burned,
                p.incentivesAllocation(), treasury, poolMt, raised, java.util.Collections.unmodifiableMap(split),
                finalPrice, pool, vesting);
    }

    static Graduation compute(LaunchParameters p, CurvePosition position, Instant at) {
        Asset mt = p.mtAsset();
        Amount sold = position.sold();
        Amount raised = position.raised();
        Amount unsold = p.saleAllocation().minus(sold);
        Amount zeroMt = Amount.zero(mt);
        Amount burned = p.unsoldPolicy() == UnsoldPolicy.BURN ? unsold : zeroMt;
        Amount poolBudget = p.liquidityAllocation().plus(p.unsoldPolicy() == UnsoldPolicy.LIQUIDITY ? unsold : zeroMt);
        Amount treasury = p.treasuryAllocation().plus(p.unsoldPolicy() == UnsoldPolicy.TREASURY ? unsold : zeroMt);

        Map<String, Amount> split = Waterfall.builder(Asset.FLOCK, RoundingMode.DOWN)
                .shareOfBase(LIQUIDITY, Share.ofBps("raiseSplit.liquidity", p.raiseLiquidityBps()))
                .shareOfBase(HOSTING_RESERVE, Share.ofBps("raiseSplit.hosting", p.raiseHostingBps()))
                .rest(STAKING_INCENTIVES)
                .build()
                .split(raised);
        Amount poolFlock = split.get(LIQUIDITY);
        Amount atSpot = baseAtSpot(p.curve(), position, poolFlock);
        Amount poolMt = atSpot.min(poolBudget);
        treasury = treasury.plus(poolBudget.minus(poolMt));
        if (!poolFlock.isPositive() || !poolMt.isPositive()) {
            throw InsufficientLiquidityException.of("raised", raised,
                    "the pool would open with " + poolFlock + " / " + poolMt + ": both sides must be positive");
        }
        ConstantProductPool pool = ConstantProductPool.open(poolFlock, poolMt, p.poolFeeBps());
        BigDecimal finalPrice = p.curve().spotPrice(position, p.decimalPolicy().working());
        VestingSchedule vesting = VestingSchedule.of(p.issuerAllocation(), at, p.vestingCliff(), p.vestingDuration());
        return new Graduation(at, p.totalSupply(), sold, unsold, burned, p.incentivesAllocation(), treasury, poolMt,
                raised, split, finalPrice, pool, vesting);
    }

    private static Amount baseAtSpot(BondingCurve curve, CurvePosition position, Amount quote) {
        if (curve instanceof ConstantProductCurve) {
            return ((ConstantProductCurve) curve).baseAtSpot(position, quote, RoundingMode.DOWN);
        }
        if (curve instanceof LinearCurve) {
            return ((LinearCurve) curve).baseAtSpot(position, quote, RoundingMode.DOWN);
        }
        return ((ExponentialCurve) curve).baseAtSpot(position, quote, RoundingMode.DOWN);
    }

    /**
     * Returns when the RMO graduated (the vesting start).
     *
     * @return the instant
     */
    public Instant at() {
        return at;
    }

    /**
     * Returns the MT minted: exactly the supply.
     *
     * @return the MT minted
     */
    public Amount minted() {
        return minted;
    }

    /**
     * Returns the MT the buyers received.
     *
     * @return the MT sold on the curve
     */
    public Amount sold() {
        return sold;
    }

    /**
     * Returns the part of the sale tranche the curve did not sell.
     *
     * @return the unsold MT
     */
    public Amount unsold() {
        return unsold;
    }

    /**
     * Returns the MT burned (the unsold tokens under {@link UnsoldPolicy#BURN}).
     *
     * @return the burned MT
     */
    public Amount burned() {
        return burned;
    }

    /**
     * Returns the MT reserved for token incentives.
     *
     * @return the incentives MT
     */
    public Amount incentives() {
        return incentives;
    }

    /**
     * Returns the MT vested to the issuer.
     *
     * @return the issuer's MT
     */
    public Amount issuer() {
        return issuerVesting.total();
    }

    /**
     * Returns the MT the treasury receives: its allocation, the unsold tokens under
     * {@link UnsoldPolicy#TREASURY}, and what the pool did not take of its budget.
     *
     * @return the treasury's MT
     */
    public Amount treasury() {
        return treasury;
    }

    /**
     * Returns the MT side of the initial pool.
     *
     * @return the pool's MT
     */
    public Amount poolMt() {
        return poolMt;
    }

    /**
     * Returns the FLOCK side of the initial pool.
     *
     * @return the pool's FLOCK
     */
    public Amount poolFlock() {
        return flockSplit.get(LIQUIDITY);
    }

    /**
     * Returns the raised net FLOCK that was split.
     *
     * @return the raise
     */
    public Amount raised() {
        return raised;
    }

    /**
     * Returns the split of the raise: {@value #LIQUIDITY}, {@value #HOSTING_RESERVE},
     * {@value #STAKING_INCENTIVES}, in that order; the parts sum to {@link #raised()}.
     *
     * @return the split
     */
    public Map<String, Amount> flockSplit() {
        return flockSplit;
    }

    /**
     * Returns the curve's spot price at the end of the raise (FLOCK per MT, at the working precision).
     *
     * @return the final price
     */
    public BigDecimal finalPrice() {
        return finalPrice;
    }

    /**
     * Returns the locked initial pool (FLOCK / MT).
     *
     * @return the pool
     */
    public ConstantProductPool pool() {
        return pool;
    }

    /**
     * Returns the issuer's vesting schedule.
     *
     * @return the schedule
     */
    public VestingSchedule issuerVesting() {
        return issuerVesting;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Graduation g && g.at.equals(at) && g.minted.equals(minted) && g.sold.equals(sold)
                && g.unsold.equals(unsold) && g.burned.equals(burned) && g.incentives.equals(incentives)
                && g.treasury.equals(treasury) && g.poolMt.equals(poolMt) && g.raised.equals(raised)
                && g.flockSplit.equals(flockSplit) && g.finalPrice.compareTo(finalPrice) == 0
                && g.pool.equals(pool) && g.issuerVesting.equals(issuerVesting);
    }

    @Override
    public int hashCode() {
        return Objects.hash(at, minted, sold, treasury, poolMt, raised, pool);
    }

    @Override
    public String toString() {
        return "Graduation[at " + at + ", sold " + sold + ", burned " + burned + ", treasury " + treasury + ", "
                + pool + ", split " + flockSplit + "]";
    }
}
