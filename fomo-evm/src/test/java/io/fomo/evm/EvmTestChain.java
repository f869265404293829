package io.fomo.evm;

import static org.junit.jupiter.api.Assertions.fail;

import io.fomo.spi.AccountId;
import io.fomo.spi.Asset;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.ManualClock;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The one anvil node of a test run, started on first use on a free loopback port and stopped by its pid
 * when the test JVM exits, plus helpers that deploy fresh contracts for each test (tests never share
 * contracts, so they do not see each other's state).
 *
 * <p>Without node and npm at build time (no compiled contracts) or without the anvil binary, a test is
 * skipped with a message, unless the environment variable CI is {@code true}: then it fails.
 */
final class EvmTestChain {

    private static AnvilNode node;
    private static EvmChain chain;

    private EvmTestChain() {
    }

    /** The shared connection, its operator funded; skips or fails the test when no node can run. */
    static synchronized EvmChain chain() {
        if (chain == null) {
            Optional<Path> anvil = AnvilNode.locate();
            if (!ContractArtifact.compiled() || anvil.isEmpty()) {
                String why = !ContractArtifact.compiled()
                        ? "the contracts were not compiled (node or npm missing when fomo-evm was built)"
                        : "no anvil binary (fomo-evm/target/npm is installed by the build with npm)";
                if ("true".equals(System.getenv("CI"))) {
                    fail("EVM tests cannot run in CI: " + why);
                }
                Assumptions.abort("EVM tests skipped: " + why);
            }
            node = AnvilNode.start(anvil.get());
            AnvilNode started = node;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-anvil-" + started.pid()));
            String key = EvmChain.newKey();
            chain = EvmChain.connect(node.url(), key);
            chain.fundFromNodeAccount(chain.operator(), BigInteger.TEN.pow(21));
        }
        return chain;
    }

    static synchronized AnvilNode node() {
        chain();
        return node;
    }

    /** A fresh set of FOMO contracts on the shared node. */
    static final class Fixture {
        final EvmChain chain = chain();
        final String settlement = chain.deploySettlement();
        final String factory = chain.deployUniswapFactory();
        final InMemoryEventJournal registryJournal = new InMemoryEventJournal();
        final InMemoryEventJournal logJournal = new InMemoryEventJournal();
        final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        final AddressRegistry accounts = AddressRegistry.open(registryJournal, clock);
        final EvmChainGateway.Builder builder = EvmChainGateway.builder().chain(chain).settlement(settlement)
                .accounts(accounts);

        String token(Asset asset, BigInteger supplyUnits) {
            String t = chain.deployStandInToken(settlement, asset, supplyUnits);
            builder.token(asset, t);
            return t;
        }

        /** Deploys a model token with no supply, minted once at graduation through the settlement. */
        String modelToken(Asset asset) {
            String t = chain.deployModelToken(settlement, asset);
            builder.modelToken(asset, t);
            return t;
        }

        /** Registers an account at a fresh random address (nobody holds its key: only the settlement moves its tokens). */
        String account(AccountId id) {
            String address = EvmChain.addressOf(EvmChain.newKey());
            accounts.register(id, address);
            return address;
        }

        String pool(AccountId id, String tokenA, String tokenB) {
            String pair = chain.createPool(settlement, factory, tokenA, tokenB);
            accounts.register(id, pair);
            return pair;
        }

        EvmChainGateway gateway() {
            return builder.log(SentTransactionLog.open(logJournal, clock)).build();
        }
    }
}
