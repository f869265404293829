package io.fomo.spi;

/**
 * Identifies an account: a supporter, an issuer, a user, a staker, the platform or a treasury.
 *
 * <p>Ids compare by their text (code point order), which gives every ordered output of the SDK one
 * deterministic order; two ids are equal when they are of the same kind and have the same text.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AccountId extends TextId<AccountId> {

    private AccountId(String value) {
        super(value);
    }

    /**
     * Returns the id with this text.
     *
     * @param value the text: 1 to 128 characters, no control characters, no leading or trailing space
     * @return the id
     * @throws InvalidArgumentException if the text is blank, too long or has control characters
     */
    public static AccountId of(String value) {
        return new AccountId(Ids.check("accountId", value));
    }

}
