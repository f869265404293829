package io.fomo.examples.cli;

import io.fomo.examples.terminal.TerminalText;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.examples.journal.Journals;
import io.fomo.examples.run.ProgressMeter;
import io.fomo.meter.DeploymentSummary;
import io.fomo.meter.IngestSummary;
import io.fomo.meter.MalformedRecordException;
import io.fomo.meter.Meter;
import io.fomo.meter.ModelMap;
import io.fomo.meter.UsageFormat;
import io.fomo.meter.UsageReader;
import io.fomo.meter.UsageRecord;
import io.fomo.spi.AccountId;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.FomoException;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.ManualClock;
import io.fomo.spi.StorageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fomo ingest}: reads usage logs and bills each call once into a journal (docs/usage.md). Every file is
 * read twice: a validation pass (every record parsed, mapped and priced; nothing written) and, unless
 * {@code --dry-run}, the ingestion. A malformed record therefore stops the run before anything is written;
 * an engine rejection during ingestion stops it after the records before it were billed, and a re-run is
 * safe because each call is submitted under {@code usage:<requestId>}.
 */
@Command(name = "ingest", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Bill usage logs (OpenAI responses, LiteLLM spend logs, CloudEvents) into a journal, each call once.",
            "Exit status: 0 ok, 1 the journal or the engine failed, 2 usage error (options, model map, malformed record)."})
final class IngestCommand implements Callable<Integer> {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "<spec>",
            description = "The journal to bill into, holding live deployments: " + Journals.USAGE + ".")
    private String journal;

    @Option(names = "--models", required = true, paramLabel = "MAP.json",
            description = "The model map: model id or group -> deployment and prices.")
    private Path models;

    @Option(names = "--format", paramLabel = "openai|litellm|cloudevents",
            description = "The records' format. Default: recognised from each file's first record.")
    private String format;

    @Option(names = "--dry-run", description = "Validate and bill into a copy of the journal; write nothing.")
    private boolean dryRun;

    @Option(names = "--user", paramLabel = "ACCOUNT", defaultValue = Meter.DEFAULT_USER,
            description = "The user of records that name none (OpenAI chat completions). Default: ${DEFAULT-VALUE}.")
    private String user;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "The engine's time for the billing commands (ISO-8601). Default: the journal's last event time.")
    private String at;

    @Option(names = "--progress", description = "Show progress even without a terminal.")
    private boolean progress;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Usage logs: JSON lines, JSON arrays or server-sent events.")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UsageFormat fmt = format == null ? null : usage(() -> UsageFormat.parse(format), "--format");
        AccountId defaultUser = usage(() -> AccountId.of(user), "--user");
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + f);
            }
        }
        ModelMap map;
        try (InputStream in = Files.newInputStream(models)) {
            map = ModelMap.read(models.toString(), in);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--models " + models + ": " + e.getMessage());
        } catch (InvalidArgumentException e) {
            return invalid(err, "--models " + e.getMessage());
        }
        EventJournal j;
        try {
            j = Journals.openExisting(journal);
        } catch (InvalidArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--journal': "
                    + e.getMessage());
        } catch (FomoException | StorageException e) {
            return failed(err, "cannot open " + Journals.redact(journal) + ": " + e.getMessage());
        }
        try {
            long events = j.currentSequence();
            if (events == 0) {
                return invalid(err, "nothing to bill into: the journal " + Journals.redact(journal)
                        + " is empty; it needs live deployments (fomo simulate --journal ...)");
            }
            Instant now = at != null ? usage(() -> Instant.parse(at), "--at")
                    : j.read(events, 1).get(0).entry().timestamp();
            EventJournal target = dryRun ? copy(j) : j;
            FomoProtocol protocol = FomoProtocol.builder().journal(target).chainGateway(new InMemoryChainGateway())
                    .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(now)).autoDispatch(false).build();
            Meter meter;
            try {
                meter = new Meter(protocol, map, defaultUser);
            } catch (InvalidArgumentException e) {
                return invalid(err, "--models " + models + ": " + e.getMessage());
            }
            Progress p = new Progress(err, progress || ProgressMeter.shouldShow(System.console() != null, System.getenv()));
            // Pass 1: every record parsed, mapped and priced before anything is billed.
            for (Path f : files) {
                validate(f, fmt, map, defaultUser, p);
            }
            // Pass 2: bill.
            for (Path f : files) {
                try (UsageReader r = open(f, fmt, p, "billing")) {
                    for (UsageRecord rec = r.next(); rec != null; rec = r.next()) {
                        try {
                            meter.ingest(rec);
                        } catch (MalformedRecordException e) {
                            throw e;
                        } catch (FomoException | StorageException e) {
                            return failed(err, rec.location() + ": request " + rec.requestId()
                                    + " rejected by the engine (records before it are billed; a re-run is safe): "
                                    + e.getMessage());
                        }
                        p.record();
                    }
                    meter.skipped(r.skipped());
                }
                p.fileDone();
            }
            print(out, meter.summary());
            if (dryRun) {
                out.println("dry run: nothing was written to " + TerminalText.escape(Journals.redact(journal)));
            } else {
                out.println("journal:    " + TerminalText.escape(Journals.redact(journal)) + " (" + protocol.sequence() + " events)");
            }
            out.println("state-hash: " + protocol.stateHash());
            out.flush();
            return 0;
        } catch (MalformedRecordException e) {
            return invalid(err, "malformed record: " + e.getMessage() + System.lineSeparator()
                    + "nothing of this run was billed; fix the record and run again.");
        } catch (UncheckedIOException e) {
            return failed(err, e.getMessage());
        } catch (FomoException | StorageException e) {
            return failed(err, Journals.redact(journal) + ": " + e.getMessage());
        } finally {
            Journals.close(j);
        }
    }

    private void validate(Path f, UsageFormat fmt, ModelMap map, AccountId defaultUser, Progress p) {
        try (UsageReader r = open(f, fmt, p, "checking")) {
            for (UsageRecord rec = r.next(); rec != null; rec = r.next()) {
                Meter.command(map, rec, defaultUser);
                p.record();
            }
        }
        p.fileDone();
    }

    private UsageReader open(Path f, UsageFormat fmt, Progress p, String phase) {
        try {
            long size = Files.size(f);
            InputStream in = new Counting(Files.newInputStream(f), p);
            p.file(phase, f.toString(), size);
            return fmt == null ? UsageReader.openDetecting(f.toString(), in) : UsageReader.open(fmt, f.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": " + e.getMessage(), e);
        }
    }

    private <T> T usage(java.util.function.Supplier<T> s, String option) {
        try {
            return s.get();
        } catch (InvalidArgumentException | DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': "
                    + e.getMessage());
        }
    }

    /** A copy of the journal in memory, batch for batch, for a dry run. */
    private static EventJournal copy(EventJournal from) {
        InMemoryEventJournal to = new InMemoryEventJournal();
        List<JournalEntry> batch = new ArrayList<>();
        EventId key = null;
        long next = 1;
        while (true) {
            List<JournalRecord> page = from.read(next, EventJournal.DEFAULT_PAGE_SIZE);
            for (JournalRecord r : page) {
                if (key != null && !key.equals(r.idempotencyKey())) {
                    to.append(to.currentSequence(), key, batch);
                    batch = new ArrayList<>();
                }
                key = r.idempotencyKey();
                batch.add(r.entry());
                next = r.sequence() + 1;
            }
            if (page.size() < EventJournal.DEFAULT_PAGE_SIZE) {
                break;
            }
        }
        if (key != null) {
            to.append(to.currentSequence(), key, batch);
        }
        return to;
    }

    private static void print(PrintWriter out, IngestSummary s) {
        out.printf("%-20s %10s %14s %14s %14s %16s %10s%n", "deployment", "calls", "input", "cached", "output", "revenue USD",
                "duplicates");
        for (Map.Entry<String, DeploymentSummary> e : s.deployments().entrySet()) {
            DeploymentSummary d = e.getValue();
            out.printf("%-20s %10d %14d %14d %14d %16s %10d%n", TerminalText.escape(e.getKey()), d.calls(), d.inputTokens(), d.cachedTokens(),
                    d.outputTokens(), d.revenue().toPlainString(), d.duplicates());
        }
        out.println("billed:     " + s.billed() + " calls, duplicates: " + s.duplicates());
        out.println("unmapped:   " + s.unmappedCalls() + " calls, never billed" + (s.unmapped().isEmpty() ? "" : " " + TerminalText.escape(s.unmapped())));
        out.println("failed:     " + s.failed() + " calls, never billed");
        out.println("skipped:    " + s.skipped() + " items without usage (stream chunks, error bodies)");
    }

    private static int invalid(PrintWriter err, String message) {
        err.println("ingest: " + TerminalText.escape(message));
        err.flush();
        return 2;
    }

    private static int failed(PrintWriter err, String message) {
        err.println("ingest failed: " + TerminalText.escape(message));
        err.flush();
        return 1;
    }

    /** Progress on standard error: bytes read of the file, records, at most once a second. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean enabled;
        private String phase;
        private String file;
        private long size;
        private long bytes;
        private long records;
        private long last = System.nanoTime();

        Progress(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        void file(String phase, String name, long size) {
            this.phase = phase;
            this.file = name;
            this.size = size;
            this.bytes = 0;
            this.records = 0;
        }

        void read(long n) {
            bytes += n;
        }

        void record() {
            records++;
            if (enabled && System.nanoTime() - last >= NANOS_PER_SECOND) {
                last = System.nanoTime();
                draw();
            }
        }

        void fileDone() {
            if (enabled) {
                draw();
            }
        }

        private void draw() {
            long percent = size <= 0 ? 100 : Math.min(100, bytes * 100 / size);
            err.println(phase + " " + TerminalText.escape(file) + ": " + percent + "% (" + records + " records)");
            err.flush();
        }
    }

    private static final class Counting extends FilterInputStream {
        private final Progress p;

        Counting(InputStream in, Progress p) {
            super(in);
            this.p = p;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                p.read(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                p.read(n);
            }
            return n;
        }
    }
}
