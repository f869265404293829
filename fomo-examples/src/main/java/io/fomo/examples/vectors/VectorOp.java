package io.fomo.examples.vectors;

import java.util.Map;

/**
 * One operation of the conformance vector catalog (VECTORS.md): reads a vector's {@code input} and
 * returns the outputs to compare with its {@code expect}.
 *
 * <p>Output values may be {@link io.fomo.spi.Amount}, {@link java.math.BigDecimal} (both written as plain
 * decimal strings), {@link String}, {@link Integer}, {@link Long}, {@link Boolean}, {@link Enum},
 * {@code Map<String, ?>} and {@code List<?>}. A model error is reported by throwing the model's
 * {@link io.fomo.spi.FomoException}; a missing or mistyped input field by the {@link VectorInput}
 * accessors' {@link MalformedVectorException}.
 */
@FunctionalInterface
public interface VectorOp {

    /**
     * Runs the operation.
     *
     * @param in the vector's input
     * @return the outputs, by expect key
     */
    Map<String, Object> run(VectorInput in);
}
