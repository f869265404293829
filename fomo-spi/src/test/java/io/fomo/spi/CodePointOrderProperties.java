package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Text order is code point order ({@link CodePointOrder}, and every id's {@code compareTo}), checked
 * against the decoded code points over random text that mixes U+E000..U+FFFF with supplementary
 * characters, the ranges where UTF-16 order disagrees.
 */
class CodePointOrderProperties {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(3, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x21, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0xA0, 0xD7FF)));
        return codePoint.list().ofMinSize(0).ofMaxSize(5)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    private static int sign(int v) {
        return Integer.signum(v);
    }

    @Property(tries = 2000)
    void theOrderIsTheOrderOfTheDecodedCodePoints(@ForAll("texts") String a, @ForAll("texts") String b) {
        int expected = sign(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
        assertEquals(expected, sign(CodePointOrder.instance().compare(a, b)));
    }

    @Property(tries = 500)
    void accountIdsSortByCodePoint(@ForAll("texts") String a, @ForAll("texts") String b) {
        String x = "u" + a;
        String y = "u" + b;
        AccountId ix;
        AccountId iy;
        try {
            ix = AccountId.of(x);
            iy = AccountId.of(y);
        } catch (InvalidArgumentException e) {
            return; // a generated format or space character: not an id
        }
        assertEquals(sign(Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray())), sign(ix.compareTo(iy)));
    }

    @Provide
    Arbitrary<String> mostlyBelowSurrogates() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0x21, 0x7E)),
                Tuple.of(2, Arbitraries.integers().between(0xA1, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMinSize(0).ofMaxSize(8)
                .map(cps -> "u" + new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    /** Ids below U+D800 take String.compareTo's path; with a char at or above it, the careful one: same order. */
    @Property(tries = 2000)
    void idsOrderLikeTheComparatorOnEitherPath(@ForAll("mostlyBelowSurrogates") String a,
            @ForAll("mostlyBelowSurrogates") String b) {
        EventId ia;
        EventId ib;
        try {
            ia = EventId.of(a);
            ib = EventId.of(b);
        } catch (InvalidArgumentException e) {
            return; // a generated format or space character: not an id
        }
        assertEquals(sign(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray())), sign(ia.compareTo(ib)));
        assertEquals(sign(CodePointOrder.instance().compare(a, b)), sign(ia.compareTo(ib)));
        assertEquals(0, ia.compareTo(EventId.of(a)));
    }

    @Test
    void theIssuesPairSortsPrivateUseBeforeTheFirstSupplementaryCharacter() {
        String privateUse = "\uE000";
        String supplementary = new String(Character.toChars(0x10000));
        assertTrue(privateUse.compareTo(supplementary) > 0, "UTF-16 order puts U+10000 first");
        assertTrue(CodePointOrder.instance().compare(privateUse, supplementary) < 0);
        assertEquals(List.of(AccountId.of(privateUse), AccountId.of(supplementary)),
                List.of(AccountId.of(supplementary), AccountId.of(privateUse)).stream().sorted().toList());
    }

    @Test
    void idsRejectUnpairedSurrogatesAndSupplementaryFormatCharacters() {
        InvalidArgumentException lone = assertThrows(InvalidArgumentException.class, () -> AccountId.of("a\uD800b"));
        assertTrue(lone.getMessage().contains("unpaired surrogate"), lone.getMessage());
        String tag = "a" + new String(Character.toChars(0xE0041)); // TAG LATIN CAPITAL LETTER A: format, invisible
        assertThrows(InvalidArgumentException.class, () -> AccountId.of(tag));
        assertEquals("a" + new String(Character.toChars(0x1F600)), AccountId.of("a\uD83D\uDE00").value());
    }
}
