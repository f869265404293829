package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The hand-written symbol check against the regular expression it replaced. */
class IdsFastPathProperties {

    @Provide
    Arbitrary<String> texts() {
        // Mostly the allowed characters, with the characters around their ranges and a few others.
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.chars().with("ABZabz09.-_".toCharArray())),
                net.jqwik.api.Tuple.of(4, Arbitraries.chars().range('A', 'Z').range('a', 'z').range('0', '9')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().with("@[`{/:+ ~é\u00a0\u200b".toCharArray())),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars()));
        return chars.list().ofMinSize(0).ofMaxSize(40).map(l -> {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::append);
            return sb.toString();
        });
    }

    @Property(tries = 2000)
    void isSymbolIsTheRegex(@ForAll("texts") String s, @ForAll @IntRange(min = 1, max = 40) int max) {
        assertEquals(s.matches("[A-Za-z0-9][A-Za-z0-9._-]{0," + (max - 1) + "}"), Ids.isSymbol(s, max), s);
    }

    @Property(tries = 1000)
    void assetAndDeploymentAcceptExactlyTheRegex(@ForAll("texts") String s) {
        if (s.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,31}")) {
            assertEquals(s, Asset.of(s, 6).symbol());
        } else {
            assertThrows(InvalidArgumentException.class, () -> Asset.of(s, 6));
        }
        boolean id = !s.isEmpty() && s.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,28}");
        if (id) {
            assertEquals(s, DeploymentId.of(s).value());
        } else {
            assertThrows(InvalidArgumentException.class, () -> DeploymentId.of(s));
        }
    }
}
