package io.fomo.core.engine;

import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.ManualClock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An audit of a journal: its hash chain is verified and every journaled command is decided again with
 * this engine's rules and compared, fact for fact, with the facts the journal recorded. The audit reads
 * only: nothing is written and no intent is executed.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class JournalAudit {

    private JournalAudit() {
    }

    /**
     * The outcome of an audit.
     *
     * @param events       the journal records verified and applied before the audit stopped
     * @param commands     the commands that matched the journal
     * @param headHash     the head of the hash chain as far as it was verified (64 hex digits)
     * @param stateHash    the state hash when every command matched, else empty
     * @param journalRules the rules version in the journal's genesis (0 when it could not be read)
     * @param failure      the first failure: a broken chain, or the first command whose decision differs
     */
    public record Report(long events, long commands, String headHash, Optional<String> stateHash, int journalRules,
            Optional<JournalIntegrityException> failure) {

        /**
         * Checks the components are present.
         *
         * @param events       the journal records verified and applied before the audit stopped
         * @param commands     the commands that matched the journal
         * @param headHash     the head of the hash chain as far as it was verified
         * @param stateHash    the state hash when every command matched, else empty
         * @param journalRules the rules version in the journal's genesis
         * @param failure      the first failure
         */
        public Report {
            Objects.requireNonNull(headHash, "headHash");
            Objects.requireNonNull(stateHash, "stateHash");
            Objects.requireNonNull(failure, "failure");
        }

        /**
         * Whether the whole journal verified and every command matched.
         *
         * @return true if nothing failed
         */
        public boolean ok() {
            return failure.isEmpty();
        }

        /**
         * Returns the first command whose decision by this engine's rules differs from its journaled facts.
         *
         * @return the command id, empty when none differs (or the audit stopped at a broken chain first)
         */
        public Optional<EventId> firstDivergingCommand() {
            return failure.filter(f -> f.kind() == JournalIntegrityException.Kind.DIVERGED)
                    .flatMap(JournalIntegrityException::commandId);
        }

        /**
         * Whether the journal was written by other rules than this engine's.
         *
         * @return true if the rules versions differ
         */
        public boolean rulesDiffer() {
            return journalRules != 0 && journalRules != FomoProtocol.RULES_VERSION;
        }
    }

    /**
     * Audits a journal: verifies its chain and re-decides every command with this engine's rules.
     *
     * @param journal the journal; it must not be empty
     * @return the report; a failure is reported, not thrown
     * @throws io.fomo.spi.InvalidArgumentException if the journal is empty (there is nothing to audit)
     */
    public static Report verify(EventJournal journal) {
        Objects.requireNonNull(journal, "journal");
        if (journal.currentSequence() == 0) {
            throw io.fomo.spi.InvalidArgumentException.of("journal", "empty", "there is nothing to audit");
        }
        FomoProtocol.Replay r = FomoProtocol.replay(journal, true);
        return new Report(r.protocol().sequence(), r.protocol().commandCount(), r.protocol().headHash(),
                r.failure() == null ? Optional.of(r.protocol().stateHash()) : Optional.empty(),
                r.protocol().journalRules(), Optional.ofNullable(r.failure()));
    }

    static FomoProtocol.Builder readOnly(EventJournal journal) {
        return FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(Instant.EPOCH)).autoDispatch(false);
    }
}
