package io.fomo.core.emission;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigInteger;

/** Shared exact arithmetic of the schedules. */
final class Schedules {

    private Schedules() {
    }

    static void requireTime(long t) {
        if (t < 0) {
            throw InvalidArgumentException.of("t", t, "must not be negative");
        }
    }

    /** The denominator of a rate's per-second value over {@link Rate#scaledAmount()}. */
    static BigInteger denominator(Rate rate) {
        return BigInteger.valueOf(rate.seconds()).multiply(BigInteger.TEN.pow(rate.amountScale()));
    }

    /** floor(num / den) tokens, as base units: floor(num * 10^d / den). */
    static Amount floor(Asset asset, BigInteger num, BigInteger den) {
        BigInteger units = num.multiply(BigInteger.TEN.pow(asset.decimals())).divide(den);
        return Amount.ofUnits(asset, units);
    }
}
