package io.fomo.flink.internal;

import java.math.BigInteger;

/**
 * One deployment as the split task sees it: the line of the deployments file, or the paid spend summed from
 * its pairs, or both merged. A Flink POJO; not API.
 */
public final class DeploymentRow {
    /** The deployment id. */
    public String deployment;
    /** True when the row comes from the deployments file (then the next four fields are set). */
    public boolean declared;
    /** Net revenue, base units of the spend asset. */
    public BigInteger netRevenue;
    /** Age in whole days. */
    public long ageDays;
    /** FLOCK incentive budget, base units. */
    public BigInteger flockIncentive;
    /** MT incentive budget, base units of the deployment's MT. */
    public BigInteger mtIncentive;
    /** Paid spend summed from the pairs, base units; null on a declared row. */
    public BigInteger paidSpend;

    /** Creates an empty row (for Flink's serializer). */
    public DeploymentRow() {
    }

    /**
     * Returns a row of the deployments file.
     *
     * @param deployment     the deployment id
     * @param netRevenue     net revenue, base units
     * @param ageDays        age in days
     * @param flockIncentive FLOCK incentive budget, base units
     * @param mtIncentive    MT incentive budget, base units
     * @return the row
     */
    public static DeploymentRow declared(String deployment, BigInteger netRevenue, long ageDays,
            BigInteger flockIncentive, BigInteger mtIncentive) {
        DeploymentRow r = new DeploymentRow();
        r.deployment = deployment;
        r.declared = true;
        r.netRevenue = netRevenue;
        r.ageDays = ageDays;
        r.flockIncentive = flockIncentive;
        r.mtIncentive = mtIncentive;
        return r;
    }

    /**
     * Returns a row of paid spend summed from pairs.
     *
     * @param deployment the deployment id
     * @param paidSpend  the sum, base units
     * @return the row
     */
    public static DeploymentRow spent(String deployment, BigInteger paidSpend) {
        DeploymentRow r = new DeploymentRow();
        r.deployment = deployment;
        r.paidSpend = paidSpend;
        return r;
    }
}
