package io.fomo.spi;

/**
 * The root of every error the SDK raises on purpose. Each carries one {@link ErrorCode}, and a message
 * that names the offending field and value. An operation that throws leaves every balance and state it
 * was given unchanged.
 *
 * <p>The hierarchy is closed at this level: the four subclasses map one to one onto the error codes and
 * may themselves be extended for more specific cases (for example {@link AssetMismatchException}).
 */
public abstract sealed class FomoException extends RuntimeException
        permits InvalidArgumentException, InvalidStateException, InsufficientLiquidityException,
        LimitExceededException {

    private static final long serialVersionUID = 1L;

    FomoException(String message) {
        super(message);
    }

    FomoException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Returns the language-neutral code of this error.
     *
     * @return the error code, never null
     */
    public abstract ErrorCode code();

    /**
     * Formats the standard message of a rejected field: {@code "<field> = <value>: <reason>"}.
     *
     * @param field  the name of the field or parameter
     * @param value  the rejected value (rendered with {@code String.valueOf})
     * @param reason what was expected
     * @return the message
     */
    static String describe(String field, Object value, String reason) {
        return field + " = " + value + ": " + reason;
    }
}
