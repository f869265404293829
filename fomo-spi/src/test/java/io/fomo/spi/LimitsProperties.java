package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of the input bounds: a decimal is accepted exactly when it is within the documented bounds. */
class LimitsProperties {

    @Property
    void aDecimalIsAcceptedExactlyWithinTheDocumentedBounds(@ForAll("unscaled") BigInteger unscaled,
            @ForAll @IntRange(min = -200, max = 400) int scale) {
        BigDecimal d = new BigDecimal(unscaled, scale);
        BigDecimal stripped = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        boolean within = unscaled.bitLength() <= Limits.MAX_BITS && stripped.scale() <= Limits.MAX_SCALE
                && stripped.precision() - stripped.scale() <= Limits.MAX_INTEGER_DIGITS
                && scale >= -Limits.MAX_INTEGER_DIGITS && scale <= Limits.MAX_GIVEN_SCALE;
        boolean accepted;
        try {
            Limits.decimal("d", d);
            accepted = true;
        } catch (InvalidArgumentException e) {
            assertEquals("d", e.field());
            accepted = false;
        }
        assertEquals(within, accepted, d::toString);
    }

    @Property
    void everyAcceptedIdRoundTripsThroughUtf8(@ForAll("anyText") String text) {
        try {
            AccountId id = AccountId.of(text);
            String back = new String(id.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertEquals(text, back);
        } catch (InvalidArgumentException e) {
            assertEquals("accountId", e.field());
            assertTrue(e.getMessage().length() < 400, e::getMessage);
        }
    }

    @Property
    void aQuotedValueIsBoundedAndHasNoControlCharacter(@ForAll("anyText") String text) {
        String quoted = InvalidArgumentException.of("f", text, "r").rejectedValue();
        assertTrue(quoted.length() <= FomoException.MAX_QUOTED * 6 + 32, () -> quoted.length() + "");
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            int at = i;
            // Each character where it stands: a surrogate must be half of a pair there (a cut between the
            // halves of a pair, at the bound, left a lone high surrogate at the end of the quoted prefix).
            assertTrue(c >= ' ' && c != 0x7f && (!Character.isSurrogate(c) || validSurrogateAt(quoted, at)),
                    () -> "character " + at + " (U+" + Integer.toHexString(c) + ") of " + quoted);
        }
    }

    @Property(tries = 200)
    void aPairAtTheBoundIsQuotedWhole(@ForAll @IntRange(min = 1, max = 3) int before,
            @ForAll @IntRange(min = 0, max = 3) int after) {
        // The pair's high half lands on the last place the bound allows (or near it); the quote keeps the pair.
        String pair = "\uD83D\uDE00";
        String text = "a".repeat(FomoException.MAX_QUOTED - before) + pair.repeat(before + after) + "z";
        String quoted = InvalidArgumentException.of("f", text, "r").rejectedValue();
        String shown = quoted.substring(0, quoted.indexOf("... ("));
        assertTrue(shown.endsWith(pair), shown);
        assertEquals(0, shown.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF).count(), shown);
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    @Provide
    Arbitrary<BigInteger> unscaled() {
        return Arbitraries.integers().between(0, 800)
                .flatMap(bits -> Arbitraries.bigIntegers()
                        .between(BigInteger.ONE.shiftLeft(bits).negate(), BigInteger.ONE.shiftLeft(bits)));
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> mixed = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(200);
        Arbitrary<String> surrogates = Arbitraries.strings().withCharRange('\uD800', '\uDFFF')
                .withChars('a', 'b').ofMinLength(1).ofMaxLength(6);
        return Arbitraries.oneOf(mixed, surrogates, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40));
    }
}
