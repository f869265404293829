package io.fomo.examples.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;

/**
 * Writes a page's data as JSON that is safe inside an HTML script element: Jackson's escapes, plus
 * {@code < > &} and the two JavaScript line separators (U+2028, U+2029), so no value can end the script
 * element or break the script. The one writer of every page the command line produces (the run report,
 * the bands of many runs).
 */
public final class ScriptJson {

    /** Decimals as written (never exponents), non-ASCII as itself, the script-safe escapes. */
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build().writer().with(new Escapes());

    private ScriptJson() {
    }

    /**
     * Writes a tree.
     *
     * @param data the page's data
     * @return its JSON text, safe to place inside a script element
     */
    public static String write(JsonNode data) {
        try {
            return WRITER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Jackson tree is always writable", e);
        }
    }

    private static final class Escapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private final int[] table;

        Escapes() {
            table = standardAsciiEscapesForJSON();
            table['<'] = ESCAPE_STANDARD;
            table['>'] = ESCAPE_STANDARD;
            table['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    }
}
