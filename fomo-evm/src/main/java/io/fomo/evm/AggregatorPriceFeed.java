package io.fomo.evm;

import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.PriceFeed;
import io.fomo.spi.PriceQuote;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.abi.datatypes.generated.Uint80;

/**
 * A {@link PriceFeed} over Chainlink-style {@code AggregatorV3Interface} contracts, one per asset.
 *
 * <p>The price at a time is the latest round whose {@code updatedAt} is at or before it (walking back
 * from the latest round), scaled by the aggregator's {@code decimals()} exactly (no rounding: an answer
 * of {@code n} with {@code d} decimals is {@code n / 10^d}). The quote's source is
 * {@code chainlink:<description()>} and its timestamp the round's {@code updatedAt}. A round is refused
 * with an {@link UnusablePriceException} when its answer is not positive, when it is incomplete
 * ({@code updatedAt == 0} or {@code answeredInRound < roundId}), when it is older than the heartbeat at
 * the time asked for, and, with an L2 sequencer-uptime feed configured, while the sequencer is down
 * (answer 1) or less than the grace period has passed since it came back up.
 *
 * <p>Round ids are walked back one by one, which is right within one aggregator phase (Chainlink's round
 * ids jump at a phase change; a time before the current phase is answered as "no price").
 *
 * <p>This class is thread-safe.
 */
public final class AggregatorPriceFeed implements PriceFeed {

    private final EvmChain chain;
    private final Map<Asset, String> feeds;
    private final Duration heartbeat;
    private final String sequencerFeed;
    private final Duration gracePeriod;
    private final Map<String, Integer> decimals = new HashMap<>();
    private final Map<String, String> descriptions = new HashMap<>();

    /** One round as the aggregator reports it. */
    private record Round(BigInteger id, BigInteger answer, BigInteger startedAt, BigInteger updatedAt,
                         BigInteger answeredInRound) {
    }

    private AggregatorPriceFeed(Builder b) {
        this.chain = b.chain;
        this.feeds = Map.copyOf(b.feeds);
        this.heartbeat = b.heartbeat;
        this.sequencerFeed = b.sequencerFeed;
        this.gracePeriod = b.gracePeriod;
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public PriceQuote priceAt(Asset asset, Instant at) {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(at, "at");
        String feed = feeds.get(asset);
        if (feed == null) {
            throw InvalidStateException.of("asset", asset.symbol(), "has no price feed");
        }
        long second = Math.floorDiv(at.getEpochSecond() * 1_000_000_000L + at.getNano(), 1_000_000_000L);
        synchronized (chain) {
            if (sequencerFeed != null) {
                checkSequencer(asset, second);
            }
            Round r = latest(feed, asset);
            while (r.updatedAt().compareTo(BigInteger.valueOf(second)) > 0) {
                if (r.id().compareTo(BigInteger.ONE) <= 0) {
                    throw InvalidStateException.of("at", at, "is before the first price of " + asset.symbol());
                }
                r = round(feed, asset, r.id().subtract(BigInteger.ONE));
            }
            if (r.answer().signum() <= 0) {
                throw new UnusablePriceException(asset, UnusablePriceException.Reason.NON_POSITIVE,
                        "answer " + r.answer() + " in round " + r.id());
            }
            if (r.updatedAt().signum() == 0 || r.answeredInRound().compareTo(r.id()) < 0) {
                throw new UnusablePriceException(asset, UnusablePriceException.Reason.INCOMPLETE_ROUND,
                        "round " + r.id() + " updated at " + r.updatedAt() + ", answered in round " + r.answeredInRound());
            }
            long age = second - r.updatedAt().longValueExact();
            if (age > heartbeat.toSeconds()) {
                throw new UnusablePriceException(asset, UnusablePriceException.Reason.STALE,
                        "round " + r.id() + " is " + age + " s old at " + at + ", the heartbeat is " + heartbeat);
            }
            BigDecimal price = new BigDecimal(r.answer(), decimals(feed));
            return PriceQuote.of(asset, price, "chainlink:" + description(feed),
                    Instant.ofEpochSecond(r.updatedAt().longValueExact()));
        }
    }

    private void checkSequencer(Asset asset, long second) {
        Round s = latest(sequencerFeed, asset);
        if (s.answer().signum() != 0) {
            throw new UnusablePriceException(asset, UnusablePriceException.Reason.SEQUENCER_DOWN,
                    "the sequencer-uptime feed answers " + s.answer() + " since " + s.startedAt());
        }
        long up = second - s.startedAt().longValueExact();
        if (up < gracePeriod.toSeconds()) {
            throw new UnusablePriceException(asset, UnusablePriceException.Reason.SEQUENCER_GRACE_PERIOD,
                    "the sequencer has been up for " + up + " s, the grace period is " + gracePeriod);
        }
    }

    private static List<TypeReference<?>> roundTypes() {
        return List.of(new TypeReference<Uint80>() { }, new TypeReference<Int256>() { },
                new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }, new TypeReference<Uint80>() { });
    }

    private Round latest(String feed, Asset asset) {
        return read(feed, asset, new Function("latestRoundData", List.of(), roundTypes()));
    }

    private Round round(String feed, Asset asset, BigInteger id) {
        return read(feed, asset, new Function("getRoundData", List.of(new Uint80(id)), roundTypes()));
    }

    private Round read(String feed, Asset asset, Function f) {
        List<Type> v;
        try {
            v = chain.rpc().call(feed, f);
        } catch (InvalidStateException e) {
            throw InvalidStateException.of("asset", asset.symbol(), "has no price round: " + e.getMessage());
        }
        return new Round((BigInteger) v.get(0).getValue(), (BigInteger) v.get(1).getValue(),
                (BigInteger) v.get(2).getValue(), (BigInteger) v.get(3).getValue(), (BigInteger) v.get(4).getValue());
    }

    private int decimals(String feed) {
        return decimals.computeIfAbsent(feed, a -> ((BigInteger) chain.rpc().call(a, new Function("decimals",
                List.of(), List.of(new TypeReference<Uint8>() { }))).get(0).getValue()).intValueExact());
    }

    private String description(String feed) {
        return descriptions.computeIfAbsent(feed, a -> chain.rpc().call(a, new Function("description",
                List.of(), List.of(new TypeReference<Utf8String>() { }))).get(0).getValue().toString());
    }

    /** Builds an {@link AggregatorPriceFeed}. */
    public static final class Builder {
        private EvmChain chain;
        private final Map<Asset, String> feeds = new HashMap<>();
        private Duration heartbeat;
        private String sequencerFeed;
        private Duration gracePeriod = Duration.ofHours(1);

        private Builder() {
        }

        /**
         * Sets the connection the feed reads through (required).
         *
         * @param value the connection
         * @return this builder
         */
        public Builder chain(EvmChain value) {
            this.chain = Objects.requireNonNull(value, "chain");
            return this;
        }

        /**
         * Adds the aggregator of an asset's USD price.
         *
         * @param asset      the asset
         * @param aggregator the aggregator's address
         * @return this builder
         * @throws InvalidArgumentException if the asset already has one
         */
        public Builder feed(Asset asset, String aggregator) {
            Objects.requireNonNull(asset, "asset");
            if (feeds.putIfAbsent(asset, AddressRegistry.canonical(aggregator)) != null) {
                throw InvalidArgumentException.of("asset", asset, "already has a feed " + feeds.get(asset));
            }
            return this;
        }

        /**
         * Sets how old an answer may be at the time asked for (required).
         *
         * @param value the heartbeat, positive
         * @return this builder
         * @throws InvalidArgumentException if not positive
         */
        public Builder heartbeat(Duration value) {
            Objects.requireNonNull(value, "heartbeat");
            if (value.isNegative() || value.isZero()) {
                throw InvalidArgumentException.of("heartbeat", value, "must be positive");
            }
            this.heartbeat = value;
            return this;
        }

        /**
         * Sets an L2 sequencer-uptime feed (optional): answer 0 is up, 1 is down, {@code startedAt} is when
         * the status changed.
         *
         * @param aggregator  the uptime feed's address
         * @param gracePeriod how long after the sequencer comes back up prices stay refused (default 1 hour)
         * @return this builder
         * @throws InvalidArgumentException if the grace period is negative
         */
        public Builder sequencerUptimeFeed(String aggregator, Duration gracePeriod) {
            Objects.requireNonNull(gracePeriod, "gracePeriod");
            if (gracePeriod.isNegative()) {
                throw InvalidArgumentException.of("gracePeriod", gracePeriod, "must not be negative");
            }
            this.sequencerFeed = AddressRegistry.canonical(aggregator);
            this.gracePeriod = gracePeriod;
            return this;
        }

        /**
         * Builds the feed.
         *
         * @return the feed
         * @throws InvalidArgumentException if the chain or the heartbeat is missing
         */
        public AggregatorPriceFeed build() {
            if (chain == null || heartbeat == null) {
                throw InvalidArgumentException.of("builder", chain == null ? "chain" : "heartbeat", "is required");
            }
            return new AggregatorPriceFeed(this);
        }
    }
}
