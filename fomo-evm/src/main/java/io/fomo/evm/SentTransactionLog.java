package io.fomo.evm;

import io.fomo.spi.AppendResult;
import io.fomo.spi.Clock;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.IntentId;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.SequenceConflictException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's write-ahead log of signed transactions: for each intent id, the hash of the intent and the
 * signed transaction (hash, nonce, raw bytes), written to an {@link EventJournal} <em>before</em> the
 * transaction is sent. After a crash or a lost receipt the gateway finds the transaction here, looks its
 * receipt up, and re-broadcasts the very same signed bytes if the node never saw them, so an intent is
 * never signed twice with two nonces.
 *
 * <p>Entries are of type {@value #SENT} (idempotency key {@code sent:<intent>:<tx hash>}) and
 * {@value #DROPPED} (the node refused the transaction outright; key {@code dropped:<tx hash>}).
 *
 * <p>This class is thread-safe.
 */
public final class SentTransactionLog {

    /** The journal entry type of a signed transaction about to be sent. */
    public static final String SENT = "tx-sent";

    /** The journal entry type of a signed transaction the node refused. */
    public static final String DROPPED = "tx-dropped";

    /**
     * A signed transaction recorded for an intent.
     *
     * @param intentId   the intent
     * @param intentHash keccak-256 of the intent's canonical text, {@code 0x}-prefixed
     * @param nonce      the transaction's nonce
     * @param txHash     the transaction's hash
     * @param raw        the signed transaction, {@code 0x}-prefixed hex
     */
    public record Sent(IntentId intentId, String intentHash, BigInteger nonce, String txHash, String raw) {
        /**
         * Checks the fields.
         *
         * @param intentId   the intent
         * @param intentHash the intent's hash
         * @param nonce      the nonce
         * @param txHash     the transaction hash
         * @param raw        the signed bytes
         */
        public Sent {
            Objects.requireNonNull(intentId, "intentId");
            Objects.requireNonNull(intentHash, "intentHash");
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(txHash, "txHash");
            Objects.requireNonNull(raw, "raw");
        }
    }

    private final EventJournal journal;
    private final Clock clock;
    private final Map<IntentId, Sent> latest = new HashMap<>();
    private long sequence;

    private SentTransactionLog(EventJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Opens the log kept in a journal.
     *
     * @param journal the log's own journal
     * @param clock   the time stamped on new entries
     * @return the log
     */
    public static SentTransactionLog open(EventJournal journal, Clock clock) {
        SentTransactionLog log = new SentTransactionLog(Objects.requireNonNull(journal, "journal"),
                Objects.requireNonNull(clock, "clock"));
        log.catchUp();
        return log;
    }

    /**
     * Records a signed transaction before it is sent.
     *
     * @param sent the transaction
     */
    public synchronized void recordSent(Sent sent) {
        recordSent(List.of(sent));
    }

    /**
     * Records, in one journal batch, one signed transaction that executes several intents (a graduation's
     * mints), before it is sent: each intent id finds that transaction afterwards.
     *
     * @param sent one entry per intent, all of the same transaction
     * @throws InvalidArgumentException if the list is empty or its entries name different transactions
     */
    public synchronized void recordSent(List<Sent> sent) {
        if (sent.isEmpty()) {
            throw InvalidArgumentException.of("sent", "[]", "must name at least one intent");
        }
        String tx = sent.get(0).txHash();
        List<JournalEntry> entries = new java.util.ArrayList<>(sent.size());
        for (Sent s : sent) {
            if (!s.txHash().equals(tx)) {
                throw InvalidArgumentException.of("sent", s.txHash(), "is not the transaction " + tx);
            }
            String text = String.join("\n", s.intentId().value(), s.intentHash(), s.nonce().toString(),
                    s.txHash(), s.raw());
            entries.add(JournalEntry.of(SENT, text.getBytes(StandardCharsets.UTF_8), clock.now()));
        }
        append(EventId.of("sent:" + tx), entries);
        for (Sent s : sent) {
            latest.put(s.intentId(), s);
        }
    }

    /**
     * Records that the node refused a transaction, so that its intent may be signed again.
     *
     * @param sent the refused transaction
     */
    public synchronized void recordDropped(Sent sent) {
        append(EventId.of("dropped:" + sent.txHash()), DROPPED, sent.intentId().value() + "\n" + sent.txHash());
        latest.remove(sent.intentId());
    }

    /**
     * Returns the transaction last signed for an intent and not dropped.
     *
     * @param intentId the intent
     * @return the transaction, empty if none
     */
    public synchronized Optional<Sent> sent(IntentId intentId) {
        catchUp();
        return Optional.ofNullable(latest.get(intentId));
    }

    private void append(EventId key, String type, String text) {
        append(key, List.of(JournalEntry.of(type, text.getBytes(StandardCharsets.UTF_8), clock.now())));
    }

    private void append(EventId key, List<JournalEntry> entries) {
        for (int attempt = 0; ; attempt++) {
            catchUp();
            try {
                AppendResult r = journal.append(sequence, key, entries);
                sequence = Math.max(sequence, r.lastSequence());
                return;
            } catch (SequenceConflictException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    private void catchUp() {
        while (true) {
            List<JournalRecord> page = journal.read(sequence + 1, EventJournal.DEFAULT_PAGE_SIZE);
            for (JournalRecord r : page) {
                String[] p = new String(r.entry().payload(), StandardCharsets.UTF_8).split("\n");
                switch (r.entry().type()) {
                    case SENT -> latest.put(IntentId.of(p[0]),
                            new Sent(IntentId.of(p[0]), p[1], new BigInteger(p[2]), p[3], p[4]));
                    case DROPPED -> {
                        Sent s = latest.get(IntentId.of(p[0]));
                        if (s != null && s.txHash().equals(p[1])) {
                            latest.remove(IntentId.of(p[0]));
                        }
                    }
                    default -> throw InvalidStateException.of("journal", "record " + r.sequence(),
                            "is of type '" + r.entry().type() + "', not a sent transaction");
                }
                sequence = r.sequence();
            }
            if (page.size() < EventJournal.DEFAULT_PAGE_SIZE) {
                return;
            }
        }
    }
}
