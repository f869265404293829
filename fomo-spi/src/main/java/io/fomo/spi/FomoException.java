package io.fomo.spi;

/**
 * The root of every error the SDK raises on purpose. Each carries one {@link ErrorCode}, and a message
 * that names the offending field and value. An operation that throws leaves every balance and state it
 * was given unchanged.
 *
 * <p>The hierarchy is closed at this level: the four subclasses map one to one onto the error codes and
 * may themselves be extended for more specific cases (for example {@link AssetMismatchException}).
 */
public abstract sealed class FomoException extends RuntimeException
        permits InvalidArgumentException, InvalidStateException, InsufficientLiquidityException,
        LimitExceededException {

    private static final long serialVersionUID = 1L;

    /** The most characters of a rejected value that a message or {@link #rejectedValue()} quotes. */
    public static final int MAX_QUOTED = 96;

    /** The most characters of a whole message; past it the message is cut and says how long it was. */
    public static final int MAX_MESSAGE = 2_000;

    /** Room for the "... (N characters)" that ends a cut text, so a cut message stays within MAX_MESSAGE. */
    private static final int CUT_MARK = 32;

    /** The rejected field's name, empty when the error concerns no single field. */
    private final String field;
    /** The rejected value as quoted in the message, empty when the error concerns no single field. */
    private final String rejectedValue;

    FomoException(String message) {
        this(message, (Throwable) null);
    }

    FomoException(String message, Throwable cause) {
        super(bounded(message, MAX_MESSAGE - CUT_MARK), cause);
        this.field = "";
        this.rejectedValue = "";
    }

    FomoException(String field, Object value, String reason) {
        super(bounded(describe(field, value, reason), MAX_MESSAGE - CUT_MARK));
        this.field = field;
        this.rejectedValue = quote(value);
    }

    /**
     * Returns the name of the rejected field or parameter.
     *
     * @return the field, or an empty string when the error concerns no single field
     */
    public String field() {
        return field;
    }

    /**
     * Returns the rejected value as quoted in the message: at most {@link #MAX_QUOTED} characters of it,
     * with control and invisible characters escaped as a backslash-u sequence, so that no input reaches a
     * terminal or a log verbatim.
     *
     * @return the quoted value, or an empty string when the error concerns no single field
     */
    public String rejectedValue() {
        return rejectedValue;
    }

    /**
     * Returns the language-neutral code of this error.
     *
     * @return the error code, never null
     */
    public abstract ErrorCode code();

    /**
     * Formats the standard message of a rejected field: {@code "<field> = <value>: <reason>"}.
     *
     * @param field  the name of the field or parameter
     * @param value  the rejected value (rendered with {@code String.valueOf})
     * @param reason what was expected
     * @return the message
     */
    static String describe(String field, Object value, String reason) {
        return field + " = " + quote(value) + ": " + bounded(reason, MAX_MESSAGE);
    }

    /**
     * Renders a value for a message in time and space bounded by {@link #MAX_QUOTED}: a huge decimal is
     * shown in scientific notation (never expanded), a long text by its prefix and its length, and any
     * control, format or unpaired surrogate character as an escape.
     */
    static String quote(Object value) {
        String text;
        if (value instanceof java.math.BigDecimal d) {
            // A plain rendering only where it stays short; toString never expands an exponent, so
            // 1E-999999999 stays 12 characters instead of a billion.
            boolean shortPlain = d.scale() >= -32 && d.scale() <= 4 * MAX_QUOTED
                    && d.unscaledValue().bitLength() <= 12 * MAX_QUOTED;
            text = shortPlain ? d.toPlainString() : d.toString();
        } else if (value instanceof java.math.BigInteger b && b.bitLength() > 4 * MAX_QUOTED) {
            text = "(an integer of " + b.bitLength() + " bits)";
        } else {
            text = String.valueOf(value);
        }
        return bounded(text, MAX_QUOTED);
    }

    static String bounded(String text, int max) {
        if (text == null) {
            return "null";
        }
        int n = text.length();
        // The bound is on what is shown: an escape takes six characters, so a text of control characters
        // is cut after fewer of them.
        StringBuilder b = new StringBuilder(Math.min(n, max) + 32);
        int i = 0;
        for (; i < n && b.length() < max; i++) {
            char c = text.charAt(i);
            boolean unpaired = Character.isHighSurrogate(c) && (i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            int type = Character.getType(c);
            if (c < ' ' || c == 0x7f || Character.isISOControl(c) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || unpaired) {
                b.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c)) {
                // A pair goes in whole: a cut between its halves would leave a lone surrogate in the message.
                b.append(c).append(text.charAt(++i));
            } else {
                b.append(c);
            }
        }
        if (i < n) {
            b.append("... (").append(n).append(" characters)");
        }
        return b.toString();
    }
}
