package io.fomo.examples.cli;

import io.fomo.examples.terminal.TerminalText;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.engine.JournalAudit;
import io.fomo.core.engine.JournalIntegrityException;
import io.fomo.examples.journal.Journals;
import io.fomo.spi.EventJournal;
import io.fomo.spi.FomoException;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.ManualClock;
import io.fomo.spi.StorageException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fomo replay --journal SPEC [--verify] [--expect-head HASH] [--from-snapshot] [--save-snapshot]}:
 * opens the journal read-only ({@link Journals#openReadOnly}; {@code --save-snapshot} writes to its snapshot
 * table only), verifies its hash chain,
 * rebuilds the protocol's state and prints {@code events: N}, {@code commands: N}, {@code head: <64 hex>}
 * and, last, {@code state-hash: <64 hex>}. Nothing is executed on a chain and nothing is written: intents
 * stay in the outbox ({@code autoDispatch(false)}). A journal that fails its chain, its facts or the head
 * expected prints no state hash.
 *
 * <p>Exit status: 0 on success; 2 for a usage error (a malformed spec or hash, a missing SQLite file, an
 * empty journal, which includes every {@code memory} journal); 1 when the journal cannot be read, fails
 * its integrity checks or its audit, or does not end at the expected head.
 */
@Command(name = "replay", description = {"Replay a journal: verify its hash chain, print its event count, head and state hash.",
    "Exit status: 0 ok, 1 journal unreadable, corrupt or not at the expected head, "
        + "2 usage error (bad spec, missing file, nothing to replay)."})
final class ReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "<spec>",
            description = "The journal: " + Journals.USAGE + ".")
    private String journal;

    @Option(names = "--verify", description = "Audit: name the first command whose decision by this engine's "
            + "rules differs from its journaled facts, and whether the journal's rules version differs.")
    private boolean verify;

    @Option(names = "--expect-head", paramLabel = "<hash>", description = "Fail unless the journal's head hash "
            + "(printed by simulate and replay) is this one: detects a cut or replaced tail.")
    private String expectHead;

    @Option(names = "--from-snapshot", description = "Restart from the newest snapshot in the journal's snapshot "
            + "table (checked against the chain; prints 'snapshot: <sequence>', or why none was used) and verify "
            + "only the records after it. Without it, replay verifies the whole journal.")
    private boolean fromSnapshot;

    @Option(names = "--save-snapshot", description = "After the journal replayed and verified, store a snapshot "
            + "at its head in the journal's snapshot table, for a later --from-snapshot.")
    private boolean saveSnapshot;

    @Override
    public Integer call() {
        if (expectHead != null && !expectHead.matches("[0-9a-f]{64}")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--expect-head': "
                    + (expectHead.length() > 80 ? expectHead.substring(0, 80) + "..." : expectHead)
                    + ": must be 64 lowercase hex digits");
        }
        EventJournal j;
        try {
            // Read-only: a replay writes nothing, so it works on a read-only file, folder or file system.
            j = Journals.openReadOnly(journal);
        } catch (InvalidArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--journal': "
                    + e.getMessage());
        } catch (FomoException e) {
            return failed(e.getMessage());
        } catch (StorageException e) {
            return failed(e.getMessage());
        }
        try {
            long events = j.currentSequence();
            if (events == 0 && j.read(1, 1).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "nothing to replay: the journal "
                        + Journals.redact(journal) + " is empty"
                        + (journal.equals("memory") ? " (a memory journal starts empty every time)" : ""));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (verify) {
                return audit(j, out);
            }
            if (fromSnapshot || saveSnapshot) {
                return withSnapshots(j, out);
            }
            // Replay needs no chain, prices or time: with autoDispatch off nothing reaches them.
            FomoProtocol protocol = FomoProtocol.builder().journal(j).chainGateway(new InMemoryChainGateway())
                    .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(Instant.EPOCH))
                    .autoDispatch(false).build();
            if (expectHead != null) {
                protocol.requireHead(expectHead);
            }
            out.println("events: " + protocol.sequence());
            out.println("commands: " + protocol.commandCount());
            out.println("head: " + protocol.headHash());
            out.println("state-hash: " + protocol.stateHash());
            out.flush();
            return 0;
        } catch (FomoException e) {
            return failed(e.getMessage());
        } catch (StorageException e) {
            return failed(e.getMessage());
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            // Whatever a damaged journal makes a driver or decoder throw is a failed replay, not a crash.
            return failed(new JournalIntegrityFailure(e).getMessage());
        } finally {
            Journals.close(j);
        }
    }

    private int withSnapshots(EventJournal j, PrintWriter out) {
        io.fomo.spi.SnapshotStore store;
        try {
            store = Journals.openSnapshots(journal);
        } catch (InvalidArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--journal': "
                    + e.getMessage());
        }
        try {
            FomoProtocol.Builder b = FomoProtocol.builder().journal(j).chainGateway(new InMemoryChainGateway())
                    .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(Instant.EPOCH))
                    .autoDispatch(false).snapshots(store);
            FomoProtocol protocol = fromSnapshot ? b.build() : FomoProtocol.builder().journal(j)
                    .chainGateway(new InMemoryChainGateway()).priceFeed(new InMemoryPriceFeed())
                    .clock(ManualClock.startingAt(Instant.EPOCH)).autoDispatch(false).build();
            if (expectHead != null) {
                protocol.requireHead(expectHead);
            }
            if (fromSnapshot) {
                out.println(protocol.restoredFromSequence() > 0 ? "snapshot: " + protocol.restoredFromSequence()
                        : "snapshot: none used" + protocol.snapshotRefusal().map(r -> " (" + r + ")").orElse(""));
            }
            if (saveSnapshot) {
                store.save(snapshotOf(protocol, b));
                out.println("snapshot saved: " + protocol.sequence());
            }
            out.println("events: " + protocol.sequence());
            out.println("commands: " + protocol.commandCount());
            out.println("head: " + protocol.headHash());
            out.println("state-hash: " + protocol.stateHash());
            out.flush();
            return 0;
        } finally {
            store.close();
        }
    }

    /** The snapshot of a replayed protocol: taken through an engine that has the store (the same state). */
    private static io.fomo.spi.Snapshot snapshotOf(FomoProtocol replayed, FomoProtocol.Builder withStore) {
        FomoProtocol p = withStore.build();
        if (!p.headHash().equals(replayed.headHash()) || !p.stateHash().equals(replayed.stateHash())) {
            throw new io.fomo.spi.InvalidStateException("journal: it moved while the snapshot was taken, or its "
                    + "newest snapshot does not give the full replay's state");
        }
        return p.snapshot();
    }

    private int audit(EventJournal j, PrintWriter out) {
        JournalAudit.Report r = JournalAudit.verify(j);
        if (r.failure().isPresent()) {
            JournalIntegrityException f = r.failure().get();
            PrintWriter err = spec.commandLine().getErr();
            err.println("verify of " + TerminalText.escape(Journals.redact(journal)) + " failed after " + r.events() + " events, "
                    + r.commands() + " commands");
            r.firstDivergingCommand().ifPresent(id -> err.println("first diverging command: " + TerminalText.escape(id.value())
                    + " (batch at sequence " + f.sequence() + ")"));
            err.println("rules: journal " + (r.journalRules() == 0 ? "unknown" : r.journalRules()) + ", engine "
                    + FomoProtocol.RULES_VERSION + (r.rulesDiffer() ? " (they differ)" : ""));
            err.println(TerminalText.escape(f.getMessage()));
            err.flush();
            return 1;
        }
        if (expectHead != null && !expectHead.equals(r.headHash())) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("replay of " + TerminalText.escape(Journals.redact(journal)) + " failed: the head after " + r.events()
                    + " events is " + r.headHash() + ", expected " + TerminalText.escape(expectHead) + " (the journal's tail was cut or replaced)");
            err.flush();
            return 1;
        }
        out.println("events: " + r.events());
        out.println("commands: " + r.commands());
        out.println("rules: " + r.journalRules() + " (engine " + FomoProtocol.RULES_VERSION + ")");
        out.println("verify: every command decided again matches its journaled facts");
        out.println("head: " + r.headHash());
        out.println("state-hash: " + r.stateHash().orElseThrow());
        out.flush();
        return 0;
    }

    /** Wraps an unexpected failure of a damaged journal so it is reported like every other. */
    private static final class JournalIntegrityFailure extends io.fomo.spi.InvalidStateException {
        private static final long serialVersionUID = 1L;

        JournalIntegrityFailure(RuntimeException cause) {
            super("the journal cannot be read: " + cause, cause);
        }
    }

    private int failed(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("replay of " + TerminalText.escape(Journals.redact(journal)) + " failed: "
                + TerminalText.escape(message));
        err.flush();
        return 1;
    }
}
