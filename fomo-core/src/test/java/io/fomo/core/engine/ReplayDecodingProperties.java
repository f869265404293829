package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.EventJournal;
import io.fomo.spi.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Replay decodes a command batch's command and facts before the fold checks the batch's seal (on the reading
 * thread when it reads ahead) and keeps what decoding threw: a damaged batch must still fail exactly as reading
 * its records in turn, one by one, would. With the seal left as it was, on the seal ({@code CHAIN}, at the
 * batch's first record) whatever its command and facts decode to; resealed as a forger would, on the command's
 * failure first, else on the facts' failure, each as the plain decoding of that record alone
 * ({@link Fields#decode}, then the codec) throws it, whether the journal is read ahead or not.
 */
class ReplayDecodingProperties {

    @Property(tries = 100)
    void aDamagedCommandBatchFailsAsItsRecordsDecodedInTurn(@ForAll(supplier = EngineProperties.Scripts.class) List<EngineProperties.Step> script,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll boolean damageCommand,
            @ForAll boolean damageFacts, @ForAll @IntRange(min = 0, max = 100_000) int atCommand,
            @ForAll @IntRange(min = 0, max = 100_000) int atFacts, @ForAll @IntRange(min = 1, max = 255) int bits,
            @ForAll boolean reseal, @ForAll boolean ahead) {
        EngineFixture f = JournalIntegrityProperties.written(script);
        List<JournalSurgery.Batch> batches = JournalSurgery.batches(f.journal);
        List<Integer> commands = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            if (batches.get(i).entries().get(0).type().equals(JournalTags.COMMAND)) {
                commands.add(i);
            }
        }
        Assume.that(!commands.isEmpty() && (damageCommand || damageFacts));
        int i = commands.get(where % commands.size());
        long first = 1;
        for (int k = 0; k < i; k++) {
            first += batches.get(k).entries().size();
        }
        JournalSurgery.Batch b = batches.get(i);
        List<JournalEntry> e = new ArrayList<>(b.entries());
        if (damageCommand) {
            e.set(0, edited(e.get(0), atCommand, bits));
        }
        if (damageFacts) {
            e.set(1, edited(e.get(1), atFacts, bits));
        }
        JournalSurgery.Batch changed = new JournalSurgery.Batch(b.key(), e);
        List<JournalSurgery.Batch> all = new ArrayList<>(batches);
        all.set(i, changed);
        EventJournal journal = reseal ? JournalSurgery.resealed(batches, x -> x == b ? changed : x)
                : JournalSurgery.copy(all);
        String outcome = outcome(journal, ahead);
        if (!reseal) {
            assertTrue(outcome.startsWith("JournalIntegrityException CHAIN at " + first + ": ")
                    && outcome.contains(": batch " + first + ".."), outcome);
            return;
        }
        String plain = plainFailure(b, e, first);
        if (plain != null) {
            // The wrapped failure's message ends with the decoding's own (the kind and sequence lead both).
            int colon = plain.indexOf(": ");
            assertEquals(plain.substring(0, colon), outcome.substring(0, Math.min(colon, outcome.length())), outcome);
            assertTrue(outcome.endsWith(plain.substring(colon + 2)), plain + " / " + outcome);
        } else {
            assertTrue(outcome.startsWith("ok") || outcome.startsWith("JournalIntegrityException"), outcome);
        }
    }

    /**
     * A forged batch of a seal alone, inserted anywhere after the genesis: reading it has always failed on its
     * (missing) first entry, after the batches before it, whether read ahead or not; checking the seal on the
     * fold's thread keeps that failure as it was.
     */
    @Property(tries = 20)
    void aSealAloneFailsOnItsMissingFirstEntry(@ForAll(supplier = EngineProperties.Scripts.class) List<EngineProperties.Step> script,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll boolean ahead) {
        EngineFixture f = JournalIntegrityProperties.written(script);
        List<JournalSurgery.Batch> batches = new ArrayList<>(JournalSurgery.batches(f.journal));
        int i = 1 + where % batches.size();
        JournalEntry seal = batches.get(i - 1).entries().get(batches.get(i - 1).entries().size() - 1);
        batches.add(i, new JournalSurgery.Batch(io.fomo.spi.EventId.of("forged-" + where), List.of(seal)));
        EventJournal journal = JournalSurgery.resealed(batches, x -> x);
        assertEquals(IndexOutOfBoundsException.class.getName() + ": Index 0 out of bounds for length 0",
                outcome(journal, ahead));
    }

    private static JournalEntry edited(JournalEntry at, int where, int bits) {
        byte[] p = at.payload();
        if (p.length > 0) {
            p[where % p.length] ^= (byte) bits;
        }
        return JournalEntry.of(at.type(), p, at.timestamp());
    }

    /** How reading the batch's records in turn fails on them alone: the command first, then its facts. */
    private static String plainFailure(JournalSurgery.Batch b, List<JournalEntry> e, long first) {
        try {
            CommandCodec.decode(Fields.decode(e.get(0).payload(), "journal record " + first));
        } catch (RuntimeException x) {
            return expected(b, first, x);
        }
        try {
            FactCodec.decode(Fields.decode(e.get(1).payload(), "journal record " + (first + 1)));
        } catch (RuntimeException x) {
            return expected(b, first, x);
        }
        return null;
    }

    // The scripts' keys are short: the message quotes them whole (a key over 64 characters would be shortened).
    private static String expected(JournalSurgery.Batch b, long first, RuntimeException x) {
        if (x instanceof JournalIntegrityException j) {
            return "JournalIntegrityException " + j.kind() + " at " + j.sequence() + ": " + j.getMessage();
        }
        return "JournalIntegrityException MALFORMED at " + first + ": batch '" + b.key().value()
                + "' cannot be read: " + x.getMessage();
    }

    private static String outcome(EventJournal journal, boolean ahead) {
        return ReadAheadProperties.outcome(journal, ahead);
    }
}
