package io.fomo.spi;

/**
 * Identifies one token intent; the key by which a {@link ChainGateway} executes it at most once.
 *
 * <p>Ids compare by their text (code point order), which gives every ordered output of the SDK one
 * deterministic order; two ids are equal when they are of the same kind and have the same text.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class IntentId extends TextId<IntentId> {

    private IntentId(String value) {
        super(value);
    }

    /**
     * Returns the id with this text.
     *
     * @param value the text: 1 to 128 characters, no control characters, no leading or trailing space
     * @return the id
     * @throws InvalidArgumentException if the text is blank, too long or has control characters
     */
    public static IntentId of(String value) {
        return new IntentId(Ids.check("intentId", value));
    }

}
