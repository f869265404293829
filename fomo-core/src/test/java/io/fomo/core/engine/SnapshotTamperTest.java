package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.DEP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.EventId;
import io.fomo.spi.InMemorySnapshotStore;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.Snapshot;
import java.nio.charset.StandardCharsets;
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
        // An amount edited: the state no longer re-encodes to its own state hash.
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
