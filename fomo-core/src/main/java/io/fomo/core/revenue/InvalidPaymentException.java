package io.fomo.core.revenue;

import io.fomo.spi.InvalidArgumentException;
import java.util.Objects;

/**
 * A usage payment that is wrong in itself (a bad amount or a wrong asset); code INVALID_ARGUMENT.
 * Nothing was recorded or routed.
 */
public final class InvalidPaymentException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    /** The reason. */
    private final PaymentRejection reason;

    InvalidPaymentException(PaymentRejection reason, String field, Object value, String why) {
        super(field, value, why);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns why the payment was rejected.
     *
     * @return {@link PaymentRejection#BAD_AMOUNT} or {@link PaymentRejection#WRONG_ASSET}
     */
    public PaymentRejection reason() {
        return reason;
    }
}
