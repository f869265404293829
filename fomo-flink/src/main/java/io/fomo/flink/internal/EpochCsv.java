package io.fomo.flink.internal;

import io.fomo.spi.AccountId;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The job's CSV formats, read and written the same way by both engines (docs/scale.md). Amounts are integers
 * in base units; ids are taken as they are (no quoting, so an id must not hold a comma); blank lines, lines
 * starting with {@code #} and header lines are skipped wherever they are, so a file may be split. Not API.
 */
public final class EpochCsv {

    /** The header of a pairs file; the gm column may be left out. */
    public static final String PAIRS_HEADER = "deployment,user,spend,stake,gm";
    /** The header of a deployments file. */
    public static final String DEPLOYMENTS_HEADER = "deployment,netRevenue,ageDays,flockIncentive,mtIncentive";
    /** Output: each pair's payouts. */
    public static final String PAYOUTS = "payouts.csv";
    /** Output: each user's FLOCK over all deployments. */
    public static final String USERS = "users.csv";
    /** Output: each deployment's three pools. */
    public static final String POOLS = "pools.csv";
    /** Output: the epoch's split. */
    public static final String EPOCH = "epoch.csv";
    /** The header of {@link #PAYOUTS}. */
    public static final String PAYOUTS_HEADER = "deployment,user,flock,mt";
    /** The header of {@link #USERS}. */
    public static final String USERS_HEADER = "user,flock";
    /** The header of {@link #POOLS}. */
    public static final String POOLS_HEADER = "deployment,pool,fresh,carriedIn,paid,dust,returned";
    /** The header of {@link #EPOCH}. */
    public static final String EPOCH_HEADER = "from,to,alpha,alphaIncentive,scheduled,carriedIn,splitDust,unassigned";

    private static final int SHOWN = 80;

    private EpochCsv() {
    }

    /**
     * Reads one line of a pairs file.
     *
     * @param line the line
     * @return the pair, or null for a blank, comment or header line
     * @throws InvalidArgumentException if the line is malformed, naming the line's first characters
     */
    public static PairRow parsePair(String line) {
        if (skipped(line, PAIRS_HEADER) || line.equals("deployment,user,spend,stake")) {
            return null;
        }
        String[] f = line.split(",", -1);
        if (f.length != 4 && f.length != 5) {
            throw bad("pairs", line, "must have 4 or 5 comma-separated fields: " + PAIRS_HEADER);
        }
        DeploymentId.of(f[0]);
        AccountId.of(f[1]);
        BigInteger spend = units("pairs", line, f[2], "spend");
        BigInteger stake = units("pairs", line, f[3], "stake");
        String gm = "0";
        if (f.length == 5 && !f[4].isEmpty()) {
            BigDecimal g;
            try {
                g = new BigDecimal(f[4]);
            } catch (NumberFormatException e) {
                throw bad("pairs", line, "gm must be a decimal number");
            }
            if (g.signum() < 0) {
                throw bad("pairs", line, "gm must not be negative");
            }
            gm = g.toPlainString();
        }
        return new PairRow(f[0], f[1], spend, stake, gm);
    }

    /**
     * Reads one line of a deployments file.
     *
     * @param line the line
     * @return the deployment, or null for a blank, comment or header line
     * @throws InvalidArgumentException if the line is malformed, naming the line's first characters
     */
    public static DeploymentRow parseDeployment(String line) {
        if (skipped(line, DEPLOYMENTS_HEADER)) {
            return null;
        }
        String[] f = line.split(",", -1);
        if (f.length != 5) {
            throw bad("deployments", line, "must have 5 comma-separated fields: " + DEPLOYMENTS_HEADER);
        }
        DeploymentId.of(f[0]);
        BigInteger age = units("deployments", line, f[2], "ageDays");
        if (age.bitLength() > 62) {
            throw bad("deployments", line, "ageDays is too large");
        }
        return DeploymentRow.declared(f[0], units("deployments", line, f[1], "netRevenue"), age.longValueExact(),
                units("deployments", line, f[3], "flockIncentive"), units("deployments", line, f[4], "mtIncentive"));
    }

    private static boolean skipped(String line, String header) {
        return line.isBlank() || line.startsWith("#") || line.equals(header);
    }

    private static BigInteger units(String file, String line, String text, String column) {
        if (text.isEmpty() || text.length() > 80) {
            throw bad(file, line, column + " must be 1 to 80 digits");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw bad(file, line, column + " must be a whole number of base units (digits only)");
            }
        }
        return new BigInteger(text);
    }

    private static InvalidArgumentException bad(String file, String line, String reason) {
        String shown = line.length() > SHOWN ? line.substring(0, SHOWN) + "..." : line;
        return InvalidArgumentException.of(file + " line", shown, reason);
    }

    /**
     * Returns a line of {@link #PAYOUTS}.
     *
     * @param deployment the deployment
     * @param user       the user
     * @param flock      FLOCK paid, base units
     * @param mt         MT paid, base units
     * @return the line
     */
    public static String payoutLine(String deployment, String user, BigInteger flock, BigInteger mt) {
        return deployment + ',' + user + ',' + flock + ',' + mt;
    }

    /**
     * Returns a line of {@link #USERS}.
     *
     * @param user  the user
     * @param flock FLOCK paid over all deployments, base units
     * @return the line
     */
    public static String userLine(String user, BigInteger flock) {
        return user + ',' + flock;
    }
}
