package io.fomo.meter;

import io.fomo.core.engine.TokenCounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One inference call as a usage log states it, before any mapping or pricing.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class UsageRecord {

    private final String source;
    private final long line;
    private final String requestId;
    private final String model;
    private final String modelGroup;
    private final String user;
    private final String team;
    private final TokenCounts tokens;
    private final BigDecimal cost;
    private final Instant occurredAt;
    private final boolean success;

    private UsageRecord(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.line = b.line;
        this.requestId = Objects.requireNonNull(b.requestId, "requestId");
        this.model = Objects.requireNonNull(b.model, "model");
        this.modelGroup = b.modelGroup;
        this.user = b.user;
        this.team = b.team;
        this.tokens = Objects.requireNonNull(b.tokens, "tokens");
        this.cost = b.cost;
        this.occurredAt = Objects.requireNonNull(b.occurredAt, "occurredAt");
        this.success = b.success;
    }

    /**
     * Starts a record read from a source at a line.
     *
     * @param source the file or stream name
     * @param line   the 1-based line the record starts on
     * @return the builder
     */
    public static Builder builder(String source, long line) {
        Builder b = new Builder();
        b.source = source;
        b.line = line;
        return b;
    }

    /**
     * Returns the file or stream the record was read from.
     *
     * @return the name
     */
    public String source() {
        return source;
    }

    /**
     * Returns the line the record starts on.
     *
     * @return the 1-based line
     */
    public long line() {
        return line;
    }

    /**
     * Returns the request id, the call's idempotency key.
     *
     * @return the id
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Returns the model id the call was made under.
     *
     * @return the model id
     */
    public String model() {
        return model;
    }

    /**
     * Returns the model group (LiteLLM's public model name) when the record has one.
     *
     * @return the group
     */
    public Optional<String> modelGroup() {
        return Optional.ofNullable(modelGroup);
    }

    /**
     * Returns the calling user when the record names one.
     *
     * @return the user
     */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /**
     * Returns the paying team when the record names one.
     *
     * @return the team
     */
    public Optional<String> team() {
        return Optional.ofNullable(team);
    }

    /**
     * Returns the call's tokens.
     *
     * @return the tokens
     */
    public TokenCounts tokens() {
        return tokens;
    }

    /**
     * Returns the metered cost in USD, exactly as the record writes it, when it has one.
     *
     * @return the cost, not negative
     */
    public Optional<BigDecimal> meteredCost() {
        return Optional.ofNullable(cost);
    }

    /**
     * Returns when the call was made.
     *
     * @return the instant
     */
    public Instant occurredAt() {
        return occurredAt;
    }

    /**
     * Returns whether the call succeeded; a failed call is never billed.
     *
     * @return true for a success
     */
    public boolean success() {
        return success;
    }

    /**
     * Returns where the record is, as {@code source:line}.
     *
     * @return the location
     */
    public String location() {
        return source + ":" + line;
    }

    /**
     * Returns this record with another time, for replaying a log on another calendar (a simulation).
     *
     * @param at the new time
     * @return the record
     */
    public UsageRecord withOccurredAt(Instant at) {
        Builder b = builder(source, line).requestId(requestId).model(model).modelGroup(modelGroup).user(user).team(team)
                .tokens(tokens).meteredCost(cost).success(success);
        return b.occurredAt(Objects.requireNonNull(at, "at")).build();
    }

    @Override
    public String toString() {
        return "UsageRecord[" + location() + ", " + requestId + ", " + model + ", " + tokens + "]";
    }

    /** Builds a {@link UsageRecord}. Instances are not thread-safe. */
    public static final class Builder {
        private String source;
        private long line;
        private String requestId;
        private String model;
        private String modelGroup;
        private String user;
        private String team;
        private TokenCounts tokens;
        private BigDecimal cost;
        private Instant occurredAt;
        private boolean success = true;

        private Builder() {
        }

        /**
         * Sets the request id.
         *
         * @param value the id
         * @return this builder
         */
        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        /**
         * Sets the model id.
         *
         * @param value the model
         * @return this builder
         */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /**
         * Sets the model group, or null for none.
         *
         * @param value the group
         * @return this builder
         */
        public Builder modelGroup(String value) {
            this.modelGroup = value;
            return this;
        }

        /**
         * Sets the user, or null for none.
         *
         * @param value the user
         * @return this builder
         */
        public Builder user(String value) {
            this.user = value;
            return this;
        }

        /**
         * Sets the team, or null for none.
         *
         * @param value the team
         * @return this builder
         */
        public Builder team(String value) {
            this.team = value;
            return this;
        }

        /**
         * Sets the tokens.
         *
         * @param value the tokens
         * @return this builder
         */
        public Builder tokens(TokenCounts value) {
            this.tokens = value;
            return this;
        }

        /**
         * Sets the metered cost in USD, or null for none.
         *
         * @param value the cost, not negative
         * @return this builder
         */
        public Builder meteredCost(BigDecimal value) {
            this.cost = value;
            return this;
        }

        /**
         * Sets when the call was made.
         *
         * @param value the instant
         * @return this builder
         */
        public Builder occurredAt(Instant value) {
            this.occurredAt = value;
            return this;
        }

        /**
         * Sets whether the call succeeded (default true).
         *
         * @param value true for a success
         * @return this builder
         */
        public Builder success(boolean value) {
            this.success = value;
            return this;
        }

        /**
         * Builds the record.
         *
         * @return the record
         * @throws NullPointerException if the request id, model, tokens or time is missing
         */
        public UsageRecord build() {
            return new UsageRecord(this);
        }
    }
}
