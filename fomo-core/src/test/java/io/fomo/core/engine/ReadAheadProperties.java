package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AppendResult;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.ManualClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A replay that reads, checks and decodes ahead on a second thread ends exactly as the sequential one:
 * the same sequence, state hash and head for a sound journal, and for a journal changed anywhere (with
 * its seals left as they were, or recomputed as a forger would) the same exception: class, kind,
 * sequence number and message.
 */
class ReadAheadProperties {

    enum Change { EDIT_BYTE, CUT_PAYLOAD, DROP_ENTRY, DUPLICATE_ENTRY, RETYPE, BORROW_ENTRY, RENAME_KEY, NONE }

    @Property(tries = 80)
    void readingAheadEndsAsReadingInTurn(@ForAll(supplier = EngineProperties.Scripts.class) List<EngineProperties.Step> script,
            @ForAll Change change, @ForAll boolean reseal, @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll @IntRange(min = 0, max = 10_000) int which, @ForAll @IntRange(min = 1, max = 255) int bits) {
        EngineFixture f = JournalIntegrityProperties.written(script);
        List<JournalSurgery.Batch> batches = JournalSurgery.batches(f.journal);
        int i = where % batches.size();
        JournalSurgery.Batch changed = changed(batches, i, change, which, bits);
        List<JournalSurgery.Batch> all = new ArrayList<>(batches);
        all.set(i, changed);
        EventJournal journal = reseal ? JournalSurgery.resealed(batches, b -> b == batches.get(i) ? changed : b)
                : JournalSurgery.copy(all);
        String inTurn = outcome(journal, false);
        String ahead = outcome(journal, true);
        assertEquals(inTurn, ahead, change + (reseal ? " resealed" : "") + " in batch " + i + " of " + batches.size());
        if (change == Change.NONE) {
            assertEquals("ok " + f.protocol.sequence() + " " + f.protocol.stateHash() + " " + f.protocol.headHash(),
                    ahead);
        }
    }

    /** Scripts long enough that their journals span several pages of {@link EventJournal#DEFAULT_PAGE_SIZE}. */
    @Provide
    Arbitrary<List<EngineProperties.Step>> longScripts() {
        return EngineProperties.steps().list().ofMinSize(600).ofMaxSize(1_000);
    }

    /**
     * The same over journals of several pages, whose pages are read on a third thread ahead of their decoding:
     * a change in any batch (a page's records out of order, a batch cut across two pages), and a journal that
     * fails to read from some record on, end as the sequential reading does.
     */
    @Property(tries = 12)
    void readingPagesAheadEndsAsReadingInTurn(@ForAll("longScripts") List<EngineProperties.Step> script,
            @ForAll Change change, @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll @IntRange(min = 0, max = 10_000) int which, @ForAll @IntRange(min = 1, max = 255) int bits,
            @ForAll @IntRange(min = 0, max = 4_000) int failFrom) {
        EngineFixture f = JournalIntegrityProperties.written(script);
        List<JournalSurgery.Batch> batches = JournalSurgery.batches(f.journal);
        int i = where % batches.size();
        List<JournalSurgery.Batch> all = new ArrayList<>(batches);
        all.set(i, changed(batches, i, change, which, bits));
        EventJournal journal = JournalSurgery.copy(all);
        // (failFrom 0: a journal that reads to its end)
        EventJournal failing = failFrom == 0 ? journal : new FailingFrom(journal, failFrom);
        String inTurn = outcome(failing, false);
        assertEquals(inTurn, outcome(failing, true), change + " in batch " + i + " of " + batches.size()
                + " (" + journal.currentSequence() + " records), reads failing from " + failFrom);
        // The sound journal of several pages replays, either way, to the state that wrote it.
        String wrote = "ok " + f.protocol.sequence() + " " + f.protocol.stateHash() + " " + f.protocol.headHash();
        assertEquals(wrote, outcome(f.journal, false));
        assertEquals(wrote, outcome(f.journal, true));
    }

    /** A journal whose reads fail once they reach record {@code from}, as a row the database cannot read. */
    private record FailingFrom(EventJournal journal, long from) implements EventJournal {
        @Override
        public AppendResult append(long expectedSequence, EventId idempotencyKey, List<JournalEntry> batch) {
            return journal.append(expectedSequence, idempotencyKey, batch);
        }

        @Override
        public List<JournalRecord> read(long fromSequence, int maxCount) {
            List<JournalRecord> page = journal.read(fromSequence, maxCount);
            if (!page.isEmpty() && page.get(page.size() - 1).sequence() >= from) {
                throw new IllegalStateException("unreadable row at " + from);
            }
            return page;
        }

        @Override
        public long currentSequence() {
            return journal.currentSequence();
        }
    }

    /** The batch {@code i} with one change to its entries (the seal, last, is left to the copy). */
    private static JournalSurgery.Batch changed(List<JournalSurgery.Batch> batches, int i, Change change, int which,
            int bits) {
        JournalSurgery.Batch b = batches.get(i);
        List<JournalEntry> e = new ArrayList<>(b.entries());
        int body = e.size() - 1;
        int k = which % Math.max(1, body);
        JournalEntry at = e.get(k);
        switch (change) {
            case EDIT_BYTE -> {
                byte[] p = at.payload();
                if (p.length > 0) {
                    p[which % p.length] ^= (byte) bits;
                }
                e.set(k, JournalEntry.of(at.type(), p, at.timestamp()));
            }
            case CUT_PAYLOAD -> {
                byte[] p = at.payload();
                e.set(k, JournalEntry.of(at.type(), Arrays.copyOf(p, p.length == 0 ? 0 : which % p.length),
                        at.timestamp()));
            }
            case DROP_ENTRY -> {
                if (body > 1) {
                    e.remove(k);
                }
            }
            case DUPLICATE_ENTRY -> e.add(k, at);
            case RETYPE -> {
                List<String> types = JournalTags.ENTRY_TYPES;
                String other = types.get((types.indexOf(at.type()) + 1 + bits % (types.size() - 1)) % types.size());
                e.set(k, JournalEntry.of(other, at.payload(), at.timestamp()));
            }
            case BORROW_ENTRY -> {
                JournalSurgery.Batch from = batches.get((i + bits) % batches.size());
                e.set(k, from.entries().get(which % Math.max(1, from.entries().size() - 1)));
            }
            case RENAME_KEY -> {
                // A command's id, or an engine's key (~...), given to another batch.
                String key = bits % 2 == 0 ? "renamed-" + bits : "~renamed-" + bits;
                return new JournalSurgery.Batch(EventId.of(key), e);
            }
            default -> {
                return b;
            }
        }
        return new JournalSurgery.Batch(b.key(), e);
    }

    /**
     * How a fresh engine ends on {@code journal}, reading ahead or not: "ok", its sequence, state hash and head,
     * or the exception's class, kind, sequence and message.
     */
    static String outcome(EventJournal journal, boolean ahead) {
        FomoProtocol.Builder b = FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(EngineFixture.T0))
                .autoDispatch(false);
        if (ahead) {
            b.readAheadFrom(0);
        } else {
            b.readAhead(false);
        }
        try {
            FomoProtocol p = b.build();
            return "ok " + p.sequence() + " " + p.stateHash() + " " + p.headHash();
        } catch (JournalIntegrityException x) {
            assertTrue(x.sequence() >= 1, x.getMessage());
            return x.getClass().getSimpleName() + " " + x.kind() + " at " + x.sequence() + ": " + x.getMessage();
        } catch (RuntimeException x) {
            return x.getClass().getName() + ": " + x.getMessage();
        }
    }
}
