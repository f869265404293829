package io.fomo.spi;

import java.util.Objects;

/** Validation shared by the identifier types. */
final class Ids {

    static final int MAX_LENGTH = 128;

    private Ids() {
    }

    static String check(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw InvalidArgumentException.of(field, '"' + value + '"', "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw InvalidArgumentException.of(field, '"' + value.substring(0, 16) + "...\"",
                    "must be at most " + MAX_LENGTH + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            boolean invisible = type == Character.FORMAT || type == Character.SPACE_SEPARATOR && c != ' '
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ' || invisible) {
                throw InvalidArgumentException.of(field, '"' + value.replaceAll("\\p{Cntrl}", "?") + '"',
                        "must not contain control or invisible characters (at index " + i + ")");
            }
        }
        if (!value.strip().equals(value)) {
            throw InvalidArgumentException.of(field, '"' + value + '"', "must not start or end with a space");
        }
        return value;
    }
}
