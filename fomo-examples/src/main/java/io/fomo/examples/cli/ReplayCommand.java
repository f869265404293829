package io.fomo.examples.cli;

import io.fomo.core.engine.FomoProtocol;
import io.fomo.examples.journal.Journals;
import io.fomo.spi.EventJournal;
import io.fomo.spi.FomoException;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.ManualClock;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fomo replay --journal SPEC}: rebuilds the protocol's state from a journal and prints
 * {@code events: N}, {@code commands: N} and, last, {@code state-hash: <64 hex>}. Nothing is executed
 * on a chain and nothing is written: intents stay in the outbox ({@code autoDispatch(false)}).
 *
 * <p>Exit status: 0 on success; 2 for a usage error (a malformed spec, a missing SQLite file, an empty
 * journal, which includes every {@code memory} journal); 1 when the journal cannot be read or replayed.
 */
@Command(name = "replay", description = {"Replay a journal and print its event count and state hash.",
    "Exit status: 0 ok, 1 journal unreadable or corrupt, 2 usage error (bad spec, missing file, nothing to replay)."})
final class ReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "<spec>",
            description = "The journal: " + Journals.USAGE + ".")
    private String journal;

    @Override
    public Integer call() {
        EventJournal j;
        try {
            j = Journals.openExisting(journal);
        } catch (InvalidArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--journal': "
                    + e.getMessage());
        } catch (FomoException e) {
            return failed(e);
        }
        try {
            long events = j.currentSequence();
            if (events == 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "nothing to replay: the journal "
                        + Journals.redact(journal) + " is empty"
                        + (journal.equals("memory") ? " (a memory journal starts empty every time)" : ""));
            }
            // Replay needs no chain, prices or time: with autoDispatch off nothing reaches them.
            FomoProtocol protocol = FomoProtocol.builder().journal(j).chainGateway(new InMemoryChainGateway())
                    .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(Instant.EPOCH))
                    .autoDispatch(false).build();
            PrintWriter out = spec.commandLine().getOut();
            out.println("events: " + protocol.sequence());
            out.println("commands: " + protocol.commandCount());
            out.println("state-hash: " + protocol.stateHash());
            out.flush();
            return 0;
        } catch (FomoException e) {
            return failed(e);
        } finally {
            Journals.close(j);
        }
    }

    private int failed(FomoException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("replay of " + Journals.redact(journal) + " failed: " + e.getMessage());
        err.flush();
        return 1;
    }
}
