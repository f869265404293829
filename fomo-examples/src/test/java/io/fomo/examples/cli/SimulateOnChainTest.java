package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fomo.evm.AnvilNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fomo simulate --chain anvil} on a real local node: every intent executed on chain, the chain
 * compared with the books, the same state hash as the in-memory run of the same scenario, one claim paid
 * on chain once, and the address registry and transaction log left in SQLite files.
 */
class SimulateOnChainTest {

    @TempDir
    Path tmp;

    @Test
    void aRunOnAnvilMatchesTheBooksAndTheInMemoryStateHash() {
        if (AnvilNode.locate().isEmpty()) {
            String why = "no anvil binary (fomo-evm's build installs it with npm)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        String scenario = SimulateCommandTest.SCENARIOS.resolve("qwen-alice.json").toString();
        SimulateCommandTest.Outcome memory = SimulateCommandTest.fomo("simulate", scenario, "--days", "9",
                "--out", tmp.resolve("memory").toString());
        SimulateCommandTest.Outcome chain = SimulateCommandTest.fomo("simulate", scenario, "--days", "9",
                "--out", tmp.resolve("chain").toString(), "--chain", "anvil");
        assertEquals(0, chain.status(), chain.err());
        List<String> lines = chain.lines();
        String verdict = lines.get(lines.size() - 2);
        assertTrue(verdict.matches("chain: [1-9][0-9]* intents confirmed, balances match the books"), verdict);
        assertEquals(memory.hash(), chain.hash());
        // one claim paid on chain, once, from the root published at the last epoch close
        java.util.regex.Matcher claimed = java.util.regex.Pattern.compile("claims: ([1-9][0-9]*) roots published; "
                + "(\\S+) claimed (\\S+) FLOCK on chain, a second claim paid nothing \\(NothingToClaim\\)")
                .matcher(lines.get(lines.size() - 3));
        assertTrue(claimed.matches(), lines.get(lines.size() - 3));
        // the registry and the transaction log are in SQLite files of the run's folder, and reopen
        Path dir = tmp.resolve("chain");
        io.fomo.spi.ManualClock clock = io.fomo.spi.ManualClock.startingAt(java.time.Instant.EPOCH);
        try (io.fomo.jdbc.SqliteEventJournal registryJournal = io.fomo.jdbc.SqliteEventJournal.open(
                     dir.resolve(io.fomo.examples.run.ChainSession.REGISTRY_FILE));
             io.fomo.jdbc.SqliteEventJournal logJournal = io.fomo.jdbc.SqliteEventJournal.open(
                     dir.resolve(io.fomo.examples.run.ChainSession.TRANSACTIONS_FILE))) {
            io.fomo.evm.AddressRegistry registry = io.fomo.evm.AddressRegistry.open(registryJournal, clock);
            assertTrue(registry.address(io.fomo.core.engine.Accounts.REWARDS).isPresent(),
                    "the rewards account is the distributor");
            assertTrue(registry.address(io.fomo.spi.AccountId.of(claimed.group(2))).isPresent());
            assertTrue(io.fomo.evm.SentTransactionLog.open(logJournal, clock).sent(io.fomo.spi.IntentId.of("sim-1#1"))
                    .isPresent(), "the first intent's signed transaction is in the log");
        }
        // every claims tree written is an OpenZeppelin dump whose root is the one printed
        for (String line : lines) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("claims (\\S+): root (0x[0-9a-f]{64}), [0-9]+ accounts, (.+)").matcher(line);
            if (m.matches()) {
                String dump = assertDoesNotThrowReading(Path.of(m.group(3)));
                assertTrue(dump.contains("\"format\":\"standard-v1\""), dump);
                assertTrue(dump.contains("\"tree\":[\"" + m.group(2) + "\""), "the root leads the tree: " + line);
            }
        }
    }

    private static String assertDoesNotThrowReading(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading " + file, e);
        }
    }
}
