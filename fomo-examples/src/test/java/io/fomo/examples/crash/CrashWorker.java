package io.fomo.examples.crash;

import io.fomo.core.engine.FomoProtocol;
import io.fomo.examples.journal.Journals;
import io.fomo.spi.EventJournal;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.ManualClock;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * The child process of {@link CrashSafetyTest}: opens a journal, builds the engine over it (replaying
 * what is there, dispatching intents left pending by a crash) and submits {@link CrashScript} from
 * command 0 on, forever. Commands already journaled come back as duplicates, so the worker resumes where
 * the journal ends. After each submit returns it prints {@code ACK <index> <commandId>} and flushes: an
 * ACK line is the engine's promise that the command is durable.
 *
 * <p>Usage: {@code CrashWorker <journal-spec>}. Exit status 3 on any error; it never ends by itself.
 */
public final class CrashWorker {

    private CrashWorker() {
    }

    public static void main(String[] args) {
        try {
            run(args[0]);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(3);
        }
    }

    private static void run(String spec) {
        EventJournal journal = Journals.open(spec);
        // The clock resumes at the journal's last instant: it never goes back, and confirmations written
        // while the engine opens carry a time not before the commands they confirm.
        Instant start = CrashScript.T0;
        long last = journal.currentSequence();
        if (last > 0) {
            List<JournalRecord> tail = journal.read(last, 1);
            start = tail.get(0).entry().timestamp().isAfter(start) ? tail.get(0).entry().timestamp() : start;
        }
        ManualClock clock = ManualClock.startingAt(start);
        FomoProtocol protocol = CrashScript.engine(journal, JournaledChain.rebuild(journal), clock, true);
        PrintStream out = System.out;
        out.println("READY " + protocol.sequence());
        out.flush();
        for (int i = 0; ; i++) {
            Instant at = CrashScript.time(i);
            if (at.isAfter(clock.now())) {
                clock.set(at);
            }
            protocol.submit(CrashScript.id(i), CrashScript.command(i));
            out.println("ACK " + i + " " + CrashScript.id(i).value());
            out.flush();
        }
    }
}
