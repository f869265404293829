package io.fomo.spi;

/**
 * What every text identifier shares: the validated text, ordering by that text (code point order, so
 * every ordered output of the SDK has one deterministic order), and equality of the same kind of id with
 * the same text.
 *
 * @param <T> the concrete id type
 */
abstract class TextId<T extends TextId<T>> implements Comparable<T> {

    private final String value;
    /** Every char is below U+D800, where UTF-16 order and code point order agree (ids are mostly ASCII). */
    private final boolean belowSurrogates;
    /** The value's hash, kept here so that a hash table reads only this object (ids key the engine's tables). */
    private final int hash;

    TextId(String value) {
        this.value = value;
        this.hash = value.hashCode();
        this.belowSurrogates = CodePointOrder.belowSurrogates(value);
    }

    /**
     * Returns the text of the id.
     *
     * @return the text
     */
    public final String value() {
        return value;
    }

    @Override
    public final int compareTo(T other) {
        TextId<?> o = other;
        // String.compareTo is a vectorised intrinsic; it orders by UTF-16 unit, which is code point order
        // unless a surrogate meets a char at or above U+E000.
        return belowSurrogates && o.belowSurrogates ? value.compareTo(o.value)
                : CodePointOrder.instance().compare(value, o.value);
    }

    @Override
    public final boolean equals(Object other) {
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        TextId<?> o = (TextId<?>) other;
        return o.hash == hash && o.value.equals(value);
    }

    @Override
    public final int hashCode() {
        return hash;
    }

    /**
     * Returns the text of the id.
     *
     * @return the text
     */
    @Override
    public final String toString() {
        return value;
    }
}
