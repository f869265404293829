package io.fomo.evm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * A Merkle tree of cumulative claims, each (address, amount in base units), in OpenZeppelin's
 * {@code StandardMerkleTree} format for leaves {@code ["address", "uint256"]}: leaf =
 * {@code keccak256(keccak256(abi.encode(address, amount)))}, leaves sorted by hash, the tree stored as an
 * array with the root first and the leaves last in reverse order, a node the keccak-256 of its two
 * children sorted. {@link #dumpJson()} writes that library's {@code standard-v1} dump, which its
 * {@code StandardMerkleTree.load} reads back; the {@code MerkleDistributor} contract verifies the proofs
 * with OpenZeppelin's {@code MerkleProof}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ClaimsMerkleTree {

    private static final BigInteger MAX_UINT256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    /**
     * One account's cumulative claim.
     *
     * @param address the account's address, canonical (lower case)
     * @param amount  everything the account may have claimed so far, in base units
     */
    public record Claim(String address, BigInteger amount) {
        /**
         * Checks and canonicalises the claim.
         *
         * @param address the address, any case
         * @param amount  the amount, 0 to 2^256 - 1
         * @throws InvalidArgumentException if the address is malformed or the amount out of range
         */
        public Claim {
            address = AddressRegistry.canonical(address);
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() < 0 || amount.compareTo(MAX_UINT256) > 0) {
                throw InvalidArgumentException.of("amount", amount, "must be a uint256");
            }
        }
    }

    private final List<Claim> claims;
    private final byte[][] tree;
    private final int[] treeIndex;
    private final Map<String, Integer> byAddress;

    private ClaimsMerkleTree(List<Claim> claims, byte[][] tree, int[] treeIndex) {
        this.claims = claims;
        this.tree = tree;
        this.treeIndex = treeIndex;
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            m.put(claims.get(i).address(), i);
        }
        this.byAddress = m;
    }

    /**
     * Builds the tree.
     *
     * @param claims the claims, in the order the dump lists them; at least one, one per address
     * @return the tree
     * @throws InvalidArgumentException if there is no claim or an address appears twice
     */
    public static ClaimsMerkleTree of(List<Claim> claims) {
        Objects.requireNonNull(claims, "claims");
        if (claims.isEmpty()) {
            throw InvalidArgumentException.of("claims", "[]", "a tree needs at least one claim");
        }
        List<Claim> copy = List.copyOf(claims);
        Map<String, Boolean> seen = new HashMap<>();
        for (Claim c : copy) {
            if (seen.put(c.address(), Boolean.TRUE) != null) {
                throw InvalidArgumentException.of("claims", c.address(), "appears more than once");
            }
        }
        int n = copy.size();
        byte[][] leaves = new byte[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            leaves[i] = leafHash(copy.get(i));
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> leaves[i], ClaimsMerkleTree::compare));
        byte[][] tree = new byte[2 * n - 1][];
        int[] treeIndex = new int[n];
        for (int leaf = 0; leaf < n; leaf++) {
            tree[tree.length - 1 - leaf] = leaves[order[leaf]];
            treeIndex[order[leaf]] = tree.length - 1 - leaf;
        }
        for (int i = tree.length - 1 - n; i >= 0; i--) {
            tree[i] = nodeHash(tree[2 * i + 1], tree[2 * i + 2]);
        }
        return new ClaimsMerkleTree(copy, tree, treeIndex);
    }

    /**
     * Returns the leaf hash of a claim: {@code keccak256(keccak256(abi.encode(address, amount)))}.
     *
     * @param claim the claim
     * @return 32 bytes
     */
    static byte[] leafHash(Claim claim) {
        byte[] encoded = new byte[64];
        byte[] address = Numeric.hexStringToByteArray(claim.address());
        System.arraycopy(address, 0, encoded, 32 - address.length, address.length);
        byte[] amount = Numeric.toBytesPadded(claim.amount(), 32);
        System.arraycopy(amount, 0, encoded, 32, 32);
        return Hash.sha3(Hash.sha3(encoded));
    }

    private static byte[] nodeHash(byte[] a, byte[] b) {
        byte[] both = new byte[64];
        boolean aFirst = compare(a, b) <= 0;
        System.arraycopy(aFirst ? a : b, 0, both, 0, 32);
        System.arraycopy(aFirst ? b : a, 0, both, 32, 32);
        return Hash.sha3(both);
    }

    private static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /**
     * Returns the root.
     *
     * @return {@code 0x}-prefixed hex of 32 bytes
     */
    public String root() {
        return Numeric.toHexString(tree[0]);
    }

    /**
     * Returns the claims, in the order given.
     *
     * @return the claims, unmodifiable
     */
    public List<Claim> claims() {
        return claims;
    }

    /**
     * Returns the proof of an address's claim, the siblings from its leaf up to the root.
     *
     * @param address the address
     * @return the proof, {@code 0x}-prefixed hex nodes
     * @throws InvalidArgumentException if the address has no claim in the tree
     */
    public List<String> proof(String address) {
        Integer i = byAddress.get(AddressRegistry.canonical(address));
        if (i == null) {
            throw InvalidArgumentException.of("address", address, "has no claim in this tree");
        }
        List<String> proof = new ArrayList<>();
        int index = treeIndex[i];
        while (index > 0) {
            int sibling = index % 2 == 1 ? index + 1 : index - 1;
            proof.add(Numeric.toHexString(tree[sibling]));
            index = (index - 1) / 2;
        }
        return Collections.unmodifiableList(proof);
    }

    /**
     * Returns the tree in {@code @openzeppelin/merkle-tree}'s {@code standard-v1} dump format:
     * {@code {"format", "leafEncoding", "tree", "values": [{"value": [address, amount], "treeIndex"}]}}.
     *
     * @return the JSON text
     */
    public String dumpJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format", "standard-v1");
        root.putArray("leafEncoding").add("address").add("uint256");
        ArrayNode nodes = root.putArray("tree");
        for (byte[] node : tree) {
            nodes.add(Numeric.toHexString(node));
        }
        ArrayNode values = root.putArray("values");
        for (int i = 0; i < claims.size(); i++) {
            ObjectNode v = values.addObject();
            v.putArray("value").add(claims.get(i).address()).add(claims.get(i).amount().toString());
            v.put("treeIndex", treeIndex[i]);
        }
        try {
            return json.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("writing a tree of strings and numbers", e);
        }
    }
}
