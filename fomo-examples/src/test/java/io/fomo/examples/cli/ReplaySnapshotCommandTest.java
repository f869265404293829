package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.engine.FomoProtocol;
import io.fomo.examples.crash.CrashScript;
import io.fomo.examples.journal.Journals;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fomo replay --save-snapshot} and {@code --from-snapshot} on an SQLite journal. */
class ReplaySnapshotCommandTest {

    private static String[] run(int expectedStatus, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = FomoCli.run(new PrintWriter(o), new PrintWriter(e), args);
        assertEquals(expectedStatus, status, e.toString());
        return new String[] {o.toString(), e.toString()};
    }

    /** Writes n commands of the crash script; returns the writer's head and state hash. */
    private static List<String> write(String spec, int from, int to) {
        EventJournal journal = Journals.open(spec);
        try {
            ManualClock clock = ManualClock.startingAt(CrashScript.T0);
            FomoProtocol protocol = CrashScript.engine(journal, new InMemoryChainGateway(), clock, true);
            for (int i = 0; i < to; i++) {
                CrashScript.submit(protocol, clock, i);
            }
            return List.of("events: " + protocol.sequence(), "commands: " + protocol.commandCount(),
                    "head: " + protocol.headHash(), "state-hash: " + protocol.stateHash());
        } finally {
            Journals.close(journal);
        }
    }

    @Test
    void aSavedSnapshotIsUsedAndGivesTheFullReplaysLines(@TempDir Path dir) {
        String spec = "sqlite:" + dir.resolve("j.db");
        List<String> atSave = write(spec, 0, 30);
        String[] none = run(0, "replay", "--journal", spec, "--from-snapshot");
        assertEquals("snapshot: none used", none[0].lines().findFirst().orElseThrow());
        String[] saved = run(0, "replay", "--journal", spec, "--save-snapshot");
        assertEquals("snapshot saved: " + atSave.get(0).substring("events: ".length()),
                saved[0].lines().findFirst().orElseThrow());
        assertEquals(atSave, saved[0].lines().skip(1).toList());
        // More commands after the snapshot: the restart folds them.
        List<String> atEnd = write(spec, 0, 45);
        String[] restarted = run(0, "replay", "--journal", spec, "--from-snapshot");
        List<String> lines = restarted[0].lines().toList();
        assertEquals("snapshot: " + atSave.get(0).substring("events: ".length()), lines.get(0));
        assertEquals(atEnd, lines.subList(1, lines.size()));
        assertEquals(atEnd, run(0, "replay", "--journal", spec)[0].lines().toList());
    }

    @Test
    void aMemoryJournalKeepsNoSnapshots() {
        String[] r = run(2, "replay", "--journal", "memory", "--from-snapshot");
        assertTrue(r[1].contains("nothing to replay") || r[1].contains("snapshots"), r[1]);
    }
}
