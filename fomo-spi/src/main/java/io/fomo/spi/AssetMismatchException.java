package io.fomo.spi;

/**
 * Raised when two amounts of different assets meet in one operation (adding FLOCK to USDC, say).
 * Its code is {@link ErrorCode#INVALID_ARGUMENT}.
 */
public final class AssetMismatchException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param field    the field or operand that carried the wrong asset
     * @param expected the asset the operation works in
     * @param actual   the asset that was given
     */
    public AssetMismatchException(String field, Asset expected, Asset actual) {
        super(field, actual + " (" + actual.decimals() + " decimals)",
                "expected an amount of " + expected + " (" + expected.decimals() + " decimals)");
    }
}
