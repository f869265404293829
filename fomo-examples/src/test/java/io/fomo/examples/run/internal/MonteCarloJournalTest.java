package io.fomo.examples.run.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.run.EngineScenarioRunner;
import io.fomo.examples.run.ProgressListener;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioParser;
import io.fomo.spi.AppendResult;
import io.fomo.spi.EventId;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.SequenceConflictException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * What the Monte Carlo journal does as a journal (numbering, conflicts, the last batch's retries, the
 * refusals of what it did not keep), and that a run on it is the run on the reference in-memory journal.
 */
class MonteCarloJournalTest {

    private static final Instant T = Instant.parse("2026-01-15T00:00:00Z");

    private static List<JournalEntry> batch(String tag, int size) {
        List<JournalEntry> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(JournalEntry.of("t" + i, (tag + "-" + i).getBytes(StandardCharsets.UTF_8), T.plusSeconds(i)));
        }
        return out;
    }

    /** A run on it ends on the same state, head and record count as on the reference journal. */
    @Test
    void aRunOnItIsTheRunOnTheReferenceJournal() {
        long seed = ThreadLocalRandom.current().nextLong();
        System.out.println("MonteCarloJournalTest seed = " + seed);
        Path scenarios = Path.of(System.getProperty("fomo.scenarios.dir", "scenarios"));
        Scenario s = ScenarioParser.parse(scenarios.resolve("qwen-alice.json")).withSeed(seed).withDays(15);
        EngineScenarioRunner runner = new EngineScenarioRunner();
        runner.validate(s);
        InMemoryEventJournal reference = new InMemoryEventJournal();
        SimulationResult kept = runner.run(s, reference, ProgressListener.NONE);
        SimulationResult counted = runner.run(s, seed);
        assertEquals(kept.stateHash(), counted.stateHash());
        assertEquals(kept.headHash(), counted.headHash());
        assertEquals(reference.currentSequence(), counted.events());
        assertEquals(kept.rows(), counted.rows());
        assertTrue(counted.events() > 100, "the run wrote records: " + counted.events());
    }

    /** Sequence numbers, conflicts and the last batch's records are those of the reference journal. */
    @Property(tries = 50)
    void itNumbersAndReturnsTheLastBatchAsTheReferenceDoes(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 5) Integer> sizes) {
        MonteCarloJournal j = new MonteCarloJournal();
        InMemoryEventJournal reference = new InMemoryEventJournal();
        for (int i = 0; i < sizes.size(); i++) {
            List<JournalEntry> b = batch("b" + i, sizes.get(i));
            EventId key = EventId.of("k" + i);
            AppendResult got = j.append(j.currentSequence(), key, b);
            AppendResult want = reference.append(reference.currentSequence(), key, b);
            assertEquals(want, got);
            assertEquals(reference.currentSequence(), j.currentSequence());
            assertEquals(reference.read(got.firstSequence(), 1000), j.read(got.firstSequence(), 1000));
            assertEquals(reference.read(got.lastSequence(), 1), j.read(got.lastSequence(), 1));
            assertEquals(List.of(), j.read(j.currentSequence() + 1, 10));
            long stale = j.currentSequence() - 1;
            assertThrows(SequenceConflictException.class, () -> j.append(stale, EventId.of("late"), batch("x", 1)));
            assertEquals(reference.append(0, key, b), j.append(0, key, b), "a retry of the last batch");
        }
        assertEquals(reference.currentSequence(), j.currentSequence());
    }

    @Test
    void aRetryOfTheLastBatchWithOtherEntriesIsRefused() {
        MonteCarloJournal j = new MonteCarloJournal();
        j.append(0, EventId.of("a"), batch("a", 2));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> j.append(2, EventId.of("a"), batch("other", 2)));
        assertTrue(e.getMessage().contains("idempotencyKey"), e.getMessage());
        assertEquals(2, j.currentSequence());
    }

    /** What it did not keep it refuses to answer, and it never writes a key twice. */
    @Test
    void itRefusesWhatItDidNotKeep() {
        MonteCarloJournal j = new MonteCarloJournal();
        j.append(0, EventId.of("a"), batch("a", 3));
        j.append(3, EventId.of("b"), batch("b", 2));
        InvalidStateException read = assertThrows(InvalidStateException.class, () -> j.read(1, 10));
        assertTrue(read.getMessage().contains("keeps no earlier record"), read.getMessage());
        assertThrows(InvalidStateException.class, () -> j.read(3, 1));
        assertEquals(2, j.read(4, 10).size());
        InvalidStateException retry = assertThrows(InvalidStateException.class,
                () -> j.append(5, EventId.of("a"), batch("a", 3)));
        assertTrue(retry.getMessage().contains("cannot tell a retry from a conflict"), retry.getMessage());
        assertEquals(5, j.currentSequence());
    }

    @Test
    void itRefusesBadArguments() {
        MonteCarloJournal j = new MonteCarloJournal();
        assertThrows(InvalidArgumentException.class, () -> j.append(0, EventId.of("a"), List.of()));
        assertThrows(InvalidArgumentException.class, () -> j.append(-1, EventId.of("a"), batch("a", 1)));
        List<JournalEntry> withNull = new ArrayList<>(batch("a", 2));
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> j.append(0, EventId.of("a"), withNull));
        assertThrows(InvalidArgumentException.class, () -> j.read(0, 1));
        assertThrows(InvalidArgumentException.class, () -> j.read(1, 0));
        assertEquals(0, j.currentSequence());
        assertFalse(j.append(0, EventId.of("a"), batch("a", 1)).isDuplicate(), "the refused key stayed unused");
    }

    /** The batch is copied: a caller changing its list afterwards changes nothing journaled. */
    @Test
    void theBatchIsCopied() {
        MonteCarloJournal j = new MonteCarloJournal();
        List<JournalEntry> b = new ArrayList<>(batch("a", 2));
        j.append(0, EventId.of("a"), b);
        b.set(0, batch("z", 1).get(0));
        assertTrue(Arrays.equals("a-0".getBytes(StandardCharsets.UTF_8), j.read(1, 1).get(0).entry().payload()));
    }
}
