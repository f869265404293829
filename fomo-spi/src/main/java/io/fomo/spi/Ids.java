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
        for (int i = 0; i < value.length(); ) {
            char unit = value.charAt(i);
            if (unit >= ' ' && unit <= '~') {
                i++;
                continue; // printable ASCII: never a control, invisible or non-space whitespace character
            }
            // By code point, so a supplementary format character (such as a U+E0001 tag) is caught too.
            int c = value.codePointAt(i);
            if (Character.isSurrogate(unit) && c == unit) {
                throw InvalidArgumentException.of(field, '"' + value + '"', "must be valid Unicode: an unpaired "
                        + "surrogate at index " + i + " cannot be written as UTF-8");
            }
            int type = Character.getType(c);
            boolean invisible = type == Character.FORMAT || type == Character.SPACE_SEPARATOR && c != ' '
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ' || invisible) {
                throw InvalidArgumentException.of(field, '"' + value + '"',
                        "must not contain control or invisible characters (at index " + i + ")");
            }
            i += Character.charCount(c);
        }
        if (!value.strip().equals(value)) {
            throw InvalidArgumentException.of(field, '"' + value + '"', "must not start or end with a space");
        }
        return value;
    }

    /**
     * Whether a text is 1 to {@code maxLength} characters of {@code A-Z a-z 0-9 . _ -} starting with a
     * letter or digit: the regular expression {@code [A-Za-z0-9][A-Za-z0-9._-]{0,maxLength-1}}, without
     * building a matcher per call.
     */
    static boolean isSymbol(String value, int maxLength) {
        int n = value.length();
        if (n < 1 || n > maxLength || !isAlnum(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (!isAlnum(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
