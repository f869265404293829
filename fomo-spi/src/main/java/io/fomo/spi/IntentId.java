package io.fomo.spi;

/**
 * Identifies one token intent; the key by which a {@link ChainGateway} executes it at most once.
 *
 * <p>Ids compare by their text (code point order), which gives every ordered output of the SDK one
 * deterministic order.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class IntentId implements Comparable<IntentId> {

    private final String value;

    private IntentId(String value) {
        this.value = value;
    }

    /**
     * Returns the id with this text.
     *
     * @param value the text: 1 to 128 characters, no control characters, no leading or trailing space
     * @return the id
     * @throws InvalidArgumentException if the text is blank, too long or has control characters
     */
    public static IntentId of(String value) {
        return new IntentId(validate(Ids.check("intentId", value)));
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
    public int compareTo(IntentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntentId o && o.value.equals(value);
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
