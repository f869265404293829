package io.fomo.spi;

/**
 * The four error codes every FOMO implementation agrees on. They are the {@code expectError} values of
 * the conformance vector format, so a port can compare its failures with ours exactly.
 */
public enum ErrorCode {
    /** An input is malformed, out of range, of the wrong asset, or otherwise unacceptable in itself. */
    INVALID_ARGUMENT,
    /** The input is well formed but the target is in a state (or at a time) in which it is not allowed. */
    INVALID_STATE,
    /** A pool, curve or balance cannot provide what was asked for. */
    INSUFFICIENT_LIQUIDITY,
    /** A cap, bound or limit (supply, slippage, target, lock) would be exceeded. */
    LIMIT_EXCEEDED
}
