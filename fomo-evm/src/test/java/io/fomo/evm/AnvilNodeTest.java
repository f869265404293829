package io.fomo.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A node starts on a loopback port, answers, and is gone once stopped by its pid. */
class AnvilNodeTest {

    @Test
    void startsOnLoopbackAndStopsByPid() {
        Path binary = AnvilNode.locate().orElse(null);
        if (binary == null) {
            EvmTestChain.chain(); // skips (or fails in CI) with the shared message
            return;
        }
        AnvilNode node = AnvilNode.start(binary);
        long pid = node.pid();
        try {
            assertTrue(node.url().startsWith("http://127.0.0.1:"), node.url());
            try (EvmChain chain = EvmChain.connect(node.url(), EvmChain.newKey())) {
                assertEquals(AnvilNode.CHAIN_ID, chain.chainId());
                assertEquals(BigInteger.ZERO, chain.rpc().web3j().ethGetBalance(chain.operator(),
                        org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getBalance());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } finally {
            node.close();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "anvil " + pid + " still runs");
    }
}
