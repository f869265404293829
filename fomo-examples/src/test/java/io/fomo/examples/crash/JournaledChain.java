package io.fomo.examples.crash;

import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.IntentId;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.TokenIntent;
import java.util.HashMap;
import java.util.Map;

/**
 * Stands in for a chain that outlives the process: a fresh {@link InMemoryChainGateway} on which every
 * intent the journal records as confirmed is executed again, in confirmation order. An intent the old
 * process executed but did not get to confirm in the journal is missing here; the engine executes it
 * again after the restart, which is what the gateway's idempotency by intent id is for on a real chain.
 */
final class JournaledChain {

    private JournaledChain() {
    }

    static InMemoryChainGateway rebuild(EventJournal journal) {
        InMemoryChainGateway chain = new InMemoryChainGateway();
        Map<IntentId, TokenIntent> intents = new HashMap<>();
        for (JournalRecord r : journal.read(1)) {
            switch (r.entry().type()) {
                case "intent":
                    TokenIntent t = Payloads.intent(r.entry());
                    intents.put(t.id(), t);
                    break;
                case "confirmation":
                    IntentId id = IntentId.of(Payloads.field(r.entry(), "intent"));
                    TokenIntent confirmed = intents.get(id);
                    if (confirmed == null) {
                        throw new IllegalStateException("record " + r.sequence() + " confirms " + id
                                + ", which no earlier record journaled");
                    }
                    chain.execute(confirmed);
                    break;
                default:
                    break;
            }
        }
        return chain;
    }
}
