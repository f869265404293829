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
        String framed = "USD:6:" + text;
        BigDecimal fast = JournalText.plainDecimal(framed, 6, framed.length());
        BigDecimal general = new BigDecimal(text);
        if (fast != null) {
            assertEquals(general, fast);
            assertEquals(general.scale(), fast.scale());
        } else {
            // Only more than 18 digits leave the fast path for such text.
            assertEquals(true, text.replace(".", "").length() > 18, text);
        }
    }

    @Property(tries = 500)
    void anythingButAPlainDecimalStepsAside(@ForAll("oddTexts") String text) {
        assertNull(JournalText.plainDecimal(text, 0, text.length()), text);
    }

    @Provide
    Arbitrary<String> oddTexts() {
        return Arbitraries.of("", ".", "1.", ".5", "1..2", "-1", "+1", "1e5", "1,5", " 1", "1 ", "0x10", "1.2.3",
                "١٢", "9999999999999999999");
    }
}
