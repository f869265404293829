package io.fomo.spi;

/**
 * Raised when a cap, bound or limit would be exceeded; its code is {@link ErrorCode#LIMIT_EXCEEDED}.
 */
public non-sealed class LimitExceededException extends FomoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error with a complete message.
     *
     * @param message what was wrong, naming the field and the value
     */
    public LimitExceededException(String message) {
        super(message);
    }

    /**
     * Creates the error with a complete message and its cause.
     *
     * @param message what was wrong, naming the field and the value
     * @param cause   the underlying failure
     */
    public LimitExceededException(String message, Throwable cause) {
        super(message, cause);
    }

    LimitExceededException(String field, Object value, String reason) {
        super(field, value, reason);
    }

    /**
     * Creates the error for one rejected field, with the message {@code "<field> = <value>: <reason>"}.
     *
     * @param field  the name of the field or parameter
     * @param value  the rejected value
     * @param reason what was expected instead
     * @return the error, to be thrown by the caller
     */
    public static LimitExceededException of(String field, Object value, String reason) {
        return new LimitExceededException(field, value, reason);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.LIMIT_EXCEEDED;
    }
}
