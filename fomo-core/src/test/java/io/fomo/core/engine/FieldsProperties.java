package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast record codec gives exactly the bytes and the answers of the plain string form it replaced: the
 * reference below builds {@code key=value} lines by string concatenation, {@code String.getBytes(UTF_8)},
 * {@link BigDecimal#toPlainString()} and {@code String.format}, and reads them back with
 * {@code new String(bytes, UTF_8)}, {@link Long#parseLong}, {@code new BigDecimal(text)} and
 * {@link Amount#of(Asset, BigDecimal)}; records, edited records and odd values must be read the same way
 * or refused with the same error.
 */
class FieldsProperties {

    // ---- the plain reference

    private static String escape(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            sb.append(c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c));
        }
        return sb.toString();
    }

    /** What a text becomes through UTF-8: an unpaired surrogate cannot be written and becomes '?'. */
    private static String throughUtf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String refused(String message) {
        return "!InvalidStateException " + new io.fomo.spi.InvalidStateException(message).getMessage();
    }

    private static byte[] referenceEncode(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(k).append('=').append(escape(v)).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The record as its lines, or the message of the refusal ("!" + class + message). */
    private static String referenceDecode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Map<String, String> out = new LinkedHashMap<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                return refused("ctx: truncated record");
            }
            int eq = text.indexOf('=', start);
            if (eq <= start || eq >= end) {
                return refused("ctx: malformed line '" + text.substring(start, end) + "'");
            }
            String key = text.substring(start, eq);
            StringBuilder v = new StringBuilder();
            for (int i = eq + 1; i < end; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < end) {
                    char n = text.charAt(++i);
                    v.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
                } else {
                    v.append(c);
                }
            }
            if (out.containsKey(key)) {
                return "!IllegalStateException field written twice: " + key;
            }
            out.put(key, v.toString());
            start = end + 1;
        }
        return new String(referenceEncode(out), StandardCharsets.UTF_8);
    }

    private static String fastDecode(byte[] bytes) {
        try {
            return new String(Fields.decode(bytes, "ctx").encode(), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return "!" + e.getClass().getSimpleName() + " " + e.getMessage();
        }
    }

    /** The value read the plain way, or "!refused". */
    private static String outcome(java.util.function.Supplier<Object> read) {
        try {
            return String.valueOf(read.get());
        } catch (RuntimeException e) {
            return "!refused";
        }
    }

    /** The value read by the record, or "!refused" when it refuses with its typed error. */
    private static String fieldOutcome(java.util.function.Supplier<Object> read) {
        try {
            return String.valueOf(read.get());
        } catch (io.fomo.spi.InvalidStateException e) {
            return "!refused";
        }
    }

    // ---- arbitraries

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("az09=.:-\\\n\r é€").ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(8),
                Arbitraries.strings().withChars("a\ud83d\ude00\ud800\udc00\udfff").ofMaxLength(6));
    }

    @Provide
    Arbitrary<Map<String, String>> records() {
        Arbitrary<String> keys = Arbitraries.strings().withChars("abc.0123é").ofMinLength(1).ofMaxLength(6);
        return Arbitraries.maps(keys, values()).ofMaxSize(40).map(LinkedHashMap::new);
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(140).negate(), BigInteger.TWO.pow(140)),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000)),
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.integers().between(60, 130).map(b -> BigInteger.TWO.pow(b).subtract(BigInteger.ONE)),
                Arbitraries.integers().between(60, 130).map(b -> BigInteger.TWO.pow(b)));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-5, 45)).as(BigDecimal::new);
    }

    @Provide
    Arbitrary<Amount> amounts() {
        Arbitrary<Asset> assets = Combinators.combine(
                Arbitraries.strings().withChars("ABQ-._0").ofMinLength(1).ofMaxLength(6).filter(s -> Character
                        .isLetterOrDigit(s.charAt(0))),
                Arbitraries.integers().between(0, 36)).as(Asset::of);
        Arbitrary<BigInteger> units = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(40)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1_000_000)),
                Arbitraries.integers().between(55, 132).map(b -> BigInteger.TWO.pow(b).subtract(BigInteger.ONE)));
        return Combinators.combine(assets, units).as(Amount::ofUnits);
    }

    // ---- writing

    @Property(tries = 500)
    void aRecordEncodesToTheReferenceBytesAndReadsBack(@ForAll("records") Map<String, String> record) {
        Fields f = new Fields("ctx");
        record.forEach(f::put);
        byte[] bytes = f.encode();
        assertArrayEquals(referenceEncode(record), bytes);
        Fields read = Fields.decode(bytes, "ctx");
        for (Map.Entry<String, String> e : record.entrySet()) {
            assertEquals(throughUtf8(e.getValue()), read.text(e.getKey()), e.getKey());
            assertEquals(e.getValue(), f.text(e.getKey()), e.getKey());
        }
        assertArrayEquals(bytes, read.encode());
    }

    @Property(tries = 500)
    void aTagReadsAsItsText(@ForAll("records") Map<String, String> record,
            @ForAll @IntRange(min = 0, max = 3) int cut) {
        byte[] bytes = referenceEncode(record);
        // Twice: the second reading finds the tags of the first in the cache of tags.
        for (int pass = 0; pass < 2; pass++) {
            Fields plain = Fields.decode(bytes, "ctx");
            Fields tags = Fields.decode(bytes, "ctx");
            Fields prefixed = Fields.decode(bytes, "ctx");
            for (Map.Entry<String, String> e : record.entrySet()) {
                String k = e.getKey();
                int c = Math.min(cut, k.length());
                assertEquals(plain.text(k), tags.tag(k), k);
                assertEquals(plain.text(k), prefixed.tag(k.substring(0, c), k.substring(c)), k);
            }
        }
        Fields read = Fields.decode(bytes, "ctx");
        String missing = "missing-" + record.size();
        assertEquals(assertThrows(io.fomo.spi.InvalidStateException.class, () -> read.text(missing)).getMessage(),
                assertThrows(io.fomo.spi.InvalidStateException.class, () -> read.tag(missing)).getMessage());
    }

    @Property(tries = 300)
    void prefixedKeysAreTheConcatenatedKeys(@ForAll("records") Map<String, String> record,
            @ForAll @IntRange(min = 0, max = 3) int cut) {
        Fields f = new Fields("ctx");
        record.forEach((k, v) -> f.put(k.substring(0, Math.min(cut, k.length())), k.substring(Math.min(cut,
                k.length())), v));
        assertArrayEquals(referenceEncode(record), f.encode());
        Fields read = Fields.decode(f.encode(), "ctx");
        for (Map.Entry<String, String> e : record.entrySet()) {
            String k = e.getKey();
            int c = Math.min(cut, k.length());
            assertEquals(throughUtf8(e.getValue()), read.text(k.substring(0, c), k.substring(c)), k);
        }
    }

    @Property(tries = 200)
    void aKeyWrittenTwiceIsRefused(@ForAll("records") Map<String, String> record,
            @ForAll @IntRange(min = 0, max = 3) int cut) {
        if (record.isEmpty()) {
            return;
        }
        Fields f = new Fields("ctx");
        record.forEach(f::put);
        String k = record.keySet().iterator().next();
        int c = Math.min(cut, k.length());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> f.put(k.substring(0, c), k.substring(c), "x"));
        assertEquals("field written twice: " + k, e.getMessage());
    }

    /** A write-only record writes the same bytes as a record that keeps its index, field kind by kind. */
    @Property(tries = 500)
    void aWriteOnlyRecordWritesTheSameBytesAndRefusesToBeRead(@ForAll("records") Map<String, String> record,
            @ForAll @IntRange(min = 0, max = 3) int cut, @ForAll("amounts") Amount a, @ForAll("decimals") BigDecimal d,
            @ForAll long n, @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant t = Instant.ofEpochSecond(n % 100_000_000_000L, nanos);
        Fields kept = new Fields("ctx");
        Fields writer = Fields.writer("ctx", record.size());
        for (Fields f : List.of(kept, writer)) {
            record.forEach((k, v) -> f.put(k.substring(0, Math.min(cut, k.length())),
                    k.substring(Math.min(cut, k.length())), v));
            f.put("~x.", "amount", a).put("~x.", "decimal", d).put("~x.", "n", n).put("~x.", "t", t)
                    .put("~x.", "b", n % 2 == 0);
        }
        assertArrayEquals(kept.encode(), writer.encode());
        assertArrayEquals(kept.encode(), Fields.decode(writer.encode(), "ctx").encode());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.text("~x.n"));
        assertTrue(e.getMessage().contains("write-only"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> writer.amount("~x.", "amount"));
    }

    /**
     * A write-only record's numbered keys are written as a record that keeps its index writes the keys with
     * {@code index + "."} in front, for indices of any number of digits; only a write-only record numbers.
     */
    @Property(tries = 300)
    void numberedKeysAreTheKeysAfterTheirNumber(@ForAll("records") Map<String, String> record,
            @ForAll @IntRange(min = 0, max = 3) int cut, @ForAll("indices") List<Integer> indices,
            @ForAll("amounts") Amount a, @ForAll long n) {
        Fields kept = new Fields("ctx");
        Fields writer = Fields.writer("ctx", 4);
        writer.put("count", indices.size());
        kept.put("count", indices.size());
        for (int index : indices) {
            writer.numbered(index);
            record.forEach((k, v) -> {
                int c = Math.min(cut, k.length());
                writer.put(k.substring(0, c), k.substring(c), v);
                kept.put(index + "." + k.substring(0, c), k.substring(c), v);
            });
            writer.put("", "amount", a).put("n", n);
            kept.put(index + ".", "amount", a).put(index + ".n", n);
        }
        assertArrayEquals(kept.encode(), writer.encode());
        assertThrows(IllegalStateException.class, () -> new Fields("ctx").numbered(1));
    }

    @Provide
    Arbitrary<List<Integer>> indices() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 300),
                Arbitraries.of(0, 9, 10, 99, 100, 255, 256, 999_999_999, 1_000_000_000, Integer.MAX_VALUE),
                Arbitraries.integers().greaterOrEqual(0)).list().uniqueElements().ofMaxSize(6);
    }

    @Property(tries = 1000)
    void decimalsAreWrittenAsToPlainString(@ForAll("decimals") BigDecimal d) {
        byte[] bytes = new Fields("ctx").put("d", d).encode();
        assertEquals("d=" + d.toPlainString() + "\n", new String(bytes, StandardCharsets.UTF_8));
        if (d.signum() >= 0 && d.scale() >= 0) {
            BigDecimal read = Fields.decode(bytes, "ctx").decimal("d");
            BigDecimal reference = new BigDecimal(d.toPlainString());
            assertEquals(reference, read);
            assertEquals(reference.scale(), read.scale());
        }
    }

    @Property(tries = 1000)
    void amountsAreWrittenAndReadAsTheReferenceDoes(@ForAll("amounts") Amount a) {
        byte[] bytes = new Fields("ctx").put("p.", "a", a).encode();
        String text = a.asset().symbol() + ':' + a.asset().decimals() + ':' + a.value().toPlainString();
        assertEquals("p.a=" + text + "\n", new String(bytes, StandardCharsets.UTF_8));
        Fields read = Fields.decode(bytes, "ctx");
        Amount back = read.amount("p.", "a");
        assertEquals(a, back);
        assertEquals(Amount.of(a.asset(), new BigDecimal(a.value().toPlainString())), back);
        assertEquals(a.value().scale(), back.value().scale());
        assertEquals(a, Fields.decode(bytes, "ctx").amount("p.a"));
    }

    @Property(tries = 1000)
    void numbersAndInstantsAreWrittenAsTheReferenceDoes(@ForAll long n, @ForAll long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant t = Instant.ofEpochSecond(Math.floorMod(seconds, 400_000_000_000L) - 200_000_000_000L, nanos);
        byte[] bytes = new Fields("ctx").put("n", n).put("t", t).encode();
        String expected = "n=" + n + "\nt=" + String.format("%d.%09d", t.getEpochSecond(), t.getNano()) + "\n";
        assertEquals(expected, new String(bytes, StandardCharsets.UTF_8));
        Fields read = Fields.decode(bytes, "ctx");
        assertEquals(n, read.longValue("n"));
        assertEquals(t, read.instant("t"));
    }

    // ---- reading what the writer never writes

    @Provide
    Arbitrary<String> numberTexts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789-+.eE: ").ofMaxLength(24),
                Arbitraries.strings().withChars("0123456789").ofMinLength(17).ofMaxLength(40),
                Arbitraries.of("-0", "+5", "007", "1.", ".5", "1.5.2", "-9223372036854775808",
                        "9223372036854775808", "2147483648", "-2147483648", "5.1000000000", "-1.-1",
                        "31556889864403199.999999999", "31556889864403200.0", "1e3", "0.000", "1.50"));
    }

    @Property(tries = 2000)
    void oddNumbersAreReadOrRefusedAsTheReferenceDoes(@ForAll("numberTexts") String v) {
        Fields f = Fields.decode(("v=" + v + "\n").getBytes(StandardCharsets.UTF_8), "ctx");
        assertEquals(outcome(() -> Long.parseLong(v)), fieldOutcome(() -> f.longValue("v")), v);
        assertEquals(outcome(() -> Integer.parseInt(v)), fieldOutcome(() -> f.intValue("", "v")), v);
        assertEquals(outcome(() -> new BigDecimal(v)), fieldOutcome(() -> f.decimal("v")), v);
        assertEquals(outcome(() -> {
            String[] parts = v.split("\\.", 2);
            return Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }), fieldOutcome(() -> f.instant("", "v")), v);
    }

    @Property(tries = 2000)
    void oddAmountsAreReadOrRefusedAsTheReferenceDoes(@ForAll("numberTexts") String v,
            @ForAll("assetPrefixes") String prefix) {
        String text = prefix + v;
        Fields f = Fields.decode(("a=" + text + "\n").getBytes(StandardCharsets.UTF_8), "ctx");
        Function<String, Object> reference = t -> {
            int first = t.indexOf(':');
            int second = t.indexOf(':', first + 1);
            if (first <= 0 || second < 0) {
                throw new IllegalArgumentException();
            }
            String[] parts = t.substring(0, second).split(":", 2);
            return Amount.of(Asset.of(parts[0], Integer.parseInt(parts[1])), new BigDecimal(t.substring(second + 1)));
        };
        String expected = outcome(() -> reference.apply(text));
        String actual = fieldOutcome(() -> f.amount("a"));
        assertEquals(expected, actual, text);
        if (!actual.startsWith("!")) {
            assertEquals(((Amount) reference.apply(text)).value().scale(), f.amount("", "a").value().scale());
        }
    }

    @Provide
    Arbitrary<String> assetPrefixes() {
        return Arbitraries.of("FLOCK:18:", "USD:6:", "Z:0:", "Z:00:", "Z:+2:", "MT-q:36:", "MT-q:37:", "b a:2:", ":2:",
                "X:", "X", "X:-1:", "X:2:3:");
    }

    @Property(tries = 1000)
    void editedRecordsAreReadOrRefusedAsTheReferenceDoes(@ForAll("records") Map<String, String> record,
            @ForAll("edits") List<int[]> edits) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : referenceEncode(record)) {
            bytes.add(b);
        }
        byte[] alphabet = "=\n\\a.é".getBytes(StandardCharsets.UTF_8);
        for (int[] e : edits) {
            if (bytes.isEmpty() && e[0] != 0) {
                continue;
            }
            int at = bytes.isEmpty() ? 0 : Math.floorMod(e[1], bytes.size());
            if (e[0] == 0) {
                bytes.add(at, alphabet[Math.floorMod(e[2], alphabet.length)]);
            } else if (e[0] == 1) {
                bytes.remove(at);
            } else {
                bytes.set(at, alphabet[Math.floorMod(e[2], alphabet.length)]);
            }
        }
        byte[] edited = new byte[bytes.size()];
        for (int i = 0; i < edited.length; i++) {
            edited[i] = Objects.requireNonNull(bytes.get(i));
        }
        assertEquals(referenceDecode(edited), fastDecode(edited));
    }

    @Provide
    Arbitrary<List<int[]>> edits() {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers(),
                Arbitraries.integers()).as((k, at, b) -> new int[] {k, at, b});
        return edit.list().ofMaxSize(4);
    }

    @Property(tries = 300)
    void aDuplicatedLineIsRefusedAsTheReferenceDoes(@ForAll("records") Map<String, String> record,
            @ForAll int which) {
        if (record.isEmpty()) {
            return;
        }
        String[] lines = new String(referenceEncode(record), StandardCharsets.UTF_8).split("(?<=\n)");
        String line = lines[Math.floorMod(which, lines.length)];
        byte[] doubled = (String.join("", lines) + line).getBytes(StandardCharsets.UTF_8);
        String expected = referenceDecode(doubled);
        assertEquals(true, expected.startsWith("!IllegalStateException field written twice: "), expected);
        assertEquals(expected, fastDecode(doubled));
    }
}
