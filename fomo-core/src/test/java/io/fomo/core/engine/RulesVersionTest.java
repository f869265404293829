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

    /**
     * A later release charges usage differently (here: one base unit more, as a rounding change would):
     * the journal it is handed was written under the old rules. Simulated by editing the facts of one
     * command consistently and sealing the chain anew. Replay folds the journaled facts, so it reaches the
     * state the journal records (the old charge), not what today's rules would decide; the audit decides
     * again and names that command.
     */
    @Test
    void aJournalFromOtherRulesReplaysToItsOwnStateAndTheAuditNamesTheCommand() {
        EngineFixture f = new EngineFixture().graduated();
        f.clock.advance(java.time.Duration.ofHours(1));
        f.run(new Command.RecordUsage(EventId.of("pay-1"), EngineFixture.DEP, EngineFixture.CAROL, 1_000_000));
        f.run(new Command.Stake(EngineFixture.BOB, EngineFixture.DEP, EngineFixture.mt("2000")));
        f.run(new Command.RecordUsage(EventId.of("pay-2"), EngineFixture.DEP, EngineFixture.BOB, 1_000_000));
        io.fomo.spi.Amount gross = f.protocol.revenue().grossOf(EngineFixture.DEP);
        List<JournalSurgery.Batch> batches = JournalSurgery.batches(f.journal);
        JournalSurgery.Batch usage = batches.stream().filter(b -> new String(b.entries().get(0).payload(),
                StandardCharsets.UTF_8).startsWith("command=record-usage\n")).findFirst().orElseThrow();
        String facts = new String(usage.entries().get(1).payload(), StandardCharsets.UTF_8);
        String line = facts.substring(facts.indexOf("0.amount="), facts.indexOf('\n', facts.indexOf("0.amount=")));
        io.fomo.spi.Amount charged = io.fomo.spi.Amount.parse(io.fomo.spi.Asset.USD,
                line.substring(line.lastIndexOf(':') + 1));
        io.fomo.spi.Amount older = charged.plus(io.fomo.spi.Amount.ofUnits(io.fomo.spi.Asset.USD,
                java.math.BigInteger.ONE));
        var other = JournalSurgery.resealed(batches, b -> b == usage
                ? replace(b, 1, line, "0.amount=USD:6:" + older.toPlainString()) : b);

        FomoProtocol replayed = JournalSurgery.replay(other);
        // The journaled charge, not today's decision: the gross is one base unit above the deciding engine's.
        assertEquals(gross.plus(io.fomo.spi.Amount.ofUnits(io.fomo.spi.Asset.USD, java.math.BigInteger.ONE)),
                replayed.revenue().grossOf(EngineFixture.DEP));
        assertEquals(f.protocol.commandCount(), replayed.commandCount());
        assertEquals(f.protocol.balance(EngineFixture.BOB, EngineFixture.MT),
                replayed.balance(EngineFixture.BOB, EngineFixture.MT));
        assertTrue(!f.protocol.stateHash().equals(replayed.stateHash()));
        // And that state goes on: an engine on the journal closes the epoch on the journaled gross.
        EngineFixture onOther = new EngineFixture(other);
        onOther.clock.set(EngineFixture.T0.plus(java.time.Duration.ofDays(1)));
        onOther.prices.put(io.fomo.spi.PriceQuote.of(io.fomo.spi.Asset.FLOCK, new java.math.BigDecimal("0.05"), "test",
                onOther.clock.now()));
        onOther.protocol.submit(EventId.of("close-1"), new Command.CloseEpoch(java.util.Map.of()));
        assertEquals(gross.plus(io.fomo.spi.Amount.ofUnits(io.fomo.spi.Asset.USD, java.math.BigInteger.ONE)),
                onOther.protocol.lastEpochRevenue().orElseThrow().splitOf(EngineFixture.DEP).gross());

        long seq = 0;
        for (var r : f.journal.read(1)) {
            if (r.idempotencyKey().equals(usage.key())) {
                seq = r.sequence();
                break;
            }
        }
        JournalAudit.Report r = JournalAudit.verify(other);
        assertFalse(r.ok());
        assertEquals(usage.key(), r.firstDivergingCommand().orElseThrow());
        assertEquals(seq, r.failure().orElseThrow().sequence());
        assertFalse(r.rulesDiffer());
        assertTrue(r.failure().orElseThrow().getMessage().contains("journal and engine both at rules version"),
                r.failure().orElseThrow().getMessage());
        assertTrue(r.stateHash().isEmpty());
        JournalAudit.Report clean = JournalAudit.verify(f.journal);
        assertTrue(clean.ok());
        assertEquals(f.protocol.stateHash(), clean.stateHash().orElseThrow());
        assertEquals(f.protocol.headHash(), clean.headHash());
    }
}
