package io.fomo.evm;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ChainGateway;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.IntentConfirmation;
import io.fomo.spi.IntentId;
import io.fomo.spi.IntentKind;
import io.fomo.spi.IntentStatus;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.TokenIntent;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.utils.Numeric;

/**
 * A {@link ChainGateway} over an EVM chain: every intent is one transaction to the FOMO settlement
 * contract, which records the intent id on chain, refuses a reused id and emits one event per intent.
 *
 * <h2>Idempotency</h2>
 * Before a transaction is sent, the signed bytes and their hash are written to the
 * {@link SentTransactionLog} under the intent id. Executing an intent again (a retry, a restart after a
 * crash, a lost receipt) finds that transaction and looks its receipt up, re-broadcasting the same bytes if
 * the node does not know them, so nothing is ever signed twice. If the log was lost too, the settlement's
 * on-chain record of the intent id answers, with the transaction found through its event.
 *
 * <h2>Accounts, assets, pools</h2>
 * Accounts are addresses from the {@link AddressRegistry}; an intent naming an unregistered account is
 * refused. Assets are the ERC-20 tokens configured in the builder. A model token
 * ({@link Builder#modelToken}) has no supply until graduation, when {@link #executeAllocation} mints its
 * whole allocation once; any other MINT of it is refused. Every other token (the FLOCK stand-in) was minted
 * once, in full, to the settlement, and a MINT releases from that unissued supply ({@link #totalSupply} is
 * the token's supply less what the settlement still holds). Pools are real Uniswap v2 pairs: deposits are synced into their
 * reserves, they pay out only through swaps, and a swap asking more than the pair's invariant allows is
 * reverted by the pair and reported {@link IntentStatus#REJECTED} with the reason ({@code UniswapV2: K}), as is
 * a swap into a pair whose reserve of the input token is empty ({@code UniswapV2: INSUFFICIENT_LIQUIDITY}).
 *
 * <h2>Refusals and rejections</h2>
 * Before signing, the gateway checks balances and refuses with {@link InsufficientLiquidityException}
 * (nothing recorded). A transaction that reverts is {@link IntentStatus#REJECTED}, its reference the
 * transaction hash and the decoded revert reason. Gas limits are fixed per intent kind.
 *
 * <p>This class is thread-safe: it uses its {@link EvmChain} under that connection's lock.
 */
public final class EvmChainGateway implements ChainGateway {

    private static final Event INTENT_EXECUTED = new Event("IntentExecuted", List.of(
            new TypeReference<Bytes32>(true) { }, new TypeReference<Bytes32>() { }, new TypeReference<Uint8>() { }));

    /**
     * The most recipients one allocation takes (a graduation mints to every supporter and five protocol
     * accounts): 300 recipients at the fixed gas below is 24.15 million gas, within a 30-million block.
     */
    static final int MAX_ALLOCATION = 300;
    private static final BigInteger ALLOCATION_BASE_GAS = BigInteger.valueOf(150_000);
    private static final BigInteger ALLOCATION_GAS_EACH = BigInteger.valueOf(80_000);

    private final EvmChain chain;
    private final String settlement;
    private final AddressRegistry accounts;
    private final Map<Asset, String> tokens;
    private final java.util.Set<Asset> modelTokens;
    private final SentTransactionLog log;
    private final Map<IntentKind, BigInteger> gas;
    private final Map<IntentId, TokenIntent> intents = new HashMap<>();
    private final Map<IntentId, IntentConfirmation> confirmations = new HashMap<>();

    private EvmChainGateway(Builder b) {
        this.chain = b.chain;
        this.settlement = b.settlement;
        this.accounts = b.accounts;
        this.tokens = Map.copyOf(b.tokens);
        this.modelTokens = java.util.Set.copyOf(b.modelTokens);
        this.log = b.log;
        this.gas = new EnumMap<>(b.gas);
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
    public IntentConfirmation execute(TokenIntent intent) {
        Objects.requireNonNull(intent, "intent");
        synchronized (chain) {
            IntentConfirmation known = known(intent);
            if (known != null) {
                return known;
            }
            String intentHash = Hash.sha3String(canonicalText(intent));
            Optional<SentTransactionLog.Sent> sent = log.sent(intent.id());
            if (sent.isPresent()) {
                if (!sent.get().intentHash().equals(intentHash)) {
                    throw reused(intent, "a transaction signed for another intent");
                }
                return finish(intent, sent.get());
            }
            String earlier = onChainHash(intent.id());
            if (earlier != null) {
                if (!earlier.equals(intentHash)) {
                    throw reused(intent, "another intent recorded by the settlement");
                }
                return remember(intent, IntentConfirmation.of(intent.id(), IntentStatus.CONFIRMED,
                        executedTransaction(intent.id())));
            }
            String data = callData(intent, intentHash);
            Rpc.Signed signed = chain.rpc().sign(settlement, data, gas.get(intent.kind()));
            SentTransactionLog.Sent s = new SentTransactionLog.Sent(intent.id(), intentHash, signed.nonce(),
                    signed.hash(), signed.raw());
            log.recordSent(s);
            try {
                chain.rpc().broadcast(signed);
            } catch (InvalidStateException refused) {
                if (refused.getMessage().contains("refused by the node")) {
                    log.recordDropped(s);
                    chain.rpc().resyncNonce();
                }
                throw refused;
            }
            return confirm(intent, chain.rpc().await(s.txHash()));
        }
    }

    /**
     * Executes a graduation's MINT intents of a model token together, as the token's one mint: a single
     * settlement transaction records every intent id (each once), mints the whole allocation through the
     * token's {@code mintAllocation} (which refuses a second call) and emits one event per intent. Intents
     * executed before (in this process, in the log, or recorded by the settlement) are looked up instead,
     * so a retry after a crash executes nothing twice. {@link #execute} then confirms each of them.
     *
     * <p>The transaction's gas limit is fixed: 150,000 plus 80,000 per recipient.
     *
     * @param mints the graduation's mints of one model token, in the engine's order, at most 300
     * @return one confirmation per intent, in order
     * @throws InvalidArgumentException if the list is empty or too long, an intent is not a MINT of a
     *                                  configured model token, two share an id, or an account is unregistered
     * @throws InvalidStateException    if the token was minted already by other intents, or only some of
     *                                  these intents were executed before
     */
    public List<IntentConfirmation> executeAllocation(List<TokenIntent> mints) {
        Objects.requireNonNull(mints, "mints");
        if (mints.isEmpty() || mints.size() > MAX_ALLOCATION) {
            throw InvalidArgumentException.of("mints", mints.size(), "must hold 1 to " + MAX_ALLOCATION + " intents");
        }
        Asset asset = mints.get(0).amount().asset();
        java.util.Set<IntentId> ids = new java.util.HashSet<>();
        for (TokenIntent t : mints) {
            if (t.kind() != IntentKind.MINT || !t.amount().asset().equals(asset) || !modelTokens.contains(asset)) {
                throw InvalidArgumentException.of("mints", t, "is not a MINT of the configured model token " + asset);
            }
            if (!ids.add(t.id())) {
                throw InvalidArgumentException.of("mints", t.id(), "appears twice");
            }
        }
        synchronized (chain) {
            int before = 0;
            for (TokenIntent t : mints) {
                if (intents.containsKey(t.id()) || log.sent(t.id()).isPresent() || onChainHash(t.id()) != null) {
                    before++;
                }
            }
            if (before == mints.size()) {
                return mints.stream().map(this::execute).toList();
            }
            if (before > 0) {
                throw InvalidStateException.of("mints", mints.get(0).id(), "only " + before + " of these "
                        + mints.size() + " intents were executed before: an allocation is minted whole or not at all");
            }
            String token = tokens.get(asset);
            if (chain.minted(token)) {
                throw InvalidStateException.of("asset", asset, "was minted once already, to another allocation");
            }
            List<Bytes32> keys = new java.util.ArrayList<>();
            List<Bytes32> hashes = new java.util.ArrayList<>();
            List<Address> recipients = new java.util.ArrayList<>();
            List<Uint256> amounts = new java.util.ArrayList<>();
            List<String> intentHashes = new java.util.ArrayList<>();
            for (TokenIntent t : mints) {
                String h = Hash.sha3String(canonicalText(t));
                intentHashes.add(h);
                keys.add(key(t.id()));
                hashes.add(new Bytes32(Numeric.hexStringToByteArray(h)));
                recipients.add(new Address(address("to", t.to().orElseThrow())));
                amounts.add(new Uint256(t.amount().units()));
            }
            String data = FunctionEncoder.encode(new Function("mintAllocation", List.of(
                    new org.web3j.abi.datatypes.DynamicArray<>(Bytes32.class, keys),
                    new org.web3j.abi.datatypes.DynamicArray<>(Bytes32.class, hashes), new Address(token),
                    new org.web3j.abi.datatypes.DynamicArray<>(Address.class, recipients),
                    new org.web3j.abi.datatypes.DynamicArray<>(Uint256.class, amounts)), List.of()));
            BigInteger limit = ALLOCATION_BASE_GAS.add(ALLOCATION_GAS_EACH.multiply(BigInteger.valueOf(mints.size())));
            Rpc.Signed signed = chain.rpc().sign(settlement, data, limit);
            List<SentTransactionLog.Sent> sent = new java.util.ArrayList<>();
            for (int i = 0; i < mints.size(); i++) {
                sent.add(new SentTransactionLog.Sent(mints.get(i).id(), intentHashes.get(i), signed.nonce(),
                        signed.hash(), signed.raw()));
            }
            log.recordSent(sent);
            try {
                chain.rpc().broadcast(signed);
            } catch (InvalidStateException refused) {
                if (refused.getMessage().contains("refused by the node")) {
                    sent.forEach(log::recordDropped);
                    chain.rpc().resyncNonce();
                }
                throw refused;
            }
            Rpc.Outcome o = chain.rpc().await(signed.hash());
            return mints.stream().map(t -> confirm(t, o)).toList();
        }
    }

    private IntentConfirmation known(TokenIntent intent) {
        TokenIntent earlier = intents.get(intent.id());
        if (earlier == null) {
            return null;
        }
        if (!earlier.equals(intent)) {
            throw reused(intent, "a different intent " + earlier);
        }
        return confirmations.get(intent.id());
    }

    private static InvalidArgumentException reused(TokenIntent intent, String what) {
        return InvalidArgumentException.of("intentId", intent.id(), "was used for " + what);
    }

    /** A transaction found in the log: its receipt, or the same signed bytes sent again if the node lost them. */
    private IntentConfirmation finish(TokenIntent intent, SentTransactionLog.Sent s) {
        Optional<Rpc.Outcome> mined = chain.rpc().outcome(s.txHash());
        if (mined.isEmpty() && !chain.rpc().knows(s.txHash())) {
            chain.rpc().rebroadcast(new Rpc.Signed(s.nonce(), s.raw(), s.txHash()));
        }
        return confirm(intent, mined.orElseGet(() -> chain.rpc().await(s.txHash())));
    }

    private IntentConfirmation confirm(TokenIntent intent, Rpc.Outcome o) {
        IntentConfirmation c = o.success()
                ? IntentConfirmation.of(intent.id(), IntentStatus.CONFIRMED, o.hash())
                : IntentConfirmation.of(intent.id(), IntentStatus.REJECTED, rejection(o));
        return remember(intent, c);
    }

    private static String rejection(Rpc.Outcome o) {
        String text = o.hash() + " reverted: " + o.revertReason().replaceAll("\\p{Cntrl}", " ");
        return text.length() <= 128 ? text.strip() : text.substring(0, 128).strip();
    }

    private IntentConfirmation remember(TokenIntent intent, IntentConfirmation c) {
        intents.put(intent.id(), intent);
        confirmations.put(intent.id(), c);
        return c;
    }

    @Override
    public Optional<IntentConfirmation> confirmation(IntentId intentId) {
        Objects.requireNonNull(intentId, "intentId");
        synchronized (chain) {
            IntentConfirmation c = confirmations.get(intentId);
            if (c != null) {
                return Optional.of(c);
            }
            Optional<SentTransactionLog.Sent> sent = log.sent(intentId);
            if (sent.isPresent()) {
                return chain.rpc().outcome(sent.get().txHash()).map(o -> o.success()
                        ? IntentConfirmation.of(intentId, IntentStatus.CONFIRMED, o.hash())
                        : IntentConfirmation.of(intentId, IntentStatus.REJECTED, rejection(o)));
            }
            if (onChainHash(intentId) != null) {
                return Optional.of(IntentConfirmation.of(intentId, IntentStatus.CONFIRMED, executedTransaction(intentId)));
            }
            return Optional.empty();
        }
    }

    @Override
    public Amount balanceOf(AccountId account, Asset asset) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(asset, "asset");
        String token = tokens.get(asset);
        Optional<String> holder = accounts.address(account);
        if (token == null || holder.isEmpty()) {
            return Amount.zero(asset);
        }
        return Amount.ofUnits(asset, chain.balanceOf(token, holder.get()));
    }

    @Override
    public Amount totalSupply(Asset asset) {
        Objects.requireNonNull(asset, "asset");
        String token = tokens.get(asset);
        if (token == null) {
            return Amount.zero(asset);
        }
        synchronized (chain) {
            return Amount.ofUnits(asset, chain.totalSupply(token).subtract(chain.balanceOf(token, settlement)));
        }
    }

    /** The intent as text, hashed into what the settlement records: every field, amounts in base units. */
    static String canonicalText(TokenIntent t) {
        StringBuilder s = new StringBuilder("fomo-intent-v1|").append(t.kind()).append('|').append(t.id().value())
                .append('|').append(t.from().map(AccountId::value).orElse("")).append('|')
                .append(t.to().map(AccountId::value).orElse("")).append('|')
                .append(t.amount().asset().symbol()).append(':').append(t.amount().units());
        t.secondAmount().ifPresent(a -> s.append('|').append(a.asset().symbol()).append(':').append(a.units()));
        return s.toString();
    }

    private static Bytes32 key(IntentId id) {
        return new Bytes32(Hash.sha3(id.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private String onChainHash(IntentId id) {
        List<Type> r = chain.rpc().call(settlement, new Function("executed", List.of(key(id)),
                List.of(new TypeReference<Bytes32>() { })));
        byte[] h = (byte[]) r.get(0).getValue();
        return new BigInteger(1, h).signum() == 0 ? null : Numeric.toHexString(h);
    }

    private String executedTransaction(IntentId id) {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, settlement)
                .addSingleTopic(EventEncoder.encode(INTENT_EXECUTED))
                .addSingleTopic(Numeric.toHexString(key(id).getValue()));
        List<EthLog.LogResult> logs = Rpc.send(chain.rpc().web3j().ethGetLogs(filter), "eth_getLogs").getLogs();
        if (logs.isEmpty()) {
            throw InvalidStateException.of("intentId", id, "is recorded by the settlement but its event was not found");
        }
        return ((EthLog.LogObject) logs.get(0)).getTransactionHash();
    }

    private String address(String field, AccountId account) {
        return accounts.address(account).orElseThrow(() -> InvalidArgumentException.of(field, account,
                "has no address in the registry; register it first"));
    }

    private String token(String field, Amount amount) {
        String t = tokens.get(amount.asset());
        if (t == null) {
            throw InvalidArgumentException.of(field, amount, "is of an asset with no token on this chain");
        }
        return t;
    }

    private void requireHolds(String field, String holder, AccountId who, String token, Amount amount) {
        BigInteger held = chain.balanceOf(token, holder);
        if (held.compareTo(amount.units()) < 0) {
            throw InsufficientLiquidityException.of(field, amount, "exceeds the balance "
                    + Amount.ofUnits(amount.asset(), held) + " of " + who);
        }
    }

    private void requireNotPool(String field, AccountId who, String address) {
        if (chain.isPool(settlement, address)) {
            throw InvalidArgumentException.of(field, who, "is a pool: a pool pays out only through swaps");
        }
    }

    private void requirePool(String field, AccountId who, String address) {
        if (!chain.isPool(settlement, address)) {
            throw InvalidArgumentException.of(field, who, "is not a pool booked with the settlement");
        }
    }

    /** Checks what can be checked before signing and encodes the settlement call. */
    private String callData(TokenIntent t, String intentHash) {
        Bytes32 k = key(t.id());
        Bytes32 h = new Bytes32(Numeric.hexStringToByteArray(intentHash));
        Amount amount = t.amount();
        String token = token("amount", amount);
        Function f;
        switch (t.kind()) {
            case MINT -> {
                if (modelTokens.contains(amount.asset())) {
                    throw InvalidStateException.of("amount", amount, chain.minted(token)
                            ? "is a mint of a model token minted once already, at graduation: it has no other mint"
                            : "is a mint of a model token, minted once at graduation to its whole allocation: "
                            + "execute the graduation's mints together with executeAllocation");
                }
                String to = address("to", t.to().orElseThrow());
                BigInteger unissued = chain.balanceOf(token, settlement);
                if (unissued.compareTo(amount.units()) < 0) {
                    throw InsufficientLiquidityException.of("amount", amount, "exceeds the unissued supply "
                            + Amount.ofUnits(amount.asset(), unissued) + ": the token's supply was minted once");
                }
                f = new Function("mint", List.of(k, h, new Address(token), new Address(to), new Uint256(amount.units())),
                        List.of());
            }
            case BURN -> {
                AccountId who = t.from().orElseThrow();
                String from = address("from", who);
                requireNotPool("from", who, from);
                requireHolds("amount", from, who, token, amount);
                f = new Function("burn", List.of(k, h, new Address(token), new Address(from), new Uint256(amount.units())),
                        List.of());
            }
            case TRANSFER -> {
                AccountId who = t.from().orElseThrow();
                String from = address("from", who);
                String to = address("to", t.to().orElseThrow());
                requireNotPool("from", who, from);
                requireHolds("amount", from, who, token, amount);
                f = new Function("transfer", List.of(k, h, new Address(token), new Address(from), new Address(to),
                        new Uint256(amount.units())), List.of());
            }
            case ADD_LIQUIDITY -> {
                AccountId who = t.from().orElseThrow();
                Amount second = t.secondAmount().orElseThrow();
                String secondToken = token("second", second);
                String from = address("from", who);
                String pool = address("to", t.to().orElseThrow());
                requirePool("to", t.to().orElseThrow(), pool);
                requireNotPool("from", who, from);
                requireHolds("first", from, who, token, amount);
                requireHolds("second", from, who, secondToken, second);
                f = new Function("addLiquidity", List.of(k, h, new Address(token), new Address(secondToken),
                        new Address(from), new Address(pool), new Uint256(amount.units()), new Uint256(second.units())),
                        List.of());
            }
            case SWAP -> {
                AccountId who = t.from().orElseThrow();
                AccountId poolId = t.to().orElseThrow();
                Amount out = t.secondAmount().orElseThrow();
                String outToken = token("amountOut", out);
                String trader = address("from", who);
                String pool = address("to", poolId);
                requirePool("to", poolId, pool);
                requireNotPool("from", who, trader);
                requireHolds("amountIn", trader, who, token, amount);
                requireHolds("amountOut", pool, poolId, outToken, out);
                f = new Function("swap", List.of(k, h, new Address(token), new Address(trader), new Address(pool),
                        new Uint256(amount.units()), new Uint256(out.units())), List.of());
            }
            default -> throw new IllegalStateException("unknown intent kind " + t.kind());
        }
        return FunctionEncoder.encode(f);
    }

    /** Builds an {@link EvmChainGateway}. Every setter's argument is required unless it says otherwise. */
    public static final class Builder {
        private EvmChain chain;
        private String settlement;
        private AddressRegistry accounts;
        private final Map<Asset, String> tokens = new HashMap<>();
        private final java.util.Set<Asset> modelTokens = new java.util.HashSet<>();
        private SentTransactionLog log;
        private final Map<IntentKind, BigInteger> gas = new EnumMap<>(Map.of(
                IntentKind.MINT, BigInteger.valueOf(150_000),
                IntentKind.BURN, BigInteger.valueOf(150_000),
                IntentKind.TRANSFER, BigInteger.valueOf(200_000),
                IntentKind.ADD_LIQUIDITY, BigInteger.valueOf(250_000),
                IntentKind.SWAP, BigInteger.valueOf(300_000)));

        private Builder() {
        }

        /**
         * Sets the connection and signing key (the settlement's operator).
         *
         * @param value the connection
         * @return this builder
         */
        public Builder chain(EvmChain value) {
            this.chain = Objects.requireNonNull(value, "chain");
            return this;
        }

        /**
         * Sets the settlement contract.
         *
         * @param address its address
         * @return this builder
         */
        public Builder settlement(String address) {
            this.settlement = AddressRegistry.canonical(address);
            return this;
        }

        /**
         * Sets the registry of account addresses.
         *
         * @param value the registry
         * @return this builder
         */
        public Builder accounts(AddressRegistry value) {
            this.accounts = Objects.requireNonNull(value, "accounts");
            return this;
        }

        /**
         * Maps an asset to its ERC-20 token.
         *
         * @param asset   the asset
         * @param address the token's address
         * @return this builder
         * @throws InvalidArgumentException if the asset is already mapped
         */
        public Builder token(Asset asset, String address) {
            Objects.requireNonNull(asset, "asset");
            if (tokens.putIfAbsent(asset, AddressRegistry.canonical(address)) != null) {
                throw InvalidArgumentException.of("asset", asset, "is already mapped to " + tokens.get(asset));
            }
            return this;
        }

        /**
         * Maps a deployment's model token: an ERC-20 deployed with no supply, minted once, at graduation,
         * to its allocation ({@link EvmChainGateway#executeAllocation}); any other MINT of it is refused.
         *
         * @param asset   the model token
         * @param address the {@code ModelToken} contract's address
         * @return this builder
         * @throws InvalidArgumentException if the asset is already mapped
         */
        public Builder modelToken(Asset asset, String address) {
            token(asset, address);
            modelTokens.add(asset);
            return this;
        }

        /**
         * Sets the write-ahead log of signed transactions.
         *
         * @param value the log
         * @return this builder
         */
        public Builder log(SentTransactionLog value) {
            this.log = Objects.requireNonNull(value, "log");
            return this;
        }

        /**
         * Overrides the fixed gas limit of one intent kind (defaults: mint and burn 150,000, transfer
         * 200,000, liquidity 250,000, swap 300,000).
         *
         * @param kind  the kind
         * @param limit the gas limit, at least 21,000
         * @return this builder
         * @throws InvalidArgumentException if the limit is below 21,000
         */
        public Builder gasLimit(IntentKind kind, long limit) {
            Objects.requireNonNull(kind, "kind");
            if (limit < 21_000) {
                throw InvalidArgumentException.of("limit", limit, "must be at least 21000");
            }
            gas.put(kind, BigInteger.valueOf(limit));
            return this;
        }

        /**
         * Builds the gateway.
         *
         * @return the gateway
         * @throws InvalidArgumentException if a required part is missing
         */
        public EvmChainGateway build() {
            if (chain == null || settlement == null || accounts == null || log == null) {
                throw InvalidArgumentException.of("builder", chain == null ? "chain" : settlement == null
                        ? "settlement" : accounts == null ? "accounts" : "log", "is required");
            }
            return new EvmChainGateway(this);
        }
    }
}
