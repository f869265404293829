package io.fomo.spi;

/**
 * Identifies one journaled event or command (the idempotency key of an append).
 *
 * <p>Ids compare by their text (code point order), which gives every ordered output of the SDK one
 * deterministic order; two ids are equal when they are of the same kind and have the same text.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class EventId extends TextId<EventId> {

    private EventId(String value) {
        super(value);
    }

    /**
     * Returns the id with this text.
     *
     * @param value the text: 1 to 128 characters, no control characters, no leading or trailing space
     * @return the id
     * @throws InvalidArgumentException if the text is blank, too long or has control characters
     */
    public static EventId of(String value) {
        return new EventId(Ids.check("eventId", value));
    }

}
