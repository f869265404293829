package io.fomo.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.Asset;
import io.fomo.spi.InvalidStateException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/** The distributor on anvil pays each cumulative claim of a published root exactly once. */
class MerkleDistributorTest {

    private final EvmChain chain = EvmTestChain.chain();
    private final String token = chain.deploy(ContractArtifact.load("StandInToken"), List.of(
            new org.web3j.abi.datatypes.Utf8String("FLOCK"), new org.web3j.abi.datatypes.Utf8String("FLOCK"),
            new org.web3j.abi.datatypes.generated.Uint8(18), new Address(chain.operator()),
            new Address(chain.operator()), new Uint256(BigInteger.TEN.pow(30))));
    private final String distributor = chain.deploy(ContractArtifact.load("MerkleDistributor"),
            List.of(new Address(token), new Address(chain.operator())));

    private void send(String to, Function f) {
        synchronized (chain) {
            chain.rpc().transact(to, FunctionEncoder.encode(f), BigInteger.valueOf(500_000));
        }
    }

    private void publish(long epoch, ClaimsMerkleTree tree) {
        send(distributor, new Function("publish", List.of(new Uint256(epoch),
                new Bytes32(Numeric.hexStringToByteArray(tree.root()))), List.of()));
    }

    private void claim(ClaimsMerkleTree tree, ClaimsMerkleTree.Claim c) {
        List<Bytes32> proof = tree.proof(c.address()).stream()
                .map(h -> new Bytes32(Numeric.hexStringToByteArray(h))).collect(Collectors.toList());
        send(distributor, new Function("claim", List.of(new Address(c.address()), new Uint256(c.amount()),
                new DynamicArray<>(Bytes32.class, proof)), List.of()));
    }

    @Test
    void eachCumulativeClaimIsPaidOnceAndALaterRootPaysOnlyTheIncrease() {
        send(token, new Function("transfer", List.of(new Address(distributor), new Uint256(BigInteger.TEN.pow(24))),
                List.of()));
        List<ClaimsMerkleTree.Claim> first = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            first.add(new ClaimsMerkleTree.Claim(EvmChain.addressOf(EvmChain.newKey()), BigInteger.valueOf(1_000L * i)));
        }
        ClaimsMerkleTree tree = ClaimsMerkleTree.of(first);
        publish(1, tree);
        for (ClaimsMerkleTree.Claim c : first) {
            claim(tree, c);
            assertEquals(c.amount(), chain.balanceOf(token, c.address()));
        }
        InvalidStateException twice = assertThrows(InvalidStateException.class, () -> claim(tree, first.get(0)));
        assertTrue(twice.getMessage().contains("NothingToClaim"), twice.getMessage());
        ClaimsMerkleTree.Claim inflated = new ClaimsMerkleTree.Claim(first.get(1).address(), BigInteger.valueOf(999_999));
        InvalidStateException forged = assertThrows(InvalidStateException.class, () -> claim(tree, inflated));
        assertTrue(forged.getMessage().contains("InvalidProof"), forged.getMessage());

        List<ClaimsMerkleTree.Claim> second = new ArrayList<>();
        for (ClaimsMerkleTree.Claim c : first) {
            second.add(new ClaimsMerkleTree.Claim(c.address(), c.amount().add(BigInteger.valueOf(7))));
        }
        ClaimsMerkleTree next = ClaimsMerkleTree.of(second);
        publish(2, next);
        claim(next, second.get(2));
        assertEquals(BigInteger.valueOf(3_007), chain.balanceOf(token, second.get(2).address()));
        assertEquals(BigInteger.TEN.pow(24).subtract(BigInteger.valueOf(15_007)), chain.balanceOf(token, distributor));
    }
}
