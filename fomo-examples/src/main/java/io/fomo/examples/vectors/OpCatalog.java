package io.fomo.examples.vectors;

import io.fomo.examples.vectors.ops.EconomyOps;
import io.fomo.examples.vectors.ops.EpochOps;
import io.fomo.examples.vectors.ops.JournalOps;
import io.fomo.examples.vectors.ops.LaunchOps;
import io.fomo.examples.vectors.ops.MathOps;
import io.fomo.examples.vectors.ops.ProtectionOps;
import io.fomo.examples.vectors.ops.RewardsOps;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operations the runner knows, by their VECTORS.md name. Each family of ops registers itself from
 * one class in {@code io.fomo.examples.vectors.ops}.
 *
 * <p>This class is immutable and thread-safe once built.
 */
public final class OpCatalog {

    /** Receives the registrations of one family of ops. */
    @FunctionalInterface
    public interface Registrar {
        /**
         * Registers one op.
         *
         * @param name the op's VECTORS.md name, such as {@code allocate.proRata}
         * @param op   the implementation
         * @throws IllegalStateException if the name is taken
         */
        void add(String name, VectorOp op);
    }

    private final Map<String, VectorOp> ops;

    private OpCatalog(Map<String, VectorOp> ops) {
        this.ops = Collections.unmodifiableMap(ops);
    }

    /**
     * Returns the catalog of every op this SDK implements.
     *
     * @return the catalog
     */
    public static OpCatalog standard() {
        Map<String, VectorOp> ops = new TreeMap<>();
        Registrar r = (name, op) -> {
            Objects.requireNonNull(op, name);
            if (ops.putIfAbsent(name, op) != null) {
                throw new IllegalStateException("op registered twice: " + name);
            }
        };
        MathOps.register(r);
        LaunchOps.register(r);
        EconomyOps.register(r);
        RewardsOps.register(r);
        EpochOps.register(r);
        JournalOps.register(r);
        ProtectionOps.register(r);
        return new OpCatalog(ops);
    }

    /**
     * Returns a catalog with one more op, for embedders that check their own rules with the same runner
     * (and for tests of the runner itself).
     *
     * @param name the op's name, not yet taken
     * @param op   the implementation
     * @return a new catalog; this one is unchanged
     * @throws IllegalStateException if the name is taken
     */
    public OpCatalog with(String name, VectorOp op) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        if (ops.containsKey(name)) {
            throw new IllegalStateException("op registered twice: " + name);
        }
        Map<String, VectorOp> more = new TreeMap<>(ops);
        more.put(name, op);
        return new OpCatalog(more);
    }

    /**
     * Looks an op up by name.
     *
     * @param name the op's name
     * @return the op, or empty when unknown
     */
    public Optional<VectorOp> find(String name) {
        return Optional.ofNullable(ops.get(name));
    }

    /**
     * Returns the names of every op, sorted.
     *
     * @return the names
     */
    public java.util.Set<String> names() {
        return ops.keySet();
    }
}
