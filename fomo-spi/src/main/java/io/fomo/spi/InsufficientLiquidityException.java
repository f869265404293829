package io.fomo.spi;

/**
 * Raised when a pool, curve or balance cannot provide what was asked for; its code is {@link ErrorCode#INSUFFICIENT_LIQUIDITY}.
 */
public non-sealed class InsufficientLiquidityException extends FomoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error with a complete message.
     *
     * @param message what was wrong, naming the field and the value
     */
    public InsufficientLiquidityException(String message) {
        super(message);
    }

    /**
     * Creates the error with a complete message and its cause.
     *
     * @param message what was wrong, naming the field and the value
     * @param cause   the underlying failure
     */
    public InsufficientLiquidityException(String message, Throwable cause) {
        super(message, cause);
    }

    InsufficientLiquidityException(String field, Object value, String reason) {
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
    public static InsufficientLiquidityException of(String field, Object value, String reason) {
        return new InsufficientLiquidityException(field, value, reason);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INSUFFICIENT_LIQUIDITY;
    }
}
