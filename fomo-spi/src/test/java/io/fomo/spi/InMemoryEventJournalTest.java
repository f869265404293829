package io.fomo.spi;

import io.fomo.spi.contract.EventJournalContract;

/** Runs the journal contract against the in-memory journal. */
class InMemoryEventJournalTest implements EventJournalContract {

    @Override
    public EventJournal newJournal() {
        return new InMemoryEventJournal();
    }
}
