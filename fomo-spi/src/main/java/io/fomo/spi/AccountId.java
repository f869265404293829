package io.fomo.spi;

/**
 * Identifies an account: a supporter, an issuer, a user, a staker, the platform or a treasury.
 *
 * <p>Ids compare by their text (code point order), which gives every ordered output of the SDK one
 * deterministic order.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AccountId implements Comparable<AccountId> {

    private final String value;

    private AccountId(String value) {
        this.value = value;
    }

    /**
     * Returns the id with this text.
     *
     * @param value the text: 1 to 128 characters, no control characters, no leading or trailing space
     * @return the id
     * @throws InvalidArgumentException if the text is blank, too long or has control characters
     */
    public static AccountId of(String value) {
        return new AccountId(validate(Ids.check("accountId", value)));
    }

    /**
     * Returns the text of the id.
     *
     * @return the text
     */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountId o && o.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns the text of the id.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return value;
    }

    private static String validate(String value) {
        return value;
    }
}
