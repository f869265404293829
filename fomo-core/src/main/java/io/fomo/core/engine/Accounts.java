package io.fomo.core.engine;

import io.fomo.spi.AccountId;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;

/**
 * The protocol's own accounts. They all start with {@code protocol:}, a prefix no user account may
 * have, so a user can never act as, or be paid as, a protocol account.
 */
public final class Accounts {

    /** The prefix of every protocol account. */
    public static final String PREFIX = "protocol:";

    /** Receives launch fees, swap fees and gmFLOCK withdrawal fees. */
    public static final AccountId PLATFORM = AccountId.of(PREFIX + "platform");

    /** The protocol treasury: revenue share, unsold or excess MT, treasury allocation. */
    public static final AccountId TREASURY = AccountId.of(PREFIX + "treasury");

    /** Where buybacks buy and burn. */
    public static final AccountId BUYBACK = AccountId.of(PREFIX + "buyback");

    /** Holds staked model tokens. */
    public static final AccountId STAKING = AccountId.of(PREFIX + "staking");

    /** Holds FLOCK locked for gmFLOCK. */
    public static final AccountId GMFLOCK = AccountId.of(PREFIX + "gmflock");

    /** Holds earned rewards until they are claimed, and the dust carried between epochs. */
    public static final AccountId REWARDS = AccountId.of(PREFIX + "rewards");

    /** The emission reserve. */
    public static final AccountId EMISSION_RESERVE = AccountId.of(PREFIX + "emission-reserve");

    private Accounts() {
    }

    /**
     * Returns a per-deployment protocol account, {@code protocol:<role>:<deployment>}: {@code rmo} (the
     * raise's escrow), {@code pool}, {@code vesting}, {@code hosting}, {@code staking-incentives},
     * {@code mt-incentives}.
     *
     * @param role       the role
     * @param deployment the deployment
     * @return the account
     */
    public static AccountId of(String role, DeploymentId deployment) {
        return AccountId.of(PREFIX + role + ":" + deployment.value());
    }

    static AccountId user(String field, AccountId account) {
        if (isProtocol(account)) {
            throw notAUser(field, account);
        }
        return account;
    }

    /** Whether an account is one of the protocol's, which cannot act or be credited as a user. */
    static boolean isProtocol(AccountId account) {
        return account.value().startsWith(PREFIX);
    }

    /** The error for a protocol account given as a user under {@code field}. */
    static InvalidArgumentException notAUser(String field, AccountId account) {
        return InvalidArgumentException.of(field, account, "protocol accounts cannot act or be credited as users");
    }
}
