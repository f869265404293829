package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.JournalEntry;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * An engine that writes its large records (facts, and the commands of usage batches) and decides its large usage
 * batches in chunks on two cores journals the same bytes as one that writes every record on the submitting
 * thread: batch for batch, entry for entry (type, payload, time), and it ends on the same head and state hash,
 * with the same refusals.
 */
class TwoCoreEncodingProperties {

    @Property(tries = 60)
    void chunksJournalTheBytesOfOneThread(@ForAll(supplier = EngineProperties.Scripts.class) List<EngineProperties.Step> script,
            @ForAll @IntRange(min = 2, max = 6) int splitFrom) {
        EngineFixture split = new EngineFixture(new InMemoryEventJournal(), b -> b.splitFrom(splitFrom))
                .graduated();
        EngineFixture plain = new EngineFixture(new InMemoryEventJournal(), b -> b.secondCore(false))
                .graduated();
        int n = 0;
        for (EngineProperties.Step s : script) {
            String a = outcome(split, EngineProperties.command(split, s, n), n);
            String b = outcome(plain, EngineProperties.command(plain, s, n), n);
            assertEquals(b, a, "step " + n);
            n++;
        }
        List<JournalSurgery.Batch> got = JournalSurgery.batches(split.journal);
        List<JournalSurgery.Batch> want = JournalSurgery.batches(plain.journal);
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i).key(), got.get(i).key());
            List<JournalEntry> w = want.get(i).entries();
            List<JournalEntry> g = got.get(i).entries();
            assertEquals(w.size(), g.size(), "batch " + i);
            for (int k = 0; k < w.size(); k++) {
                assertEquals(w.get(k).type(), g.get(k).type(), "batch " + i + " entry " + k);
                assertEquals(w.get(k).timestamp(), g.get(k).timestamp(), "batch " + i + " entry " + k);
                assertArrayEquals(w.get(k).payload(), g.get(k).payload(), "batch " + i + " entry " + k);
            }
        }
        assertEquals(plain.protocol.headHash(), split.protocol.headHash());
        assertEquals(plain.protocol.stateHash(), split.protocol.stateHash());
    }

    private static String outcome(EngineFixture f, Command c, int n) {
        try {
            return f.protocol.submit(EventId.of("p" + n), c).toString();
        } catch (FomoException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
