package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.EventId;
import io.fomo.spi.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The genesis records the rules version; a journal from newer rules is refused; a journal whose facts
 * are not what these rules decide (forged with valid seals) names the first command that differs.
 */
class RulesVersionTest {

    private static JournalSurgery.Batch replace(JournalSurgery.Batch b, int entry, String from, String to) {
        List<JournalEntry> e = new ArrayList<>(b.entries());
        JournalEntry old = e.get(entry);
        String text = new String(old.payload(), StandardCharsets.UTF_8);
        assertTrue(text.contains(from), text);
        e.set(entry, JournalEntry.of(old.type(), text.replace(from, to).getBytes(StandardCharsets.UTF_8),
                old.timestamp()));
        return new JournalSurgery.Batch(b.key(), e);
    }

    @Test
    void theGenesisRecordsTheRulesVersion() {
        EngineFixture f = new EngineFixture();
        JournalEntry genesis = f.journal.read(1, 1).get(0).entry();
        assertTrue(new String(genesis.payload(), StandardCharsets.UTF_8).startsWith("rules=" + FomoProtocol.RULES_VERSION
                + "\n"));
        assertEquals(FomoProtocol.RULES_VERSION, f.protocol.journalRules());
    }

    @Test
    void aJournalFromNewerRulesIsRefusedExplicitly() {
        EngineFixture f = new EngineFixture().graduated();
        int newer = FomoProtocol.RULES_VERSION + 1;
        var forged = JournalSurgery.resealed(JournalSurgery.batches(f.journal),
                b -> b.key().equals(State.GENESIS_KEY) ? replace(b, 0, "rules=" + FomoProtocol.RULES_VERSION + "\n",
                        "rules=" + newer + "\n") : b);
        JournalIntegrityException x = assertThrows(JournalIntegrityException.class, () -> JournalSurgery.replay(forged));
        assertEquals(JournalIntegrityException.Kind.NEWER_RULES, x.kind());
        assertEquals(1, x.sequence());
        assertTrue(x.rulesDiffer());
        assertTrue(x.getMessage().contains("written by rules version " + newer + "; this engine has rules version "
                + FomoProtocol.RULES_VERSION + " and refuses it"), x.getMessage());
        JournalAudit.Report r = JournalAudit.verify(forged);
        assertFalse(r.ok());
        assertTrue(r.rulesDiffer());
        assertTrue(r.stateHash().isEmpty());
    }

    @Test
    void forgedFactsWithValidSealsNameTheFirstDivergingCommand() {
        EngineFixture f = new EngineFixture().graduated().oneEpoch();
        List<JournalSurgery.Batch> batches = JournalSurgery.batches(f.journal);
        // The first usage charge: change the amount charged and seal everything anew.
        JournalSurgery.Batch usage = batches.stream().filter(b -> new String(b.entries().get(0).payload(),
                StandardCharsets.UTF_8).startsWith("command=record-usage\n")).findFirst().orElseThrow();
        String facts = new String(usage.entries().get(1).payload(), StandardCharsets.UTF_8);
        String amount = facts.substring(facts.indexOf("0.amount=") + "0.amount=".length(), facts.indexOf('\n',
                facts.indexOf("0.amount=")));
        var forged = JournalSurgery.resealed(batches, b -> b == usage
                ? replace(b, 1, "0.amount=" + amount, "0.amount=" + amount + "1") : b);
        long seq = 0;
        for (var r : f.journal.read(1)) {
            if (r.idempotencyKey().equals(usage.key())) {
                seq = r.sequence();
                break;
            }
        }
        JournalIntegrityException x = assertThrows(JournalIntegrityException.class, () -> JournalSurgery.replay(forged));
        assertEquals(JournalIntegrityException.Kind.DIVERGED, x.kind());
        assertEquals(seq, x.sequence());
        assertEquals(usage.key(), x.commandId().orElseThrow());
        assertFalse(x.rulesDiffer());
        assertTrue(x.getMessage().contains("journal and engine both at rules version"), x.getMessage());
        JournalAudit.Report r = JournalAudit.verify(forged);
        assertEquals(usage.key(), r.firstDivergingCommand().orElseThrow());
        assertFalse(r.rulesDiffer());
        JournalAudit.Report clean = JournalAudit.verify(f.journal);
        assertTrue(clean.ok());
        assertEquals(f.protocol.stateHash(), clean.stateHash().orElseThrow());
        assertEquals(f.protocol.headHash(), clean.headHash());
    }
}
