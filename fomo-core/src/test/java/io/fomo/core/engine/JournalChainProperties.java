package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class JournalChainProperties {

    @Property(tries = 300)
    void aSealMatchesExactlyItsOwnPayload(@ForAll @Size(32) byte[] hash, @ForAll @Size(max = 80) byte[] other) {
        byte[] seal = JournalChain.sealPayload(hash);
        assertTrue(JournalChain.sealMatches(hash, seal));
        assertEquals(Arrays.equals(seal, other), JournalChain.sealMatches(hash, other));
    }

    @Property(tries = 300)
    void anyEditedByteOfASealIsRefused(@ForAll @Size(32) byte[] hash, @ForAll @IntRange(max = 69) int at,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] seal = JournalChain.sealPayload(hash);
        seal[at] = (byte) (seal[at] ^ flip);
        assertFalse(JournalChain.sealMatches(hash, seal));
        assertFalse(JournalChain.sealMatches(hash, Arrays.copyOf(JournalChain.sealPayload(hash), 69)));
    }
}
