package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.DEP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.EventId;
import io.fomo.spi.InMemorySnapshotStore;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.Snapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A snapshot that does not check out against the journal is never trusted: the journal is replayed instead. */
class SnapshotTamperTest {

    private final EngineFixture f = new EngineFixture().graduated();
    private final Snapshot good;
    private final FomoProtocol full;

    SnapshotTamperTest() {
        f.protocol.submit(EventId.of("u1"), new Command.RecordUsage(EventId.of("p1"), DEP, BOB, 40));
        good = f.protocol.snapshotNow();
        f.protocol.submit(EventId.of("u2"), new Command.RecordUsage(EventId.of("p2"), DEP, BOB, 7));
        full = SnapshotProperties.restart(f, null);
    }

    private FomoProtocol restartWith(Snapshot s) {
        InMemorySnapshotStore store = new InMemorySnapshotStore();
        store.save(s);
        return SnapshotProperties.restart(f, store);
    }

    private void assertRefused(Snapshot s, String why) {
        FomoProtocol p = restartWith(s);
        assertEquals(0, p.restoredFromSequence(), "a bad snapshot was used");
        assertTrue(p.snapshotRefusal().orElseThrow().contains(why), p.snapshotRefusal().orElseThrow());
        assertEquals(full.stateHash(), p.stateHash());
        assertEquals(full.headHash(), p.headHash());
    }

    @Test
    void theGoodSnapshotIsUsed() {
        FomoProtocol p = restartWith(good);
        assertEquals(good.sequence(), p.restoredFromSequence());
        assertEquals(full.stateHash(), p.stateHash());
    }

    @Test
    void editedBytesAreRefused() {
        String text = new String(good.bytes(), StandardCharsets.UTF_8);
        // An amount edited: the check line no longer matches.
        String edited = text.replaceFirst("(revenue\\.gross\\.0\\.amount=USD:6:)(\\d)", "$19$2");
        assertTrue(!edited.equals(text), "the edit must change the bytes");
        assertRefused(new Snapshot(good.sequence(), good.headHash(), good.rulesVersion(), good.format(),
                edited.getBytes(StandardCharsets.UTF_8)), "not a valid state encoding");
        // A line removed.
        String cut = text.replaceFirst("commands=\\d+\n", "");
        assertRefused(new Snapshot(good.sequence(), good.headHash(), good.rulesVersion(), good.format(),
                cut.getBytes(StandardCharsets.UTF_8)), "not a valid state encoding");
        // Garbage.
        assertRefused(new Snapshot(good.sequence(), good.headHash(), good.rulesVersion(), good.format(),
                new byte[] {(byte) 0xff, 0, 1}), "not a valid state encoding");
    }

    /** The text with its last line replaced by the SHA-256 of every byte before it, as a forger would do. */
    private static byte[] resealed(String text) throws NoSuchAlgorithmException {
        String body = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        return (body + "check=" + HexFormat.of().formatHex(sha) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private Snapshot withBytes(byte[] bytes) {
        return new Snapshot(good.sequence(), good.headHash(), good.rulesVersion(), good.format(), bytes);
    }

    @Test
    void editsBehindAFreshCheckLineAreRefused() throws NoSuchAlgorithmException {
        String text = new String(good.bytes(), StandardCharsets.UTF_8);
        assertArrayEquals(good.bytes(), resealed(text), "resealing the good bytes must give them back");
        // An amount edited and the check line computed again: the decoded state's hash is not the recorded one.
        String edited = text.replaceFirst("(revenue\\.gross\\.0\\.amount=USD:6:)(\\d)", "$19$2");
        assertTrue(!edited.equals(text), "the edit must change the bytes");
        assertRefused(withBytes(resealed(edited)), "hash");
        // One more command id declared than the block holds.
        String more = Pattern.compile("\nseen=(\\d+)\n").matcher(text)
                .replaceFirst(m -> "\nseen=" + (Long.parseLong(m.group(1)) + 1) + "\n");
        assertTrue(!more.equals(text), "the edit must change the bytes");
        assertRefused(withBytes(resealed(more)), "seen.block");
        // The payment-id block cut by one byte.
        String cut = Pattern.compile("\nrevenue\\.seen\\.block=([A-Za-z0-9+/=]+)\n").matcher(text)
                .replaceFirst(m -> "\nrevenue.seen.block=" + java.util.Base64.getEncoder().encodeToString(
                        java.util.Arrays.copyOf(java.util.Base64.getDecoder().decode(m.group(1)),
                                java.util.Base64.getDecoder().decode(m.group(1)).length - 1)) + "\n");
        assertTrue(!cut.equals(text), "the edit must change the bytes");
        assertRefused(withBytes(resealed(cut)), "revenue.seen.block");
    }

    @Test
    void aHeadThatIsNotTheJournalsSealIsRefused() {
        byte[] head = good.headBytes();
        head[0] ^= 1;
        assertRefused(new Snapshot(good.sequence(), HexFormat.of().formatHex(head), good.rulesVersion(),
                good.format(), good.bytes()), "is not the seal of head");
        // The right head but claimed at another sequence (a record that is no seal, or another batch's seal).
        assertRefused(new Snapshot(good.sequence() - 1, good.headHash(), good.rulesVersion(), good.format(),
                good.bytes()), "is not the seal of head");
    }

    @Test
    void otherRulesOrFormatAreRefused() {
        assertRefused(new Snapshot(good.sequence(), good.headHash(), FomoProtocol.RULES_VERSION + 1, good.format(),
                good.bytes()), "rules version");
        assertRefused(new Snapshot(good.sequence(), good.headHash(), good.rulesVersion(), "fomo-state-snapshot/0",
                good.bytes()), "format");
    }

    @Test
    void aSnapshotOfAnotherJournalIsRefused() {
        EngineFixture other = new EngineFixture().graduated();
        other.protocol.submit(EventId.of("u1"), new Command.RecordUsage(EventId.of("p1"), DEP, BOB, 41));
        assertRefused(other.protocol.snapshotNow(), "is not the seal of head");
    }

    @Test
    void snapshotWithoutAStoreIsATypedError() {
        InvalidStateException e = assertThrows(InvalidStateException.class, f.protocol::snapshot);
        assertTrue(e.getMessage().startsWith("snapshots"), e.getMessage());
    }
}
