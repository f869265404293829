package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Any edit, deletion, insertion, reordering, duplication or retyping of what an engine journaled, anywhere
 * before the head, fails replay with a {@link JournalIntegrityException} (never another exception), and
 * the untouched copy replays to the writer's state hash and head.
 */
class JournalIntegrityProperties {

    enum Change { EDIT_BYTE, DROP_ENTRY, DROP_BATCH, SWAP_BATCHES, DUPLICATE_ENTRY, RETYPE, SWAP_ENTRIES, RENAME_KEY,
        RETIME }

    /** An engine after the script's commands (a rejected one journals nothing). */
    static EngineFixture written(List<EngineProperties.Step> script) {
        EngineFixture f = new EngineFixture().graduated();
        int n = 0;
        for (EngineProperties.Step s : script) {
            Command c = EngineProperties.command(f, s, n++);
            try {
                f.protocol.submit(EventId.of("p" + n), c);
            } catch (FomoException e) {
                // rejected: nothing journaled
            }
        }
        return f;
    }

    @Property(tries = 60)
    void everyChangeBeforeTheHeadIsAnIntegrityError(@ForAll(supplier = EngineProperties.Scripts.class) List<EngineProperties.Step> script,
            @ForAll Change change, @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll @IntRange(min = 0, max = 10_000) int which, @ForAll @IntRange(min = 0, max = 255) int bits) {
        EngineFixture f = written(script);
        List<JournalSurgery.Batch> batches = JournalSurgery.batches(f.journal);
        FomoProtocol untouched = JournalSurgery.replay(JournalSurgery.copy(batches));
        assertEquals(f.protocol.stateHash(), untouched.stateHash());
        assertEquals(f.protocol.headHash(), untouched.headHash());
        // Any batch but the last: cutting the last whole batch is what --expect-head is for (below).
        int i = where % (batches.size() - 1);
        List<JournalSurgery.Batch> changed = new ArrayList<>(batches);
        JournalSurgery.Batch b = batches.get(i);
        List<JournalEntry> e = new ArrayList<>(b.entries());
        int k = which % e.size();
        switch (change) {
            case EDIT_BYTE:
                byte[] p = e.get(k).payload();
                if (p.length == 0) {
                    p = new byte[] {(byte) bits};
                } else {
                    p[which % p.length] ^= (byte) (1 + bits % 255);
                }
                e.set(k, JournalEntry.of(e.get(k).type(), p, e.get(k).timestamp()));
                break;
            case DROP_ENTRY:
                if (e.size() == 1) {
                    changed.remove(i);
                } else {
                    e.remove(k);
                }
                break;
            case DROP_BATCH:
                changed.remove(i);
                break;
            case SWAP_BATCHES:
                changed.set(i, batches.get(i + 1));
                changed.set(i + 1, b);
                break;
            case DUPLICATE_ENTRY:
                e.add(k, e.get(k));
                break;
            case RETYPE:
                List<String> types = JournalTags.ENTRY_TYPES;
                String other = types.get((types.indexOf(e.get(k).type()) + 1 + bits % (types.size() - 1)) % types.size());
                e.set(k, JournalEntry.of(other, e.get(k).payload(), e.get(k).timestamp()));
                break;
            case SWAP_ENTRIES:
                int l = (k + 1 + bits) % e.size();
                if (l == k || e.get(l).equals(e.get(k))) {
                    e.add(e.get(k)); // nothing to swap: duplicate instead, still a change
                } else {
                    JournalEntry t = e.get(k);
                    e.set(k, e.get(l));
                    e.set(l, t);
                }
                break;
            case RENAME_KEY:
                changed.set(i, new JournalSurgery.Batch(EventId.of("renamed-" + bits), e));
                break;
            default:
                e.set(k, JournalEntry.of(e.get(k).type(), e.get(k).payload(), e.get(k).timestamp().plusNanos(1 + bits)));
                break;
        }
        if (change != Change.DROP_BATCH && change != Change.SWAP_BATCHES && change != Change.RENAME_KEY
                && !(change == Change.DROP_ENTRY && b.entries().size() == 1)) {
            changed.set(i, new JournalSurgery.Batch(b.key(), e));
        }
        JournalIntegrityException x = assertThrows(JournalIntegrityException.class,
                () -> JournalSurgery.replay(JournalSurgery.copy(changed)), change + " in batch " + i);
        assertTrue(x.sequence() >= 1, x.getMessage());
    }

    @Property(tries = 20)
    void aCutAtABatchBoundaryChangesTheHead(@ForAll(supplier = EngineProperties.Scripts.class) List<EngineProperties.Step> script,
            @ForAll @IntRange(min = 1, max = 10_000) int cut) {
        EngineFixture f = written(script);
        List<JournalSurgery.Batch> batches = JournalSurgery.batches(f.journal);
        int keep = batches.size() - 1 - cut % (batches.size() - 1);
        FomoProtocol shorter = JournalSurgery.replay(JournalSurgery.copy(batches.subList(0, keep)));
        assertNotEquals(f.protocol.headHash(), shorter.headHash());
    }
}
