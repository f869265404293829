package io.fomo.examples.run;

import io.fomo.core.engine.Accounts;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.staking.GmFlockTerms;
import io.fomo.evm.AddressRegistry;
import io.fomo.evm.AnvilNode;
import io.fomo.evm.ClaimsDistributor;
import io.fomo.evm.ClaimsMerkleTree;
import io.fomo.evm.EvmChain;
import io.fomo.evm.EvmChainGateway;
import io.fomo.evm.SentTransactionLog;
import io.fomo.examples.scenario.Launch;
import io.fomo.examples.scenario.Scenario;
import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.IntentConfirmation;
import io.fomo.spi.EventJournal;
import io.fomo.spi.IntentId;
import io.fomo.spi.IntentKind;
import io.fomo.spi.IntentStatus;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.ManualClock;
import io.fomo.spi.TokenIntent;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A simulation on a real chain ({@code fomo simulate --chain anvil|URL}): a node (a local anvil it starts
 * and stops by pid, or a running one), the contracts deployed for the scenario (settlement, the real
 * Uniswap v2 factory and the deployment's pair, FLOCK and gmFLOCK stand-ins, the model token with no supply
 * until graduation, a Merkle distributor holding the engine's rewards account), a journaled address
 * registry and a write-ahead log of signed transactions (SQLite files when a folder is given), and the EVM
 * gateway the engine executes every intent through.
 *
 * <p>At graduation the deployment's MT mint intents are executed together as the token's one mint; at each
 * epoch close the engine's claimable FLOCK and MT become cumulative Merkle roots published to the
 * distributor. After the run, {@link #verify(FomoProtocol)} compares every registered account's every
 * balance and every total supply on chain with the engine's books, and {@link #claimOnce()} pays one
 * claim on chain, once.
 */
public final class ChainSession implements AutoCloseable {

    /** Stand-in supply of FLOCK and gmFLOCK: far beyond anything a simulation books. */
    private static final BigInteger STAND_IN_SUPPLY = BigInteger.TEN.pow(36);
    private static final int UNISWAP_V2_FEE_BPS = 30;
    /** The address registry's SQLite journal in a run's folder. */
    public static final String REGISTRY_FILE = "chain-registry.db";
    /** The SQLite journal of signed transactions (intent id to transaction) in a run's folder. */
    public static final String TRANSACTIONS_FILE = "chain-transactions.db";

    private final AnvilNode node;
    private final EvmChain chain;
    private final AddressRegistry registry;
    private final Map<Asset, String> tokens = new LinkedHashMap<>();
    /** The model tokens, one per launch, each to its token contract. */
    private final Map<Asset, String> modelTokens;
    private final ClaimsDistributor distributor;
    private final List<EventJournal> journals;
    private final Provisioning gateway;
    private final Map<Asset, ClaimsMerkleTree> published = new LinkedHashMap<>();
    private int publications;

    private ChainSession(AnvilNode node, EvmChain chain, AddressRegistry registry, Map<Asset, String> tokens, Map<Asset, String> modelTokens,
                         ClaimsDistributor distributor, List<EventJournal> journals, EvmChainGateway evm) {
        this.node = node;
        this.chain = chain;
        this.registry = registry;
        this.tokens.putAll(tokens);
        this.modelTokens = Map.copyOf(modelTokens);
        this.distributor = distributor;
        this.journals = journals;
        this.gateway = new Provisioning(evm, registry, this.modelTokens, chain);
    }

    /**
     * Starts or connects to the node and deploys what the scenario needs, with the registry and the
     * transaction log in memory.
     *
     * @param spec     {@code anvil} to start a local node, or a node's {@code http://} JSON-RPC address
     * @param scenario the scenario
     * @return the session
     * @throws InvalidArgumentException if the spec is neither, or the scenario's pool fee is not Uniswap v2's
     * @throws InvalidStateException    if no anvil binary is found or the node fails
     */
    public static ChainSession open(String spec, Scenario scenario) {
        return open(spec, scenario, null);
    }

    /**
     * Starts or connects to the node and deploys what the scenario needs; the address registry and the
     * log of signed transactions are SQLite journals in a folder ({@value #REGISTRY_FILE},
     * {@value #TRANSACTIONS_FILE}), synced to disk at every append, so that a restarted gateway finds both.
     *
     * @param spec     {@code anvil} to start a local node, or a node's {@code http://} JSON-RPC address
     * @param scenario the scenario
     * @param folder   the folder of the two journals (created empty by the caller), or null to keep them in
     *                 memory
     * @return the session
     * @throws InvalidArgumentException if the spec is neither, or the scenario's pool fee is not Uniswap v2's
     * @throws InvalidStateException    if no anvil binary is found, the node fails, or a journal is not empty
     */
    public static ChainSession open(String spec, Scenario scenario, Path folder) {
        for (Launch l : scenario.launches()) {
            if (l.parameters().poolFeeBps() != UNISWAP_V2_FEE_BPS) {
                throw InvalidArgumentException.of("poolFeeBps", l.parameters().poolFeeBps(),
                        "must be 30 on a chain: the pool is the real Uniswap v2 pair");
            }
        }
        AnvilNode node = null;
        String url;
        if (spec.equals("anvil")) {
            Path binary = AnvilNode.locate().orElseThrow(() -> new InvalidStateException("--chain anvil: no anvil "
                    + "binary found (build fomo-evm with node and npm, or set FOMO_ANVIL)"));
            node = AnvilNode.start(binary);
            url = node.url();
        } else if (spec.startsWith("http://") || spec.startsWith("https://")) {
            url = spec;
        } else {
            throw InvalidArgumentException.of("chain", spec, "must be 'anvil' or an http:// JSON-RPC address");
        }
        List<EventJournal> journals = new ArrayList<>();
        try {
            String key = System.getenv("FOMO_CHAIN_KEY");
            EvmChain chain;
            if (key != null && !key.isBlank()) {
                chain = EvmChain.connect(url, key.strip());
            } else {
                // A development node (anvil): a fresh operator key, paid for by the node's unlocked account.
                chain = EvmChain.connect(url, EvmChain.newKey());
                chain.fundFromNodeAccount(chain.operator(), BigInteger.TEN.pow(21));
            }
            journals.add(folder == null ? new InMemoryEventJournal() : SqliteEventJournal.open(
                    folder.resolve(REGISTRY_FILE), SqliteEventJournal.Durability.POWER_LOSS));
            journals.add(folder == null ? new InMemoryEventJournal() : SqliteEventJournal.open(
                    folder.resolve(TRANSACTIONS_FILE), SqliteEventJournal.Durability.POWER_LOSS));
            for (EventJournal j : journals) {
                if (j.currentSequence() != 0) {
                    throw new InvalidStateException("chain: the registry and transaction journals of a new "
                            + "deployment must be empty; found " + j.currentSequence() + " entries");
                }
            }
            String settlement = chain.deploySettlement();
            String factory = chain.deployUniswapFactory();
            Map<Asset, String> tokens = new LinkedHashMap<>();
            tokens.put(Asset.FLOCK, chain.deployStandInToken(settlement, Asset.FLOCK, STAND_IN_SUPPLY));
            tokens.put(GmFlockTerms.GMFLOCK, chain.deployStandInToken(settlement, GmFlockTerms.GMFLOCK, STAND_IN_SUPPLY));
            ManualClock clock = ManualClock.startingAt(Instant.EPOCH);
            AddressRegistry registry = AddressRegistry.open(journals.get(0), clock);
            Map<Asset, String> modelTokens = new LinkedHashMap<>();
            for (Launch l : scenario.launches()) {
                Asset mt = l.mtAsset();
                String token = chain.deployModelToken(settlement, mt);
                tokens.put(mt, token);
                modelTokens.put(mt, token);
                String pair = chain.createPool(settlement, factory, tokens.get(Asset.FLOCK), token);
                registry.register(Accounts.of("pool", l.deployment()), pair);
            }
            // The engine's rewards account is the distributor: what the engine reserves for claims funds it.
            ClaimsDistributor distributor = ClaimsDistributor.at(chain, chain.deployDistributor(), registry);
            registry.register(Accounts.REWARDS, distributor.address());
            EvmChainGateway.Builder b = EvmChainGateway.builder().chain(chain).settlement(settlement).accounts(registry)
                    .log(SentTransactionLog.open(journals.get(1), clock));
            tokens.forEach((asset, address) -> {
                if (modelTokens.containsKey(asset)) {
                    b.modelToken(asset, address);
                } else {
                    b.token(asset, address);
                }
            });
            return new ChainSession(node, chain, registry, tokens, modelTokens, distributor, journals, b.build());
        } catch (RuntimeException e) {
            journals.forEach(ChainSession::closeQuietly);
            if (node != null) {
                node.close();
            }
            throw e;
        }
    }

    private static void closeQuietly(EventJournal j) {
        try {
            j.close();
        } catch (RuntimeException ignored) {
            // closing after a failure or at the end: what the caller needs to see happened before
        }
    }

    /** Lets the session read the engine's pending intents (a graduation's mints are executed together). */
    void attach(FomoProtocol engine) {
        gateway.engine = engine;
    }

    /**
     * After an epoch close (its intents dispatched): publishes the cumulative Merkle root of every
     * account's claimable FLOCK and MT to the distributor, registering claimants not seen yet at fresh
     * addresses. A root equal to the one published last is not published again.
     */
    void epochClosed(FomoProtocol engine) {
        List<TokenIntent> pending = engine.pendingIntents();
        if (!pending.isEmpty()) {
            RuntimeException why = gateway.lastFailure;
            throw new InvalidStateException("chain: " + pending.size() + " intents still pending after an epoch "
                    + "close, the first " + pending.get(0) + (why == null ? "" : ": " + why.getMessage()));
        }
        long closed = engine.epoch() - 1;
        List<Asset> assets = new ArrayList<>();
        assets.add(Asset.FLOCK);
        assets.addAll(modelTokens.keySet());
        for (Asset asset : assets) {
            java.util.SortedMap<AccountId, Amount> claimable = engine.claimableBalances(asset);
            for (AccountId a : claimable.keySet()) {
                if (registry.address(a).isEmpty()) {
                    registry.register(a, EvmChain.addressOf(EvmChain.newKey()));
                }
            }
            Optional<ClaimsMerkleTree> tree = distributor.tree(claimable);
            if (tree.isEmpty()) {
                continue;
            }
            ClaimsMerkleTree last = published.get(asset);
            if (last != null && last.root().equals(tree.get().root())) {
                continue;
            }
            distributor.publish(closed, tokens.get(asset), tree.get());
            published.put(asset, tree.get());
            publications++;
        }
    }

    /**
     * Returns the gateway the engine executes its intents through: the EVM gateway, which first registers
     * every account it has not seen at a fresh address of its own (journaled in the registry).
     *
     * @return the gateway
     */
    public ChainGateway gateway() {
        return gateway;
    }

    /**
     * Compares the chain with the engine's books: every registered account's balance of every token, and
     * every token's supply; every intent must have been confirmed.
     *
     * @param books the engine, replayed from the run's journal
     * @return the summary line, {@code chain: N intents confirmed, balances match the books}
     * @throws InvalidStateException naming the first differences, if any
     */
    public String verify(FomoProtocol books) {
        List<String> differences = new ArrayList<>();
        if (!books.pendingIntents().isEmpty()) {
            differences.add(books.pendingIntents().size() + " intents never confirmed, the first "
                    + books.pendingIntents().get(0));
        }
        if (gateway.rejected > 0) {
            differences.add(gateway.rejected + " intents rejected by the chain");
        }
        for (Asset asset : tokens.keySet()) {
            Amount onChain = gateway.totalSupply(asset);
            if (!onChain.equals(books.booked(asset))) {
                differences.add("supply of " + asset + ": chain " + onChain + ", books " + books.booked(asset));
            }
            for (Map.Entry<AccountId, String> e : registry.entries().entrySet()) {
                Amount held = gateway.balanceOf(e.getKey(), asset);
                Amount booked = books.balance(e.getKey(), asset);
                if (!held.equals(booked)) {
                    differences.add(e.getKey() + " " + asset + ": chain " + held + ", books " + booked);
                }
            }
        }
        if (!differences.isEmpty()) {
            throw new InvalidStateException("chain: the chain differs from the books in " + differences.size()
                    + " places: " + String.join("; ", differences.subList(0, Math.min(5, differences.size()))));
        }
        return "chain: " + gateway.confirmed.size() + " intents confirmed, balances match the books";
    }

    /**
     * Returns the cumulative claims tree of an asset published last (at the latest epoch close that changed
     * it), in OpenZeppelin {@code StandardMerkleTree} form.
     *
     * @param asset FLOCK or the deployment's MT
     * @return the tree, empty if nothing was ever claimable in that asset
     */
    public Optional<ClaimsMerkleTree> publishedClaims(Asset asset) {
        return Optional.ofNullable(published.get(Objects.requireNonNull(asset, "asset")));
    }

    /**
     * Pays one claim on chain, twice asked: the largest cumulative FLOCK claim of the last published root is
     * claimed from the distributor, must pay exactly its amount, and a second claim of the same cumulative
     * amount must be refused ({@code NothingToClaim}) and pay nothing. Run after {@link #verify}: a claim
     * moves tokens the engine's books still hold in its rewards account.
     *
     * @return the summary line, {@code claims: ...}
     * @throws InvalidStateException if no FLOCK root was published, or the distributor pays other than once
     */
    public String claimOnce() {
        ClaimsMerkleTree tree = publishedClaims(Asset.FLOCK).orElseThrow(() ->
                new InvalidStateException("claims: no FLOCK root was published"));
        ClaimsMerkleTree.Claim top = tree.claims().stream().max(java.util.Comparator
                .comparing(ClaimsMerkleTree.Claim::amount)).orElseThrow();
        String token = tokens.get(Asset.FLOCK);
        BigInteger paid = distributor.claim(token, tree, top.address());
        if (!paid.equals(top.amount())) {
            throw new InvalidStateException("claims: the distributor paid " + paid + " units of a claim of " + top.amount());
        }
        BigInteger before = chain.balanceOf(token, top.address());
        String refusal;
        try {
            distributor.claim(token, tree, top.address());
            throw new InvalidStateException("claims: a second claim of " + top.address() + " was paid");
        } catch (InvalidStateException e) {
            if (!e.getMessage().contains("NothingToClaim")) {
                throw e;
            }
            refusal = "NothingToClaim";
        }
        if (!chain.balanceOf(token, top.address()).equals(before)) {
            throw new InvalidStateException("claims: a refused second claim moved tokens");
        }
        AccountId who = registry.account(top.address()).orElseThrow();
        return "claims: " + publications + " roots published; " + who + " claimed "
                + Amount.ofUnits(Asset.FLOCK, paid) + " on chain, a second claim paid nothing (" + refusal + ")";
    }

    /**
     * Returns the node's address.
     *
     * @return the JSON-RPC URL, or the anvil node's
     */
    public String describe() {
        return (node != null ? "anvil pid " + node.pid() + " at " + node.url() : "node") + ", chain id "
                + chain.chainId() + ", " + registry.entries().size() + " addresses registered";
    }

    /** Closes the connection and stops the anvil node this session started, by its pid. */
    @Override
    public void close() {
        chain.close();
        journals.forEach(ChainSession::closeQuietly);
        if (node != null) {
            node.close();
        }
    }

    /**
     * Registers unseen accounts at fresh addresses, executes a graduation's model-token mints together (the
     * token's one mint), then executes through the EVM gateway; counts outcomes.
     */
    private static final class Provisioning implements ChainGateway {
        private final EvmChainGateway evm;
        private final AddressRegistry registry;
        private final Map<Asset, String> modelTokens;
        private final EvmChain chain;
        private final Set<IntentId> confirmed = new HashSet<>();
        private int rejected;
        private volatile FomoProtocol engine;
        /** The last refusal or failure of an intent, for the message when intents stay pending. */
        private volatile RuntimeException lastFailure;

        Provisioning(EvmChainGateway evm, AddressRegistry registry, Map<Asset, String> modelTokens, EvmChain chain) {
            this.evm = evm;
            this.registry = registry;
            this.modelTokens = modelTokens;
            this.chain = chain;
        }

        private void provision(TokenIntent intent) {
            for (AccountId a : List.of(intent.from(), intent.to()).stream().flatMap(Optional::stream).toList()) {
                if (registry.address(a).isEmpty()) {
                    registry.register(a, EvmChain.addressOf(EvmChain.newKey()));
                }
            }
        }

        @Override
        public synchronized IntentConfirmation execute(TokenIntent intent) {
            try {
                return executeProvisioned(intent);
            } catch (RuntimeException e) {
                lastFailure = e;
                throw e;
            }
        }

        private IntentConfirmation executeProvisioned(TokenIntent intent) {
            provision(intent);
            Asset mt = intent.amount().asset();
            if (intent.kind() == IntentKind.MINT && modelTokens.containsKey(mt) && engine != null
                    && !chain.minted(modelTokens.get(mt))) {
                // The graduation: every MT mint of the same command, in the engine's order, as one mint.
                String command = commandOf(intent.id());
                List<TokenIntent> allocation = engine.pendingIntents().stream()
                        .filter(t -> t.kind() == IntentKind.MINT && t.amount().asset().equals(mt)
                                && commandOf(t.id()).equals(command)).toList();
                allocation.forEach(this::provision);
                evm.executeAllocation(allocation);
            }
            IntentConfirmation c = evm.execute(intent);
            if (c.status() == IntentStatus.CONFIRMED) {
                confirmed.add(intent.id());
            } else if (!confirmed.contains(intent.id())) {
                rejected++;
            }
            return c;
        }

        /** The command an engine intent belongs to: its id up to the last {@code #}. */
        private static String commandOf(IntentId id) {
            String v = id.value();
            int hash = v.lastIndexOf('#');
            return hash < 0 ? v : v.substring(0, hash);
        }

        @Override
        public Optional<IntentConfirmation> confirmation(IntentId intentId) {
            return evm.confirmation(intentId);
        }

        @Override
        public Amount balanceOf(AccountId account, Asset asset) {
            return evm.balanceOf(account, asset);
        }

        @Override
        public Amount totalSupply(Asset asset) {
            return evm.totalSupply(asset);
        }
    }
}
