package io.fomo.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The journal's fast decimal path gives exactly what the general parser gives, or steps aside. */
class JournalTextProperties {

    @Provide
    Arbitrary<String> plainDecimals() {
        Arbitrary<BigDecimal> d = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(25))
                .flatMap(u -> Arbitraries.integers().between(0, 20).map(scale -> new BigDecimal(u, scale)));
        return d.map(BigDecimal::toPlainString);
    }

    @Property(tries = 2000)
    void theFastPathEqualsTheGeneralParserIncludingTheScale(@ForAll("plainDecimals") String text) {
        byte[] framed = ("USD:6:" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        BigDecimal fast = JournalText.plainDecimal(framed, 6, framed.length);
        BigDecimal general = new BigDecimal(text);
        if (fast != null) {
            assertEquals(general, fast);
            assertEquals(general.scale(), fast.scale());
        } else {
            // Only more than 36 digits leave the fast path for such text.
            assertEquals(true, text.replace(".", "").length() > 36, text);
        }
    }

    @Property(tries = 500)
    void anythingButAPlainDecimalStepsAside(@ForAll("oddTexts") String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertNull(JournalText.plainDecimal(b, 0, b.length), text);
    }

    /** Both unescapes undo exactly the escapes of JournalBytes.escaped, and agree on ASCII. */
    @Property(tries = 1000)
    void unescapingUndoesTheEscapes(@ForAll("values") String value) {
        JournalBytes b = new JournalBytes(16);
        b.ascii('<');
        b.escaped(value);
        b.ascii('>');
        String written = new String(b.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(value, JournalText.unescape(written, 1, written.length() - 1));
        if (value.chars().allMatch(c -> c < 0x80)) {
            assertEquals(value, JournalText.unescapeAscii(b.toByteArray(), 1, b.size() - 1));
        }
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars("ab=\\\n\ré.").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> oddTexts() {
        return Arbitraries.of("", ".", "1.", ".5", "1..2", "-1", "+1", "1e5", "1,5", " 1", "1 ", "0x10", "1.2.3",
                "١٢", "9999999999999999999999999999999999999");
    }

    /** Bytes of a value: mostly plain, with newlines, backslashes and non-ASCII bytes here and there. */
    @Provide
    Arbitrary<byte[]> valueBytes() {
        Arbitrary<Byte> plain = Arbitraries.bytes().between((byte) 0, (byte) 127).filter(b -> b != '\n' && b != '\\');
        Arbitrary<Byte> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, plain),
                net.jqwik.api.Tuple.of(1, Arbitraries.of((byte) '\n', (byte) '\\', (byte) 0x80, (byte) 0xff,
                        (byte) 0xc3, (byte) 0x0b, (byte) 0x5d, (byte) 0x09, (byte) 0x7f)));
        return any.array(byte[].class).ofMaxSize(80);
    }

    @Property(tries = 2000)
    void skippingPlainBytesStopsBeforeTheFirstSpecialOne(@ForAll("valueBytes") byte[] b,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 80) int from) {
        int start = Math.min(from, b.length);
        int r = JournalText.skipPlain(b, start, b.length);
        // The plain way: the first newline, backslash or non-ASCII byte from start, or the end.
        int special = start;
        while (special < b.length && b[special] != '\n' && b[special] != '\\' && b[special] >= 0) {
            special++;
        }
        org.junit.jupiter.api.Assertions.assertTrue(start <= r && r <= special,
                "skipped to " + r + " from " + start + ", the first special byte is at " + special);
        // It stops only at a group of 8 that holds the special byte, or fewer than 8 bytes before the end.
        org.junit.jupiter.api.Assertions.assertTrue(special - r < 8,
                "stopped at " + r + ", " + (special - r) + " plain bytes before " + special);
    }

    @Property(tries = 5000)
    void eightBytesAreReadAsDigitsExactlyWhenTheyAreDigits(@ForAll("eightBytes") byte[] b) {
        long w = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        boolean digits = true;
        for (byte x : b) {
            digits &= x >= '0' && x <= '9';
        }
        assertEquals(digits, JournalText.eightDigits(w), java.util.Arrays.toString(b));
        if (digits) {
            assertEquals(Long.parseLong(new String(b, java.nio.charset.StandardCharsets.US_ASCII)),
                    JournalText.eightDigitsValue(w));
        }
    }

    /** Eight bytes, mostly digits, sometimes any byte (near '0' and '9', high bytes, carries). */
    @Provide
    Arbitrary<byte[]> eightBytes() {
        Arbitrary<Byte> digit = Arbitraries.bytes().between((byte) '0', (byte) '9');
        Arbitrary<Byte> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, digit),
                net.jqwik.api.Tuple.of(2, Arbitraries.bytes()),
                net.jqwik.api.Tuple.of(2, Arbitraries.of((byte) '/', (byte) ':', (byte) 0xfa, (byte) 0xff, (byte) 0x3f,
                        (byte) 0x29, (byte) 0x2f, (byte) 0x40, (byte) '.')));
        return any.array(byte[].class).ofSize(8);
    }
}
