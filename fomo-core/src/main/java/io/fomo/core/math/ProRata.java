package io.fomo.core.math;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.CodePointOrder;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Divides a total among recipients in proportion to their weights, exactly, in base units.
 *
 * <p>Every recipient first gets the floor of its ideal share {@code total * w / sum(w)}. The units left
 * over (fewer than the number of recipients) are then handled by the {@link Method}:
 * <ul>
 *   <li>{@link Method#FLOOR_WITH_DUST}: they stay undistributed, as dust, for the caller to sink.</li>
 *   <li>{@link Method#LARGEST_REMAINDER}: one unit each goes to the recipients with the largest
 *       fractional remainder; ties go to the smaller recipient in the recipients' natural order (text keys:
 *       code point order, see {@link CodePointOrder}). Each
 *       result is then within one base unit of its ideal share, and dust is zero.</li>
 * </ul>
 * Results depend only on the map's contents, never on its iteration order.
 *
 * <p>This class is thread-safe; it has no state.
 */
public final class ProRata {

    /** How the units left after flooring are handled. */
    public enum Method {
        /** Every share is floored; the remainder is returned as dust. */
        FLOOR_WITH_DUST,
        /** The remainder goes, one unit each, to the largest fractional remainders (ties: smaller key). */
        LARGEST_REMAINDER
    }

    private ProRata() {
    }

    /**
     * Divides a total by weights.
     *
     * @param total   the amount to divide
     * @param weights each recipient's weight: not negative, any scale, at least one positive
     * @param method  what to do with the units left after flooring
     * @param <K>     the type of recipient, ordered naturally (text by code point) for tie-breaks and output
     *                order
     * @return the allocation, with shares in ascending recipient order
     * @throws InvalidArgumentException if there are no recipients, a weight is negative, all are zero, or two
     *                                  recipients are equal in natural order though not equal as keys
     */
    public static <K extends Comparable<? super K>> Allocation<K> allocate(Amount total, Map<K, BigDecimal> weights,
            Method method) {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(method, "method");
        if (weights.isEmpty()) {
            throw InvalidArgumentException.of("weights", "{}", "at least one recipient is required");
        }
        TreeMap<K, BigDecimal> sorted = new TreeMap<>(order());
        int scale = 0;
        for (Map.Entry<K, BigDecimal> e : weights.entrySet()) {
            K key = Objects.requireNonNull(e.getKey(), "weights key");
            BigDecimal w = e.getValue();
            if (w == null || w.signum() < 0) {
                throw InvalidArgumentException.of("weights[" + key + "]", w == null ? "null" : w.toPlainString(),
                        "must not be negative");
            }
            if (sorted.containsKey(key)) {
                // Two keys can differ under equals yet be one under compareTo (1.0 and 1.00): merged, one
                // weight would be lost and the survivor would depend on iteration order.
                throw InvalidArgumentException.of("weights[" + key + "]", w.toPlainString(),
                        "is the same recipient as " + sorted.ceilingKey(key) + " in natural order (compareTo)");
            }
            sorted.put(key, w);
            scale = Math.max(scale, w.scale());
        }
        int n = sorted.size();
        List<K> keys = new ArrayList<>(sorted.keySet());
        BigInteger[] w = new BigInteger[n];
        BigInteger sum = BigInteger.ZERO;
        int i = 0;
        for (BigDecimal v : sorted.values()) {
            w[i] = v.setScale(scale).unscaledValue();
            sum = sum.add(w[i]);
            i++;
        }
        if (sum.signum() == 0) {
            throw InvalidArgumentException.of("weights", sorted, "must not all be zero");
        }
        return divide(total, keys, w, sum, method);
    }

    /**
     * The order of recipients: their natural order, except that text keys go by code point (as
     * {@link io.fomo.spi.AccountId} and the other ids do), not by {@link String#compareTo}'s UTF-16 units.
     */
    private static <K extends Comparable<? super K>> Comparator<K> order() {
        return (a, b) -> a instanceof String sa && b instanceof String sb
                ? CodePointOrder.instance().compare(sa, sb) : a.compareTo(b);
    }

    /**
     * Divides a total by integer weights given in the recipients' ascending order. This is the allocation
     * core, exposed for callers (like epoch distribution) that already hold sorted keys and integer
     * weights and must not pay for a map.
     *
     * @param total   the amount to divide
     * @param keys    the recipients, in strictly ascending order
     * @param weights the weights, index for index with the keys, not negative
     * @param sum     the sum of the weights, positive
     * @param method  what to do with the units left after flooring
     * @param <K>     the type of recipient
     * @return the allocation
     */
    static <K> Allocation<K> divide(Amount total, List<K> keys, BigInteger[] weights, BigInteger sum,
            Method method) {
        int n = keys.size();
        Asset asset = total.asset();
        BigInteger units = total.units();
        BigInteger[] part = new BigInteger[n];
        BigInteger[] rem = new BigInteger[n];
        BigInteger given = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = units.multiply(weights[i]).divideAndRemainder(sum);
            part[i] = qr[0];
            rem[i] = qr[1];
            given = given.add(qr[0]);
        }
        BigInteger left = units.subtract(given);
        if (method == Method.LARGEST_REMAINDER && left.signum() > 0) {
            // left < n, so it fits in an int.
            int extra = left.intValueExact();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // Largest remainder first; on a tie the smaller key (lower index) first.
            Arrays.sort(order, Comparator.<Integer, BigInteger>comparing(j -> rem[j]).reversed()
                    .thenComparing(j -> j));
            for (int j = 0; j < extra; j++) {
                part[order[j]] = part[order[j]].add(BigInteger.ONE);
            }
            left = BigInteger.ZERO;
        }
        Map<K, Amount> shares = new java.util.LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            shares.put(keys.get(i), Amount.ofUnits(asset, part[i]));
        }
        return new Allocation<>(total, shares, Amount.ofUnits(asset, left));
    }
}
