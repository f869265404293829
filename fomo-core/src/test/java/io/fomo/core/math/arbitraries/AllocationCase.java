package io.fomo.core.math.arbitraries;

import io.fomo.spi.Amount;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A total and one set of weights, given in two independent random insertion orders (the same entries,
 * permuted), so that properties can check that the order of a map never matters.
 */
public final class AllocationCase {

    /** One recipient and its weight. */
    public static final class Entry {
        private final String key;
        private final BigDecimal weight;

        Entry(String key, BigDecimal weight) {
            this.key = key;
            this.weight = weight;
        }

        /**
         * Returns the recipient.
         *
         * @return the key
         */
        public String key() {
            return key;
        }

        /**
         * Returns the weight.
         *
         * @return the weight, not negative
         */
        public BigDecimal weight() {
            return weight;
        }

        @Override
        public String toString() {
            return key + "=" + weight.toPlainString();
        }
    }

    private final Amount total;
    private final List<Entry> first;
    private final List<Entry> second;

    AllocationCase(Amount total, List<Entry> first, List<Entry> second) {
        this.total = total;
        this.first = List.copyOf(first);
        this.second = List.copyOf(second);
    }

    /**
     * Returns the total to divide.
     *
     * @return the total
     */
    public Amount total() {
        return total;
    }

    /**
     * Returns the weights in the first random order.
     *
     * @return a new map, insertion-ordered
     */
    public LinkedHashMap<String, BigDecimal> first() {
        return toMap(first);
    }

    /**
     * Returns the same weights in the second random order.
     *
     * @return a new map, insertion-ordered
     */
    public LinkedHashMap<String, BigDecimal> second() {
        return toMap(second);
    }

    /**
     * Returns the entries in the first order.
     *
     * @return an unmodifiable list
     */
    public List<Entry> entries() {
        return first;
    }

    private static LinkedHashMap<String, BigDecimal> toMap(List<Entry> entries) {
        LinkedHashMap<String, BigDecimal> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.put(e.key, e.weight);
        }
        return map;
    }

    @Override
    public String toString() {
        return "AllocationCase[total=" + total + " (" + total.units() + " units), first=" + first
                + ", second=" + second + "]";
    }
}
