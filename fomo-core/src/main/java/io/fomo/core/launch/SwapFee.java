package io.fomo.core.launch;

import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The launch swap fee (FOMO-SPEC §1.5), taken from the gross input: {@code fee = gross·f / 10,000} and
 * {@code net = gross − fee}. When only part of an input is filled (an overfill at the max target), the
 * fee on the filled net part is {@code net·f / (10,000 − f)}, the fee of the gross that nets to it,
 * never more than the fee of the whole input.
 *
 * <p>This class is thread-safe; it has no state.
 */
public final class SwapFee {

    private static final BigInteger W = BigInteger.valueOf(10_000);

    private SwapFee() {
    }

    /**
     * Returns the fee of a gross input.
     *
     * @param gross    the gross input
     * @param feeBps   the fee, 0 to 9,999 bps
     * @param rounding the direction of the single rounding (UP by default: the user pays)
     * @return the fee, of the input's asset
     * @throws InvalidArgumentException if the fee is out of range
     */
    public static Amount onGross(Amount gross, int feeBps, RoundingMode rounding) {
        Objects.requireNonNull(gross, "gross");
        return divide(gross, gross.units().multiply(BigInteger.valueOf(checked(feeBps))), W, rounding);
    }

    /**
     * Returns the fee of the gross input that nets to a given amount: {@code net·f / (10,000 − f)}.
     *
     * @param net      the net amount
     * @param feeBps   the fee, 0 to 9,999 bps
     * @param rounding the direction of the single rounding
     * @return the fee, of the net amount's asset
     * @throws InvalidArgumentException if the fee is out of range
     */
    public static Amount onNet(Amount net, int feeBps, RoundingMode rounding) {
        Objects.requireNonNull(net, "net");
        BigInteger f = BigInteger.valueOf(checked(feeBps));
        return divide(net, net.units().multiply(f), W.subtract(f), rounding);
    }

    private static Amount divide(Amount like, BigInteger num, BigInteger den, RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        BigDecimal q = new BigDecimal(num).divide(new BigDecimal(den), 0, rounding);
        return Amount.ofUnits(like.asset(), q.toBigIntegerExact());
    }

    private static int checked(int feeBps) {
        if (feeBps < 0 || feeBps > 9_999) {
            throw InvalidArgumentException.of("feeBps", feeBps, "must be between 0 and 9999");
        }
        return feeBps;
    }
}
