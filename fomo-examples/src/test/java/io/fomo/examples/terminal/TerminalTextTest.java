package io.fomo.examples.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one sanitiser of the command line: what a terminal would obey is shown, never obeyed. */
class TerminalTextTest {

    /** Characters a terminal obeys, with the escape that must be shown instead. */
    static Stream<Arguments> unsafe() {
        return Stream.of(
                Arguments.of("ESC (starts ESC[2J, ESC]0;title)", '\u001b', "\\u001b"),
                Arguments.of("NUL", '\u0000', "\\u0000"),
                Arguments.of("BEL", '\u0007', "\\u0007"),
                Arguments.of("backspace", '\b', "\\u0008"),
                Arguments.of("carriage return", '\r', "\\u000d"),
                Arguments.of("tab", '\t', "\\u0009"),
                Arguments.of("vertical tab", '\u000b', "\\u000b"),
                Arguments.of("form feed", '\f', "\\u000c"),
                Arguments.of("DEL", '\u007f', "\\u007f"),
                Arguments.of("C1 NEL", '\u0085', "\\u0085"),
                Arguments.of("C1 CSI", '\u009b', "\\u009b"),
                Arguments.of("C1 OSC", '\u009d', "\\u009d"),
                Arguments.of("LRE", '\u202a', "\\u202a"),
                Arguments.of("RLE", '\u202b', "\\u202b"),
                Arguments.of("PDF", '\u202c', "\\u202c"),
                Arguments.of("LRO", '\u202d', "\\u202d"),
                Arguments.of("RLO", '\u202e', "\\u202e"),
                Arguments.of("LRI", '\u2066', "\\u2066"),
                Arguments.of("RLI", '\u2067', "\\u2067"),
                Arguments.of("FSI", '\u2068', "\\u2068"),
                Arguments.of("PDI", '\u2069', "\\u2069"),
                Arguments.of("zero width space", '\u200b', "\\u200b"),
                Arguments.of("RLM", '\u200f', "\\u200f"),
                Arguments.of("BOM", '\ufeff', "\\ufeff"),
                Arguments.of("line separator", '\u2028', "\\u2028"),
                Arguments.of("paragraph separator", '\u2029', "\\u2029"),
                Arguments.of("lone high surrogate", '\ud800', "\\ud800"),
                Arguments.of("lone low surrogate", '\udc00', "\\udc00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafe")
    void anUnsafeCharacterIsShownAsAVisibleEscapeInAValueAndThroughAGuardedStream(String name, char c, String shown) {
        String input = "a" + c + "[2Jb";
        assertEquals("a" + shown + "[2Jb", TerminalText.escape(input), name);
        StringWriter sink = new StringWriter();
        PrintWriter guarded = TerminalText.guard(new PrintWriter(sink));
        guarded.println(input);
        guarded.flush();
        assertEquals("a" + shown + "[2Jb\n", sink.toString(), name);
        assertTrue(TerminalText.isUnsafe(c), name);
    }

    @Test
    void printableTextIncludingPairedSurrogatesAndAccentsIsUnchanged() {
        String text = "qwen-2.5 épée 北京 \ud83d\ude00 $ ~ \\ \"";
        assertSame(text, TerminalText.escape(text));
        StringWriter sink = new StringWriter();
        PrintWriter guarded = TerminalText.guard(new PrintWriter(sink));
        guarded.print(text);
        guarded.flush();
        assertEquals(text, sink.toString());
    }

    @Test
    void aValueEscapesItsLineFeedsButAGuardedStreamKeepsTheProgramsOwnLines() {
        assertEquals("a\\u000ab", TerminalText.escape("a\nb"));
        StringWriter sink = new StringWriter();
        PrintWriter guarded = TerminalText.guard(new PrintWriter(sink));
        guarded.println("line 1");
        guarded.println("line 2: " + TerminalText.escape("forged\nline 3"));
        guarded.flush();
        assertEquals("line 1\nline 2: forged\\u000aline 3\n", sink.toString());
    }

    @Test
    void aSurrogatePairSplitAcrossTwoWritesIsKeptAndALoneOneIsEscapedAtFlush() {
        StringWriter sink = new StringWriter();
        PrintWriter guarded = TerminalText.guard(new PrintWriter(sink));
        guarded.print('\ud83d');
        guarded.print('\ude00');
        guarded.print('\ud83d');
        guarded.flush();
        assertEquals("\ud83d\ude00\\ud83d", sink.toString());
    }

    @Test
    void guardingIsIdempotentAndTheRawStreamIsTheOneGuarded() {
        PrintWriter raw = new PrintWriter(new StringWriter());
        PrintWriter guarded = TerminalText.guard(raw);
        assertSame(guarded, TerminalText.guard(guarded));
        assertSame(raw, TerminalText.raw(guarded));
        assertSame(raw, TerminalText.raw(raw));
        assertFalse(TerminalText.isUnsafe('a'));
        assertEquals("null", TerminalText.escape((Object) null));
    }
}
