package io.fomo.examples.run;

import io.fomo.core.engine.Accounts;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.staking.GmFlockTerms;
import io.fomo.evm.AddressRegistry;
import io.fomo.examples.scenario.Launch;
import io.fomo.examples.scenario.Scenario;
import io.fomo.evm.AnvilNode;
import io.fomo.evm.EvmChain;
import io.fomo.evm.EvmChainGateway;
import io.fomo.evm.SentTransactionLog;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.IntentConfirmation;
import io.fomo.spi.IntentId;
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
import java.util.Optional;
import java.util.Set;

/**
 * A simulation on a real chain ({@code fomo simulate --chain anvil|URL}): a node (a local anvil it starts
 * and stops by pid, or a running one), the contracts deployed for the scenario (settlement, the real
 * Uniswap v2 factory and the deployment's pair, FLOCK and gmFLOCK stand-ins, the model token with its whole
 * supply), an address registry, and the EVM gateway the engine executes every intent through. After the
 * run, {@link #verify(FomoProtocol)} compares every registered account's every balance and every total
 * supply on chain with the engine's books.
 */
public final class ChainSession implements AutoCloseable {

    /** Stand-in supply of FLOCK and gmFLOCK: far beyond anything a simulation books. */
    private static final BigInteger STAND_IN_SUPPLY = BigInteger.TEN.pow(36);
    private static final int UNISWAP_V2_FEE_BPS = 30;

    private final AnvilNode node;
    private final EvmChain chain;
    private final AddressRegistry registry;
    private final Map<Asset, String> tokens = new LinkedHashMap<>();
    private final Provisioning gateway;

    private ChainSession(AnvilNode node, EvmChain chain, AddressRegistry registry, Map<Asset, String> tokens,
                         EvmChainGateway evm) {
        this.node = node;
        this.chain = chain;
        this.registry = registry;
        this.tokens.putAll(tokens);
        this.gateway = new Provisioning(evm, registry);
    }

    /**
     * Starts or connects to the node and deploys what the scenario needs.
     *
     * @param spec     {@code anvil} to start a local node, or a node's {@code http://} JSON-RPC address
     * @param scenario the scenario
     * @return the session
     * @throws InvalidArgumentException if the spec is neither, or the scenario's pool fee is not Uniswap v2's
     * @throws InvalidStateException    if no anvil binary is found or the node fails
     */
    public static ChainSession open(String spec, Scenario scenario) {
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
            String settlement = chain.deploySettlement();
            String factory = chain.deployUniswapFactory();
            Map<Asset, String> tokens = new LinkedHashMap<>();
            tokens.put(Asset.FLOCK, chain.deployStandInToken(settlement, Asset.FLOCK, STAND_IN_SUPPLY));
            tokens.put(GmFlockTerms.GMFLOCK, chain.deployStandInToken(settlement, GmFlockTerms.GMFLOCK, STAND_IN_SUPPLY));
            ManualClock clock = ManualClock.startingAt(Instant.EPOCH);
            AddressRegistry registry = AddressRegistry.open(new InMemoryEventJournal(), clock);
            for (Launch l : scenario.launches()) {
                Asset mt = l.mtAsset();
                tokens.put(mt, chain.deployModelToken(settlement, mt, List.of(settlement),
                        List.of(l.parameters().totalSupply().units())));
                String pair = chain.createPool(settlement, factory, tokens.get(Asset.FLOCK), tokens.get(mt));
                registry.register(Accounts.of("pool", l.deployment()), pair);
            }
            EvmChainGateway.Builder b = EvmChainGateway.builder().chain(chain).settlement(settlement).accounts(registry)
                    .log(SentTransactionLog.open(new InMemoryEventJournal(), clock));
            tokens.forEach(b::token);
            return new ChainSession(node, chain, registry, tokens, b.build());
        } catch (RuntimeException e) {
            if (node != null) {
                node.close();
            }
            throw e;
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
     * Builds the cumulative Merkle tree of claims of one asset (OpenZeppelin {@code StandardMerkleTree}
     * format), registering any claimant not yet registered at a fresh address. In a simulation no reward
     * is claimed through the engine, so each account's claimable amount is everything it earned: the
     * cumulative amount a {@code MerkleDistributor} pays against.
     *
     * @param claimable positive claimable amounts by account, all of one asset
     * @return the tree, empty if there is nothing to claim
     */
    public Optional<io.fomo.evm.ClaimsMerkleTree> claims(Map<AccountId, Amount> claimable) {
        List<io.fomo.evm.ClaimsMerkleTree.Claim> claims = new ArrayList<>();
        for (Map.Entry<AccountId, Amount> e : new java.util.TreeMap<>(claimable).entrySet()) {
            if (!e.getValue().isPositive()) {
                continue;
            }
            if (registry.address(e.getKey()).isEmpty()) {
                registry.register(e.getKey(), EvmChain.addressOf(EvmChain.newKey()));
            }
            claims.add(new io.fomo.evm.ClaimsMerkleTree.Claim(registry.address(e.getKey()).orElseThrow(),
                    e.getValue().units()));
        }
        return claims.isEmpty() ? Optional.empty() : Optional.of(io.fomo.evm.ClaimsMerkleTree.of(claims));
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
        if (node != null) {
            node.close();
        }
    }

    /** Registers unseen accounts at fresh addresses, then executes through the EVM gateway; counts outcomes. */
    private static final class Provisioning implements ChainGateway {
        private final EvmChainGateway evm;
        private final AddressRegistry registry;
        private final Set<IntentId> confirmed = new HashSet<>();
        private int rejected;

        Provisioning(EvmChainGateway evm, AddressRegistry registry) {
            this.evm = evm;
            this.registry = registry;
        }

        @Override
        public synchronized IntentConfirmation execute(TokenIntent intent) {
            for (AccountId a : List.of(intent.from(), intent.to()).stream().flatMap(Optional::stream).toList()) {
                if (registry.address(a).isEmpty()) {
                    registry.register(a, EvmChain.addressOf(EvmChain.newKey()));
                }
            }
            IntentConfirmation c = evm.execute(intent);
            if (c.status() == IntentStatus.CONFIRMED) {
                confirmed.add(intent.id());
            } else if (!confirmed.contains(intent.id())) {
                rejected++;
            }
            return c;
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
