package io.fomo.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.AccountId;
import io.fomo.spi.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The id cache answers what making the id from its text answers, whatever was cached before. */
class ByteCacheProperties {

    @Provide
    Arbitrary<List<String>> texts() {
        // A few distinct texts over two slots: hits, misses and replacements all happen.
        return Arbitraries.strings().withChars("ab =\t").ofMaxLength(3).list().ofMaxSize(30);
    }

    @Property(tries = 500)
    void aLookupEqualsMakingTheIdFromItsText(@ForAll("texts") List<String> texts) {
        ByteCache<AccountId> cache = new ByteCache<>(2, AccountId::of);
        for (String t : texts) {
            byte[] framed = ("x" + t + "y").getBytes(StandardCharsets.US_ASCII);
            AccountId expected;
            try {
                expected = AccountId.of(t);
            } catch (InvalidArgumentException refused) {
                assertThrows(InvalidArgumentException.class, () -> cache.get(framed, 1, framed.length - 1), t);
                continue;
            }
            assertEquals(expected, cache.get(framed, 1, framed.length - 1), t);
            assertEquals(expected.value(), cache.get(framed, 1, framed.length - 1).value(), t);
        }
    }

    @Provide
    Arbitrary<List<String>> longTexts() {
        // Ids of 8 to 20 chars that share their first and last 8 chars but for one in between, over four
        // slots: the slot's hash of a long range reads only its ends and its length, so these collide.
        Arbitrary<String> middle = Arbitraries.strings().withChars("ab\t").ofMaxLength(4);
        Arbitrary<String> ends = Arbitraries.of("user-000", "deploym-", "a b c d ");
        return net.jqwik.api.Combinators.combine(ends, middle, ends).as((x, m, y) -> x + m + y).list().ofMaxSize(30);
    }

    @Property(tries = 500)
    void aLongIdLooksUpAsMakingItFromItsText(@ForAll("longTexts") List<String> texts,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 9) int offset) {
        ByteCache<AccountId> cache = new ByteCache<>(4, AccountId::of);
        for (String t : texts) {
            byte[] framed = ("x".repeat(offset) + t + "y").getBytes(StandardCharsets.US_ASCII);
            int to = framed.length - 1;
            AccountId expected;
            try {
                expected = AccountId.of(t);
            } catch (InvalidArgumentException refused) {
                assertThrows(InvalidArgumentException.class, () -> cache.get(framed, offset, to), t);
                continue;
            }
            assertEquals(expected.value(), cache.get(framed, offset, to).value(), t);
            assertEquals(expected.value(), cache.get(framed, offset, to).value(), t);
        }
    }
}
