package io.fomo.core.engine;

import io.fomo.core.amm.ConstantProductPool;
import io.fomo.core.emission.EmissionReserve;
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
import io.fomo.spi.TokenIntent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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

    static final String GENESIS = "genesis";
    static final String COMMAND = "command";
    static final String INTENT = "intent";
    static final String CONFIRMATION = "confirmation";

    private final EventJournal journal;
    private final ChainGateway gateway;
    private final PriceFeed prices;
    private final Clock clock;
    private final int maxRetries;
    private final boolean autoDispatch;
    private State state;
    private long sequence;
    private final LinkedHashMap<IntentId, TokenIntent> outbox = new LinkedHashMap<>();

    private FomoProtocol(Builder b) {
        this.journal = b.journal;
        this.gateway = b.gateway;
        this.prices = b.prices;
        this.clock = b.clock;
        this.maxRetries = b.maxRetries;
        this.autoDispatch = b.autoDispatch;
        List<JournalRecord> first = journal.read(1, 1);
        if (first.isEmpty()) {
            if (b.parameters == null) {
                throw InvalidArgumentException.of("parameters", "null", "an empty journal needs genesis parameters");
            }
            List<JournalEntry> batch = new ArrayList<>();
            batch.add(JournalEntry.of(GENESIS, b.parameters.encode().encode(), b.parameters.genesis()));
            for (TokenIntent intent : new State(b.parameters).genesisIntents) {
                batch.add(JournalEntry.of(INTENT, IntentCodec.encode(intent), b.parameters.genesis()));
            }
            AppendResult r = journal.append(0, EventId.of("genesis"), batch);
            if (r.isDuplicate()) {
                throw new InvalidStateException("journal: genesis was written concurrently; open the protocol again");
            }
        } else if (!first.get(0).entry().type().equals(GENESIS)) {
            throw new InvalidStateException("journal: the first event is '" + first.get(0).entry().type()
                    + "', not the genesis");
        }
        catchUp();
        if (autoDispatch) {
            dispatch();
        }
        if (b.parameters != null && !b.parameters.equals(state.genesis)) {
            throw InvalidArgumentException.of("parameters", b.parameters, "differ from the journal's genesis "
                    + state.genesis);
        }
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
     * Validates, journals and applies a command. Sending the same command id again has no further effect.
     *
     * @param commandId the command's id, its idempotency key
     * @param command   the command
     * @return the receipt
     * @throws FomoException with the code of whatever was wrong with the command; the state is unchanged
     * @throws SequenceConflictException if other writers kept the journal moving through every retry
     */
    public synchronized Receipt submit(EventId commandId, Command command) {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(command, "command");
        for (int attempt = 0; ; attempt++) {
            if (state.seen.contains(commandId)) {
                return new Receipt(commandId, 0, 0, true, 0);
            }
            Instant at = clock.now();
            PriceQuote quote = command instanceof Command.CloseEpoch ? quote(at) : null;
            State.Prepared prepared = state.prepare(commandId, at, command, quote);
            List<JournalEntry> batch = new ArrayList<>(1 + prepared.intents.size());
            Fields f = new Fields("command " + commandId);
            CommandCodec.encode(command, f);
            if (quote != null) {
                f.put("quote.price", quote.price()).put("quote.at", quote.timestamp()).put("quote.source", quote.source());
            }
            batch.add(JournalEntry.of(COMMAND, f.encode(), at));
            for (TokenIntent intent : prepared.intents) {
                batch.add(JournalEntry.of(INTENT, IntentCodec.encode(intent), at));
            }
            AppendResult r;
            try {
                r = journal.append(sequence, commandId, batch);
            } catch (SequenceConflictException e) {
                catchUp();
                if (attempt >= maxRetries) {
                    throw e;
                }
                continue;
            }
            if (r.isDuplicate()) {
                catchUp();
                return new Receipt(commandId, 0, 0, true, 0);
            }
            prepared.commit();
            sequence = r.lastSequence();
            for (TokenIntent intent : prepared.intents) {
                outbox.put(intent.id(), intent);
            }
            if (autoDispatch) {
                dispatch();
            }
            return new Receipt(commandId, r.firstSequence(), r.lastSequence(), false, prepared.intents.size(),
                    prepared.bought);
        }
    }

    private PriceQuote quote(Instant at) {
        try {
            return prices.priceAt(Asset.FLOCK, at);
        } catch (FomoException e) {
            return null;
        }
    }

    /**
     * Executes every pending intent through the chain gateway and journals the confirmations. An intent
     * the gateway refuses (it throws) stays pending for a later call.
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
                } catch (FomoException e) {
                    // Refused (a balance not there yet, say): it and every later intent wait, in order.
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
            EventId key = EventId.of("confirm:" + done.get(0).value() + ".." + done.get(done.size() - 1).value());
            try {
                AppendResult r = journal.append(sequence, key, confirmations);
                if (r.isDuplicate()) {
                    catchUp();
                    return 0;
                }
                sequence = r.lastSequence();
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
     * Reads and applies whatever other writers appended to the journal since this instance last looked.
     *
     * @return the number of journal records applied
     */
    public synchronized long catchUp() {
        long applied = 0;
        while (true) {
            List<JournalRecord> page = journal.read(sequence + 1, EventJournal.DEFAULT_PAGE_SIZE);
            for (JournalRecord r : page) {
                apply(r);
                sequence = r.sequence();
                applied++;
            }
            if (page.size() < EventJournal.DEFAULT_PAGE_SIZE) {
                return applied;
            }
        }
    }

    private void apply(JournalRecord r) {
        JournalEntry e = r.entry();
        String context = "journal record " + r.sequence();
        switch (e.type()) {
            case GENESIS:
                if (state != null) {
                    throw new InvalidStateException(context + ": a second genesis");
                }
                state = new State(ProtocolParameters.decode(Fields.decode(e.payload(), context)));
                for (TokenIntent intent : state.genesisIntents) {
                    outbox.put(intent.id(), intent);
                }
                break;
            case COMMAND:
                Fields f = Fields.decode(e.payload(), context);
                Command c = CommandCodec.decode(f);
                PriceQuote quote = f.has("quote.price")
                        ? PriceQuote.of(Asset.FLOCK, f.decimal("quote.price"), f.text("quote.source"), f.instant("quote.at"))
                        : null;
                State.Prepared p = state.prepare(r.idempotencyKey(), e.timestamp(), c, quote);
                p.commit();
                for (TokenIntent intent : p.intents) {
                    outbox.put(intent.id(), intent);
                }
                break;
            case INTENT:
                break;
            case CONFIRMATION:
                outbox.remove(IntentId.of(Fields.decode(e.payload(), context).text("intent")));
                break;
            default:
                throw new InvalidStateException(context + ": unknown event type '" + e.type() + "'");
        }
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
        return state.commands;
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
     * Returns the intents journaled but not yet confirmed by the chain gateway.
     *
     * @return the intents, in issue order
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
            return new FomoProtocol(this);
        }

        private static void require(String field, Object value) {
            if (value == null) {
                throw InvalidArgumentException.of(field, "null", "is required");
            }
        }
    }

    State stateForTest() {
        return state;
    }
}
