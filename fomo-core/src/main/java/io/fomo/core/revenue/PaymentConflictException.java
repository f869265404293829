package io.fomo.core.revenue;

import io.fomo.spi.InvalidStateException;
import java.util.Objects;

/**
 * A usage payment that conflicts with the ledger's state (an unknown deployment, a duplicate id, or a
 * time outside the open epoch); code INVALID_STATE. Nothing was recorded or routed.
 */
public final class PaymentConflictException extends InvalidStateException {

    private static final long serialVersionUID = 1L;

    /** The reason. */
    private final PaymentRejection reason;

    PaymentConflictException(PaymentRejection reason, String field, Object value, String why) {
        super(field, value, why);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns why the payment was rejected.
     *
     * @return the reason
     */
    public PaymentRejection reason() {
        return reason;
    }
}
