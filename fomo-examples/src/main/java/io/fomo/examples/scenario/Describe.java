package io.fomo.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;

/** How a JSON value is shown in an error message. */
final class Describe {

    private static final int MAX_SHOWN = 40;

    private Describe() {
    }

    static String value(JsonNode v) {
        if (v == null) {
            return "nothing (the field is missing)";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "string " + quote(v.textValue());
        }
        if (v.isNumber()) {
            return "number " + (v.isBigDecimal() ? v.decimalValue().toString() : v.asText());
        }
        if (v.isBoolean()) {
            return String.valueOf(v.booleanValue());
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array of " + v.size();
        }
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    static String quote(String s) {
        String shown = s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "..." : s;
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < shown.length()
                    && Character.isLowSurrogate(shown.charAt(i + 1))) {
                b.append(c).append(shown.charAt(++i));
            } else if (io.fomo.examples.terminal.TerminalText.isUnsafe(c)) {
                // The command line's one sanitiser decides what may not reach a terminal (C0, C1, bidi...).
                b.append(io.fomo.examples.terminal.TerminalText.escape(String.valueOf(c)));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** The closest name within two edits, for "did you mean" hints; null when none is close. */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
