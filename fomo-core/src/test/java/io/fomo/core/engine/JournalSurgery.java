package io.fomo.core.engine;

import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Copies a journal batch by batch, optionally changing it, with or without sealing it anew. */
final class JournalSurgery {

    /** One batch: its key and entries, seal included. */
    record Batch(EventId key, List<JournalEntry> entries) {
    }

    private JournalSurgery() {
    }

    static List<Batch> batches(EventJournal journal) {
        List<Batch> out = new ArrayList<>();
        EventId key = null;
        List<JournalEntry> entries = null;
        for (JournalRecord r : journal.read(1)) {
            if (!r.idempotencyKey().equals(key)) {
                key = r.idempotencyKey();
                entries = new ArrayList<>();
                out.add(new Batch(key, entries));
            }
            entries.add(r.entry());
        }
        return out;
    }

    /** Appends the batches as they are (their seals untouched). */
    static InMemoryEventJournal copy(List<Batch> batches) {
        InMemoryEventJournal j = new InMemoryEventJournal();
        for (Batch b : batches) {
            j.append(j.currentSequence(), b.key(), b.entries());
        }
        return j;
    }

    /**
     * Appends the batches with every seal computed anew (what a forger who knows the format does): the
     * chain holds, so only the facts against the rules can tell.
     */
    static InMemoryEventJournal resealed(List<Batch> batches, UnaryOperator<Batch> change) {
        InMemoryEventJournal j = new InMemoryEventJournal();
        JournalChain chain = new JournalChain();
        byte[] head = JournalChain.GENESIS_PREVIOUS;
        for (Batch original : batches) {
            Batch b = change.apply(original);
            List<JournalEntry> body = new ArrayList<>(b.entries().subList(0, b.entries().size() - 1));
            JournalEntry seal = b.entries().get(b.entries().size() - 1);
            head = chain.hash(head, j.currentSequence() + 1, b.key(), body, seal.timestamp());
            body.add(JournalEntry.of(JournalTags.SEAL, JournalChain.sealPayload(head), seal.timestamp()));
            j.append(j.currentSequence(), b.key(), body);
        }
        return j;
    }

    static FomoProtocol replay(EventJournal journal) {
        return FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(EngineFixture.T0)).autoDispatch(false)
                .build();
    }
}
