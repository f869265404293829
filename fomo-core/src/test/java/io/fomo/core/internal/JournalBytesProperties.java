package io.fomo.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link JournalBytes} writes exactly the bytes of the plain way it replaces: {@link BigDecimal#toPlainString()}
 * in UTF-8 for a decimal, whatever path it takes (an unscaled value read as a {@code long}, one of up to 128 bits
 * read from its bits, anything else through the string), however the decimal was made (compact or not), after
 * whatever the buffer held and however little room it had.
 */
class JournalBytesProperties {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    /** Unscaled values around every boundary of the fast paths, and random ones of every size up to 140 bits. */
    @Provide
    Arbitrary<BigInteger> unscaled() {
        Arbitrary<BigInteger> near = Combinators.combine(
                Arbitraries.of(BigInteger.ZERO, LONG_MAX, LONG_MIN, BigInteger.TEN.pow(18), BigInteger.TEN.pow(19),
                        BigInteger.TEN.pow(9), BigInteger.TEN.pow(27), BigInteger.TEN.pow(38), BigInteger.TWO.pow(63),
                        BigInteger.TWO.pow(64), BigInteger.TWO.pow(95), BigInteger.TWO.pow(96),
                        BigInteger.TWO.pow(127), BigInteger.TWO.pow(128), BigInteger.TWO.pow(129)),
                Arbitraries.integers().between(-3, 3), Arbitraries.of(1, -1))
                .as((b, d, sign) -> b.add(BigInteger.valueOf(d)).multiply(BigInteger.valueOf(sign)));
        return Arbitraries.oneOf(near,
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.longs().between(-1000, 1000).map(BigInteger::valueOf),
                Arbitraries.integers().between(0, 140).flatMap(bits -> Arbitraries.bigIntegers()
                        .between(BigInteger.TWO.pow(bits).negate(), BigInteger.TWO.pow(bits))),
                Arbitraries.integers().between(0, 40).map(n -> BigInteger.TEN.pow(n).subtract(BigInteger.ONE)));
    }

    /** Scales of amounts (0 to 18 and beyond), negative ones and ones past {@link JournalBytes#MAX_SCALE}. */
    @Provide
    Arbitrary<Integer> scales() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 45), Arbitraries.integers().between(-5, -1),
                Arbitraries.integers().between(JournalBytes.MAX_SCALE - 2, JournalBytes.MAX_SCALE + 2),
                Arbitraries.integers().between(46, 200));
    }

    /** The same decimal made in ways that leave it compact or not inside BigDecimal. */
    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(unscaled(), scales(), Arbitraries.integers().between(0, 4)).as((u, scale, way) -> {
            switch (way) {
                case 0:
                    return new BigDecimal(u, scale);
                case 1:
                    // Through its text: compact when it fits.
                    return new BigDecimal(new BigDecimal(u, scale).toString());
                case 2:
                    // An arithmetic result (the way amounts are made).
                    return new BigDecimal(u, scale).add(BigDecimal.ZERO.setScale(scale));
                case 3:
                    // A rescaled value: a larger scale, the same number.
                    return new BigDecimal(u, scale).setScale(scale + 1);
                default:
                    return new BigDecimal(u.multiply(BigInteger.TEN), scale).divide(BigDecimal.TEN,
                            MathContext.UNLIMITED).setScale(scale);
            }
        });
    }

    private static byte[] plain(String before, List<BigDecimal> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (BigDecimal v : values) {
            out.writeBytes(v.toPlainString().getBytes(StandardCharsets.UTF_8));
            out.write(';');
        }
        return out.toByteArray();
    }

    @Property(tries = 3000, edgeCases = EdgeCasesMode.MIXIN)
    void aDecimalIsWrittenAsToPlainString(@ForAll("decimals") BigDecimal d,
            @ForAll @IntRange(min = 0, max = 40) int capacity) {
        JournalBytes b = new JournalBytes(capacity);
        b.plain(d);
        assertEquals(d.toPlainString(), new String(b.toByteArray(), StandardCharsets.UTF_8));
    }

    /** Written one after another, in a buffer that starts small: nothing already written is touched. */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void decimalsInARowAreWrittenAsTheirPlainStrings(@ForAll @Size(max = 8) List<@From("decimals") BigDecimal> ds,
            @ForAll("before") String before, @ForAll @IntRange(min = 0, max = 64) int capacity) {
        JournalBytes b = new JournalBytes(capacity);
        b.text(before);
        for (BigDecimal d : ds) {
            b.plain(d).ascii(';');
        }
        assertArrayEquals(plain(before, ds), b.toByteArray());
    }

    /** A cleared buffer writes the same bytes as a new one, whatever it held (longer or shorter). */
    @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
    void aClearedBufferWritesAsANewOne(@ForAll @Size(max = 6) List<@From("decimals") BigDecimal> first,
            @ForAll @Size(max = 6) List<@From("decimals") BigDecimal> second, @ForAll("before") String before) {
        JournalBytes reused = new JournalBytes(16);
        for (List<BigDecimal> ds : List.of(first, second)) {
            reused.clear();
            reused.text(before);
            for (BigDecimal d : ds) {
                reused.plain(d).ascii(';');
            }
            assertArrayEquals(plain(before, ds), reused.toByteArray());
            assertEquals(reused.size(), reused.toByteArray().length);
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void rawBytesAreWrittenAsTheyAre(@ForAll("before") String before, @ForAll byte[] raw,
            @ForAll @IntRange(min = 0, max = 8) int cut) {
        int from = Math.min(cut, raw.length);
        JournalBytes b = new JournalBytes(0);
        b.text(before);
        b.raw(raw, from, raw.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.write(raw, from, raw.length - from);
        assertArrayEquals(out.toByteArray(), b.toByteArray());
    }

    @Provide
    Arbitrary<String> before() {
        return Arbitraries.strings().withChars("ab:.=-é").ofMaxLength(30);
    }
}
