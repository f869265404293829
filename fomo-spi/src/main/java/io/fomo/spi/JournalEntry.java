package io.fomo.spi;

import io.fomo.spi.internal.HandedOver;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One event as the journal stores it: a type, an opaque payload and the time it was recorded.
 *
 * <p>The journal does not interpret the payload; the engine's event codec does. The payload array is
 * copied on the way in and on the way out, so neither the caller nor the journal can change a stored
 * event. (The engine alone, through a package exported to it only, hands over the arrays it has just
 * encoded and never writes to again, so that a record of megabytes is not copied in.) Two entries are equal when their types, payload bytes and timestamps are equal; a journal
 * returns entries equal to the ones appended (the timestamp exact to the nanosecond).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JournalEntry {

    static {
        HandedOver.install(JournalEntry::owning, e -> e.payload);
    }

    private final String type;
    private final byte[] payload;
    private final Instant timestamp;

    private JournalEntry(String type, byte[] payload, Instant timestamp) {
        this.type = type;
        this.payload = payload;
        this.timestamp = timestamp;
    }

    /**
     * Returns an entry.
     *
     * @param type      the event type: 1 to 128 characters, no control characters, no leading or
     *                  trailing space
     * @param payload   the encoded event, possibly empty; copied
     * @param timestamp when the event was recorded
     * @return the entry
     * @throws InvalidArgumentException if the type is blank, too long or has control characters
     */
    public static JournalEntry of(String type, byte[] payload, Instant timestamp) {
        Objects.requireNonNull(payload, "payload");
        return owning(type, payload.clone(), timestamp);
    }

    // An entry that keeps the array: of's copy, or an array the engine hands over (HandedOver).
    private static JournalEntry owning(String type, byte[] payload, Instant timestamp) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(timestamp, "timestamp");
        return new JournalEntry(Ids.check("type", type), payload, timestamp);
    }

    /**
     * Returns the event type.
     *
     * @return the type
     */
    public String type() {
        return type;
    }

    /**
     * Returns a copy of the payload.
     *
     * @return the payload bytes, a fresh array on every call
     */
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Returns the size of the payload.
     *
     * @return the number of payload bytes
     */
    public int payloadSize() {
        return payload.length;
    }

    /**
     * Returns when the event was recorded.
     *
     * @return the timestamp
     */
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalEntry e && e.type.equals(type) && e.timestamp.equals(timestamp)
                && Arrays.equals(e.payload, payload);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + timestamp.hashCode()) * 31 + Arrays.hashCode(payload);
    }

    /**
     * Returns the type, timestamp and payload size (not the payload).
     *
     * @return for example {@code "PoolSwapped@2026-01-01T00:00:00Z (42 bytes)"}
     */
    @Override
    public String toString() {
        return type + '@' + timestamp + " (" + payload.length + " bytes)";
    }
}
