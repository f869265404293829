package io.fomo.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.IntentConfirmation;
import io.fomo.spi.IntentId;
import io.fomo.spi.IntentStatus;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.ManualClock;
import io.fomo.spi.TokenIntent;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * A gateway process that dies after sending a transaction and before its receipt, restarted over its
 * registry and transaction log in SQLite files: it finds its addresses, finds the transaction by its hash,
 * and executes nothing twice. The node mines nothing while the first process waits (automine off), so the
 * first process really gives up without a receipt.
 */
class GatewayRestartTest {

    private static final AccountId ALICE = AccountId.of("alice");

    @TempDir
    Path dir;

    private final AnvilNode node = EvmTestChain.node();
    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final String key = EvmChain.newKey();

    @Test
    void aGatewayRestartedAfterASendWithoutReceiptFindsTheTransactionAndSendsNothingNew() throws Exception {
        Restartable first = start(Duration.ofMillis(300));
        String settlement = first.chain.deploySettlement();
        String flock = first.chain.deployStandInToken(settlement, Asset.FLOCK, BigInteger.TEN.pow(27));
        String alice = EvmChain.addressOf(EvmChain.newKey());
        first.registry.register(ALICE, alice);
        TokenIntent mint = TokenIntent.mint(IntentId.of("crash-after-send"), ALICE, Amount.of(Asset.FLOCK, 7));
        automine(false);
        try {
            InvalidStateException crash = assertThrows(InvalidStateException.class,
                    () -> first.gateway(settlement, flock).execute(mint));
            assertTrue(crash.getMessage().contains("has no receipt"), crash.getMessage());
        } finally {
            automine(true);
        }
        BigInteger sentNonces = first.chain.rpc().web3j().ethGetTransactionCount(first.chain.operator(),
                DefaultBlockParameterName.PENDING).send().getTransactionCount();
        first.close();
        rpc("evm_mine", "[]"); // the transaction the dead process sent is mined while nobody waits for it

        Restartable second = start(Duration.ofSeconds(60));
        assertEquals(java.util.Optional.of(alice), second.registry.address(ALICE), "the registry survived the restart");
        EvmChainGateway restarted = second.gateway(settlement, flock);
        IntentConfirmation c = restarted.execute(mint);
        assertEquals(IntentStatus.CONFIRMED, c.status());
        String logged = second.log.sent(mint.id()).orElseThrow().txHash();
        assertEquals(logged, c.reference(), "confirmed by the transaction the first process signed and logged");
        assertEquals(Amount.of(Asset.FLOCK, 7), restarted.balanceOf(ALICE, Asset.FLOCK), "executed once");
        assertEquals(sentNonces, second.chain.rpc().web3j().ethGetTransactionCount(second.chain.operator(),
                DefaultBlockParameterName.PENDING).send().getTransactionCount(), "the restart sent no transaction");
        second.close();
    }

    @Test
    void aTransactionTheNodeLostIsResentAsTheSameSignedBytesAfterARestart() throws Exception {
        Restartable first = start(Duration.ofMillis(300));
        String settlement = first.chain.deploySettlement();
        String flock = first.chain.deployStandInToken(settlement, Asset.FLOCK, BigInteger.TEN.pow(27));
        first.registry.register(ALICE, EvmChain.addressOf(EvmChain.newKey()));
        TokenIntent mint = TokenIntent.mint(IntentId.of("lost-by-the-node"), ALICE, Amount.of(Asset.FLOCK, 2));
        String hash;
        automine(false);
        try {
            assertThrows(InvalidStateException.class, () -> first.gateway(settlement, flock).execute(mint));
            hash = first.log.sent(mint.id()).orElseThrow().txHash();
            rpc("anvil_dropTransaction", "[\"" + hash + "\"]");
        } finally {
            automine(true);
        }
        first.close();

        Restartable second = start(Duration.ofSeconds(60));
        IntentConfirmation c = second.gateway(settlement, flock).execute(mint);
        assertEquals(IntentConfirmation.of(mint.id(), IntentStatus.CONFIRMED, hash), c, "the same bytes, not a new signature");
        assertEquals(Amount.of(Asset.FLOCK, 2), second.gateway(settlement, flock).balanceOf(ALICE, Asset.FLOCK));
        second.close();
    }

    /** One gateway process: its own connection (same key), registry and log in SQLite files of {@link #dir}. */
    private Restartable start(Duration receiptTimeout) {
        EvmChain chain = EvmChain.connect(node.url(), key, Duration.ofMillis(10), receiptTimeout);
        SqliteEventJournal registryJournal = SqliteEventJournal.open(dir.resolve("registry.db"));
        SqliteEventJournal logJournal = SqliteEventJournal.open(dir.resolve("transactions.db"));
        if (registryJournal.currentSequence() == 0) {
            EvmTestChain.chain().fundFromNodeAccount(chain.operator(), BigInteger.TEN.pow(20));
        }
        return new Restartable(chain, registryJournal, logJournal, AddressRegistry.open(registryJournal, clock),
                SentTransactionLog.open(logJournal, clock));
    }

    private record Restartable(EvmChain chain, SqliteEventJournal registryJournal, SqliteEventJournal logJournal,
                               AddressRegistry registry, SentTransactionLog log) {
        EvmChainGateway gateway(String settlement, String flock) {
            return EvmChainGateway.builder().chain(chain).settlement(settlement).accounts(registry)
                    .token(Asset.FLOCK, flock).log(log).build();
        }

        void close() {
            chain.close();
            registryJournal.close();
            logJournal.close();
        }
    }

    private void automine(boolean on) throws IOException, InterruptedException {
        rpc("evm_setAutomine", "[" + on + "]");
    }

    private void rpc(String method, String params) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method
                        + "\",\"params\":" + params + "}")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.body().contains("\"result\""), method + ": " + r.body());
    }
}
