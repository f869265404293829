package io.fomo.core.engine;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.emission.EmissionReserve;
import io.fomo.core.internal.JournalBytes;
import io.fomo.core.internal.ReadAhead;
import io.fomo.core.internal.TwoCores;
import io.fomo.core.launch.Rmo;
import io.fomo.core.revenue.BurnLedger;
import io.fomo.core.revenue.BuybackExecution;
import io.fomo.core.revenue.EpochRevenue;
import io.fomo.core.revenue.RevenueLedger;
import io.fomo.core.rewards.EpochResult;
import io.fomo.core.staking.GmFlockBook;
import io.fomo.core.staking.StakeBook;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.AppendResult;
import io.fomo.spi.Asset;
import io.fomo.spi.ChainGateway;
import io.fomo.spi.Clock;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.FomoException;
import io.fomo.spi.IntentConfirmation;
import io.fomo.spi.IntentId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.PriceFeed;
import io.fomo.spi.PriceQuote;
import io.fomo.spi.SequenceConflictException;
import io.fomo.spi.StorageException;
import io.fomo.spi.TokenIntent;
import io.fomo.spi.internal.HandedOver;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol facade: the one stateful object of the SDK. Every {@link Command} is validated against
 * the current state, turned into events, appended atomically to the {@link EventJournal} under the
 * command's id as idempotency key, and only then applied; chain effects leave as journaled
 * {@link TokenIntent intents} (an outbox) executed through the {@link ChainGateway}, idempotent by
 * intent id, whose confirmations are journaled too.
 *
 * <p>State is a fold of the journal: {@link #stateHash()} is identical after a replay, across runs and
 * across JVMs. Several instances may share one journal: an append made against a stale sequence number
 * is rejected by the journal, and the instance catches up and retries the command (up to
 * {@link Builder#maxRetries(int)} times) before giving up with the journal's
 * {@link SequenceConflictException}; a command id already in the journal is never applied twice.
 *
 * <p>Instances are thread-safe: commands are applied one at a time.
 */
public final class FomoProtocol {

    /**
     * The version of the rules this engine decides commands with, recorded in the genesis of every journal
     * it starts. A journal from newer rules is refused ({@link JournalIntegrityException.Kind#NEWER_RULES}).
     */
    public static final int RULES_VERSION = 1;

    /**
     * The first character of the idempotency keys of the engine's own batches (genesis, confirmations).
     * No command id may start with it, so no command can take one of those keys.
     */
    public static final String ENGINE_PREFIX = "~";

    static final String GENESIS = JournalTags.GENESIS;
    static final String COMMAND = JournalTags.COMMAND;
    static final String FACTS = JournalTags.FACTS;
    static final String INTENT = JournalTags.INTENT;
    static final String CONFIRMATION = JournalTags.CONFIRMATION;
    static final String SEAL = JournalTags.SEAL;

    private final EventJournal journal;
    private final ChainGateway gateway;
    private final PriceFeed prices;
    private final Clock clock;
    private final int maxRetries;
    private final boolean autoDispatch;
    private final JournalChain chain = new JournalChain();
    private final java.security.MessageDigest digests = CommandDigest.sha256();
    private State state;
    private long sequence;
    private byte[] head = JournalChain.GENESIS_PREVIOUS;
    private int journalRules;
    private JournalIntegrityException failure;
    /** The payloads of the batch being applied, read in place from its entries (never written to). */
    private byte[][] batchPayloads;
    /** Reads the commands and confirmations being applied, one record after the other (on the fold's thread). */
    private final Fields foldReader = Fields.reader();
    // The buffer a submit writes its command and its facts in, one after the other, each then copied out:
    // reused (under this engine's lock) from submit to submit, since a day's usage or an epoch's close makes
    // a facts record of megabytes, which a buffer made for each record would reach by doubling every time.
    private JournalBytes encoding = new JournalBytes(1 << 12);
    // The buffers of a large record's chunks but the first (a usage batch's command or a facts record), which
    // are written on two cores (see splitFrom); null when records are written on the calling thread only.
    private JournalBytes[] encodingChunks;
    /**
     * Facts records of at least this many facts are written, and usage batches of at least this many calls
     * written and decided, in chunks shared with a second core; MAX_VALUE for never.
     */
    private final int splitFrom;
    /** Whether a submit may use a second core at all (Builder.secondCore). */
    private final boolean secondCore;
    /** Whether replay decides every command again and compares (the audit) instead of folding the facts. */
    private final boolean verify;
    /** Catch-ups of at least this many records read ahead on other threads; -1 for never. */
    private final long readAheadFrom;
    private final LinkedHashMap<IntentId, TokenIntent> outbox = new LinkedHashMap<>();
    private final io.fomo.spi.SnapshotStore snapshots;
    private final long snapshotEvery;
    private long restoredFrom;
    private String snapshotRefusal;

    private FomoProtocol(Builder b) {
        this.journal = b.journal;
        this.gateway = b.gateway;
        this.prices = b.prices;
        this.clock = b.clock;
        this.maxRetries = b.maxRetries;
        this.autoDispatch = b.autoDispatch;
        this.verify = b.verify;
        this.readAheadFrom = b.readAheadForced
                || b.readAhead && Runtime.getRuntime().availableProcessors() > 1 ? b.readAheadFrom : -1;
        this.secondCore = b.secondCore;
        this.splitFrom = b.splitForced || b.secondCore && TwoCores.available() ? b.splitFrom : Integer.MAX_VALUE;
        this.encodingChunks = splitFrom == Integer.MAX_VALUE ? null : new JournalBytes[TwoCores.CHUNKS - 1];
        this.snapshots = b.snapshots;
        this.snapshotEvery = b.snapshotEvery;
        List<JournalRecord> first = read(1, 1);
        if (first.isEmpty()) {
            if (b.parameters == null) {
                throw InvalidArgumentException.of("parameters", "null", "an empty journal needs genesis parameters");
            }
            Instant at = b.parameters.genesis();
            State fresh = new State(b.parameters);
            List<JournalEntry> batch = new ArrayList<>();
            batch.add(JournalEntry.of(GENESIS, genesisPayload(b.parameters), at));
            batch.add(JournalEntry.of(FACTS, FactCodec.encode(fresh.genesisFacts), at));
            for (TokenIntent intent : fresh.genesisIntents) {
                batch.add(JournalEntry.of(INTENT, IntentCodec.encode(intent), at));
            }
            seal(1, State.GENESIS_KEY, batch, at);
            AppendResult r = journal.append(0, State.GENESIS_KEY, batch);
            if (r.isDuplicate()) {
                throw new InvalidStateException("journal: genesis was written concurrently; open the protocol again");
            }
        } else if (!first.get(0).entry().type().equals(GENESIS)) {
            throw JournalIntegrityException.of(1, JournalIntegrityException.Kind.MALFORMED,
                    "the first event is '" + shorten(first.get(0).entry().type()) + "', not the genesis");
        }
        if (snapshots != null && !first.isEmpty()) {
            restoreFromSnapshot(first.get(0));
        }
        try {
            catchUp();
        } catch (JournalIntegrityException e) {
            if (!b.keepFailure) {
                throw e;
            }
            failure = e;
            return;
        }
        if (autoDispatch) {
            dispatchAfterCommit();
        }
        if (b.parameters != null && !b.parameters.equals(state.genesis)) {
            throw InvalidArgumentException.of("parameters", b.parameters, "differ from the journal's genesis "
                    + state.genesis);
        }
    }

    private static byte[] genesisPayload(ProtocolParameters p) {
        byte[] rules = ("rules=" + RULES_VERSION + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] params = p.encode().encode();
        byte[] out = Arrays.copyOf(rules, rules.length + params.length);
        System.arraycopy(params, 0, out, rules.length, params.length);
        return out;
    }

    /** Up to this size the encoding buffer is kept from one submit to the next. */
    private static final int ENCODING_KEPT = 32 << 20;

    /** The buffer to write a submit's next record in; one grown past {@link #ENCODING_KEPT} is let go. */
    private JournalBytes encodingBuffer() {
        if (encoding.array().length > ENCODING_KEPT) {
            encoding = new JournalBytes(1 << 12);
        }
        return encoding;
    }

    /**
     * The buffers for a large record's chunks (a usage batch's command, a facts record): the encoding buffer
     * first, then, when records are split, one per further chunk (each let go past {@link #ENCODING_KEPT} /
     * {@link TwoCores#CHUNKS}).
     */
    private JournalBytes[] chunkBuffers() {
        JournalBytes first = encodingBuffer();
        if (encodingChunks == null) {
            return new JournalBytes[] {first};
        }
        JournalBytes[] all = new JournalBytes[TwoCores.CHUNKS];
        all[0] = first;
        for (int k = 0; k < encodingChunks.length; k++) {
            if (encodingChunks[k] == null || encodingChunks[k].array().length > ENCODING_KEPT / TwoCores.CHUNKS) {
                encodingChunks[k] = new JournalBytes(1 << 12);
            }
            all[k + 1] = encodingChunks[k];
        }
        return all;
    }

    /** Appends the seal of a batch that will start at {@code firstSequence}; returns the batch's hash. */
    private byte[] seal(long firstSequence, EventId key, List<JournalEntry> batch, Instant at) {
        return sealed(batch, chain.hash(head, firstSequence, key, batch, at), at);
    }

    /** Seals a batch whose payloads the caller still holds as encoded (no copy out of the entries). */
    private byte[] seal(long firstSequence, EventId key, List<JournalEntry> batch, byte[][] payloads, Instant at) {
        return sealed(batch, chain.hash(head, firstSequence, key, batch, payloads, at), at);
    }

    private static byte[] sealed(List<JournalEntry> batch, byte[] hash, Instant at) {
        batch.add(JournalEntry.of(SEAL, JournalChain.sealPayload(hash), at));
        return hash;
    }

    /**
     * Starts a builder. All four SPIs are required; the genesis parameters are required for an empty
     * journal and, for a journal that has them, must match or be left out.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates, journals and applies a command. Sending the same command id with the same command again
     * has no further effect and returns a duplicate receipt; the same id with a different command is an
     * {@link IdempotencyConflictException}, whichever engine on the journal journaled the first one.
     *
     * @param commandId the command's id, its idempotency key; must not start with {@link #ENGINE_PREFIX}
     * @param command   the command
     * @return the receipt
     * @throws FomoException with the code of whatever was wrong with the command; the state is unchanged
     * @throws IdempotencyConflictException if the id was journaled for a different command; nothing is written
     * @throws SequenceConflictException if other writers kept the journal moving through every retry
     * @throws StorageException if the journal's storage fails before the command is journaled (unreachable
     *         after the journal's own retries, full, read-only); nothing was applied, and a retry with the same
     *         id is safe: it is answered as a duplicate if the batch did reach the journal
     */
    public synchronized Receipt submit(EventId commandId, Command command) {
        return secondCore ? submitHere(commandId, command) : TwoCores.hereOnly(() -> submitHere(commandId, command));
    }

    private Receipt submitHere(EventId commandId, Command command) {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(command, "command");
        if (commandId.value().startsWith(ENGINE_PREFIX)) {
            throw InvalidArgumentException.of("commandId", shorten(commandId.value()), "must not start with '"
                    + ENGINE_PREFIX + "', which is reserved for the engine's own batches");
        }
        // A usage batch of thousands of calls is written in chunks on two cores, as its facts are below.
        byte[] payload = CommandCodec.encode(command, "command " + commandId, chunkBuffers(), splitFrom);
        CommandDigest digest = CommandDigest.of(digests, payload);
        // A stale engine catches up before it validates: another engine on this journal may have made the
        // command valid (a deposit) or journaled this very id.
        catchUp();
        for (int attempt = 0; ; attempt++) {
            CommandDigest known = state.seen.get(commandId);
            if (known != null) {
                return duplicateOrConflict(commandId, known, digest);
            }
            Instant at = clock.now();
            PriceQuote quote = command instanceof Command.CloseEpoch ? quote(at) : null;
            State.Prepared prepared = state.prepare(commandId, at, command, quote, digest);
            List<JournalEntry> batch = new ArrayList<>(3 + prepared.intents.size());
            // The payloads as encoded, for the seal: a batch of usage calls has a facts record of megabytes,
            // which an entry copies in and would copy out again.
            byte[][] payloads = new byte[2 + prepared.intents.size()][];
            payloads[0] = payload;
            payloads[1] = FactCodec.encode(prepared.facts, chunkBuffers(), splitFrom);
            // The entries keep these arrays, made here and only read from now on, instead of a copy of each.
            batch.add(HandedOver.entry(COMMAND, payload, at));
            batch.add(HandedOver.entry(FACTS, payloads[1], at));
            for (int i = 0; i < prepared.intents.size(); i++) {
                payloads[2 + i] = IntentCodec.encode(prepared.intents.get(i));
                batch.add(HandedOver.entry(INTENT, payloads[2 + i], at));
            }
            byte[] h = seal(sequence + 1, commandId, batch, payloads, at);
            AppendResult r;
            try {
                r = journal.append(sequence, commandId, batch);
            } catch (SequenceConflictException e) {
                catchUp();
                if (attempt >= maxRetries) {
                    throw e;
                }
                continue;
            } catch (InvalidArgumentException e) {
                // The journal holds this id with another batch: another engine journaled it (at another
                // time, or another command). Catch up and answer from the digest it journaled.
                catchUp();
                CommandDigest journaled = state.seen.get(commandId);
                if (journaled == null) {
                    throw e;
                }
                return duplicateOrConflict(commandId, journaled, digest);
            }
            if (r.isDuplicate()) {
                catchUp();
                CommandDigest journaled = state.seen.get(commandId);
                if (journaled == null) {
                    throw new InvalidStateException("journal: commandId = " + shorten(commandId.value())
                            + ": the journal calls it a duplicate but holds no such command");
                }
                return duplicateOrConflict(commandId, journaled, digest);
            }
            prepared.commit();
            sequence = r.lastSequence();
            head = h;
            for (TokenIntent intent : prepared.intents) {
                outbox.put(intent.id(), intent);
            }
            if (snapshotEvery > 0 && state.commands % snapshotEvery == 0) {
                try {
                    snapshots.save(snapshotNow());
                } catch (RuntimeException e) {
                    // The command is done; a snapshot is a cache, and the next one (or a full replay) covers it.
                }
            }
            if (autoDispatch) {
                dispatchAfterCommit();
            }
            int waiting = 0;
            for (TokenIntent intent : prepared.intents) {
                if (outbox.containsKey(intent.id())) {
                    waiting++;
                }
            }
            return new Receipt(commandId, r.firstSequence(), r.lastSequence(), false, prepared.intents.size(),
                    prepared.bought, waiting, prepared.swapped);
        }
    }

    private static Receipt duplicateOrConflict(EventId id, CommandDigest journaled, CommandDigest submitted) {
        if (!journaled.equals(submitted)) {
            throw new IdempotencyConflictException(id, journaled, submitted);
        }
        return new Receipt(id, 0, 0, true, 0);
    }

    private static String shorten(String v) {
        return v.length() > 64 ? v.substring(0, 64) + "..." : v;
    }

    /**
     * The FLOCK price for a close, or null when the feed has none or fails in any way (an outage). A close
     * without a price still closes: each buyback with a budget is deferred with a journaled
     * {@link Fact.BuybackDeferred} ({@link Fact.BuybackDeferred#NO_PRICE}), never skipped silently.
     */
    private PriceQuote quote(Instant at) {
        try {
            return prices.priceAt(Asset.FLOCK, at);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The automatic dispatch after a command's batch is journaled and applied. The command is done
     * whatever happens here: a gateway that throws anything at all (an RPC outage) or a journal that cannot
     * take the confirmations leaves the intents pending, for {@link #dispatch()} to deliver later, and the
     * submit returns its receipt normally.
     */
    private void dispatchAfterCommit() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            // Pending intents stay in the outbox; pendingIntents() shows them and dispatch() retries.
        }
    }

    /**
     * Executes every pending intent through the chain gateway and journals the confirmations. An intent
     * the gateway refuses or fails on (it throws anything, an RPC outage included) stays pending, with every
     * later intent, for a later call; the gateway is idempotent by intent id, so an intent it executed
     * before failing is confirmed, not executed again, by the next call.
     *
     * @return the number of intents confirmed or rejected by the chain in this call
     */
    public synchronized int dispatch() {
        for (int attempt = 0; ; attempt++) {
            List<JournalEntry> confirmations = new ArrayList<>();
            List<IntentId> done = new ArrayList<>();
            Instant at = clock.now();
            for (TokenIntent intent : outbox.values()) {
                IntentConfirmation c;
                try {
                    c = gateway.execute(intent);
                } catch (RuntimeException e) {
                    // Refused (a balance not there yet, say) or failed (an outage): it and every later
                    // intent wait, in order.
                    break;
                }
                Fields f = new Fields("confirmation");
                f.put("intent", c.intentId().value()).put("status", c.status().name()).put("reference", c.reference());
                confirmations.add(JournalEntry.of(CONFIRMATION, f.encode(), at));
                done.add(intent.id());
            }
            if (confirmations.isEmpty()) {
                return 0;
            }
            EventId key = confirmKey(done.get(0), done.get(done.size() - 1));
            byte[] h = seal(sequence + 1, key, confirmations, at);
            try {
                AppendResult r = journal.append(sequence, key, confirmations);
                if (r.isDuplicate()) {
                    catchUp();
                    return 0;
                }
                sequence = r.lastSequence();
                head = h;
                done.forEach(outbox::remove);
                return done.size();
            } catch (SequenceConflictException | InvalidArgumentException e) {
                // Another engine on this journal moved it on, or journaled confirmations of these very
                // intents under the same key with its own timestamps: catch up, then rebuild the batch
                // from whatever is still pending.
                catchUp();
                if (attempt >= maxRetries) {
                    if (e instanceof InvalidArgumentException && outbox.containsKey(done.get(0))) {
                        throw e;
                    }
                    return 0;
                }
            }
        }
    }

    /**
     * The key of a confirmation batch: {@code ~confirm:<first intent>..<last intent>}, or, when that
     * would pass the 128 characters of an id, {@code ~confirm:sha256:<hex of first..last>}.
     */
    static EventId confirmKey(IntentId first, IntentId last) {
        String range = first.value() + ".." + last.value();
        String key = ENGINE_PREFIX + "confirm:" + range;
        if (key.length() > 128) {
            key = ENGINE_PREFIX + "confirm:sha256:" + java.util.HexFormat.of().formatHex(
                    CommandDigest.sha256().digest(range.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return EventId.of(key);
    }

    /**
     * Reads, verifies and applies whatever other writers appended to the journal since this instance last
     * looked. Each batch is checked against its seal and the chain before anything of it is applied.
     *
     * @return the number of journal records applied
     * @throws JournalIntegrityException if a batch fails its seal, the chain, or the rules' decision
     */
    public synchronized long catchUp() {
        long before = sequence;
        if (state == null) {
            // The genesis first, on this thread: the rules version it sets is part of every later error.
            readBatches(sequence + 1, true, this::applyRead);
        }
        if (state != null && readAheadFrom >= 0 && !verify
                && journal.currentSequence() - sequence >= readAheadFrom) {
            // Reading and decoding run on two more threads ahead of the fold; the chain's check, the fold and
            // every check that needs the state stay here, in journal order (docs/journal.md, "Replay").
            long from = sequence + 1;
            // A batch has three records at least (a command, its facts, its seal).
            state.expectCommands((journal.currentSequence() - sequence) / 3);
            ReadAhead.run("fomo-replay-read-ahead", READ_AHEAD_BATCHES,
                    sink -> readBatchesAhead(from, sink), this::applyRead);
        } else {
            readBatches(sequence + 1, false, this::applyRead);
        }
        return sequence - before;
    }

    /** Chunks of batches decoded ahead of the fold at most (ReadAhead hands batches over 32 at a time). */
    private static final int READ_AHEAD_BATCHES = 16;

    /**
     * Reads the journal from {@code from}, groups its records into sealed batches and decodes each
     * ({@link #readBatch}), handing each to {@code sink} in order. Needs nothing of the state, so that it
     * may run ahead of the fold on another thread; the chain is checked by the fold ({@link #applyRead}).
     */
    private void readBatches(long from, boolean firstOnly, java.util.function.Consumer<ReadBatch> sink) {
        Batches batches = new Batches(from, firstOnly, sink);
        readPages(from, batches::page);
        batches.end();
    }

    /** Pages of the journal read ahead of their decoding at most (a third thread: a database's reads). */
    private static final int READ_AHEAD_PAGES = 4;

    /**
     * The same as {@link #readBatches readBatches(from, false, sink)}, with the journal's pages read on one more
     * thread ahead of their decoding: reading a database's rows costs as much as decoding them, and neither
     * needs the other. What the reading throws is thrown after every page read before it was decoded, as it
     * would be sequentially.
     */
    private void readBatchesAhead(long from, java.util.function.Consumer<ReadBatch> sink) {
        Batches batches = new Batches(from, false, sink);
        ReadAhead.<List<JournalRecord>>run("fomo-replay-page-reader", READ_AHEAD_PAGES, 1,
                pages -> readPages(from, page -> {
                    pages.accept(page);
                    return true;
                }), batches::page);
        batches.end();
    }

    /**
     * Reads the journal's pages from {@code from} to its end (a page shorter than a full one), handing each to
     * {@code page} until it answers false. Each page starts after the last record of the one before it, which
     * is where the records go on whenever that page passes its checks (and when it does not, its decoding
     * fails before the next page is used).
     */
    private void readPages(long from, java.util.function.Predicate<List<JournalRecord>> page) {
        long next = from;
        while (true) {
            List<JournalRecord> records = readPinpointed(next);
            if (!page.test(records) || records.size() < EventJournal.DEFAULT_PAGE_SIZE) {
                return;
            }
            next = records.get(records.size() - 1).sequence() + 1;
        }
    }

    /** The records read so far grouped into sealed batches, each decoded and handed over once its seal is read. */
    private static final class Batches {
        private final boolean firstOnly;
        private final java.util.function.Consumer<ReadBatch> sink;
        // This thread's reader of the facts records (one record object for the whole catch-up).
        private final Fields reader = Fields.reader();
        // ... and its SHA-256, for the commands' digests.
        private final java.security.MessageDigest sha = CommandDigest.sha256();
        private List<JournalRecord> pending = new ArrayList<>();
        private boolean done;
        private long next;

        Batches(long from, boolean firstOnly, java.util.function.Consumer<ReadBatch> sink) {
            this.next = from;
            this.firstOnly = firstOnly;
            this.sink = sink;
        }

        /** Takes the next page; false once the first batch is handed over when only that one is asked for. */
        boolean page(List<JournalRecord> page) {
            if (done) {
                return false;
            }
            for (JournalRecord r : page) {
                if (r.sequence() != next) {
                    throw JournalIntegrityException.of(next, JournalIntegrityException.Kind.GAP,
                            "expected sequence " + next + ", the journal has " + r.sequence());
                }
                next++;
                if (!pending.isEmpty() && r.idempotencyKey() != pending.get(0).idempotencyKey()
                        && !r.idempotencyKey().equals(pending.get(0).idempotencyKey())) {
                    throw unsealed(pending.get(0), "the batch ends at " + (r.sequence() - 1) + " without its seal");
                }
                pending.add(r);
                if (SEAL.equals(r.entry().type())) {
                    sink.accept(readBatch(pending, reader, sha));
                    pending = new ArrayList<>();
                    if (firstOnly) {
                        done = true;
                        return false;
                    }
                }
            }
            return true;
        }

        /** At the end of the journal: a batch begun and never sealed is an error. */
        void end() {
            if (!done && !pending.isEmpty()) {
                throw unsealed(pending.get(0), "the journal ends inside this batch (cut, or its seal removed)");
            }
        }
    }

    private static JournalIntegrityException unsealed(JournalRecord first, String why) {
        return JournalIntegrityException.of(first.sequence(), JournalIntegrityException.Kind.UNSEALED,
                "batch '" + shorten(first.idempotencyKey().value()) + "': " + why);
    }

    /**
     * A page from {@code from}; when the journal cannot produce it (a row it cannot read), the rows are
     * read one by one so that the failure names the sequence number of the row, not of the page.
     */
    private List<JournalRecord> readPinpointed(long from) {
        try {
            return read(from, EventJournal.DEFAULT_PAGE_SIZE);
        } catch (JournalIntegrityException pageFailed) {
            for (long s = from; s < from + EventJournal.DEFAULT_PAGE_SIZE; s++) {
                if (read(s, 1).isEmpty()) {
                    break;
                }
            }
            throw pageFailed;
        }
    }

    private List<JournalRecord> read(long from, int max) {
        try {
            return journal.read(from, max);
        } catch (StorageException e) {
            // The storage failed (unreachable, read-only, full): not a fault of the journal's content.
            throw e;
        } catch (RuntimeException e) {
            // A row the journal itself cannot turn into a record (a null payload, a key that is no id).
            throw new JournalIntegrityException(from, JournalIntegrityException.Kind.MALFORMED, null, journalRules,
                    "cannot read the journal from here: " + e.getMessage(), e);
        }
    }

    /**
     * A sealed batch as read: its entries and payloads (each read in place, never written to), its seal, and,
     * for a command, what decoding it gave (or the exception it threw, kept to be thrown at the point of the
     * fold where the sequential reading would have thrown it). Its place on the chain is checked by the fold.
     */
    private static final class ReadBatch {
        final long first;
        final long last;
        final EventId key;
        final List<JournalEntry> entries;
        final byte[][] payloads;
        final JournalEntry seal;
        List<Fact> facts;
        RuntimeException unreadable;
        Command command;
        RuntimeException commandUnreadable;
        CommandDigest digest;

        ReadBatch(long first, long last, EventId key, List<JournalEntry> entries, byte[][] payloads,
                JournalEntry seal) {
            this.first = first;
            this.last = last;
            this.key = key;
            this.entries = entries;
            this.payloads = payloads;
            this.seal = seal;
        }
    }

    private static ReadBatch readBatch(List<JournalRecord> batch, Fields reader, java.security.MessageDigest sha) {
        int n = batch.size();
        JournalRecord first = batch.get(0);
        JournalRecord sealRecord = batch.get(n - 1);
        List<JournalEntry> entries = new ArrayList<>(n - 1);
        // Each payload is read in place, not copied out of its entry (JournalEntry.payload() copies on every
        // call): replay only reads the payloads, never writes to them, and lets go of them with the batch.
        byte[][] payloads = new byte[n - 1][];
        for (int i = 0; i < n - 1; i++) {
            entries.add(batch.get(i).entry());
            payloads[i] = HandedOver.payload(entries.get(i));
        }
        ReadBatch b = new ReadBatch(first.sequence(), sealRecord.sequence(), first.idempotencyKey(), entries,
                payloads, sealRecord.entry());
        // A command's facts are decoded before its seal is checked (the fold checks it first, and a batch that
        // fails it is refused before anything decoded from it is used): decoding needs nothing but the bytes,
        // and whatever it throws is kept, so that a damaged batch fails on its seal as before.
        if (!entries.isEmpty() && entries.get(0).type().equals(COMMAND)) {
            decodeCommand(b, reader, sha);
        }
        // The fold looks the key up among the ids seen: its string's hash (kept by the string once taken)
        // is taken here, on the reading thread when reading ahead.
        b.key.hashCode();
        return b;
    }

    /**
     * Decodes a command batch's facts, then its command, and takes the command's digest: nothing here depends
     * on the state. The chain's check, the intents and every check that needs the state are left to the fold's
     * thread, which throws what decoding threw only where a sequential reading would have thrown it (the
     * command's failure after the checks of its key, the facts' after the command's), so that the two threads
     * of a read-ahead carry similar loads (docs/benchmarks.md, "Replay streams its records").
     */
    private static void decodeCommand(ReadBatch b, Fields reader, java.security.MessageDigest sha) {
        long seq = b.first;
        try {
            if (b.entries.size() < 2 || !b.entries.get(1).type().equals(FACTS)) {
                throw malformed(seq + 1, "a command without its facts entry");
            }
            b.facts = reader.read(b.payloads[1], seq + 1, null, FactCodec::decode);
            for (Fact f : b.facts) {
                if (f instanceof Fact.Charged c) {
                    // The fold adds the payment's id to the set of payment ids seen: its hash is taken here too.
                    c.payment().hashCode();
                }
            }
        } catch (RuntimeException e) {
            b.unreadable = e;
        }
        try {
            // A usage command names the payment its charge names: that id, made and checked with the facts,
            // is taken instead of being made again from the same text.
            EventId known = b.facts != null && !b.facts.isEmpty() && b.facts.get(0) instanceof Fact.Charged charged
                    ? charged.payment() : null;
            b.command = reader.read(b.payloads[0], seq, known, CommandCodec::decode);
            b.digest = CommandDigest.of(sha, b.payloads[0]);
        } catch (RuntimeException e) {
            b.commandUnreadable = e;
        }
    }

    private void applyRead(ReadBatch b) {
        // The chain is hashed here, on the fold's thread: with the command's digest and the fold it balances the
        // reading thread's copying and decoding (docs/benchmarks.md, "Replay ratio, third pass").
        byte[] hash = chain.hash(head, b.first, b.key, b.entries, b.payloads, b.seal.timestamp());
        if (!JournalChain.sealMatches(hash, HandedOver.payload(b.seal))) {
            throw JournalIntegrityException.of(b.first, JournalIntegrityException.Kind.CHAIN,
                    "batch " + b.first + ".." + b.last + " ('"
                            + shorten(b.key.value()) + "') does not match its seal: a row of it was "
                            + "edited, inserted, removed or moved, or an earlier batch was removed");
        }
        if (b.entries.isEmpty()) {
            // A batch of a seal alone that matches it: reading it has always failed here, on its first entry,
            // with this exception as it is (kept so, exactly).
            b.entries.get(0);
        }
        batchPayloads = b.payloads;
        try {
            applyVerified(b.first, b.key, b.entries, b);
        } catch (JournalIntegrityException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JournalIntegrityException(b.first, JournalIntegrityException.Kind.MALFORMED, null,
                    journalRules, "batch '" + shorten(b.key.value()) + "' cannot be read: "
                    + e.getMessage(), e);
        }
        head = hash;
        sequence = b.last;
    }

    private void applyVerified(long seq, EventId key, List<JournalEntry> entries, ReadBatch read) {
        String kind = entries.get(0).type();
        switch (kind) {
            case GENESIS:
                applyGenesis(seq, key, entries);
                break;
            case COMMAND:
                applyCommand(seq, key, entries, read);
                break;
            case CONFIRMATION:
                if (state == null || !key.value().startsWith(ENGINE_PREFIX + "confirm:")) {
                    throw malformed(seq, "a confirmation batch under the key '" + shorten(key.value()) + "'");
                }
                for (int i = 0; i < entries.size(); i++) {
                    JournalEntry e = entries.get(i);
                    if (!e.type().equals(CONFIRMATION)) {
                        throw malformed(seq + i, "a '" + shorten(e.type()) + "' entry inside a confirmation batch");
                    }
                    outbox.remove(IntentId.of(foldReader.reread(batchPayloads[i], seq + i).text("intent")));
                }
                break;
            default:
                throw malformed(seq, "unknown entry type '" + shorten(kind) + "'");
        }
    }

    private static JournalIntegrityException malformed(long seq, String what) {
        return JournalIntegrityException.of(seq, JournalIntegrityException.Kind.MALFORMED, what);
    }

    private void applyGenesis(long seq, EventId key, List<JournalEntry> entries) {
        if (state != null || seq != 1 || !key.equals(State.GENESIS_KEY)) {
            throw malformed(seq, "a genesis that is not the first batch, or not under the key '"
                    + State.GENESIS_KEY + "'");
        }
        Fields g = Fields.decode(entries.get(0).payload(), "journal record " + seq);
        int rules = g.intValue("rules");
        if (rules < 1) {
            throw malformed(seq, "rules = " + rules + ": must be 1 or more");
        }
        journalRules = rules;
        if (rules > RULES_VERSION) {
            throw new JournalIntegrityException(seq, JournalIntegrityException.Kind.NEWER_RULES, null, rules,
                    "the journal was written by rules version " + rules + "; this engine has rules version "
                            + RULES_VERSION + " and refuses it (upgrade the engine to read it)", null);
        }
        State fresh = new State(ProtocolParameters.decode(g));
        expectEntries(seq, key, entries, FactCodec.encode(fresh.genesisFacts), fresh.genesisIntents);
        state = fresh;
        state.splitFrom = splitFrom;
        for (TokenIntent intent : state.genesisIntents) {
            outbox.put(intent.id(), intent);
        }
    }

    private void applyCommand(long seq, EventId key, List<JournalEntry> entries, ReadBatch read) {
        if (state == null || key.value().startsWith(ENGINE_PREFIX)) {
            throw malformed(seq, "a command batch before the genesis or under the engine's key '"
                    + shorten(key.value()) + "'");
        }
        if (state.seen.containsKey(key)) {
            throw new JournalIntegrityException(seq, JournalIntegrityException.Kind.DUPLICATE_ID, key, journalRules,
                    "command id '" + shorten(key.value()) + "' was already journaled", null);
        }
        JournalEntry e = entries.get(0);
        // The command and its facts were decoded when the batch was read (ahead, or just before); what that
        // threw is thrown now, after the checks of the key, the command's failure first, in the order of a
        // sequential reading.
        if (read.commandUnreadable != null) {
            throw read.commandUnreadable;
        }
        Command c = read.command;
        if (read.unreadable != null) {
            throw read.unreadable;
        }
        // The command's digest, kept under its id, was taken with its decoding (ahead, or just before).
        CommandDigest digest = read.digest;
        if (verify) {
            verifyCommand(seq, key, entries, c, read.facts, digest);
            return;
        }
        // Replay is the fold of the journaled facts: nothing is decided again, so a journal written under
        // older rules replays to exactly the state it had. The intents are a function of the facts.
        List<TokenIntent> intents = TokenLedger.intentsOf(key, read.facts);
        expectIntents(seq, entries, intents, batchPayloads);
        try {
            state.evolve(key, e.timestamp(), c, read.facts, digest);
        } catch (RuntimeException notFitting) {
            throw new JournalIntegrityException(seq + 1, JournalIntegrityException.Kind.MALFORMED, key, journalRules,
                    "command '" + shorten(key.value()) + "': its facts do not fit the state: "
                            + notFitting.getMessage(), notFitting);
        }
        for (TokenIntent intent : intents) {
            outbox.put(intent.id(), intent);
        }
    }

    /** The audit's path: decides the command again with this engine's rules and requires the same facts. */
    private void verifyCommand(long seq, EventId key, List<JournalEntry> entries, Command c, List<Fact> facts,
            CommandDigest digest) {
        PriceQuote quote = null;
        if (c instanceof Command.CloseEpoch) {
            for (Fact f : facts) {
                if (f instanceof Fact.Quoted q) {
                    quote = PriceQuote.of(Asset.FLOCK, q.price(), q.source(), q.at());
                }
            }
        }
        State.Prepared p;
        try {
            p = state.prepare(key, entries.get(0).timestamp(), c, quote, digest);
        } catch (FomoException rejected) {
            throw diverged(seq, key, "the rules reject the command now: " + rejected.getMessage(), rejected);
        }
        expectFacts(seq, key, entries, FactCodec.encode(p.facts), p.intents);
        p.commit();
        for (TokenIntent intent : p.intents) {
            outbox.put(intent.id(), intent);
        }
    }

    private void expectFacts(long seq, EventId key, List<JournalEntry> entries, byte[] facts, List<TokenIntent> intents) {
        // The facts record as read (in place): verifying reaches here only once it has decoded it.
        if (!Arrays.equals(facts, batchPayloads[1])) {
            throw diverged(seq, key, "the journaled facts differ from what the rules decide now", null);
        }
        expectIntents(seq, entries, intents, batchPayloads);
    }

    private void expectEntries(long seq, EventId key, List<JournalEntry> entries, byte[] facts,
            List<TokenIntent> intents) {
        if (entries.size() < 2 || !entries.get(1).type().equals(FACTS)
                || !Arrays.equals(facts, entries.get(1).payload())) {
            throw malformed(seq + 1, "the genesis facts are not those of its parameters");
        }
        expectIntents(seq, entries, intents, batchPayloads);
    }

    /** Compares the batch's intent records (their payloads already copied once) with the facts' intents. */
    private static void expectIntents(long seq, List<JournalEntry> entries, List<TokenIntent> intents,
            byte[][] payloads) {
        if (entries.size() != 2 + intents.size()) {
            throw malformed(seq, "the batch holds " + (entries.size() - 2) + " intents, the facts make "
                    + intents.size());
        }
        for (int i = 0; i < intents.size(); i++) {
            JournalEntry e = entries.get(2 + i);
            if (!e.type().equals(INTENT) || !Arrays.equals(IntentCodec.encode(intents.get(i)), payloads[2 + i])) {
                throw malformed(seq + 2 + i, "intent " + (i + 1) + " is not the one the facts make");
            }
        }
    }

    private JournalIntegrityException diverged(long seq, EventId key, String why, Throwable cause) {
        String rules = journalRules == RULES_VERSION
                ? " (journal and engine both at rules version " + RULES_VERSION + ")"
                : " (the journal was written by rules version " + journalRules + ", this engine has "
                        + RULES_VERSION + ")";
        return new JournalIntegrityException(seq, JournalIntegrityException.Kind.DIVERGED, key, journalRules,
                "command '" + shorten(key.value()) + "': " + why + rules, cause);
    }

    /**
     * Returns the head of the journal's hash chain as this instance has verified it: 64 lowercase hex
     * digits, the seal of the last batch applied. Two journals with the same head hold the same batches.
     *
     * @return the head hash
     */
    public synchronized String headHash() {
        return java.util.HexFormat.of().formatHex(head);
    }

    /**
     * Checks that the journal ends where its writer said it did: cutting whole batches off the end leaves
     * a valid shorter chain, which only the head written down elsewhere can tell.
     *
     * @param expected the head hash the writer printed (64 lowercase hex digits)
     * @throws InvalidArgumentException if {@code expected} is not 64 lowercase hex digits
     * @throws JournalIntegrityException of kind {@link JournalIntegrityException.Kind#HEAD} if the head differs
     */
    public synchronized void requireHead(String expected) {
        Objects.requireNonNull(expected, "expected");
        if (!expected.matches("[0-9a-f]{64}")) {
            throw InvalidArgumentException.of("expected", shorten(expected), "must be 64 lowercase hex digits");
        }
        String actual = headHash();
        if (!actual.equals(expected)) {
            throw new JournalIntegrityException(sequence, JournalIntegrityException.Kind.HEAD, null, journalRules,
                    "the head after " + sequence + " events is " + actual + ", expected " + expected
                            + " (the journal's tail was cut or replaced)", null);
        }
    }

    /**
     * Returns the rules version recorded in the journal's genesis.
     *
     * @return the journal's rules version, at most {@link #RULES_VERSION}
     */
    public synchronized int journalRules() {
        return journalRules;
    }

    /**
     * Returns the canonical state hash: 64 lowercase hex digits of SHA-256 over the canonical state
     * encoding (docs/engine.md). It covers the protocol's state, not the outbox of undelivered intents.
     *
     * @return the hash
     */
    public synchronized String stateHash() {
        return StateHash.of(state);
    }

    /**
     * Stores a snapshot of the state as this instance has applied it (docs/journal.md, "Snapshots") in the
     * builder's {@link Builder#snapshots(io.fomo.spi.SnapshotStore) snapshot store}, so that a restart folds
     * only the journal after it.
     *
     * @return the snapshot stored
     * @throws InvalidStateException if no snapshot store was given, or the engine holds a replay failure
     */
    public synchronized io.fomo.spi.Snapshot snapshot() {
        if (snapshots == null) {
            throw new InvalidStateException("snapshots: no SnapshotStore was given to the builder");
        }
        if (failure != null || state == null) {
            throw new InvalidStateException("snapshot: the journal did not replay"
                    + (failure == null ? "" : " (" + failure.getMessage() + ")"));
        }
        io.fomo.spi.Snapshot s = snapshotNow();
        snapshots.save(s);
        return s;
    }

    /**
     * Returns the sequence number of the snapshot this instance started from.
     *
     * @return the snapshot's sequence, 0 when the journal was replayed from its start
     */
    public synchronized long restoredFromSequence() {
        return restoredFrom;
    }

    /**
     * Returns why the newest snapshot was not used when this instance was built (its head is not the
     * journal's seal at its sequence, other rules, bytes that do not decode to a canonical state, a failing
     * store); the journal was then replayed from its start.
     *
     * @return the reason, empty when a snapshot was used or there was none
     */
    public synchronized Optional<String> snapshotRefusal() {
        return Optional.ofNullable(snapshotRefusal);
    }

    /**
     * Returns the journal sequence number this instance has applied up to.
     *
     * @return the sequence number
     */
    public synchronized long sequence() {
        return sequence;
    }

    /**
     * Returns the number of commands applied.
     *
     * @return the count
     */
    public synchronized long commandCount() {
        return state == null ? 0 : state.commands;
    }

    /**
     * Returns the genesis parameters.
     *
     * @return the parameters
     */
    public synchronized ProtocolParameters genesis() {
        return state.genesis;
    }

    /**
     * Returns the adjustable parameters in force now.
     *
     * @return the parameters
     */
    public synchronized ParameterChange parameters() {
        return state.current;
    }

    /**
     * Returns every version of the adjustable parameters, by the epoch it took effect in.
     *
     * @return the versions
     */
    public synchronized NavigableMap<Long, ParameterChange> parameterHistory() {
        return Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(state.history));
    }

    /**
     * Returns the open epoch's number.
     *
     * @return the epoch
     */
    public synchronized long epoch() {
        return state.epoch();
    }

    /**
     * Returns when an epoch starts.
     *
     * @param epoch the epoch
     * @return its start
     */
    public synchronized Instant epochStart(long epoch) {
        return state.calendar.start(epoch);
    }

    /**
     * Returns the deployments, in id order.
     *
     * @return the ids
     */
    public synchronized List<DeploymentId> deployments() {
        return List.copyOf(state.deployments.keySet());
    }

    /**
     * Returns a deployment's raise (immutable).
     *
     * @param deployment the deployment
     * @return its RMO
     * @throws InvalidStateException if there is no such deployment
     */
    public synchronized Rmo launch(DeploymentId deployment) {
        return state.deployment("deployment", deployment).rmo;
    }

    /**
     * Returns a graduated deployment's MT/FLOCK pool (immutable).
     *
     * @param deployment the deployment
     * @return the pool, empty before graduation
     * @throws InvalidStateException if there is no such deployment
     */
    public synchronized Optional<ConstantProductPool> pool(DeploymentId deployment) {
        return Optional.ofNullable(state.deployment("deployment", deployment).pool);
    }

    /**
     * Returns an account's balance of an asset, as the protocol's books hold it.
     *
     * @param account the account
     * @param asset   the asset
     * @return the balance
     */
    public synchronized Amount balance(AccountId account, Asset asset) {
        return state.tokens.balance(account, asset);
    }

    /**
     * Returns how much of an asset has entered the protocol's books (minted or deposited, less burns).
     *
     * @param asset the asset
     * @return the amount
     */
    public synchronized Amount booked(Asset asset) {
        return state.tokens.supply(asset);
    }

    /**
     * Returns the revenue ledger of the open epoch (immutable).
     *
     * @return the ledger
     */
    public synchronized RevenueLedger revenue() {
        return state.revenue;
    }

    /**
     * Returns the burn ledger: supplies and every burn (immutable).
     *
     * @return the ledger
     */
    public synchronized BurnLedger burns() {
        return state.burns;
    }

    /**
     * Returns the stake book (immutable).
     *
     * @return the stakes
     */
    public synchronized StakeBook stakes() {
        return state.stakes;
    }

    /**
     * Returns the gmFLOCK book (immutable).
     *
     * @return the locks
     */
    public synchronized GmFlockBook gmFlock() {
        return state.gm;
    }

    /**
     * Returns the emission reserve (immutable).
     *
     * @return the reserve
     */
    public synchronized EmissionReserve reserve() {
        return state.reserve;
    }

    /**
     * Returns a user's claimable FLOCK rewards.
     *
     * @param user the user
     * @return the balance
     */
    public synchronized Amount claimableFlock(AccountId user) {
        return state.claims.flockBalance(user);
    }

    /**
     * Returns a user's claimable MT rewards of one deployment.
     *
     * @param user       the user
     * @param deployment the deployment
     * @return the balance
     */
    public synchronized Amount claimableMt(AccountId user, DeploymentId deployment) {
        return state.claims.mtBalance(user, deployment);
    }

    /**
     * Returns every account's claimable rewards in one asset (FLOCK, or a deployment's MT) after the last
     * epoch close: the balances the engine holds in its rewards account for claims, which a chain adapter
     * turns into a Merkle root for a distributor at each close.
     *
     * @param asset the reward asset or a model token
     * @return the positive balances by account, in code-point order of the accounts
     */
    public synchronized java.util.SortedMap<AccountId, Amount> claimableBalances(Asset asset) {
        return state.claims.balances(asset);
    }

    /**
     * Returns the sum of every account's claimable balance in one asset (FLOCK, or a deployment's MT): all
     * that was credited less all that was claimed.
     *
     * @param asset the reward asset or a model token
     * @return the total, in the asset
     */
    public synchronized Amount claimableTotal(Asset asset) {
        return state.claims.outstanding(asset);
    }

    /**
     * Returns the sum of the {@code n} largest claimable balances in one asset (FLOCK, or a deployment's MT),
     * or of all of them if fewer accounts hold one: with {@link #claimableTotal}, how concentrated the
     * unclaimed rewards are (a report's top-10 share), in one pass over the balances instead of a listing of
     * every account's.
     *
     * @param asset the reward asset or a model token
     * @param n     how many of the largest balances to add up, positive
     * @return the sum, in the asset
     * @throws io.fomo.spi.InvalidArgumentException if {@code n} is not positive
     */
    public synchronized Amount claimableLargest(Asset asset, int n) {
        return state.claims.largestBalancesSum(asset, n);
    }

    /**
     * Returns the routed revenue of the last closed epoch.
     *
     * @return the epoch's revenue, empty before the first close
     */
    public synchronized Optional<EpochRevenue> lastEpochRevenue() {
        return Optional.ofNullable(state.lastRevenue);
    }

    /**
     * Returns the reward distribution of the last closed epoch.
     *
     * @return the result, empty before the first close or when nothing had graduated
     */
    public synchronized Optional<EpochResult> lastEpochRewards() {
        return Optional.ofNullable(state.lastRewards);
    }

    /**
     * Returns the buybacks executed at the last epoch close.
     *
     * @return the executions
     */
    public synchronized List<BuybackExecution> lastBuybacks() {
        return state.lastBuybacks;
    }

    /**
     * Returns every team's prepaid credit account (docs/usage.md), by team.
     *
     * @return an unmodifiable copy
     */
    public synchronized java.util.SortedMap<AccountId, CreditAccount> credits() {
        return state.metering.credits();
    }

    /**
     * Returns what token-priced usage has metered per deployment since genesis.
     *
     * @return an unmodifiable copy, by deployment
     */
    public synchronized java.util.SortedMap<DeploymentId, MeterTotals> meterTotals() {
        return state.metering.totals();
    }

    /**
     * Returns the intents journaled but not yet confirmed by the chain gateway: those a failing gateway
     * left behind, or all of them without automatic dispatch. {@link #dispatch()} delivers them.
     *
     * @return an immutable list of the intents, in issue order
     */
    public synchronized List<TokenIntent> pendingIntents() {
        return List.copyOf(outbox.values());
    }

    /**
     * Returns the FLOCK price of a quote as used by the buybacks, for reports.
     *
     * @param at the time
     * @return the price in USD, empty when the feed has none
     */
    public synchronized Optional<BigDecimal> flockPrice(Instant at) {
        return Optional.ofNullable(quote(at)).map(PriceQuote::price);
    }

    /**
     * Builds a {@link FomoProtocol}, replaying its journal.
     *
     * <p>Instances are not thread-safe.
     */
    public static final class Builder {
        private EventJournal journal;
        private ChainGateway gateway;
        private PriceFeed prices;
        private Clock clock;
        private ProtocolParameters parameters;
        private int maxRetries = 3;
        private boolean autoDispatch = true;
        private boolean keepFailure;
        private boolean verify;
        private boolean readAhead = true;
        private boolean readAheadForced;
        private boolean secondCore = true;
        private boolean splitForced;
        private int splitFrom = TwoCores.SPLIT_FROM;
        private long readAheadFrom = (long) READ_AHEAD_MIN_PAGES * EventJournal.DEFAULT_PAGE_SIZE;
        private io.fomo.spi.SnapshotStore snapshots;
        private long snapshotEvery;

        private Builder() {
        }

        /**
         * Sets the event journal.
         *
         * @param value the journal
         * @return this builder
         */
        public Builder journal(EventJournal value) {
            this.journal = Objects.requireNonNull(value, "journal");
            return this;
        }

        /**
         * Sets the chain gateway.
         *
         * @param value the gateway
         * @return this builder
         */
        public Builder chainGateway(ChainGateway value) {
            this.gateway = Objects.requireNonNull(value, "chainGateway");
            return this;
        }

        /**
         * Sets the price feed.
         *
         * @param value the feed
         * @return this builder
         */
        public Builder priceFeed(PriceFeed value) {
            this.prices = Objects.requireNonNull(value, "priceFeed");
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the genesis parameters (required for an empty journal).
         *
         * @param value the parameters
         * @return this builder
         */
        public Builder parameters(ProtocolParameters value) {
            this.parameters = Objects.requireNonNull(value, "parameters");
            return this;
        }

        /**
         * Sets how often a command is retried after a sequence conflict.
         *
         * @param value retries, 0 to 100
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder maxRetries(int value) {
            if (value < 0 || value > 100) {
                throw InvalidArgumentException.of("maxRetries", value, "must be between 0 and 100");
            }
            this.maxRetries = value;
            return this;
        }

        /**
         * Sets whether each command's intents are dispatched to the gateway at once (default) or only
         * by {@link FomoProtocol#dispatch()}.
         *
         * @param value true to dispatch at once
         * @return this builder
         */
        public Builder autoDispatch(boolean value) {
            this.autoDispatch = value;
            return this;
        }

        /**
         * Whether a replay or a catch-up of two pages of records or more (2,000 records) reads the journal's
         * pages on one more thread and decodes them on another, ahead of the hash chain's check and the fold
         * on the calling thread (on by default; used only where the JVM has two processors or more). The result,
         * and the error and its sequence number on a journal that fails, are the same either way: the fold,
         * every check that needs the state, and the order in which failures are reported stay on the calling
         * thread. Both threads have ended when {@link #build()} or {@link FomoProtocol#catchUp()}
         * returns or throws. Turn it off where the journal must only be used from the calling thread.
         *
         * @param value {@code false} to read and fold on the calling thread only
         * @return this builder
         */
        public Builder readAhead(boolean value) {
            this.readAhead = value;
            return this;
        }

        /**
         * Whether a large submit shares its work with a second core, when the JVM has two processors or more
         * and the common fork-join pool has threads (on by default): a usage batch of thousands of calls is
         * decided, an epoch close's rewards over thousands of users scored and allocated, and a facts record of
         * thousands of facts (a day of usage, an epoch's rewards) written in chunks, which the submitting
         * thread and one thread of the common pool take in turn. The decisions, the refusals and the bytes are
         * the same either way: the pool's thread only reads the state and writes into its chunk's own slots or
         * buffer, the first refusal in call order is the one thrown, and the submit goes on only once every
         * chunk is done. If no pool thread is free, the submitting thread does every chunk (setting the common
         * pool's parallelism to 0 keeps every engine's work on its own threads). Turn it off where a submit
         * must run on the calling thread only.
         *
         * @param value {@code false} to do all of a submit's work on the submitting thread
         * @return this builder
         */
        public Builder secondCore(boolean value) {
            this.secondCore = value;
            return this;
        }

        /** For tests: split records and usage batches of at least this many items, whatever the processors. */
        Builder splitFrom(int items) {
            this.splitFrom = items;
            this.splitForced = true;
            return this;
        }

        /** Pages of records from which a catch-up reads ahead. */
        private static final int READ_AHEAD_MIN_PAGES = 2;

        /** For tests: read ahead from this many records on (0: always), whatever the processors. */
        Builder readAheadFrom(long records) {
            this.readAheadFrom = records;
            this.readAheadForced = true;
            return this;
        }

        /**
         * Sets where snapshots of the state are stored and loaded (optional). On build, the newest snapshot
         * at or before the journal's end is checked against the journal (its head must be the journal's seal
         * at its sequence, its rules this engine's, its bytes a canonical state encoding of the journal's
         * genesis) and, if it checks out, the engine starts from it and folds only the journal after it;
         * otherwise the journal is replayed from its start and {@link FomoProtocol#snapshotRefusal()} says why.
         *
         * @param value the store
         * @return this builder
         */
        public Builder snapshots(io.fomo.spi.SnapshotStore value) {
            this.snapshots = Objects.requireNonNull(value, "snapshots");
            return this;
        }

        /**
         * Stores a snapshot after every {@code value}-th command (0, the default, for none). Needs a
         * {@link #snapshots(io.fomo.spi.SnapshotStore) store}. A snapshot that fails to save never fails the
         * command that triggered it.
         *
         * @param value commands between snapshots, 0 to 10^9
         * @return this builder
         * @throws InvalidArgumentException if out of range
         */
        public Builder snapshotEvery(long value) {
            if (value < 0 || value > 1_000_000_000L) {
                throw InvalidArgumentException.of("snapshotEvery", value, "must be between 0 and 1000000000");
            }
            this.snapshotEvery = value;
            return this;
        }

        /**
         * Builds the protocol, writing the genesis to an empty journal or replaying a non-empty one.
         *
         * @return the protocol
         * @throws InvalidArgumentException if an SPI is missing or the parameters disagree with the journal
         */
        public FomoProtocol build() {
            require("journal", journal);
            require("chainGateway", gateway);
            require("priceFeed", prices);
            require("clock", clock);
            if (snapshotEvery > 0 && snapshots == null) {
                throw InvalidArgumentException.of("snapshotEvery", snapshotEvery, "needs a snapshot store");
            }
            return new FomoProtocol(this);
        }

        private static void require(String field, Object value) {
            if (value == null) {
                throw InvalidArgumentException.of(field, "null", "is required");
            }
        }
    }

    /**
     * Loads the newest snapshot at or before the journal's end and, when it checks out against the journal,
     * starts from it; otherwise leaves the state to a full replay and keeps the reason
     * ({@link #snapshotRefusal()}). A snapshot is a cache: a bad one never stops a restart.
     */
    private void restoreFromSnapshot(JournalRecord genesisRecord) {
        io.fomo.spi.Snapshot snap;
        try {
            Optional<io.fomo.spi.Snapshot> found = snapshots.latestAtOrBefore(journal.currentSequence());
            if (found.isEmpty()) {
                return;
            }
            snap = found.get();
        } catch (RuntimeException e) {
            snapshotRefusal = "the snapshot store failed: " + e.getMessage();
            return;
        }
        StateSnapshot.Decoded d = checkSnapshot(snap, genesisRecord);
        if (d == null) {
            snapshotRefusal = "snapshot at sequence " + snap.sequence() + " not used: " + snapshotRefusal;
            return;
        }
        state = d.state();
        state.splitFrom = splitFrom;
        sequence = d.sequence();
        head = d.head();
        journalRules = d.journalRules();
        outbox.putAll(d.outbox());
        restoredFrom = sequence;
    }

    /**
     * The decoded snapshot when it checks out against the journal and these rules; otherwise null, with the
     * reason in {@link #snapshotRefusal}.
     */
    private StateSnapshot.Decoded checkSnapshot(io.fomo.spi.Snapshot snap, JournalRecord genesisRecord) {
        String why = whyNot(snap);
        if (why != null) {
            snapshotRefusal = why;
            return null;
        }
        StateSnapshot.Decoded d;
        try {
            d = StateSnapshot.decode(snap.bytes());
        } catch (RuntimeException e) {
            snapshotRefusal = "its bytes are not a valid state encoding: " + e.getMessage();
            return null;
        }
        if (d.sequence() != snap.sequence() || !Arrays.equals(d.head(), snap.headBytes())) {
            snapshotRefusal = "its bytes describe sequence " + d.sequence() + " and head "
                    + java.util.HexFormat.of().formatHex(d.head()) + ", not the snapshot's";
            return null;
        }
        try {
            Fields g = Fields.decode(genesisRecord.entry().payload(), "journal record 1");
            if (g.intValue("rules") != d.journalRules() || !ProtocolParameters.decode(g).equals(d.state().genesis)) {
                snapshotRefusal = "its genesis is not the journal's";
                return null;
            }
        } catch (RuntimeException e) {
            snapshotRefusal = "the journal's genesis cannot be read: " + e.getMessage();
            return null;
        }
        return d;
    }

    /** Why a snapshot's header cannot be trusted (format, rules, the journal's seal), or null. */
    private String whyNot(io.fomo.spi.Snapshot snap) {
        if (!StateSnapshot.FORMAT.equals(snap.format())) {
            return "its format is '" + snap.format() + "', this engine reads " + StateSnapshot.FORMAT;
        }
        if (snap.rulesVersion() != RULES_VERSION) {
            return "it was computed by rules version " + snap.rulesVersion() + ", this engine has " + RULES_VERSION;
        }
        List<JournalRecord> at;
        try {
            at = journal.read(snap.sequence(), 1);
        } catch (RuntimeException e) {
            return "the journal cannot be read at its sequence: " + e.getMessage();
        }
        if (at.isEmpty() || !SEAL.equals(at.get(0).entry().type())
                || !Arrays.equals(JournalChain.sealPayload(snap.headBytes()), at.get(0).entry().payload())) {
            return "the journal's record at sequence " + snap.sequence() + " is not the seal of head "
                    + snap.headHash() + " (the snapshot is of another journal, or the journal was rewritten)";
        }
        return null;
    }

    /** The snapshot of this instance's state now, without saving it. */
    io.fomo.spi.Snapshot snapshotNow() {
        byte[] bytes = StateSnapshot.encode(state, sequence, head, journalRules, outbox.values());
        return new io.fomo.spi.Snapshot(sequence, headHash(), RULES_VERSION, StateSnapshot.FORMAT, bytes);
    }

    /** A read-only replay that stops at the first integrity failure and keeps it instead of throwing. */
    record Replay(FomoProtocol protocol, JournalIntegrityException failure) {
    }

    static Replay replay(EventJournal journal, boolean verify) {
        Builder b = JournalAudit.readOnly(journal);
        b.keepFailure = true;
        b.verify = verify;
        FomoProtocol p = b.build();
        return new Replay(p, p.failure);
    }

    State stateForTest() {
        return state;
    }
}
