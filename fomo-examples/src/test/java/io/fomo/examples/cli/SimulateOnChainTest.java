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
 * compared with the books, and the same state hash as the in-memory run of the same scenario.
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
