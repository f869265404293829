package io.fomo.evm;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.abi.datatypes.generated.Uint80;

/** Deploys the test MockAggregator and writes its rounds, with the shared test key as its owner. */
final class MockAggregators {

    private MockAggregators() {
    }

    static String deploy(EvmChain chain, int decimals, String description) {
        return chain.deploy(ContractArtifact.load("MockAggregator"),
                List.of(new Uint8(decimals), new Utf8String(description)));
    }

    static void setRound(EvmChain chain, String aggregator, long roundId, BigInteger answer, long startedAt,
                         long updatedAt, long answeredInRound) {
        String data = FunctionEncoder.encode(new Function("setRound", List.of(new Uint80(roundId), new Int256(answer),
                new Uint256(startedAt), new Uint256(updatedAt), new Uint80(answeredInRound)), List.of()));
        synchronized (chain) {
            chain.rpc().transact(aggregator, data, EvmChain.ADMIN_GAS);
        }
    }
}
