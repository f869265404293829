package io.fomo.flink.internal;

import java.math.BigInteger;

/**
 * One deployment's budget as the split task sends it to the close task: the numbers of a
 * {@code DeploymentBudget} (the carry-in is empty: the job closes a first epoch or one without dust). A Flink
 * POJO; not API.
 */
public final class BudgetRow {
    /** The deployment id. */
    public String deployment;
    /** α, a plain decimal. */
    public String alpha;
    /** α_i, a plain decimal. */
    public String alphaIncentive;
    /** The share of the global budget, base units of FLOCK. */
    public BigInteger share;
    /** FLOCK incentive budget, base units. */
    public BigInteger flockIncentive;
    /** MT incentive budget, base units of the deployment's MT. */
    public BigInteger mtIncentive;

    /** Creates an empty row (for Flink's serializer). */
    public BudgetRow() {
    }
}
