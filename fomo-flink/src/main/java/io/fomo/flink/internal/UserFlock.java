package io.fomo.flink.internal;

import java.math.BigInteger;

/**
 * A user's FLOCK payout on one deployment, summed per user by the job. A Flink POJO; not API.
 */
public final class UserFlock {
    /** The user's account id. */
    public String user;
    /** FLOCK paid, base units. */
    public BigInteger flock;

    /** Creates an empty row (for Flink's serializer). */
    public UserFlock() {
    }

    /**
     * Creates a row.
     *
     * @param user  the user's account id
     * @param flock FLOCK paid, base units
     */
    public UserFlock(String user, BigInteger flock) {
        this.user = user;
        this.flock = flock;
    }
}
