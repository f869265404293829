package io.fomo.meter;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How a mapped model's calls are priced before the deployment's staking discount and floor: by tokens at
 * prices per million, or at the cost the usage log metered. Either way the list charge is rounded once,
 * UP, to USD micro-units (what a user pays rounds up: FOMO-SPEC §0).
 */
public sealed interface ModelPrice {

    /**
     * Returns a call's list charge.
     *
     * @param record the call
     * @return the charge in USD
     * @throws MalformedRecordException if the price takes the metered cost and the record has none
     */
    Amount listCharge(UsageRecord record);

    /**
     * Prices per million tokens, in USD. Cached input tokens are part of the input tokens: they are billed
     * once, at the cached price, and the rest of the input at the input price.
     *
     * @param inputPerMillion       USD per million uncached input tokens, not negative
     * @param cachedInputPerMillion USD per million cached input tokens, not negative
     * @param outputPerMillion      USD per million output tokens, not negative
     */
    record PerMillionTokens(BigDecimal inputPerMillion, BigDecimal cachedInputPerMillion, BigDecimal outputPerMillion)
            implements ModelPrice {

        /**
         * Checks the prices.
         *
         * @param inputPerMillion       USD per million uncached input tokens, not negative
         * @param cachedInputPerMillion USD per million cached input tokens, not negative
         * @param outputPerMillion      USD per million output tokens, not negative
         * @throws InvalidArgumentException if a price is negative
         */
        public PerMillionTokens {
            check("inputPerMillion", inputPerMillion);
            check("cachedInputPerMillion", cachedInputPerMillion);
            check("outputPerMillion", outputPerMillion);
            // Numerical equality is what matters for a price; fix the scale so that record equality agrees.
            inputPerMillion = inputPerMillion.stripTrailingZeros();
            cachedInputPerMillion = cachedInputPerMillion.stripTrailingZeros();
            outputPerMillion = outputPerMillion.stripTrailingZeros();
        }

        private static void check(String field, BigDecimal v) {
            Objects.requireNonNull(v, field);
            if (v.signum() < 0) {
                throw InvalidArgumentException.of(field, v.toPlainString(), "must not be negative");
            }
        }

        @Override
        public Amount listCharge(UsageRecord record) {
            BigDecimal micro = BigDecimal.valueOf(record.tokens().uncachedInput()).multiply(inputPerMillion)
                    .add(BigDecimal.valueOf(record.tokens().cachedInput()).multiply(cachedInputPerMillion))
                    .add(BigDecimal.valueOf(record.tokens().output()).multiply(outputPerMillion));
            return Amount.of(Asset.USD, micro.movePointLeft(6), RoundingMode.UP);
        }
    }

    /** The cost the usage log metered (LiteLLM {@code spend}, a CloudEvent's {@code data.cost}), as it is. */
    record Metered() implements ModelPrice {
        @Override
        public Amount listCharge(UsageRecord record) {
            BigDecimal cost = record.meteredCost().orElseThrow(() -> new MalformedRecordException(record.source(),
                    record.line(), "cost", RecordNode.MISSING, "model " + record.model()
                            + " is priced at the metered cost, and this record carries none"));
            return Amount.of(Asset.USD, cost, RoundingMode.UP);
        }
    }
}
