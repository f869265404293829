package io.fomo.examples.terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Objects;

/**
 * The command line's one sanitiser for text that reaches a terminal (docs/limits.md, "Text on the
 * terminal"). Input echoed back (error messages, ids, file names, scenario names) may hold characters that
 * a terminal obeys instead of showing: an escape sequence ({@code ESC[2J} clears the screen,
 * {@code ESC]0;...BEL} retitles the window), a carriage return that overwrites the line, a bidirectional
 * override that shows {@code exe.txt} for {@code txt.exe}, a NUL. Each such character is written as a
 * visible escape, {@code \\u001b} for ESC, instead:
 *
 * <ul>
 *   <li>every C0 control (U+0000 to U+001F), DEL (U+007F) and C1 control (U+0080 to U+009F; U+009B
 *       opens a sequence like {@code ESC[});</li>
 *   <li>the bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069) and
 *       every other format (invisible) character, such as U+200B and U+FEFF;</li>
 *   <li>the line and paragraph separators (U+2028, U+2029) and unpaired surrogates.</li>
 * </ul>
 *
 * <p>{@link #escape(CharSequence)} escapes all of them, line feeds included: use it for one value. The
 * streams the command line prints to are {@link #guard(PrintWriter) guarded}: everything written through
 * them is escaped alike except the line feed, which ends the program's own lines. Escaping is applied
 * always, terminal or not; in a file it is harmless. Only the progress meter, which prints numbers and
 * redraws its line with a carriage return, writes to the {@link #raw(PrintWriter) raw} stream.
 *
 * <p>This class is thread-safe; it has no state.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * Tells whether a character must not reach a terminal as it is.
     *
     * @param c the character
     * @return true for C0 and C1 controls, DEL, bidi controls and other format characters, line and
     *         paragraph separators, and surrogates (the caller decides whether a surrogate is paired)
     */
    public static boolean isUnsafe(char c) {
        if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
            return true;
        }
        if (c < 0x7f) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.CONTROL || type == Character.SURROGATE;
    }

    /**
     * Returns a value with every unsafe character, line feeds included, written as a visible
     * {@code \\uXXXX} escape; a well-formed surrogate pair is kept.
     *
     * @param text the text, or null
     * @return the escaped text ({@code "null"} for null)
     */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (b != null) {
                    b.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (b == null) {
                b = new StringBuilder(n + 16).append(text, 0, i);
            }
            appendEscape(b, c);
        }
        return b == null ? text.toString() : b.toString();
    }

    /**
     * Returns a value, rendered with {@code String.valueOf}, escaped as {@link #escape(CharSequence)}.
     *
     * @param value the value, or null
     * @return the escaped text
     */
    public static String escape(Object value) {
        return escape(String.valueOf(value));
    }

    private static void appendEscape(StringBuilder b, char c) {
        b.append("\\u");
        String hex = Integer.toHexString(c);
        for (int k = hex.length(); k < 4; k++) {
            b.append('0');
        }
        b.append(hex);
    }

    /**
     * Returns a stream that writes to {@code out} with every unsafe character but the line feed escaped.
     * Guarding a guarded stream returns it unchanged.
     *
     * @param out the stream to protect
     * @return the guarded stream, auto-flushing on {@code println} like the original
     */
    public static PrintWriter guard(PrintWriter out) {
        Objects.requireNonNull(out, "out");
        return out instanceof Guarded ? out : new Guarded(out);
    }

    /**
     * Returns the stream a guarded stream writes to, for output made only of the program's own text that
     * needs a carriage return (a progress line); any other stream is returned as it is.
     *
     * @param out a stream, guarded or not
     * @return the unguarded stream
     */
    public static PrintWriter raw(PrintWriter out) {
        return out instanceof Guarded g ? g.raw : out;
    }

    /** A print writer over a {@link Sanitising} writer, remembering the stream it protects. */
    private static final class Guarded extends PrintWriter {
        private final PrintWriter raw;

        Guarded(PrintWriter raw) {
            super(new Sanitising(raw), true);
            this.raw = raw;
        }
    }

    /** Escapes unsafe characters but the line feed; a surrogate pair split across two writes is kept whole. */
    private static final class Sanitising extends Writer {
        private final PrintWriter out;
        private char pendingHigh;

        Sanitising(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            StringBuilder b = new StringBuilder(len + 16);
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (pendingHigh != 0) {
                    char high = pendingHigh;
                    pendingHigh = 0;
                    if (Character.isLowSurrogate(c)) {
                        b.append(high).append(c);
                        continue;
                    }
                    appendEscape(b, high);
                }
                if (c == '\n' || !isUnsafe(c)) {
                    b.append(c);
                } else if (Character.isHighSurrogate(c)) {
                    pendingHigh = c;
                } else {
                    appendEscape(b, c);
                }
            }
            out.write(b.toString());
        }

        @Override
        public void flush() throws IOException {
            if (pendingHigh != 0) {
                StringBuilder b = new StringBuilder();
                appendEscape(b, pendingHigh);
                pendingHigh = 0;
                out.write(b.toString());
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }
}
