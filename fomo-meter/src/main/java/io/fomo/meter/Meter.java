package io.fomo.meter;

import io.fomo.core.engine.Accounts;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.engine.MeterTotals;
import io.fomo.core.engine.Receipt;
import io.fomo.core.engine.RecordTokenUsage;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Submits usage records to the engine: maps each record's model to its deployment, prices it, and submits
 * a {@link RecordTokenUsage} under the command id {@code usage:<requestId>}, so that a record ingested again
 * (the same file twice, a re-run after a fix, an overlapping export) adds nothing. Failed calls and calls
 * under unmapped models are counted, never submitted.
 *
 * <p>The user is the record's user (LiteLLM {@code user}, else {@code end_user}; a CloudEvent's
 * {@code subject}; a Responses API {@code user}), else the default user; the paying team is the record's
 * team, else the user itself (a user without a team pays from its own credits).
 *
 * <p>Instances are not thread-safe (one ingestion at a time); the protocol is.
 */
public final class Meter {

    /** The user a record is billed to when it names none: {@value}. */
    public static final String DEFAULT_USER = "unattributed";

    private final FomoProtocol protocol;
    private final ModelMap models;
    private final AccountId defaultUser;
    private final TreeMap<String, DeploymentSummary> deployments = new TreeMap<>();
    private final TreeMap<String, Long> unmapped = new TreeMap<>();
    private long failed;
    private long skipped;

    /**
     * Creates a meter over a protocol, checking the map against it.
     *
     * @param protocol    the protocol to submit to
     * @param models      the model map
     * @param defaultUser the user of records that name none
     * @throws InvalidArgumentException if a mapped deployment is missing or has not graduated
     */
    public Meter(FomoProtocol protocol, ModelMap models, AccountId defaultUser) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.models = Objects.requireNonNull(models, "models");
        this.defaultUser = checkUser("defaultUser", defaultUser);
        models.checkAgainst(protocol);
    }

    private static AccountId checkUser(String field, AccountId a) {
        Objects.requireNonNull(a, field);
        if (a.value().startsWith(Accounts.PREFIX)) {
            throw InvalidArgumentException.of(field, a, "must not be a protocol account");
        }
        return a;
    }

    /**
     * Turns a record into the command it bills, without submitting anything: what a dry run and the
     * validation pass check.
     *
     * @param models      the model map
     * @param record      the record
     * @param defaultUser the user of records that name none
     * @return the command, empty for a failed call or an unmapped model
     * @throws MalformedRecordException if an id is not a valid account or request id, or the price needs a
     *                                  cost the record lacks
     */
    public static Optional<RecordTokenUsage> command(ModelMap models, UsageRecord record, AccountId defaultUser) {
        if (!record.success()) {
            return Optional.empty();
        }
        Optional<ModelRoute> route = models.route(record);
        if (route.isEmpty()) {
            return Optional.empty();
        }
        AccountId user = record.user().map(u -> account(record, "user", u)).orElse(defaultUser);
        AccountId team = record.team().map(t -> account(record, "team", t)).orElse(user);
        EventId request;
        try {
            request = EventId.of(record.requestId());
            EventId.of(RecordTokenUsage.COMMAND_ID_PREFIX + record.requestId());
        } catch (InvalidArgumentException e) {
            throw new MalformedRecordException(record.source(), record.line(), "requestId", record.requestId(),
                    e.getMessage());
        }
        Amount list = route.get().price().listCharge(record);
        return Optional.of(new RecordTokenUsage(request, route.get().deployment(), user, team, record.tokens(), list,
                record.occurredAt()));
    }

    private static AccountId account(UsageRecord record, String field, String value) {
        AccountId a;
        try {
            a = AccountId.of(value);
        } catch (InvalidArgumentException e) {
            throw new MalformedRecordException(record.source(), record.line(), field, value, e.getMessage());
        }
        if (a.value().startsWith(Accounts.PREFIX)) {
            throw new MalformedRecordException(record.source(), record.line(), field, value,
                    "names a protocol account (prefix " + Accounts.PREFIX + ")");
        }
        return a;
    }

    /**
     * Ingests one record: bills it once, or counts it as failed, unmapped or a duplicate.
     *
     * @param record the record
     * @return what happened to it
     * @throws MalformedRecordException if the record cannot be turned into a command
     * @throws io.fomo.spi.FomoException if the engine rejects the call (the state is unchanged)
     */
    public Outcome ingest(UsageRecord record) {
        if (!record.success()) {
            failed++;
            return Outcome.FAILED;
        }
        Optional<RecordTokenUsage> c = command(models, record, defaultUser);
        if (c.isEmpty()) {
            unmapped.merge(record.model(), 1L, Long::sum);
            return Outcome.UNMAPPED;
        }
        RecordTokenUsage u = c.get();
        String dep = u.deployment().value();
        Amount before = revenueOf(u.deployment());
        Receipt r = protocol.submit(u.commandId(), u);
        DeploymentSummary s = deployments.getOrDefault(dep, DeploymentSummary.EMPTY);
        if (r.isDuplicate()) {
            deployments.put(dep, s.duplicate());
            return Outcome.DUPLICATE;
        }
        deployments.put(dep, s.billed(record, revenueOf(u.deployment()).minus(before)));
        return Outcome.BILLED;
    }

    private Amount revenueOf(DeploymentId d) {
        MeterTotals t = protocol.meterTotals().get(d);
        return t == null ? Amount.zero(Asset.USD) : t.revenue();
    }

    /**
     * Adds items a reader skipped to the summary.
     *
     * @param count the number skipped
     */
    public void skipped(long count) {
        skipped += count;
    }

    /**
     * Returns what this meter has done so far.
     *
     * @return the summary
     */
    public IngestSummary summary() {
        return new IngestSummary(deployments, unmapped, failed, skipped);
    }

    /**
     * Reads every record of a reader and ingests it.
     *
     * @param reader the reader; not closed here
     * @return the number of records read
     * @throws MalformedRecordException at the first record that cannot be read
     */
    public long ingestAll(UsageReader reader) {
        long n = 0;
        long skippedBefore = reader.skipped();
        for (UsageRecord r = reader.next(); r != null; r = reader.next()) {
            ingest(r);
            n++;
        }
        skipped(reader.skipped() - skippedBefore);
        return n;
    }

    /** What {@link #ingest} did with a record. */
    public enum Outcome {
        /** Billed now. */
        BILLED,
        /** Its request was already billed; nothing was added. */
        DUPLICATE,
        /** Its model is not in the map; counted, never billed. */
        UNMAPPED,
        /** The call failed; never billed. */
        FAILED
    }
}
