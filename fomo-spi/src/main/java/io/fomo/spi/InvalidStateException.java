package io.fomo.spi;

/**
 * Raised when an action is not allowed in the current state or at the current time; its code is {@link ErrorCode#INVALID_STATE}.
 */
public non-sealed class InvalidStateException extends FomoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error with a complete message.
     *
     * @param message what was wrong, naming the field and the value
     */
    public InvalidStateException(String message) {
        super(message);
    }

    /**
     * Creates the error with a complete message and its cause.
     *
     * @param message what was wrong, naming the field and the value
     * @param cause   the underlying failure
     */
    public InvalidStateException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the error for one rejected field, with the message {@code "<field> = <value>: <reason>"}, for
     * subclasses: {@link #field()} and {@link #rejectedValue()} (a bounded, escaped quote) are set.
     *
     * @param field  the name of the field or parameter
     * @param value  the rejected value
     * @param reason what was expected instead
     */
    protected InvalidStateException(String field, Object value, String reason) {
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
    public static InvalidStateException of(String field, Object value, String reason) {
        return new InvalidStateException(field, value, reason);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_STATE;
    }
}
