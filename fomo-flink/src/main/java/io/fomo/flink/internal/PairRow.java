package io.fomo.flink.internal;

import java.math.BigInteger;

/**
 * One line of the pairs file as the job ships it between tasks: strings and base units only, since the SDK's
 * types are not {@code Serializable}. A Flink POJO; not API.
 */
public final class PairRow {
    /** The deployment id. */
    public String deployment;
    /** The user's account id. */
    public String user;
    /** Paid spend, base units of the spend asset. */
    public BigInteger spend;
    /** Stake, base units of the deployment's MT. */
    public BigInteger stake;
    /** gmFLOCK held, a plain decimal ("0" for none). */
    public String gm;

    /** Creates an empty row (for Flink's serializer). */
    public PairRow() {
    }

    /**
     * Creates a row.
     *
     * @param deployment the deployment id
     * @param user       the user's account id
     * @param spend      paid spend, base units
     * @param stake      stake, base units
     * @param gm         gmFLOCK held, a plain decimal
     */
    public PairRow(String deployment, String user, BigInteger spend, BigInteger stake, String gm) {
        this.deployment = deployment;
        this.user = user;
        this.spend = spend;
        this.stake = stake;
        this.gm = gm;
    }
}
