package io.fomo.meter;

import io.fomo.spi.InvalidArgumentException;

/**
 * A usage record that cannot be read: names the source, the line the record starts on, the field and
 * (a bounded prefix of) its value, so that the record can be found and fixed. Nothing of a malformed
 * record is ever submitted.
 */
public final class MalformedRecordException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_VALUE = 80;

    /** The file or source name the record came from. */
    private final String source;
    /** The 1-based line of the record. */
    private final long line;
    /** The offending field of the record. */
    private final String field;
    /** A bounded quote of the offending value. */
    private final String value;

    /**
     * Creates the error.
     *
     * @param source the file (or stream) name
     * @param line   the 1-based line the record starts on
     * @param field  the field, as a path in the record ({@code usage.prompt_tokens})
     * @param value  the rejected value as written, or {@code "(missing)"}
     * @param reason what was expected instead
     */
    public MalformedRecordException(String source, long line, String field, String value, String reason) {
        super(source + ":" + line + ": field " + field + " = " + bounded(value) + ": " + reason);
        this.source = source;
        this.line = line;
        this.field = field;
        this.value = bounded(value);
    }

    private static String bounded(String value) {
        String v = String.valueOf(value);
        return v.length() <= MAX_VALUE ? v : v.substring(0, MAX_VALUE) + "...";
    }

    /**
     * Returns the source the record came from.
     *
     * @return the file or stream name
     */
    public String source() {
        return source;
    }

    /**
     * Returns the line the record starts on.
     *
     * @return the 1-based line
     */
    public long line() {
        return line;
    }

    /**
     * Returns the rejected field.
     *
     * @return its path in the record
     */
    public String field() {
        return field;
    }

    /**
     * Returns the rejected value, at most 80 characters of it.
     *
     * @return the value as written
     */
    public String value() {
        return value;
    }
}
