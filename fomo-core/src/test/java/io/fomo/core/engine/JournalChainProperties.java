package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.fomo.spi.EventId;
import io.fomo.spi.JournalEntry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class JournalChainProperties {

    /**
     * The plain reference: the canonical bytes of the class comment written field by field with a
     * {@link DataOutputStream} (big-endian) and {@code String.getBytes(UTF_8)}, hashed with a fresh digest.
     */
    private static byte[] referenceHash(byte[] previous, long first, EventId key, List<JournalEntry> entries,
            Instant sealTime) throws IOException, NoSuchAlgorithmException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("fomo-chain/1\n".getBytes(StandardCharsets.US_ASCII));
        out.write(previous);
        out.writeLong(first);
        byte[] k = key.value().getBytes(StandardCharsets.UTF_8);
        out.writeInt(k.length);
        out.write(k);
        out.writeInt(entries.size());
        for (JournalEntry e : entries) {
            byte[] t = e.type().getBytes(StandardCharsets.UTF_8);
            out.writeInt(t.length);
            out.write(t);
            out.writeLong(e.timestamp().getEpochSecond());
            out.writeInt(e.timestamp().getNano());
            out.writeInt(e.payload().length);
            out.write(e.payload());
        }
        out.writeLong(sealTime.getEpochSecond());
        out.writeInt(sealTime.getNano());
        return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
    }

    @Provide
    Arbitrary<String> ids() {
        // ASCII and other scripts (two- and three-byte UTF-8, a supplementary character as a surrogate pair).
        return Arbitraries.strings().withChars("abcXYZ019-:~#\u00e9\u20ac\uD83D\uDE00".toCharArray())
                .ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank() && validUnicode(s));
    }

    private static boolean validUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(-1L << 40, 1L << 40),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<List<JournalEntry>> entries() {
        // Payloads up to 3,000 bytes, so that a batch outgrows the chain's first buffer.
        Arbitrary<JournalEntry> entry = Combinators.combine(ids(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3_000), instants()).as(JournalEntry::of);
        return entry.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<List<JournalEntry>>> batches() {
        return entries().list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 300)
    void aBatchHashesToItsCanonicalBytesFieldByField(@ForAll @Size(32) byte[] previous, @ForAll long first,
            @ForAll("ids") String key, @ForAll("batches") List<List<JournalEntry>> batches,
            @ForAll("instants") Instant sealTime) throws Exception {
        // One chain instance hashes several batches in turn, as replay does: nothing of one batch stays in the next.
        JournalChain chain = new JournalChain();
        byte[] prev = previous;
        for (List<JournalEntry> entries : batches) {
            byte[] expected = referenceHash(prev, first, EventId.of(key), entries, sealTime);
            List<JournalEntry> copy = new ArrayList<>(entries);
            assertArrayEquals(expected, chain.hash(prev, first, EventId.of(key), copy, sealTime));
            prev = expected;
        }
    }

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
